import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let polres: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  polres = await t.login('polres.palopo');
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
