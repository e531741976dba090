/**
 * What becomes of the posts, over the real app and database (docs/domain/medsos.md): an incident made
 * and linked through the kejadian service, a takedown and its timing, a monitoring team's sheet
 * imported all or nothing, and the weekly picture printed for the rakor (PDF, XLSX). Recording,
 * evidence, triage and scope: medsos.routes.test.ts; the shared app: testing/medsos.ts.
 */
import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { describe, expect, it, onTestFinished } from 'vitest';
import { multipartBody } from '../../testing/multipart';
import {
  act,
  bawaslu,
  camatWara as camat,
  kesbangpol,
  record,
  siber,
  t,
  useMedsosApp,
} from '../../testing/medsos';
import type { TestClient } from '../../testing/test-app';

useMedsosApp();

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

describe('incidents and takedowns', () => {
  it('makes an incident of a verified post once, links it, and times the takedown to the end', async () => {
    const post = await record(siber, {
      kategori: 'politik_uang',
      teks: 'Dibagikan amplop Rp100.000 di Wara, datang saja.',
    });
    const early = await siber.request({
      method: 'POST',
      url: `/api/medsos/${post.id}/kejadian/baru`,
      payload: { clientId: randomUUID() },
    });
    expect(early.json().error.details).toMatchObject({ code: 'belum_diverifikasi' });
    await act(siber, post.id, { aksi: 'verifikasi' });
    const clientId = randomUUID();
    const made = await siber.request({
      method: 'POST',
      url: `/api/medsos/${post.id}/kejadian/baru`,
      payload: { clientId },
    });
    expect(made.statusCode, made.body).toBe(200);
    const again = await siber.request({
      method: 'POST',
      url: `/api/medsos/${post.id}/kejadian/baru`,
      payload: { clientId },
    });
    expect(again.json().kejadian).toHaveLength(1);
    const [incident] = made.json().kejadian;
    expect(incident).toMatchObject({ terlihat: true, kategori: 'politik_uang', status: 'baru' });
    const kejadian = (
      await kesbangpol.request({ method: 'GET', url: `/api/kejadian/${incident.id}` })
    ).json();
    expect(kejadian.uraian).toContain('Info Palopo Terkini');
    expect(kejadian.kodeWilayah).toBe('73.73.01.1001');

    const unknown = await siber.request({
      method: 'POST',
      url: `/api/medsos/${post.id}/kejadian`,
      payload: { kejadianId: randomUUID() },
    });
    expect(unknown.json().error.details).toMatchObject({ code: 'kejadian_tidak_ditemukan' });

    t.clock.set(new Date('2024-11-20T10:00:00+08:00'));
    onTestFinished(() => t.clock.set(new Date('2024-11-20T09:00:00+08:00')));
    const asked = await siber.request({
      method: 'POST',
      url: `/api/medsos/${post.id}/takedown`,
      payload: { tujuan: 'komdigi', nomor: 'ADU-1' },
    });
    expect(asked.statusCode, asked.body).toBe(200);
    const [takedown] = asked.json().takedowns;
    expect(takedown).toMatchObject({ status: 'diajukan', menit: 0 });
    const patch = (payload: Record<string, unknown>) =>
      siber.request({ method: 'PATCH', url: `/api/medsos/${post.id}/takedown/${takedown.id}`, payload });
    // Within the sessions' twelve hours: requested 10.00, in process 15.00, taken down 20.30.
    t.clock.set(new Date('2024-11-20T20:45:00+08:00'));
    expect(
      (await patch({ status: 'diproses', at: '2024-11-20T15:00:00+08:00' })).json().takedowns[0],
    ).toMatchObject({ status: 'diproses', menit: 10 * 60 + 45 });
    const done = await patch({ status: 'diturunkan', at: '2024-11-20T20:30:00+08:00' });
    expect(done.json().takedowns[0]).toMatchObject({ status: 'diturunkan', menit: 10 * 60 + 30 });
    expect(done.json().takedown).toBe('diturunkan');
    expect((await patch({ status: 'ditolak' })).json().error.details).toMatchObject({
      code: 'status_tidak_sesuai',
    });
    expect((await patch({ status: 'diajukan' })).statusCode).toBe(400);
    expect(
      (
        await bawaslu.request({
          method: 'POST',
          url: `/api/medsos/${post.id}/takedown`,
          payload: { tujuan: 'platform' },
        })
      ).statusCode,
    ).toBe(403);

    const week = (
      await kesbangpol.request({ method: 'GET', url: '/api/medsos/ringkasan?dari=2024-11-18' })
    ).json();
    expect(
      week.perKategori.find((k: { kategori: string }) => k.kategori === 'politik_uang').jumlah,
    ).toBeGreaterThan(0);
    expect(week.terlambat).toContainEqual(
      expect.objectContaining({ postId: post.id, menit: 10 * 60 + 30, selesai: true }),
    );
    expect(week.perKecamatan[0]).toMatchObject({ kode: '73.73.01', nama: 'Wara' });
  });
});

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
