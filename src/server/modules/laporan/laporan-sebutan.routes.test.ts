/**
 * A kab/kota names the situation levels in its own SOP's words (issue #16): set by Kesbangpol,
 * audited, read by everyone in the region, printed in the daily report; the mapping's categories are
 * refused as words, and nothing is written when they are. Both engines (DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let lurah: TestClient;
let kesbangpol: TestClient;
let kutim: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  lurah = await t.login('lurah.tompotikka');
  kesbangpol = await t.login('kesbangpol.palopo');
  kutim = await t.login('kesbangpol.kutim');
});
afterAll(async () => {
  await t.close();
});

const SIAGA = { kondusif: 'Kondusif', waspada: 'Waspada', genting: 'Genting' };
const SOP = { kondusif: 'Aman', waspada: 'Siaga', genting: 'Awas' };
const put = (client: TestClient, sebutan: unknown, kode = '73.73') =>
  client.request({ method: 'PUT', url: `/api/laporan/sebutan-level/${kode}`, payload: { sebutan } });
const read = async (client: TestClient, kode: string) =>
  (await client.request({ method: 'GET', url: `/api/laporan/sebutan-level/${kode}` })).json();

describe("a region's own words for the situation levels", () => {
  it("reads Siaga's words until the kab/kota sets its own, for any area in it", async () => {
    expect(await read(lurah, '73.73.01.1001')).toEqual({
      kodeWilayah: '73.73',
      sebutan: SIAGA,
      isDefault: true,
    });
  });

  it('refuses a mapping category or a repeated word, writing nothing', async () => {
    const rawan = await put(kesbangpol, { ...SOP, genting: 'Sangat Rawan' });
    expect(rawan.statusCode).toBe(400);
    expect(rawan.json().error).toMatchObject({ code: 'validation' });
    expect(rawan.json().error.message).toContain('kategori pemetaan TPS');
    const twice = await put(kesbangpol, { ...SOP, waspada: 'aman' });
    expect(twice.statusCode).toBe(400);
    expect((await read(kesbangpol, '73.73')).isDefault).toBe(true);
  });

  it("lets only the region's Kesbangpol set them, per kab/kota", async () => {
    expect((await put(lurah, SOP)).statusCode).toBe(403);
    expect((await put(kutim, SOP)).statusCode).toBe(403);
    expect((await put(kesbangpol, SOP, '73.73.01')).statusCode).toBe(400);
  });

  it('keeps the words, audited, and prints them in the daily report', async () => {
    const set = await put(kesbangpol, SOP);
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json()).toEqual({ kodeWilayah: '73.73', sebutan: SOP, isDefault: false });
    expect(await read(lurah, '73.73.01.1001')).toMatchObject({ sebutan: SOP, isDefault: false });
    expect((await read(kutim, '64.08')).sebutan).toEqual(SIAGA);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['action', 'after'])
      .where('entity', '=', 'laporan_sebutan_level')
      .execute();
    expect(audit).toEqual([{ action: 'update', after: SOP }]);

    const report = await lurah.request({
      method: 'POST',
      url: '/api/laporan/situasi',
      payload: {
        clientId: randomUUID(),
        kodeWilayah: '73.73.01.1001',
        level: 'genting',
        narasi: 'Massa dua paslon berhadapan di depan posko.',
      },
    });
    expect(report.statusCode, report.body).toBe(200);
    const tanggal = report.json().slotAt.slice(0, 10);
    const xlsx = await kesbangpol.request({
      method: 'GET',
      url: `/api/laporan/harian/73.73?tanggal=${tanggal}&format=xlsx`,
    });
    expect(xlsx.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Laporan situasi')!;
    const row = sheet.getRows(2, sheet.rowCount - 1)!.find((r) => r.getCell(1).value === '73.73.01.1001')!;
    expect(row.getCell(4).value).toBe('Awas');
  });

  it("returns to Siaga's words with null", async () => {
    const reset = await put(kesbangpol, null);
    expect(reset.json()).toEqual({ kodeWilayah: '73.73', sebutan: SIAGA, isDefault: true });
  });
});
