import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnevResponse } from '../../../contracts/anev';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { multipartBody } from '../../testing/multipart';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

// The demo election (open, voting day 27 Nov 2024 in the test template) against Pilkada Serentak
// 2024 (closed; its figures are the seeds' KPU figures entered as its summary).
let t: TestApp;
let palopo: TestClient;
let probolinggo: TestClient;
let camat: TestClient;
beforeAll(async () => {
  t = await createTestApp();
  palopo = await t.login('kesbangpol.palopo');
  probolinggo = await t.login('kesbangpol.probolinggo');
  camat = await t.login('camat.wara');
});
afterAll(async () => {
  await t.close();
});

const anev = async (client: TestClient, kode: string, query = '') => {
  const response = await client.request({ method: 'GET', url: `/api/anev/${kode}${query}` });
  expect(response.statusCode).toBe(200);
  return response.json<AnevResponse>();
};
const figure = (a: AnevResponse, kode: string, metrik: string) =>
  a.wilayah.find((w) => w.kode === kode)?.baris.find((b) => b.metrik === metrik);

describe('anev', () => {
  it('sets the demo election beside Pilkada 2024, the latest earlier one, with its entered KPU figures', async () => {
    const a = await anev(palopo, '73.73');
    expect(a.kini.id).toBe(DEMO_PEMILIHAN_ID);
    expect(a.lalu?.id).toBe(PILKADA_2024_ID);
    expect(figure(a, '73.73', 'tps')).toMatchObject({ kini: 260, lalu: 260, selisih: 0 });
    expect(figure(a, '73.73', 'psu_tps')).toMatchObject({ lalu: 260 });
    // Nine kecamatan of Palopo after the kab/kota row, each with its TPS now.
    expect(a.wilayah).toHaveLength(10);
    const perKecamatan = a.wilayah.slice(1).map((w) => w.baris.find((b) => b.metrik === 'tps')?.kini ?? 0);
    expect(perKecamatan.reduce((x, y) => x + y, 0)).toBe(260);
  });

  it('shows Probolinggo 2024 per kecamatan as KPU published it', async () => {
    const a = await anev(probolinggo, '35.74');
    const lalu = Object.fromEntries(
      a.wilayah.slice(1).map((w) => [w.nama.toUpperCase(), w.baris.find((b) => b.metrik === 'tps')?.lalu]),
    );
    expect(lalu).toMatchObject({ MAYANGAN: 88, KANIGARAN: 82, KADEMANGAN: 60, KEDOPOK: 50, WONOASIH: 48 });
  });

  it('counts the TPS of a PSU of this election in their kecamatan', async () => {
    const tps = await t.database.db
      .selectFrom('tps')
      .select(['id'])
      .where('kode_wilayah', 'like', '73.73.01.%')
      .orderBy('kode')
      .limit(2)
      .execute();
    const created = await palopo.request({
      method: 'POST',
      url: '/api/pemilihan',
      payload: {
        clientId: randomUUID(),
        nama: 'PSU dua TPS Wara',
        jenis: 'psu',
        hariPemungutan: '2024-12-04',
        kodeWilayah: '73.73',
        indukId: DEMO_PEMILIHAN_ID,
        tps: tps.map((x) => ({ tpsId: x.id })),
      },
    });
    expect(created.statusCode).toBe(201);
    const a = await anev(palopo, '73.73');
    expect(figure(a, '73.73.01', 'psu_tps')?.kini).toBe(2);
    expect(figure(a, '73.73', 'psu_tps')).toMatchObject({
      kini: 2,
      lalu: 260,
      selisih: -258,
      penilaian: 'membaik',
    });
  });

  it('takes a past election’s summary from its template, all or nothing, and audits it', async () => {
    const template = await palopo.request({
      method: 'GET',
      url: `/api/anev/73.73/templat.xlsx?pemilihan=${PILKADA_2024_ID}`,
    });
    expect(template.statusCode).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(template.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('ringkasan')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
    const col = (name: string) => header.indexOf(name) + 1;
    expect(sheet.getRow(2).getCell(1).value).toBe('73.73');
    expect(sheet.getRow(2).getCell(col('psu_tps')).value).toBe(260);
    // Kecamatan Wara: 4 TPS rawan, 2 incidents; the city: 71.2 % turnout (a figure for the kab/kota only).
    const wara = sheet.getRow(3);
    expect(wara.getCell(1).value).toBe('73.73.01');
    wara.getCell(col('tps_rawan')).value = 4;
    wara.getCell(col('kejadian')).value = 2;
    sheet.getRow(2).getCell(col('partisipasi')).value = 71.2;
    sheet.getRow(2).getCell(col('tps')).value = 260;
    const good = Buffer.from(await workbook.xlsx.writeBuffer());

    // A bad copy first: a word for a figure and turnout on a kecamatan row. Nothing is written.
    wara.getCell(col('kejadian')).value = 'dua';
    wara.getCell(col('partisipasi')).value = 70;
    const bad = Buffer.from(await workbook.xlsx.writeBuffer());
    const upload = async (data: Buffer, client = palopo, pemilihan = PILKADA_2024_ID) => {
      const body = await multipartBody({}, { name: 'ringkasan-palopo-2024.xlsx', content: data });
      return client.request({
        method: 'POST',
        url: `/api/anev/73.73/ringkasan?pemilihan=${pemilihan}`,
        headers: body.headers,
        payload: body.payload,
      });
    };
    const refused = await upload(bad);
    expect(refused.statusCode).toBe(422);
    expect(
      refused.json<{ error: { details: { errors: { row: number; message: string }[] } } }>().error.details
        .errors,
    ).toEqual([
      { row: 3, message: 'kejadian: "dua" bukan angka' },
      { row: 3, message: 'partisipasi diisi pada baris kabupaten/kota saja' },
    ]);
    const before = await anev(palopo, '73.73');
    expect(figure(before, '73.73.01', 'tps_rawan')?.lalu).toBeNull();

    const auditBefore = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'anev.import')
      .executeTakeFirstOrThrow();
    expect((await upload(good)).json()).toEqual({ wilayah: 2, angka: 5 });
    const after = await anev(palopo, '73.73');
    expect(figure(after, '73.73.01', 'tps_rawan')?.lalu).toBe(4);
    expect(figure(after, '73.73.01', 'kejadian')?.lalu).toBe(2);
    expect(figure(after, '73.73', 'partisipasi')?.lalu).toBe(71.2);
    // The template carried what was entered before (the PSU at all 260 TPS), so the import kept it.
    expect(figure(after, '73.73', 'psu_tps')?.lalu).toBe(260);
    const auditAfter = await t.database.db
      .selectFrom('audit_log')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('action', '=', 'anev.import')
      .executeTakeFirstOrThrow();
    expect(Number(auditAfter.n)).toBe(Number(auditBefore.n) + 1);

    // Another region's operator may not enter Palopo's figures; a camat may not read the city's anev.
    expect((await upload(good, probolinggo)).statusCode).toBe(403);
    expect((await camat.request({ method: 'GET', url: '/api/anev/73.73' })).statusCode).toBe(403);
  });

  it('takes readiness at H-7 and the turnout Kesbangpol entered from koordinasi, for the kab/kota', async () => {
    const set = await palopo.request({
      method: 'PUT',
      url: '/api/koordinasi/indikator/73.73',
      payload: { targetPartisipasi: 77.5, partisipasi: 71.2, psuCount: null },
    });
    expect(set.statusCode).toBe(200);
    const a = await anev(palopo, '73.73');
    expect(figure(a, '73.73', 'target_partisipasi')?.kini).toBe(77.5);
    expect(figure(a, '73.73', 'partisipasi')?.kini).toBe(71.2);
    // The demo checklist has its items due before H-30 done and the later ones open.
    const kesiapan = figure(a, '73.73', 'kesiapan_h7')?.kini;
    expect(kesiapan).toBeGreaterThan(0);
    expect(kesiapan).toBeLessThan(100);
    // Readiness and turnout are the kab/kota's, never a kecamatan's.
    expect(figure(a, '73.73.01', 'partisipasi')?.kini).toBeNull();
  });

  it('prints the comparison as PDF and XLSX', async () => {
    const pdf = await palopo.request({ method: 'GET', url: '/api/anev/73.73/cetak?format=pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const xlsx = await palopo.request({ method: 'GET', url: '/api/anev/73.73/cetak?format=xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('anev')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Pilkada Serentak 2024');
    expect(sheet.rowCount).toBeGreaterThan(10 * 14);
  });
});
