import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnevResponse } from '../../../contracts/anev';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { multipartBody } from '../../testing/multipart';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';
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

  it('counts the election’s incidents per kecamatan, with their categories, endings and referral outcomes', async () => {
    const bawaslu = await t.login('bawaslu.palopo');
    const babinsa = await t.login('babinsa.tompotikka');
    const before = await anev(palopo, '73.73');
    const count = (a: AnevResponse, kode: string, metrik: string) => figure(a, kode, metrik)?.kini ?? 0;
    const rincian = (a: AnevResponse, kelompok: string, kode: string) =>
      a.rincian.find((r) => r.kelompok === kelompok && r.kode === kode)?.kini ?? 0;
    const report = async (client: TestClient, body: Record<string, unknown>) => {
      const response = await client.request({
        method: 'POST',
        url: '/api/kejadian',
        payload: {
          clientId: randomUUID(),
          terjadiAt: new Date(t.clock.now().getTime() - 600_000).toISOString(),
          uraian: 'Kejadian untuk anev',
          ...body,
        },
      });
      expect(response.statusCode, response.body).toBe(200);
      return response.json<{ id: string }>().id;
    };
    // In Wara: a grave clash and money politics referred to Gakkumdu and decided; one at the city.
    await report(babinsa, { kategori: 'bentrok_massa', kodeWilayah: '73.73.01.1001', keparahan: 'kritis' });
    const uang = await report(babinsa, { kategori: 'politik_uang', kodeWilayah: '73.73.01.1001' });
    await report(palopo, { kategori: 'hoaks_provokasi', kodeWilayah: '73.73' });
    const referred = await bawaslu.request({
      method: 'POST',
      url: `/api/kejadian/${uang}/rujukan`,
      payload: { ruleSet: 'pilkada', lembaga: 'gakkumdu' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    const decided = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${uang}/rujukan`,
      payload: { hasil: 'dihentikan' },
    });
    expect(decided.statusCode, decided.body).toBe(200);

    const after = await anev(palopo, '73.73');
    expect(count(after, '73.73.01', 'kejadian') - count(before, '73.73.01', 'kejadian')).toBe(2);
    expect(count(after, '73.73.01', 'kejadian_berat') - count(before, '73.73.01', 'kejadian_berat')).toBe(1);
    expect(count(after, '73.73.01', 'rujukan_gakkumdu') - count(before, '73.73.01', 'rujukan_gakkumdu')).toBe(
      1,
    );
    // The city's own incident counts for the city, in no kecamatan.
    expect(count(after, '73.73', 'kejadian') - count(before, '73.73', 'kejadian')).toBe(3);
    const kecamatanSum = after.wilayah
      .slice(1)
      .reduce((n, w) => n + (w.baris.find((b) => b.metrik === 'kejadian')?.kini ?? 0), 0);
    expect(count(after, '73.73', 'kejadian')).toBeGreaterThan(kecamatanSum);
    expect(
      rincian(after, 'kategori_kejadian', 'bentrok_massa') -
        rincian(before, 'kategori_kejadian', 'bentrok_massa'),
    ).toBe(1);
    expect(rincian(after, 'status_kejadian', 'dirujuk') - rincian(before, 'status_kejadian', 'dirujuk')).toBe(
      1,
    );
    expect(
      rincian(after, 'hasil_rujukan', 'dihentikan') - rincian(before, 'hasil_rujukan', 'dihentikan'),
    ).toBe(1);
    // Pilkada 2024 was never run in Siaga: it has no breakdown, and none is claimed as zero.
    expect(after.rincian.every((r) => r.lalu === null)).toBe(true);
  });

  it('drills into one kecamatan per kelurahan, for the camat as for the city', async () => {
    const city = await anev(palopo, '73.73');
    const wara = await anev(camat, '73.73.01');
    expect(wara.wilayah[0]!.kode).toBe('73.73.01');
    const kelurahan = wara.wilayah.slice(1);
    expect(kelurahan.length).toBeGreaterThan(1);
    expect(kelurahan.every((w) => w.kode.startsWith('73.73.01.'))).toBe(true);
    // The kecamatan's figures are the same read from above and from inside.
    for (const metrik of ['tps', 'tps_rawan', 'kejadian', 'kejadian_berat', 'kelurahan_rawan']) {
      expect(figure(wara, '73.73.01', metrik)?.kini ?? null, metrik).toBe(
        figure(city, '73.73.01', metrik)?.kini ?? null,
      );
    }
    const sum = (metrik: string) =>
      kelurahan.reduce((n, w) => n + (w.baris.find((b) => b.metrik === metrik)?.kini ?? 0), 0);
    expect(sum('tps')).toBe(figure(wara, '73.73.01', 'tps')?.kini);
    // The incidents reported in Tompotikka above are Tompotikka's.
    expect(figure(wara, '73.73.01.1001', 'kejadian')?.kini).toBeGreaterThanOrEqual(2);
    // Readiness and turnout are the city's only.
    expect(figure(wara, '73.73.01', 'kesiapan_h7')?.kini ?? null).toBeNull();
    // A camat reads their own kecamatan only.
    expect((await camat.request({ method: 'GET', url: '/api/anev/73.73.02' })).statusCode).toBe(403);
    expect((await palopo.request({ method: 'GET', url: '/api/anev/73.73.01.1001' })).statusCode).toBe(400);
  });

  it('counts TPS by mapped category as the kerawanan summary does, and the kelurahan with a TPS rawan as the map shows', async () => {
    const a = await anev(palopo, '73.73');
    const summary = await palopo.request({
      method: 'GET',
      url: '/api/kerawanan/summary?wilayah=73.73&phase=pra',
    });
    expect(summary.statusCode).toBe(200);
    const byKecamatan = new Map(
      summary
        .json<{ rincian: { kode: string; kategori: Record<string, number> }[] }>()
        .rincian.map((k) => [k.kode, k.kategori]),
    );
    const map = await palopo.request({ method: 'GET', url: '/api/kerawanan/map?wilayah=73.73&phase=pra' });
    expect(map.statusCode).toBe(200);
    const kelurahanRawan = new Map<string, Set<string>>();
    for (const f of map.json<{ geojson: { features: { properties: Record<string, unknown> }[] } }>().geojson
      .features) {
      if (f.properties.kategori !== 'rawan' && f.properties.kategori !== 'sangat_rawan') continue;
      const kode = String(f.properties.kode);
      const kecamatan = `${kode.slice(0, 2)}.${kode.slice(2, 4)}.${kode.slice(4, 6)}`;
      (kelurahanRawan.get(kecamatan) ?? kelurahanRawan.set(kecamatan, new Set()).get(kecamatan)!).add(
        kode.slice(0, 10),
      );
    }
    let rawan = 0;
    for (const w of a.wilayah.slice(1)) {
      const kategori = byKecamatan.get(w.kode);
      expect(figure(a, w.kode, 'tps_rawan')?.kini ?? 0, w.nama).toBe(kategori?.rawan ?? 0);
      expect(figure(a, w.kode, 'tps_sangat_rawan')?.kini ?? 0, w.nama).toBe(kategori?.sangat_rawan ?? 0);
      expect(figure(a, w.kode, 'tps_khusus')?.kini ?? 0, w.nama).toBe(kategori?.khusus ?? 0);
      expect(figure(a, w.kode, 'kelurahan_rawan')?.kini ?? 0, w.nama).toBe(
        kelurahanRawan.get(w.kode)?.size ?? 0,
      );
      rawan += figure(a, w.kode, 'tps_rawan')?.kini ?? 0;
    }
    // The demo's mapping is half done: there is something to compare.
    expect(rawan).toBeGreaterThan(0);
    expect(figure(a, '73.73', 'tps_rawan')?.kini).toBe(rawan);
  });

  it('counts situation reports on time per area that takes part, by their first version, once the grace has passed', async () => {
    // A Pilkades of two desa of one kecamatan of Kutai Timur, with a report due daily at 18:00 WITA
    // from H-3 to H: four slots for the kab/kota, the kecamatan and the two desa.
    const desa = (
      await t.database.db
        .selectFrom('wilayah')
        .select('kode')
        .where('kode', 'like', '64.08.01.%')
        .where('level', '=', 4)
        .orderBy('kode')
        .limit(2)
        .execute()
    ).map((r) => r.kode);
    expect(desa).toHaveLength(2);
    let kutim = await t.login('kesbangpol.kutim');
    const { id } = await createPemilihanVia(kutim, {
      clientId: randomUUID(),
      nama: 'Pilkades dua desa Muara Ancalong',
      jenis: 'pilkades',
      hariPemungutan: '2024-11-22',
      kodeWilayah: '64.08',
      wilayahPeserta: desa,
    });
    const inPilkades = inPemilihan(id);
    // Before any report: no figure, rather than 0 %.
    expect(
      figure(await anev(kutim, '64.08', `?pemilihan=${id}`), '64.08', 'laporan_tepat_waktu')?.kini,
    ).toBeNull();
    const jadwal = await kutim.request({
      method: 'PUT',
      url: inPilkades('/api/laporan/jadwal/64.08'),
      payload: {
        jadwal: [{ phase: 'masa_tenang', fromOffset: -3, toOffset: 0, kind: 'harian', at: '18:00' }],
      },
    });
    expect(jadwal.statusCode, jadwal.body).toBe(200);
    const lapor = async (at: string) => {
      t.clock.set(new Date(at));
      kutim = await t.login('kesbangpol.kutim');
      const sent = await kutim.request({
        method: 'POST',
        url: inPilkades('/api/laporan/situasi'),
        payload: {
          clientId: randomUUID(),
          kodeWilayah: '64.08',
          level: 'kondusif',
          narasi: 'Situasi aman dan kondusif.',
        },
      });
      expect(sent.statusCode, sent.body).toBe(200);
      return sent.json<{ slotAt: string; terlambat: boolean }>();
    };
    const timely = await lapor('2024-11-20T17:00:00+08:00');
    expect(timely).toMatchObject({ slotAt: '2024-11-20T10:00:00.000Z', terlambat: false });
    const late = await lapor('2024-11-22T18:40:00+08:00');
    expect(late).toMatchObject({ slotAt: '2024-11-22T10:00:00.000Z', terlambat: true });

    t.clock.set(new Date('2024-11-23T09:00:00+08:00'));
    kutim = await t.login('kesbangpol.kutim');
    const a = await anev(kutim, '64.08', `?pemilihan=${id}`);
    // Judged from the first report (H-2) on: 3 slots × (kab/kota + kecamatan + 2 desa) = 12 due,
    // 1 on time; the H-3 slot, before anyone reported through Siaga, is not counted.
    expect(figure(a, '64.08', 'laporan_tepat_waktu')?.kini).toBe(8.3);
    expect(figure(a, '64.08.01', 'laporan_tepat_waktu')?.kini).toBe(0);
    // A kecamatan without a desa in the Pilkades reports nothing for it.
    expect(figure(a, '64.08.02', 'laporan_tepat_waktu')?.kini).toBeNull();
    // Back to the template's time; the jumps ended every session.
    t.clock.set(new Date('2024-11-20T09:00:00+08:00'));
    palopo = await t.login('kesbangpol.palopo');
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
    // The incidents reported above, by category, ending and referral outcome.
    const rincian = workbook.getWorksheet('rincian')!;
    const names = rincian.getColumn(3).values.slice(2).map(String);
    expect(names).toEqual(
      expect.arrayContaining(['Bentrok massa (antarpendukung, posko paslon)', 'Dirujuk', 'Dihentikan']),
    );
  });
});
