import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Cakupan, Patroli, PatroliList, PatroliLogResult } from '../../../contracts/patroli';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { inPemilihan } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// Tompotikka and Boting in Kecamatan Wara; the test clock sits on Tue 19 Nov 2024 (WITA), whose week
// runs Mon 18 - Mon 25 Nov.
const TOMPOTIKKA = '73.73.01.1001';
const BOTING = '73.73.01.1002';
const NOW = new Date('2024-11-19T12:00:00+08:00');

let t: TestApp;
let polres: TestClient;
let babinsa: TestClient;
let lurah: TestClient;
let bawaslu: TestClient;
let camat: TestClient;
let kutim: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  t.clock.set(NOW);
  polres = await t.login('polres.palopo');
  babinsa = await t.login('babinsa.tompotikka');
  lurah = await t.login('lurah.tompotikka');
  bawaslu = await t.login('bawaslu.palopo');
  camat = await t.login('camat.wara');
  kutim = await t.login('polres.kutim');
});
afterAll(async () => {
  await t.close();
});

const plan = (over: Record<string, unknown> = {}) => ({
  clientId: randomUUID(),
  nama: 'Patroli bersama Wara',
  kodeWilayah: '73.73.01',
  unsur: ['polri', 'tni'],
  tujuan: 'kamtibmas',
  mulaiAt: '2024-11-19T08:00:00+08:00',
  selesaiAt: '2024-11-19T14:00:00+08:00',
  sasaran: [TOMPOTIKKA, BOTING],
  ...over,
});

async function create(body: Record<string, unknown>, client = polres) {
  return client.request({ method: 'POST', url: '/api/patroli', payload: body });
}
async function log(client: TestClient, id: string, body: Record<string, unknown>) {
  return client.request({
    method: 'POST',
    url: `/api/patroli/${id}/log`,
    payload: { clientId: randomUUID(), dicatatAt: '2024-11-19T09:00:00+08:00', ...body },
  });
}

describe('a patrol run from a phone', () => {
  it('starts, passes a kelurahan with its GPS point, files a finding that becomes an incident, and ends', async () => {
    const created = await create(plan());
    expect(created.statusCode).toBe(200);
    const p = created.json<Patroli>();
    expect(p).toMatchObject({
      status: 'rencana',
      akses: 'penuh',
      sasaran: [{ kode: TOMPOTIKKA }, { kode: BOTING }],
    });

    expect((await log(babinsa, p.id, { aksi: 'titik', kodeWilayah: TOMPOTIKKA })).statusCode).toBe(409);
    expect((await log(babinsa, p.id, { aksi: 'mulai' })).json<PatroliLogResult>().status).toBe('berjalan');
    const titik = await log(babinsa, p.id, {
      aksi: 'titik',
      kodeWilayah: TOMPOTIKKA,
      lat: -2.99,
      lon: 120.19,
      dicatatAt: '2024-11-19T09:30:00+08:00',
    });
    expect(titik.statusCode).toBe(200);

    const temuan = {
      clientId: randomUUID(),
      aksi: 'temuan',
      dicatatAt: '2024-11-19T10:00:00+08:00',
      kodeWilayah: TOMPOTIKKA,
      uraian: 'Pembagian amplop di dekat posko paslon',
      kategori: 'politik_uang',
      jadikanKejadian: true,
    };
    const first = await babinsa.request({ method: 'POST', url: `/api/patroli/${p.id}/log`, payload: temuan });
    expect(first.statusCode).toBe(200);
    const { kejadianId } = first.json<PatroliLogResult>();
    expect(kejadianId).not.toBeNull();
    // The phone lost the answer and sent it again: the same entry and the same incident, nothing new.
    const again = await babinsa.request({ method: 'POST', url: `/api/patroli/${p.id}/log`, payload: temuan });
    expect(again.json()).toMatchObject({ replayed: true, kejadianId, id: first.json<PatroliLogResult>().id });
    const incidents = await t.database.db
      .selectFrom('kejadian')
      .select('id')
      .where('client_id', '=', temuan.clientId)
      .execute();
    expect(incidents).toHaveLength(1);

    const kejadian = await polres.request({ method: 'GET', url: `/api/kejadian/${kejadianId}` });
    expect(kejadian.statusCode).toBe(200);
    expect(kejadian.body).toContain('Pembagian amplop');

    expect(
      (
        await log(babinsa, p.id, { aksi: 'selesai', dicatatAt: '2024-11-19T11:30:00+08:00' })
      ).json<PatroliLogResult>().status,
    ).toBe('selesai');
    expect((await log(babinsa, p.id, { aksi: 'temuan', uraian: 'Terlambat dicatat' })).statusCode).toBe(409);

    const detail = (await polres.request({ method: 'GET', url: `/api/patroli/${p.id}` })).json<Patroli>();
    expect(detail.log!.map((l) => l.aksi)).toEqual(['mulai', 'titik', 'temuan', 'selesai']);
    expect(detail.log![2]!.kejadianId).toBe(kejadianId);
    expect([detail.jumlahTitik, detail.jumlahTemuan]).toEqual([1, 1]);
  });

  it('turns a finding logged earlier into an incident in one tap, once', async () => {
    const p = (await create(plan())).json<Patroli>();
    await log(babinsa, p.id, { aksi: 'mulai' });
    const entry = (
      await log(babinsa, p.id, {
        aksi: 'temuan',
        kodeWilayah: TOMPOTIKKA,
        kategori: 'intimidasi',
        uraian: 'Warga diancam tim sukses',
      })
    ).json<PatroliLogResult>();
    expect(entry.kejadianId).toBeNull();
    const tap = await babinsa.request({
      method: 'POST',
      url: `/api/patroli/${p.id}/log/${entry.id}/kejadian`,
    });
    expect(tap.statusCode).toBe(200);
    const tap2 = await babinsa.request({
      method: 'POST',
      url: `/api/patroli/${p.id}/log/${entry.id}/kejadian`,
    });
    expect(tap2.json()).toEqual(tap.json());
  });

  it('refuses a log entry dated ahead of the clock, or in another kab/kota', async () => {
    const p = (await create(plan())).json<Patroli>();
    const future = await log(babinsa, p.id, { aksi: 'mulai', dicatatAt: '2024-11-19T13:00:00+08:00' });
    expect(future.statusCode).toBe(400);
    await log(babinsa, p.id, { aksi: 'mulai' });
    const away = await log(babinsa, p.id, { aksi: 'titik', kodeWilayah: '64.08.01.2001' });
    expect(away.statusCode).toBe(400);
  });
});

describe('need-to-know of the route', () => {
  it('shows a lurah and the camat that a patrol was held, not where it goes or what it logged', async () => {
    const p = (await create(plan({ nama: 'Patroli rahasia rute' }))).json<Patroli>();
    for (const client of [lurah, camat]) {
      const listed = (await client.request({ method: 'GET', url: '/api/patroli' })).json<PatroliList>();
      const item = listed.items.find((x) => x.id === p.id)!;
      expect(item).toMatchObject({ akses: 'ringkas', sasaran: null, bisaJalankan: false });
      const detail = (await client.request({ method: 'GET', url: `/api/patroli/${p.id}` })).json<Patroli>();
      expect([detail.sasaran, detail.log]).toEqual([null, null]);
      expect((await log(client, p.id, { aksi: 'mulai' })).statusCode).toBe(403);
    }
    // Bawaslu sees a TNI-Polri patrol in summary, and the whole of one it rides against money politics.
    expect(
      (await bawaslu.request({ method: 'GET', url: `/api/patroli/${p.id}` })).json<Patroli>().akses,
    ).toBe('ringkas');
    const tanpa = await create(plan({ tujuan: 'politik_uang' }));
    expect(tanpa.json()).toMatchObject({ error: { details: { code: 'tanpa_bawaslu' } } });
    const pu = (
      await create(plan({ tujuan: 'politik_uang', unsur: ['polri', 'bawaslu', 'satpol_pp'] }))
    ).json<Patroli>();
    const seen = (await bawaslu.request({ method: 'GET', url: `/api/patroli/${pu.id}` })).json<Patroli>();
    expect(seen).toMatchObject({ akses: 'penuh', bisaJalankan: true });
    expect((await log(bawaslu, pu.id, { aksi: 'mulai' })).statusCode).toBe(200);
  });

  it('keeps other regions out: 403 on their lists, 404 on a record, and plans only by the Forkopimda', async () => {
    const p = (await create(plan())).json<Patroli>();
    expect((await kutim.request({ method: 'GET', url: `/api/patroli/${p.id}` })).statusCode).toBe(404);
    expect((await kutim.request({ method: 'GET', url: '/api/patroli?wilayah=73.73' })).statusCode).toBe(403);
    expect((await create(plan(), babinsa)).statusCode).toBe(403);
    expect((await create(plan({ unsur: ['polri'] }))).json()).toMatchObject({
      error: { details: { code: 'unsur_kurang' } },
    });
    expect((await create(plan({ sasaran: ['73.73.02.1002'] }))).statusCode).toBe(400);
    expect((await create(plan(), polres)).statusCode).toBe(200);
    // A closed election refuses new patrols and still reads.
    const closed = await polres.request({
      method: 'POST',
      url: inPemilihan(PILKADA_2024_ID)('/api/patroli'),
      payload: plan(),
    });
    expect(closed.statusCode).toBe(409);
    const read = await polres.request({ method: 'GET', url: inPemilihan(PILKADA_2024_ID)('/api/patroli') });
    expect(read.json<PatroliList>().items.map((x) => x.id)).not.toContain(p.id);
  });
});

describe('coverage of rawan kelurahan', () => {
  it('counts the week’s patrols that passed each rawan kelurahan, and not last week’s', async () => {
    const tps = await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '=', BOTING)
      .limit(1)
      .executeTakeFirstOrThrow();
    const override = await polres.request({
      method: 'PUT',
      url: `/api/kerawanan/override/${tps.id}`,
      payload: { phase: 'pra', kategori: 'sangat_rawan', reason: 'Riwayat bentrok massa' },
    });
    expect(override.statusCode).toBe(200);
    const before = (
      await polres.request({ method: 'GET', url: '/api/patroli/cakupan?wilayah=73.73.01' })
    ).json<Cakupan>();
    const boting = () => before.kelurahan.find((k) => k.kode === BOTING)!;
    expect(boting().kategori).toBe('sangat_rawan');
    const p = (await create(plan())).json<Patroli>();
    await log(babinsa, p.id, { aksi: 'mulai', dicatatAt: '2024-11-19T08:00:00+08:00' });
    await log(babinsa, p.id, { aksi: 'titik', kodeWilayah: BOTING, dicatatAt: '2024-11-19T08:30:00+08:00' });
    const after = (
      await polres.request({ method: 'GET', url: '/api/patroli/cakupan?wilayah=73.73.01' })
    ).json<Cakupan>();
    expect(after).toMatchObject({ mulaiOn: '2024-11-18', selesaiOn: '2024-11-25' });
    expect(after.kelurahan.find((k) => k.kode === BOTING)!.patroli).toBe(boting().patroli + 1);
    expect(after.dilewati).toBeGreaterThanOrEqual(1);
    const lastWeek = (
      await polres.request({ method: 'GET', url: '/api/patroli/cakupan?wilayah=73.73.01&minggu=2024-11-11' })
    ).json<Cakupan>();
    expect(lastWeek.kelurahan.find((k) => k.kode === BOTING)!.patroli).toBe(0);
    // The lurah of Tompotikka sees the coverage of their own kelurahan only.
    const own = (await lurah.request({ method: 'GET', url: '/api/patroli/cakupan' })).json<Cakupan>();
    expect(own.kelurahan.every((k) => k.kode === TOMPOTIKKA)).toBe(true);
  });
});
