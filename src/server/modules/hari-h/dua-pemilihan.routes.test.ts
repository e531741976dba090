/**
 * Voting day of two elections in one region never mixes (issue 13): Palopo holds a PSU at two TPS of
 * Tompotikka beside the demo election, Kutai Timur a Pilkades in two desa. Each election's statuses,
 * security reports, TPS lists, maintained counters and live events are its own, and every counter
 * equals a scan of the election's own TPS after each change, also when a TPS is corrected. Both engines
 * (DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import { readEvents } from '../../testing/live';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { findRollup, scanRollup } from './hari-h.repo';

const KEL = '73.73.01.1001';
const AREAS = ['', '73', '73.73', '73.73.01', KEL];

let t: TestApp;
let palopo: TestClient;
let babinsa: TestClient;
let kutim: TestClient;
let psu: string;
let psuVersion: number;
/** Two TPS of the kelurahan vote again in the PSU; the third does not. */
let psuTps: [string, string];
let notInPsu: string;

const inPsu = (url: string) => inPemilihan(psu)(url);
const inDemo = inPemilihan(DEMO_PEMILIHAN_ID);

beforeAll(async () => {
  t = await createTestApp();
  palopo = await t.login('kesbangpol.palopo');
  babinsa = await t.login('babinsa.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
  const tps = await t.database.db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', KEL)
    .orderBy('nomor')
    .limit(3)
    .execute();
  psuTps = [tps[0]!.id, tps[1]!.id];
  notInPsu = tps[2]!.id;
  ({ id: psu, version: psuVersion } = await createPemilihanVia(palopo, {
    clientId: randomUUID(),
    nama: 'PSU dua TPS Tompotikka',
    jenis: 'psu',
    hariPemungutan: '2024-12-01',
    kodeWilayah: '73.73',
    indukId: DEMO_PEMILIHAN_ID,
    tps: psuTps.map((tpsId) => ({ tpsId, alasan: 'Rekomendasi Panwascam' })),
  }));
});
afterAll(async () => {
  await t.close();
});

/** The maintained counters of both elections equal a scan of each election's own TPS. */
async function countersEqualScans(areas = AREAS) {
  for (const pemilihan of [psu, DEMO_PEMILIHAN_ID]) {
    for (const kode of areas) {
      expect({ pemilihan, kode, counters: await findRollup(t.database.db, pemilihan, kode) }).toEqual({
        pemilihan,
        kode,
        counters: await scanRollup(t.database.db, pemilihan, kode === '' ? null : kode),
      });
    }
  }
}

const status = (url: string, tpsId: string, tahap: string, pemilih: number | null = null) =>
  babinsa.request({
    method: 'POST',
    url,
    payload: { clientId: randomUUID(), tpsId, tahap, pemilih },
  });

describe('voting day of a PSU beside its election', () => {
  it('counts only the PSU TPS in the PSU, from its creation', async () => {
    const rekap = (await palopo.request({ method: 'GET', url: inPsu('/api/hari-h/rekap/73.73') })).json();
    expect(rekap.rollup.jumlahTps).toBe(2);
    // Only the kecamatan that holds the PSU TPS is a child with TPS in it.
    expect(rekap.children.map((c: { kode: string }) => c.kode)).toEqual(['73.73.01']);
    const list = (await babinsa.request({ method: 'GET', url: inPsu(`/api/hari-h/tps/${KEL}`) })).json();
    expect(list.items.map((i: { tpsId: string }) => i.tpsId).sort()).toEqual([...psuTps].sort());
    const demoList = (await babinsa.request({ method: 'GET', url: inDemo(`/api/hari-h/tps/${KEL}`) })).json();
    expect(demoList.items.length).toBeGreaterThan(2);
    await countersEqualScans();
  });

  it('keeps each election its own status of one TPS, its own turnout and its own counters', async () => {
    const [a, b] = psuTps;
    expect((await status(inPsu('/api/hari-h/status'), a, 'ditutup', 150)).statusCode).toBe(200);
    expect((await status(inDemo('/api/hari-h/status'), a, 'dibuka')).statusCode).toBe(200);
    expect((await status(inPsu('/api/hari-h/status'), b, 'petugas_hadir')).statusCode).toBe(200);

    const tahapOf = async (url: string) =>
      Object.fromEntries(
        (await babinsa.request({ method: 'GET', url }))
          .json()
          .items.map((i: { tpsId: string; tahap: string }) => [i.tpsId, i.tahap]),
      );
    expect((await tahapOf(inPsu(`/api/hari-h/tps/${KEL}`)))[a]).toBe('ditutup');
    expect((await tahapOf(inDemo(`/api/hari-h/tps/${KEL}`)))[a]).toBe('dibuka');
    expect((await tahapOf(inDemo(`/api/hari-h/tps/${KEL}`)))[b]).toBe('belum_lapor');

    const psuRekap = (await palopo.request({ method: 'GET', url: inPsu(`/api/hari-h/rekap/${KEL}`) })).json();
    expect(psuRekap.rollup).toMatchObject({
      jumlahTps: 2,
      pemilih: 150,
      perTahap: { belum_lapor: 0, petugas_hadir: 1, ditutup: 1, dibuka: 0 },
    });
    const demoRekap = (
      await palopo.request({ method: 'GET', url: inDemo(`/api/hari-h/rekap/${KEL}`) })
    ).json();
    expect(demoRekap.rollup).toMatchObject({
      pemilih: 0,
      perTahap: { dibuka: 1, ditutup: 0, petugas_hadir: 0 },
    });
    await countersEqualScans();
  });

  it('refuses a report of a TPS that does not vote in the PSU, and a client id of the other election', async () => {
    const outside = await status(inPsu('/api/hari-h/status'), notInPsu, 'dibuka');
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      message: 'TPS ini tidak ikut dalam pemilihan yang dipilih',
      details: { code: 'tps_bukan_peserta' },
    });
    const situasi = await babinsa.request({
      method: 'POST',
      url: inPsu('/api/hari-h/situasi'),
      payload: { clientId: randomUUID(), tpsId: notInPsu, situasi: 'kondusif', catatan: '' },
    });
    expect(situasi.statusCode).toBe(400);

    const payload = { clientId: randomUUID(), tpsId: psuTps[1], tahap: 'logistik_lengkap', pemilih: null };
    expect(
      (await babinsa.request({ method: 'POST', url: inPsu('/api/hari-h/status'), payload })).statusCode,
    ).toBe(200);
    const reused = await babinsa.request({ method: 'POST', url: inDemo('/api/hari-h/status'), payload });
    expect(reused.statusCode).toBe(409);
    // Nothing of the refused report reached the demo election.
    const demo = (await babinsa.request({ method: 'GET', url: inDemo(`/api/hari-h/tps/${KEL}`) })).json();
    expect(demo.items.find((i: { tpsId: string }) => i.tpsId === psuTps[1]).tahap).toBe('belum_lapor');
    await countersEqualScans();
  });

  it('keeps a security report in its own election', async () => {
    const genting = await babinsa.request({
      method: 'POST',
      url: inPsu('/api/hari-h/situasi'),
      payload: { clientId: randomUUID(), tpsId: psuTps[0], situasi: 'genting', catatan: 'Massa berkumpul' },
    });
    expect(genting.statusCode, genting.body).toBe(200);
    const situasiOf = async (url: string) =>
      (await babinsa.request({ method: 'GET', url }))
        .json()
        .items.find((i: { tpsId: string }) => i.tpsId === psuTps[0]).situasi;
    expect(await situasiOf(inPsu(`/api/hari-h/tps/${KEL}`))).toBe('genting');
    expect(await situasiOf(inDemo(`/api/hari-h/tps/${KEL}`))).toBeNull();
  });

  it('moves both elections counters when a reported TPS is corrected', async () => {
    await t.database.db
      .updateTable('tps')
      .set((eb) => ({ dpt_total: eb('dpt_total', '+', 7), dpt_laki: eb('dpt_laki', '+', 7) }))
      .where('id', 'in', [...psuTps, notInPsu])
      .execute();
    await countersEqualScans();
  });

  it('sends a stream only the changes of the election it names', async () => {
    const server = await t.app.listen({ port: 0, host: '127.0.0.1' });
    expect(server).toContain('127.0.0.1');
    const base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
    const login = await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'kesbangpol.palopo', password: 'siaga-demo-2024' },
    });
    const cookie = `siaga_sid=${login.cookies.find((c) => c.name === 'siaga_sid')!.value}`;
    const psuStream = readEvents(base, cookie, psu, 1, 10_000);
    const demoStream = readEvents(base, cookie, DEMO_PEMILIHAN_ID, 2, 2_000);
    await Promise.all([psuStream.ready, demoStream.ready]);
    expect((await status(inPsu('/api/hari-h/status'), psuTps[1], 'dibuka')).statusCode).toBe(200);
    const received = await psuStream.done;
    expect(received).toHaveLength(1);
    expect(received[0]).toMatchObject({ type: 'tps_status', data: { id: psuTps[1], pemilihanId: psu } });
    expect(await demoStream.done).toEqual([]);
  });
});

describe('a closed PSU', () => {
  it('refuses reports and keeps its counters as they were', async () => {
    const before = await findRollup(t.database.db, psu, KEL);
    const closed = await palopo.request({
      method: 'PATCH',
      url: `/api/pemilihan/${psu}`,
      payload: { version: psuVersion, ditutup: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect((await status(inPsu('/api/hari-h/status'), psuTps[0], 'penghitungan_selesai')).statusCode).toBe(
      409,
    );
    // A TPS corrected after the close does not rewrite the archive.
    await t.database.db
      .updateTable('tps')
      .set((eb) => ({ dpt_total: eb('dpt_total', '+', 1), dpt_laki: eb('dpt_laki', '+', 1) }))
      .where('id', '=', psuTps[0])
      .execute();
    expect(await findRollup(t.database.db, psu, KEL)).toEqual(before);
    expect((await palopo.request({ method: 'GET', url: inPsu(`/api/hari-h/rekap/${KEL}`) })).statusCode).toBe(
      200,
    );
  });
});

describe('voting day of a Pilkades', () => {
  it('holds only the TPS of its desa', async () => {
    const desa = (
      await t.database.db
        .selectFrom('wilayah as w')
        .select('w.kode')
        .where('w.kode', 'like', '64.08.%')
        .where('w.level', '=', 4)
        .where('w.jenis', '=', 'desa')
        .where((eb) =>
          eb.exists(eb.selectFrom('tps').select('tps.id').whereRef('tps.kode_wilayah', '=', 'w.kode')),
        )
        .orderBy('w.kode')
        .limit(2)
        .execute()
    ).map((r) => r.kode);
    expect(desa).toHaveLength(2);
    const pilkades = (
      await createPemilihanVia(kutim, {
        clientId: randomUUID(),
        nama: 'Pilkades dua desa',
        jenis: 'pilkades',
        hariPemungutan: '2024-12-15',
        kodeWilayah: '64.08',
        wilayahPeserta: desa,
      })
    ).id;
    const inPilkades = inPemilihan(pilkades);
    const tpsOfDesa = await t.database.db
      .selectFrom('tps')
      .select(({ fn }) => fn.countAll<number>().as('n'))
      .where('kode_wilayah', 'in', desa)
      .executeTakeFirstOrThrow();
    const rekap = (await kutim.request({ method: 'GET', url: inPilkades('/api/hari-h/rekap/64.08') })).json();
    expect(rekap.rollup.jumlahTps).toBe(Number(tpsOfDesa.n));
    const list = (await kutim.request({ method: 'GET', url: inPilkades('/api/hari-h/tps/64.08') })).json();
    expect(new Set(list.items.map((i: { kodeWilayah: string }) => i.kodeWilayah))).toEqual(new Set(desa));
    for (const kode of ['', '64', '64.08', desa[0]!]) {
      expect(await findRollup(t.database.db, pilkades, kode)).toEqual(
        await scanRollup(t.database.db, pilkades, kode === '' ? null : kode),
      );
    }
  });
});
