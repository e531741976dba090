/**
 * A monitoring team's sheet, all or nothing, and the weekly picture printed for the rakor (PDF, XLSX),
 * over the real app and database (docs/domain/medsos.md).
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

let t: TestApp;
let siber: TestClient;
let camat: TestClient;

beforeAll(async () => {
  t = await createTestApp();
  siber = await t.login('siber.palopo');
  camat = await t.login('camat.wara');
});
afterAll(async () => {
  await t.close();
});

const importSheet = async (client: TestClient, csv: string, wilayah = '73.73') => {
  const body = await multipartBody({ wilayah }, { name: 'pemantauan.csv', content: csv });
  return client.request({
    method: 'POST',
    url: '/api/medsos/import',
    payload: body.payload,
    headers: body.headers,
  });
};
const total = async () =>
  (await siber.request({ method: 'GET', url: '/api/medsos?pageSize=1' })).json<{ total: number }>().total;

describe('POST /api/medsos/import', () => {
  it('records every row, skips addresses already recorded or repeated, and names their records', async () => {
    const first = await siber.request({
      method: 'POST',
      url: '/api/medsos',
      payload: {
        clientId: randomUUID(),
        url: 'https://x.com/akunpalopo/status/111',
        akun: 'akunpalopo',
        dilihatAt: '2024-11-19T10:00:00+08:00',
        kodeWilayah: '73.73',
        kategori: 'provokasi',
      },
    });
    const csv = [
      'url;akun;platform;teks;dilihat;kecamatan;kelurahan;klasifikasi',
      'https://www.tiktok.com/@palopo.info/video/1?is_from_webapp=1;palopo.info;;Video ajakan ricuh;2024-11-19 21:10;Wara;;Provokasi',
      'https://twitter.com/AkunPalopo/status/111?s=20;AkunPalopo;;;2024-11-19 10:00;;;provokasi',
      'https://tiktok.com/@palopo.info/video/1;palopo.info;;ulang;2024-11-19 21:15;;;provokasi',
      'https://chat.whatsapp.com/AbCd;Grup Warga;;Amplop untuk yang datang;19/11/2024 20.00;73.73.01;73.73.01.1001;politik uang',
    ].join('\n');
    const before = await total();
    const response = await importSheet(siber, csv);
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json().dicatat).toBe(2);
    expect(response.json().dilewati).toEqual([
      { row: 3, url: 'https://twitter.com/AkunPalopo/status/111?s=20', id: first.json().id },
      { row: 4, url: 'https://tiktok.com/@palopo.info/video/1', id: expect.any(String) },
    ]);
    expect(await total()).toBe(before + 2);
    const again = await importSheet(siber, csv);
    expect(again.json()).toMatchObject({ dicatat: 0 });
    expect(await total()).toBe(before + 2);
  });

  it('writes nothing when one row is bad, and names the row', async () => {
    const before = await total();
    const csv = [
      'url,akun,dilihat,klasifikasi,kecamatan',
      'https://facebook.com/a/posts/9,Akun,2024-11-19 10:00,hoaks,Wara',
      'https://facebook.com/a/posts/10,Akun,2024-11-19 10:00,fitnah,Kendari',
    ].join('\n');
    const response = await importSheet(siber, csv);
    expect(response.statusCode).toBe(422);
    expect(response.json().error.details.errors).toEqual([
      expect.objectContaining({ row: 3, column: 'klasifikasi' }),
      expect.objectContaining({ row: 3, column: 'kecamatan' }),
    ]);
    expect(await total()).toBe(before);
  });

  it('is for those who record, per kab/kota', async () => {
    const csv = 'url,akun,dilihat,klasifikasi\nhttps://x.com/a/status/5,a,2024-11-19 10:00,hoaks\n';
    expect((await importSheet(camat, csv)).statusCode).toBe(403);
    expect((await importSheet(siber, csv, '73.73.01')).statusCode).toBe(400);
  });
});

describe('GET /api/medsos/ringkasan.pdf and .xlsx', () => {
  it('prints the week for the rakor', async () => {
    const pdf = await siber.request({ method: 'GET', url: '/api/medsos/ringkasan.pdf?dari=2024-11-18' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await siber.request({ method: 'GET', url: '/api/medsos/ringkasan.xlsx?dari=2024-11-18' });
    expect(xlsx.statusCode).toBe(200);
    const week = (
      await siber.request({ method: 'GET', url: '/api/medsos/ringkasan?dari=2024-11-18' })
    ).json();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const ringkas = workbook.getWorksheet('Ringkasan')!;
    expect(ringkas.getRow(4).values).toEqual([undefined, 'Unggahan', week.jumlah]);
    expect(week.jumlah).toBeGreaterThan(0);
    const kategori = workbook.getWorksheet('Klasifikasi')!;
    expect(kategori.rowCount).toBe(7);
  });

  it('is need-to-know', async () => {
    const lurah = await t.login('lurah.tompotikka');
    expect((await lurah.request({ method: 'GET', url: '/api/medsos/ringkasan.pdf' })).statusCode).toBe(403);
  });
});
