// Correcting or escalating a situation report within its period (issue 14): a new version that
// counts, the earlier kept and audited, the camat's roll-up always that of the newest versions.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The test clock: 2024-11-20 09:00 WITA, H-7, in the campaign: one report a day at 18:00 WITA.
const TODAY_SLOT = '2024-11-20T10:00:00.000Z';
const KELURAHAN = '73.73.01.1001';
const KECAMATAN = '73.73.01';

let t: TestApp;
let lurah: TestClient;
let camat: TestClient;
let babinsa: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  lurah = await t.login('lurah.tompotikka');
  camat = await t.login('camat.wara');
  babinsa = await t.login('babinsa.tompotikka');
});
afterAll(async () => {
  await t.close();
});

const send = (client: TestClient, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/laporan/situasi', payload: body });

const report = (level: string, over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  kodeWilayah: KELURAHAN,
  level,
  narasi: `Situasi ${level} di Tompotikka.`,
  slotAt: TODAY_SLOT,
  ...over,
});

/**
 * The camat's roll-up against a full scan of every stored version: for each kelurahan the newest
 * version of the period, read straight from the table.
 */
async function expectRollupMatchesScan() {
  const rows = await t.database.db
    .selectFrom('laporan_situasi')
    .select(['kode_wilayah', 'situasi', 'versi'])
    .where('slot_at', '=', new Date(TODAY_SLOT))
    .where('kode_wilayah', 'like', `${KECAMATAN}.%`)
    .execute();
  const newest = new Map<string, { situasi: string; versi: number }>();
  for (const row of rows) {
    const seen = newest.get(row.kode_wilayah);
    if (!seen || seen.versi < row.versi) newest.set(row.kode_wilayah, row);
  }
  const status = (await camat.request({ url: `/api/laporan/status/${KECAMATAN}?slot=${TODAY_SLOT}` })).json();
  const shown = Object.fromEntries(
    (status.children as { kodeWilayah: string; laporan: { level: string; versi: number } | null }[])
      .filter((c) => c.laporan !== null)
      .map((c) => [c.kodeWilayah, [c.laporan!.level, c.laporan!.versi]]),
  );
  expect(shown).toEqual(Object.fromEntries([...newest].map(([kode, r]) => [kode, [r.situasi, r.versi]])));
  const order = ['kondusif', 'waspada', 'genting'];
  const worst = [...newest.values()]
    .map((r) => r.situasi)
    .sort((a, b) => order.indexOf(b) - order.indexOf(a))[0];
  expect(status.rollup.level).toBe(worst);
  return status;
}

describe('correcting a situation report within its period', () => {
  let first: { id: string; clientId: string };

  it('escalates waspada to genting as version 2, naming the first by the client id an offline phone knows', async () => {
    const body = report('waspada');
    const sent = await send(lurah, body);
    expect(sent.statusCode).toBe(200);
    first = { id: sent.json().id, clientId: body.clientId };
    await expectRollupMatchesScan();

    const correction = report('genting', { menggantikan: first.clientId, hitungan: { unjukRasa: 2 } });
    const corrected = await send(lurah, correction);
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({
      slotAt: TODAY_SLOT,
      level: 'genting',
      versi: 2,
      terlambat: false,
      diganti: false,
      replayed: false,
    });
    expect(corrected.json().dikoreksiAt).not.toBeNull();
    // The outbox sends it again after a lost answer: the same version, not a third.
    const again = await send(lurah, correction);
    expect(again.json()).toMatchObject({ id: corrected.json().id, versi: 2, replayed: true });

    const own = (await lurah.request({ url: `/api/laporan/status/${KELURAHAN}` })).json();
    expect(own.own).toMatchObject({ level: 'genting', versi: 2 });
    const status = await expectRollupMatchesScan();
    expect(status.rollup.level).toBe('genting');
    // One report of the period in the lists; the versions on their own.
    const list = (await camat.request({ url: `/api/laporan/situasi?kode=${KELURAHAN}` })).json();
    expect(list.total).toBe(1);
    const versions = (
      await camat.request({ url: `/api/laporan/situasi/${corrected.json().id}/versi` })
    ).json();
    expect(
      versions.items.map((v: { versi: number; level: string; diganti: boolean }) => [
        v.versi,
        v.level,
        v.diganti,
      ]),
    ).toEqual([
      [2, 'genting', false],
      [1, 'waspada', true],
    ]);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'laporan_situasi')
      .where('entity_id', '=', corrected.json().id)
      .execute();
    expect(audit).toEqual([
      {
        action: 'correct',
        before: expect.objectContaining({ level: 'waspada', versi: 1, id: first.id }),
        after: expect.objectContaining({ level: 'genting', versi: 2 }),
      },
    ]);
  });

  it('answers a correction of a version already replaced with a conflict, and keeps the newer one', async () => {
    const stale = await send(lurah, report('kondusif', { menggantikan: first.id }));
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { versi: 2 } });
    const own = (await lurah.request({ url: `/api/laporan/status/${KELURAHAN}` })).json();
    expect(own.own).toMatchObject({ level: 'genting', versi: 2 });
    await expectRollupMatchesScan();
  });

  it('refuses a correction by someone who does not report for the area, or of another area', async () => {
    const current = (await lurah.request({ url: `/api/laporan/status/${KELURAHAN}` })).json().own;
    const byBabinsa = await send(babinsa, report('kondusif', { menggantikan: current.id }));
    expect(byBabinsa.statusCode).toBe(403);
    const otherArea = await send(
      camat,
      report('kondusif', { kodeWilayah: KECAMATAN, menggantikan: current.id }),
    );
    expect(otherArea.statusCode).toBe(400);
    expect(otherArea.json().error.details.field).toBe('menggantikan');
    await expectRollupMatchesScan();
  });

  it('takes a correction written before the deadline and sent late, and refuses one written after the period closed', async () => {
    const current = (await lurah.request({ url: `/api/laporan/status/${KELURAHAN}` })).json().own;
    // 19:00 WITA: the 18:00 deadline and its 30-minute grace have passed.
    t.clock.set(new Date('2024-11-20T11:00:00Z'));
    const writtenInTime = await send(
      lurah,
      report('waspada', { menggantikan: current.id, dibuatAt: '2024-11-20T10:20:00.000Z' }),
    );
    expect(writtenInTime.json()).toMatchObject({ versi: 3, level: 'waspada', terlambat: false });
    const tooLate = await send(lurah, report('kondusif', { menggantikan: writtenInTime.json().id }));
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json().error.message).toMatch(/sudah ditutup/);
    await expectRollupMatchesScan();
    t.clock.set(new Date('2024-11-20T09:00:00+08:00'));
  });

  it('lets the camat correct the kecamatan report, still checked against the roll-up of its kelurahan', async () => {
    const body = report('genting', { kodeWilayah: KECAMATAN, narasi: 'Tompotikka rawan; lain kondusif.' });
    const sent = await send(camat, body);
    expect(sent.statusCode).toBe(200);
    // Tompotikka's newest version is waspada: a kecamatan level below it needs a reason.
    const understated = await send(
      camat,
      report('kondusif', { kodeWilayah: KECAMATAN, narasi: '', menggantikan: body.clientId }),
    );
    expect(understated.json().error).toMatchObject({ code: 'validation', details: { field: 'narasi' } });
    const lowered = await send(
      camat,
      report('waspada', { kodeWilayah: KECAMATAN, menggantikan: body.clientId }),
    );
    expect(lowered.json()).toMatchObject({ versi: 2, level: 'waspada' });
  });
});
