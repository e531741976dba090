/**
 * What the kerawanan mapping adds up to, read over the demo data (nothing here writes): the daftar TPS
 * rawan as PDF, the exports (CSV, XLSX, GeoJSON), and the summary per kecamatan, per provinsi and for
 * the nation. The checklist itself: kerawanan.routes.test.ts.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let polres: TestClient;
let lurah: TestClient;
let admin: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  polres = await t.login('polres.palopo');
  lurah = await t.login('lurah.tompotikka');
  admin = await t.login('admin');
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/kerawanan/report', () => {
  it('prints the daftar TPS rawan of Kota Palopo as a PDF', async () => {
    const response = await polres.request({
      method: 'GET',
      url: '/api/kerawanan/report?wilayah=73.73&format=pdf',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    expect(response.headers['content-disposition']).toContain('daftar-tps-rawan-pra-7373.pdf');
    const pdf = response.rawPayload;
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toMatch(/\/Type \/Pages/);
    expect(pdf.length).toBeGreaterThan(5000);
  });

  it('exports the mapping as CSV with one row per TPS and the categories', async () => {
    const response = await polres.request({
      method: 'GET',
      url: '/api/kerawanan/report?wilayah=73.73.01&format=csv',
    });
    const lines = response.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\n');
    expect(lines[0]).toBe(
      'kode_tps,kecamatan,kelurahan,tps,dpt,kategori_usulan,skor,kategori_ditetapkan,alasan_penetapan,kategori,indikator',
    );
    const tps = await t.database.db
      .selectFrom('tps')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kode_wilayah', 'like', '73.73.01.%')
      .executeTakeFirstOrThrow();
    expect(lines.length - 1).toBe(Number(tps.n));
  });

  it('exports XLSX and GeoJSON', async () => {
    const xlsx = await polres.request({
      method: 'GET',
      url: '/api/kerawanan/report?wilayah=73.73.01&format=xlsx',
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(workbook.worksheets[0]!.getRow(1).getCell(10).value).toBe('kategori');
    const geojson = (
      await polres.request({ method: 'GET', url: '/api/kerawanan/report?wilayah=73.73.01&format=geojson' })
    ).json();
    expect(geojson.type).toBe('FeatureCollection');
    expect(geojson.features[0].properties).toHaveProperty('kategori');
  });

  it('403 outside scope, 400 for an unknown format, 401 without a session', async () => {
    expect(
      (await polres.request({ method: 'GET', url: '/api/kerawanan/report?wilayah=64.08' })).statusCode,
    ).toBe(403);
    expect(
      (await polres.request({ method: 'GET', url: '/api/kerawanan/report?wilayah=73.73&format=doc' }))
        .statusCode,
    ).toBe(400);
    expect(
      (await t.app.inject({ method: 'GET', url: '/api/kerawanan/report?wilayah=73.73' })).statusCode,
    ).toBe(401);
  });
});

describe('GET /api/kerawanan/summary', () => {
  it('summarises Kota Palopo per category and indicator, per kecamatan', async () => {
    // The demo election, half mapped: every assessed TPS counted once, none of Pilkada 2024's.
    const demo = (await polres.request({ method: 'GET', url: '/api/kerawanan/summary?wilayah=73.73' })).json<{
      totalTps: number;
      assessedTps: number;
      kategori: Record<string, number>;
    }>();
    expect(demo.totalTps).toBe(260);
    expect(demo.assessedTps).toBeGreaterThan(260 * 0.3);
    expect(demo.assessedTps).toBeLessThan(260 * 0.7);
    expect(Object.values(demo.kategori).reduce((a, b) => a + b, 0)).toBe(demo.assessedTps);
    // Pilkada 2024, mapped in full.
    const response = await polres.request({
      method: 'GET',
      url: `/api/kerawanan/summary?wilayah=73.73&pemilihan=${PILKADA_2024_ID}`,
    });
    expect(response.statusCode).toBe(200);
    const summary = response.json();
    expect(summary.totalTps).toBe(260);
    expect(summary.assessedTps).toBe(260);
    expect(Object.values(summary.kategori as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(260);
    expect(summary.kategori.khusus).toBe(2); // the Lapas IIA TPS
    expect(summary.tingkatRincian).toBe('kecamatan');
    expect(summary.rincian).toHaveLength(9);
    expect(summary.indicators[0].frekuensi).toBe('paling_banyak');
    expect(summary.pengelompokan).toEqual({ palingBanyakFrom: 0.1, banyakFrom: 0.01 });
    expect(
      (await lurah.request({ method: 'GET', url: '/api/kerawanan/summary?wilayah=73.73' })).statusCode,
    ).toBe(403);
  });

  it('breaks the nation down per provinsi and a provinsi per kab/kota, each row adding up to the whole', async () => {
    type Summary = {
      totalTps: number;
      assessedTps: number;
      kategori: Record<string, number>;
      tingkatRincian: string;
      rincian: { kode: string; totalTps: number; assessedTps: number; kategori: Record<string, number> }[];
    };
    const read = async (url: string) => {
      const response = await admin.request({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      return response.json<Summary>();
    };
    const sum = (s: Summary, of: (r: Summary['rincian'][number]) => number) =>
      s.rincian.reduce((total, r) => total + of(r), 0);
    const nation = await read(`/api/kerawanan/summary?pemilihan=${PILKADA_2024_ID}`);
    expect(nation.tingkatRincian).toBe('provinsi');
    expect(nation.rincian.every((r) => /^\d{2}$/.test(r.kode))).toBe(true);
    const provinsi = await read(`/api/kerawanan/summary?wilayah=73&pemilihan=${PILKADA_2024_ID}`);
    expect(provinsi.tingkatRincian).toBe('kabkota');
    expect(provinsi.rincian.map((r) => r.kode)).toContain('73.73');
    for (const s of [nation, provinsi]) {
      expect(sum(s, (r) => r.totalTps)).toBe(s.totalTps);
      expect(sum(s, (r) => r.assessedTps)).toBe(s.assessedTps);
      expect(sum(s, (r) => r.kategori.sangat_rawan ?? 0)).toBe(s.kategori.sangat_rawan);
    }
    // Sulawesi Selatan's row of the nation is the provinsi's own summary.
    expect(nation.rincian.find((r) => r.kode === '73')).toMatchObject({
      totalTps: provinsi.totalTps,
      assessedTps: provinsi.assessedTps,
      kategori: provinsi.kategori,
    });
  });
});
