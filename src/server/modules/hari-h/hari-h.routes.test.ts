import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../app';
import { openDatabase } from '../../db/client';
import { readEvents } from '../../testing/live';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import { findRollup, scanRollup } from './hari-h.repo';

let t: TestApp;
let babinsa: TestClient;
let camat: TestClient;
let kutim: TestClient;
let tpsIds: string[];
beforeAll(async () => {
  t = await createTestApp();
  babinsa = await t.login('babinsa.tompotikka');
  camat = await t.login('camat.wara');
  kutim = await t.login('kesbangpol.kutim');
  const list = (await babinsa.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01.1001' })).json();
  tpsIds = list.items.map((i: { tpsId: string }) => i.tpsId);
});
afterAll(async () => {
  await t.close();
});

const report = (client: TestClient, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: '/api/hari-h/status', payload: { clientId: randomUUID(), ...body } });

describe('TPS status on voting day', () => {
  it('moves a TPS forward, counts it once on retry, and rolls it up without a scan', async () => {
    const before = (await camat.request({ method: 'GET', url: '/api/hari-h/rekap/73.73.01' })).json();
    const body = { clientId: randomUUID(), tpsId: tpsIds[0], tahap: 'petugas_hadir' };
    const first = await babinsa.request({ method: 'POST', url: '/api/hari-h/status', payload: body });
    expect(first.json()).toMatchObject({ applied: true, replayed: false, tahap: 'petugas_hadir' });
    const retry = await babinsa.request({ method: 'POST', url: '/api/hari-h/status', payload: body });
    expect(retry.json()).toMatchObject({ applied: false, replayed: true, tahap: 'petugas_hadir' });
    const after = (await camat.request({ method: 'GET', url: '/api/hari-h/rekap/73.73.01' })).json();
    expect(after.rollup.perTahap.petugas_hadir).toBe(before.rollup.perTahap.petugas_hadir + 1);
    expect(after.rollup.perTahap.belum_lapor).toBe(before.rollup.perTahap.belum_lapor - 1);
    const child = after.children.find((c: { kode: string }) => c.kode === '73.73.01.1001');
    expect(child.rollup.perTahap.petugas_hadir).toBe(1);
  });

  it('keeps a late, older report as history and refuses a count before voting starts', async () => {
    expect(
      (await report(babinsa, { tpsId: tpsIds[1], tahap: 'ditutup', pemilih: 180 })).json(),
    ).toMatchObject({
      applied: true,
      pemilih: 180,
    });
    const late = (await report(babinsa, { tpsId: tpsIds[1], tahap: 'dibuka' })).json();
    expect(late).toMatchObject({ applied: false, tahap: 'ditutup' });
    expect(late.warnings[0].code).toBe('tahap_terlewati');
    const early = await report(babinsa, { tpsId: tpsIds[2], tahap: 'dibuka', pemilih: 10 });
    expect(early.statusCode).toBe(400);
    expect(early.json().error).toMatchObject({ code: 'validation', details: { field: 'pemilih' } });
    const tooMany = await report(babinsa, {
      tpsId: tpsIds[2],
      tahap: 'penghitungan_selesai',
      pemilih: 99_999,
    });
    expect(tooMany.statusCode).toBe(400);
    const unknownStage = await report(babinsa, { tpsId: tpsIds[2], tahap: 'belum_lapor' });
    expect(unknownStage.statusCode).toBe(400);
  });

  it('updates turnout at the same stage and shows it as a share of the reporting TPS', async () => {
    await report(babinsa, { tpsId: tpsIds[1], tahap: 'ditutup', pemilih: 200 });
    const rekap = (await babinsa.request({ method: 'GET', url: '/api/hari-h/rekap/73.73.01.1001' })).json();
    const tps = (await babinsa.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01.1001' })).json();
    const dpt = tps.items.find((i: { tpsId: string }) => i.tpsId === tpsIds[1]).dpt;
    expect(rekap.rollup).toMatchObject({
      pemilih: 200,
      dptMelapor: dpt,
      partisipasi: Math.round((200 / dpt) * 1000) / 10,
    });
  });

  it('keeps the maintained roll-up equal to a scan of every TPS', async () => {
    for (const kode of ['', '73', '73.73', '73.73.01', '73.73.01.1001']) {
      const maintained = await findRollup(t.database.db, DEMO_PEMILIHAN_ID, kode);
      const scanned = await scanRollup(t.database.db, DEMO_PEMILIHAN_ID, kode === '' ? null : kode);
      expect(maintained).toEqual(scanned);
    }
  });

  it('scopes reports and reads', async () => {
    const elsewhere = (await kutim.request({ method: 'GET', url: '/api/hari-h/tps/64.08' })).json().items[0]
      .tpsId;
    expect((await report(babinsa, { tpsId: elsewhere, tahap: 'dibuka' })).statusCode).toBe(404);
    expect((await camat.request({ method: 'GET', url: '/api/hari-h/rekap/73.73' })).statusCode).toBe(403);
    expect((await kutim.request({ method: 'GET', url: '/api/hari-h/rekap/73.73' })).statusCode).toBe(403);
    expect((await camat.request({ method: 'GET', url: '/api/hari-h/rekap' })).statusCode).toBe(403);
    const viewerLike = await t.login('bawaslu.palopo');
    expect((await viewerLike.request({ method: 'GET', url: '/api/hari-h/rekap/73.73' })).statusCode).toBe(
      200,
    );
  });
});

describe('the security report of a TPS', () => {
  it('is kept once per client id, however many copies arrive at once, with one audit row', async () => {
    const body = { clientId: randomUUID(), tpsId: tpsIds[1], situasi: 'waspada', catatan: 'Massa berkumpul' };
    const answers = await Promise.all(
      Array.from({ length: 4 }, () =>
        babinsa.request({ method: 'POST', url: '/api/hari-h/situasi', payload: body }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200, 200]);
    expect(answers.filter((a) => a.json().replayed === false)).toHaveLength(1);
    const db = t.database.db;
    const rows = await db
      .selectFrom('tps_situasi')
      .select('id')
      .where('client_id', '=', body.clientId)
      .execute();
    expect(rows).toHaveLength(1);
    const audits = await db
      .selectFrom('audit_log')
      .select('id')
      .where('entity', '=', 'tps_situasi')
      .where('entity_id', '=', tpsIds[1]!)
      .execute();
    expect(audits).toHaveLength(1);
  });
});

describe('live updates by server-sent events', () => {
  it('reach a second app node sharing the database, filtered by scope', async () => {
    // A second node: on PostgreSQL its own pool and LISTEN connection to the same database; the
    // embedded engine is one process, so its second app shares the handle.
    const secondDb =
      t.database.url === null ? t.database : await openDatabase({ databaseUrl: t.database.url, poolSize: 2 });
    const second = await buildApp({ database: secondDb, clock: t.clock });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const base = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
      const cookieOf = async (username: string) => {
        const response = await t.app.inject({
          method: 'POST',
          url: '/api/auth/login',
          payload: { username, password: 'siaga-demo-2024' },
        });
        return `siaga_sid=${response.cookies.find((c) => c.name === 'siaga_sid')!.value}`;
      };
      const palopo = readEvents(base, await cookieOf('kesbangpol.palopo'), DEMO_PEMILIHAN_ID, 1, 10_000);
      const kutimStream = readEvents(base, await cookieOf('kesbangpol.kutim'), DEMO_PEMILIHAN_ID, 1, 1_500);
      await Promise.all([palopo.ready, kutimStream.ready]);
      // The report is made on the first node.
      await report(babinsa, { tpsId: tpsIds[3], tahap: 'dibuka' });
      const received = await palopo.done;
      expect(received).toHaveLength(1);
      expect(received[0]).toMatchObject({
        type: 'tps_status',
        data: { kodeWilayah: '73.73.01.1001', id: tpsIds[3], data: { tahap: 'dibuka' } },
      });
      expect(await kutimStream.done).toEqual([]);
    } finally {
      await second.close();
      if (secondDb !== t.database) await secondDb.close();
    }
  });
});
