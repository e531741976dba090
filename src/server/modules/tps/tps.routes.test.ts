import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let operator: TestClient;
let lurah: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  operator = await t.login('kesbangpol.palopo');
  lurah = await t.login('lurah.tompotikka');
});
afterAll(async () => {
  await t.close();
});

const countIn = async (kode: string) =>
  (await operator.request({ method: 'GET', url: `/api/tps?wilayah=${kode}&pageSize=1` })).json<{
    total: number;
  }>().total;

type Page = {
  items: { id: string; kode: string; kodeWilayah: string; version: number; dptTotal: number }[];
  total: number;
  dptTotal: number;
  pageSize: number;
};

describe('GET /api/tps', () => {
  it("lists an operator's whole kab/kota by default: Kota Palopo's 260 TPS and 125,572 voters", async () => {
    const response = await operator.request({ method: 'GET', url: '/api/tps' });
    expect(response.statusCode).toBe(200);
    const page = response.json<Page>();
    expect(page.total).toBe(260);
    expect(page.dptTotal).toBe(125_572);
    expect(page.items).toHaveLength(50);
    expect(page.items.every((tps) => tps.kodeWilayah.startsWith('73.73.'))).toBe(true);
  });

  it('filters by wilayah, access, special location and text, and sorts by DPT', async () => {
    const lapas = await operator.request({ method: 'GET', url: '/api/tps?lokasiKhusus=lapas' });
    expect(lapas.json<Page>().total).toBe(2);
    const kecamatan = await operator.request({
      method: 'GET',
      url: '/api/tps?wilayah=7373010&sort=dpt_desc',
    });
    expect(kecamatan.statusCode).toBe(400);
    const sorted = await operator.request({
      method: 'GET',
      url: '/api/tps?wilayah=73.73.01&sort=dpt_desc&pageSize=200',
    });
    const totals = sorted.json<Page>().items.map((i) => i.dptTotal);
    expect(totals).toEqual([...totals].sort((a, b) => b - a));
    const byCode = await operator.request({ method: 'GET', url: '/api/tps?q=7373011001001' });
    expect(byCode.json<Page>().items.map((i) => i.kode)).toEqual(['7373011001001']);
    const byName = await operator.request({ method: 'GET', url: '/api/tps?q=tompotikka&pageSize=200' });
    expect(byName.json<Page>().items.every((i) => i.kodeWilayah === '73.73.01.1001')).toBe(true);
    const byKecamatanName = await operator.request({
      method: 'GET',
      url: '/api/tps?q=wara%20utara&pageSize=200',
    });
    expect(byKecamatanName.json<Page>().total).toBe(await countIn('73.73.02'));
    expect(byKecamatanName.json<Page>().items.every((i) => i.kodeWilayah.startsWith('73.73.02.'))).toBe(true);
  });

  it('caps the page size at 200 (400 validation above it)', async () => {
    const response = await operator.request({ method: 'GET', url: '/api/tps?pageSize=201' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation');
  });

  it('403 when the wilayah is outside the actor’s scope; 401 without a session', async () => {
    const outside = await operator.request({ method: 'GET', url: '/api/tps?wilayah=64.08' });
    expect(outside.statusCode).toBe(403);
    expect(outside.json().error.code).toBe('forbidden');
    expect((await t.app.inject({ method: 'GET', url: '/api/tps' })).statusCode).toBe(401);
  });
});

describe('GET /api/tps/:id', () => {
  it('returns one TPS in scope, 404 outside it (ids cannot be probed) and 400 for a malformed id', async () => {
    const [inside] = (await lurah.request({ method: 'GET', url: '/api/tps' })).json<Page>().items;
    const ok = await lurah.request({ method: 'GET', url: `/api/tps/${inside!.id}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({
      kode: inside!.kode,
      nama: 'TPS 001',
      namaKelurahan: 'Tompotikka',
      namaKecamatan: 'Wara',
    });
    const other = (await operator.request({ method: 'GET', url: '/api/tps?wilayah=73.73.02' })).json<Page>()
      .items[0]!;
    expect((await lurah.request({ method: 'GET', url: `/api/tps/${other.id}` })).statusCode).toBe(404);
    expect((await lurah.request({ method: 'GET', url: '/api/tps/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('POST /api/tps and PATCH /api/tps/:id', () => {
  const newTps = {
    kodeWilayah: '73.73.01.1001',
    nomor: 90,
    dptTotal: 300,
    dptLaki: 140,
    dptPerempuan: 160,
    lat: -2.99,
    lon: 120.19,
  };

  it('creates a TPS with its KPU code and an audit row', async () => {
    const response = await operator.request({ method: 'POST', url: '/api/tps', payload: newTps });
    expect(response.statusCode).toBe(201);
    const created = response.json();
    expect(created).toMatchObject({
      kode: '7373011001090',
      nama: 'TPS 090',
      akses: 'darat',
      isGenerated: false,
      version: 1,
    });
    const admin = await t.login('admin');
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=tps&entityId=${created.id}` });
    expect(audit.json().items[0]).toMatchObject({
      action: 'create',
      actorUsername: 'kesbangpol.palopo',
      before: null,
    });
  });

  it('409 conflict for a number already used in the kelurahan', async () => {
    const response = await operator.request({ method: 'POST', url: '/api/tps', payload: newTps });
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('conflict');
  });

  it.each([
    ['DPT over 600', { dptTotal: 601, dptLaki: null, dptPerempuan: null }, 'dptTotal'],
    ['L + P not the total', { dptTotal: 301 }, 'dptTotal'],
    ['only latitude', { lon: null }, 'lon'],
    ['coordinates outside Indonesia', { lat: 40, lon: 120 }, 'lat'],
    ['an unknown field', { warna: 'merah' }, ''],
  ])('400 validation: %s', async (_, change, path) => {
    const response = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { ...newTps, nomor: 91, ...change },
    });
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation');
    if (path) expect(error.details.issues.map((i: { path: string }) => i.path)).toContain(path);
  });

  it('400 when the wilayah is a kecamatan, 403 outside scope or without the role', async () => {
    const kecamatan = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { ...newTps, kodeWilayah: '73.73.01', nomor: 92 },
    });
    expect(kecamatan.statusCode).toBe(400);
    const outside = await operator.request({
      method: 'POST',
      url: '/api/tps',
      payload: { ...newTps, kodeWilayah: '64.08.01.2001' },
    });
    expect(outside.statusCode).toBe(403);
    const byLurah = await lurah.request({
      method: 'POST',
      url: '/api/tps',
      payload: { ...newTps, nomor: 93 },
    });
    expect(byLurah.statusCode).toBe(403);
  });

  it('updates with the version seen; a stale version gets 409 and changes nothing', async () => {
    const tps = (await operator.request({ method: 'GET', url: '/api/tps?q=7373011001090' })).json<Page>()
      .items[0]!;
    const body = {
      version: tps.version,
      dptTotal: 310,
      dptLaki: 150,
      dptPerempuan: 160,
      lat: -2.99,
      lon: 120.19,
      alamat: 'Jl. Andi Djemma',
    };
    const first = await operator.request({ method: 'PATCH', url: `/api/tps/${tps.id}`, payload: body });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ dptTotal: 310, alamat: 'Jl. Andi Djemma', version: 2 });
    const stale = await operator.request({
      method: 'PATCH',
      url: `/api/tps/${tps.id}`,
      payload: { ...body, dptTotal: 320, dptLaki: 160 },
    });
    expect(stale.statusCode).toBe(409);
    const after = await operator.request({ method: 'GET', url: `/api/tps/${tps.id}` });
    expect(after.json()).toMatchObject({ dptTotal: 310, version: 2 });
    const admin = await t.login('admin');
    const audit = await admin.request({ method: 'GET', url: `/api/audit?entity=tps&entityId=${tps.id}` });
    expect(audit.json().items[0]).toMatchObject({
      action: 'update',
      before: { dptTotal: 300 },
      after: { dptTotal: 310 },
    });
  });
});

describe('GET /api/tps/map', () => {
  it('gives a point per TPS for a kab/kota, in GeoJSON order [lon, lat]', async () => {
    const response = await operator.request({ method: 'GET', url: '/api/tps/map' });
    expect(response.statusCode).toBe(200);
    const map = response.json();
    expect(map.mode).toBe('tps');
    expect(map.geojson.features.length).toBeGreaterThanOrEqual(260);
    const [lon, lat] = map.geojson.features[0].geometry.coordinates;
    expect(lon).toBeGreaterThan(120);
    expect(lat).toBeLessThan(-2.8);
  });

  it('gives a national admin every demo TPS, and a provinsi its own', async () => {
    const admin = await t.login('admin');
    const map = (await admin.request({ method: 'GET', url: '/api/tps/map' })).json();
    expect(map.mode).toBe('tps'); // the five demo regions hold 2,837 TPS, under the point limit
    const provinsi = (await admin.request({ method: 'GET', url: '/api/tps/map?wilayah=64' })).json();
    expect(provinsi.geojson.features.length).toBe(701 + 996);
  });
});
