import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let admin: TestClient;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.login('admin');
  lurah = await t.login('lurah.tompotikka');
});
afterAll(async () => {
  await t.close();
});

describe('the national wilayah from idn-area-data', () => {
  it('holds 38 provinsi, 514 kab/kota, 7,285 kecamatan and 83,762 kelurahan/desa', async () => {
    const rows = await t.database.db
      .selectFrom('wilayah')
      .select(['level', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('level')
      .orderBy('level')
      .execute();
    expect(rows.map((r) => [r.level, Number(r.n)])).toEqual([
      [1, 38],
      [2, 514],
      [3, 7285],
      [4, 83762],
    ]);
  });
});

describe('GET /api/wilayah', () => {
  it('lists the 38 provinsi for a national admin, with TPS and DPT of the demo regions', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/wilayah' });
    expect(response.statusCode).toBe(200);
    const items = response.json().items as { kode: string; stats: { tps: number; dpt: number } }[];
    expect(items).toHaveLength(38);
    const kaltim = items.find((p) => p.kode === '64')!;
    expect(kaltim.stats).toMatchObject({ tps: 701 + 996, dpt: 297_994 + 520_986 });
  });

  it('lists the kecamatan of Kota Palopo with their counts summing to the city', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/wilayah?parent=73.73' });
    const items = response.json().items as {
      nama: string;
      jenis: string;
      stats: { tps: number; dpt: number; children: number };
    }[];
    expect(items.map((i) => i.nama)).toEqual([
      'Wara',
      'Wara Utara',
      'Wara Selatan',
      'Telluwanua',
      'Wara Timur',
      'Wara Barat',
      'Sendana',
      'Mungkajang',
      'Bara',
    ]);
    expect(items.reduce((sum, i) => sum + i.stats.tps, 0)).toBe(260);
    expect(items.reduce((sum, i) => sum + i.stats.dpt, 0)).toBe(125_572);
    expect(items.reduce((sum, i) => sum + i.stats.children, 0)).toBe(48);
  });

  it('shows a lurah only the path to their kelurahan, counting only what is inside it', async () => {
    const provinces = (await lurah.request({ method: 'GET', url: '/api/wilayah' })).json().items;
    expect(provinces.map((p: { kode: string }) => p.kode)).toEqual(['73']);
    const own = (await lurah.request({ method: 'GET', url: '/api/tps?pageSize=1' })).json();
    expect(provinces[0].stats).toMatchObject({ tps: own.total, dpt: own.dptTotal });
    const kecamatan = (await lurah.request({ method: 'GET', url: '/api/wilayah?parent=73.73' })).json().items;
    expect(kecamatan.map((k: { kode: string }) => k.kode)).toEqual(['73.73.01']);
  });

  it('403 for the children of an area off the actor’s path, 400 for a malformed code, 404 for an unknown one', async () => {
    expect((await lurah.request({ method: 'GET', url: '/api/wilayah?parent=73.73.02' })).statusCode).toBe(
      403,
    );
    expect((await admin.request({ method: 'GET', url: '/api/wilayah?parent=73.7' })).statusCode).toBe(400);
    expect((await admin.request({ method: 'GET', url: '/api/wilayah?parent=73.99' })).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/wilayah' })).statusCode).toBe(401);
  });
});

describe('GET /api/wilayah/:kode', () => {
  it('returns the area with its ancestors and roll-up', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/wilayah/7373011001' });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body).toMatchObject({ kode: '73.73.01.1001', nama: 'Tompotikka', jenis: 'kelurahan', level: 4 });
    expect(body.ancestors.map((a: { nama: string }) => a.nama)).toEqual([
      'Sulawesi Selatan',
      'Kota Palopo',
      'Wara',
    ]);
    expect(body.stats.tps).toBeGreaterThan(0);
  });

  it('403 outside the scope and its path', async () => {
    expect((await lurah.request({ method: 'GET', url: '/api/wilayah/73.73.02' })).statusCode).toBe(403);
    expect((await lurah.request({ method: 'GET', url: '/api/wilayah/73.73' })).statusCode).toBe(200);
  });
});

describe('GET /api/wilayah/search', () => {
  it('finds areas by name across the nation, kota before kelurahan, with their path', async () => {
    const response = await admin.request({ method: 'GET', url: '/api/wilayah/search?q=palopo' });
    const items = response.json().items;
    expect(items[0]).toMatchObject({ kode: '73.73', nama: 'Kota Palopo', path: 'Sulawesi Selatan' });
  });

  it('finds by code prefix and stays within scope', async () => {
    const byCode = (await admin.request({ method: 'GET', url: '/api/wilayah/search?q=64.08.11' })).json()
      .items;
    expect(byCode[0]).toMatchObject({ kode: '64.08.11', nama: 'Sandaran' });
    const scoped = (await lurah.request({ method: 'GET', url: '/api/wilayah/search?q=wara' })).json().items;
    expect(scoped).toEqual([]);
  });

  it('400 for a query shorter than two letters', async () => {
    expect((await admin.request({ method: 'GET', url: '/api/wilayah/search?q=a' })).statusCode).toBe(400);
  });
});
