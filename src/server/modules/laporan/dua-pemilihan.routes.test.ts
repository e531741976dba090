/**
 * Two elections in one region never mix (issue 13): Palopo runs a PSU at one TPS of Tompotikka
 * beside the demo election. Situation reports, schedules, the daily report and incidents written in
 * one are never listed, counted, exported or found in the other; a Pilkades has no Gakkumdu path; a
 * closed election refuses writes and still reads. Both engines (DATABASE_URL for PostgreSQL).
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';

const KEL = '73.73.01.1001';

let t: TestApp;
let palopo: TestClient;
let lurah: TestClient;
let camat: TestClient;
let babinsa: TestClient;
let kutim: TestClient;
let psu: string;
let psuVersion: number;
let psuTps: string;

beforeAll(async () => {
  t = await createTestApp();
  palopo = await t.login('kesbangpol.palopo');
  lurah = await t.login('lurah.tompotikka');
  camat = await t.login('camat.wara');
  babinsa = await t.login('babinsa.tompotikka');
  kutim = await t.login('kesbangpol.kutim');
  psuTps = (
    await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode_wilayah', '=', KEL)
      .orderBy('nomor')
      .executeTakeFirstOrThrow()
  ).id;
  ({ id: psu, version: psuVersion } = await createPemilihanVia(palopo, {
    clientId: randomUUID(),
    nama: 'PSU TPS Tompotikka',
    jenis: 'psu',
    // H-8 on the tests' 20 Nov: within the PSU's preparation, when its default schedule reports daily.
    hariPemungutan: '2024-11-28',
    kodeWilayah: '73.73',
    indukId: DEMO_PEMILIHAN_ID,
    tps: [{ tpsId: psuTps, alasan: 'Rekomendasi Panwascam' }],
  }));
});
afterAll(async () => {
  await t.close();
});

const inPsu = (url: string) => inPemilihan(psu)(url);
const inDemo = inPemilihan(DEMO_PEMILIHAN_ID);

describe('situation reports of two elections in one kelurahan', () => {
  it('keeps reports, slots, roll-ups, schedules and the daily report of each election apart', async () => {
    const narasiPsu = 'Persiapan PSU: saksi paslon berkumpul di balai kelurahan.';
    const narasiDemo = 'Kampanye dialogis berjalan tertib.';
    const body = (narasi: string, level = narasi === narasiPsu ? 'genting' : 'waspada') => ({
      clientId: randomUUID(),
      kodeWilayah: KEL,
      level,
      narasi,
      hitungan: { unjukRasa: 1 },
    });
    const inPsuReport = await lurah.request({
      method: 'POST',
      url: inPsu('/api/laporan/situasi'),
      payload: body(narasiPsu),
    });
    expect(inPsuReport.statusCode, inPsuReport.body).toBe(200);
    // The same kelurahan and slot in the other election is a report of its own, not a conflict.
    const inDemoReport = await lurah.request({
      method: 'POST',
      url: inDemo('/api/laporan/situasi'),
      payload: body(narasiDemo),
    });
    expect(inDemoReport.statusCode, inDemoReport.body).toBe(200);
    expect(inDemoReport.json().slotAt).toBe(inPsuReport.json().slotAt);

    const listed = async (url: string) =>
      (await camat.request({ method: 'GET', url })).json<{ items: { id: string; narasi: string }[] }>().items;
    const psuList = await listed(inPsu('/api/laporan/situasi?kode=73.73.01'));
    const demoList = await listed(inDemo('/api/laporan/situasi?kode=73.73.01'));
    expect(psuList.map((l) => l.id)).toEqual([inPsuReport.json().id]);
    expect(demoList.map((l) => l.id)).toContain(inDemoReport.json().id);
    expect(demoList.map((l) => l.id)).not.toContain(inPsuReport.json().id);

    // The camat's roll-up of the kelurahan for that slot, per election.
    const status = async (url: string) =>
      (await camat.request({ method: 'GET', url })).json<{
        children: { kodeWilayah: string; laporan: { narasi: string } | null }[];
      }>();
    const slot = encodeURIComponent(inPsuReport.json().slotAt);
    const psuStatus = await status(inPsu(`/api/laporan/status/73.73.01?slot=${slot}`));
    const demoStatus = await status(inDemo(`/api/laporan/status/73.73.01?slot=${slot}`));
    expect(psuStatus.children.find((c) => c.kodeWilayah === KEL)?.laporan?.narasi).toBe(narasiPsu);
    expect(demoStatus.children.find((c) => c.kodeWilayah === KEL)?.laporan?.narasi).toBe(narasiDemo);

    // The daily report of one election counts only its own (the PSU's genting, the demo's waspada).
    const tanggal = inPsuReport.json().slotAt.slice(0, 10);
    const sitrep = async (url: string) => (await palopo.request({ method: 'GET', url })).body;
    const kelurahan = (xml: string) => /<siaga:kelurahan [^>]*>/.exec(xml)?.[0];
    const psuDay = await sitrep(inPsu(`/api/laporan/harian/73.73?tanggal=${tanggal}&format=sitrep`));
    const demoDay = await sitrep(inDemo(`/api/laporan/harian/73.73?tanggal=${tanggal}&format=sitrep`));
    expect(kelurahan(psuDay)).toContain('jumlahLaporan="1" kondusif="0" waspada="0" genting="1"');
    expect(kelurahan(demoDay)).toContain('jumlahLaporan="1" kondusif="0" waspada="1" genting="0"');
    for (const format of ['pdf', 'xlsx']) {
      const printed = await palopo.request({
        method: 'GET',
        url: inPsu(`/api/laporan/harian/73.73?tanggal=${tanggal}&format=${format}`),
      });
      expect(printed.statusCode).toBe(200);
    }

    // A schedule set for the PSU leaves the demo election on Siaga's default.
    const jadwal = [
      { phase: 'kampanye', fromOffset: -30, toOffset: -1, kind: 'harian', at: '17:00' },
      {
        phase: 'hari_h',
        fromOffset: 0,
        toOffset: 0,
        kind: 'interval',
        everyHours: 2,
        startAt: '07:00',
        endAt: '19:00',
      },
    ];
    const put = await palopo.request({
      method: 'PUT',
      url: inPsu('/api/laporan/jadwal/73.73'),
      payload: { jadwal },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ isDefault: false });
    const demoJadwal = await palopo.request({ method: 'GET', url: inDemo('/api/laporan/jadwal/73.73') });
    expect(demoJadwal.json()).toMatchObject({ isDefault: true });
  });

  it('finds a kab/kota report only in its own election when approving it', async () => {
    at('2024-11-20T17:50:00+08:00');
    const palopoReport = await palopo.request({
      method: 'POST',
      url: inPsu('/api/laporan/situasi'),
      payload: { clientId: randomUUID(), kodeWilayah: '73.73', level: 'kondusif', narasi: '', hitungan: {} },
    });
    expect(palopoReport.statusCode, palopoReport.body).toBe(200);
    const id = palopoReport.json().id;
    const wrong = await palopo.request({ method: 'POST', url: inDemo(`/api/laporan/situasi/${id}/setujui`) });
    expect(wrong.statusCode).toBe(404);
    const right = await palopo.request({ method: 'POST', url: inPsu(`/api/laporan/situasi/${id}/setujui`) });
    expect(right.statusCode, right.body).toBe(200);
    expect(right.json().status).toBe('disetujui');
  });
});

const at = (iso: string) => t.clock.set(new Date(iso));

describe('incidents of two elections in one kelurahan', () => {
  it('lists, finds, changes and counts an incident only in its own election', async () => {
    at('2024-11-20T18:30:00+08:00');
    const reported = await babinsa.request({
      method: 'POST',
      url: inPsu('/api/kejadian'),
      payload: {
        clientId: randomUUID(),
        kategori: 'intimidasi',
        kodeWilayah: KEL,
        tpsId: psuTps,
        terjadiAt: '2024-11-20T18:00:00+08:00',
        uraian: 'Saksi diancam menjelang PSU',
      },
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const id = reported.json().id;
    const ids = async (url: string) =>
      (await palopo.request({ method: 'GET', url }))
        .json<{ items: { id: string }[] }>()
        .items.map((i) => i.id);
    expect(await ids(inPsu('/api/kejadian'))).toEqual([id]);
    expect(await ids(inDemo('/api/kejadian'))).not.toContain(id);
    expect((await palopo.request({ method: 'GET', url: inDemo(`/api/kejadian/${id}`) })).statusCode).toBe(
      404,
    );
    expect((await palopo.request({ method: 'GET', url: inPsu(`/api/kejadian/${id}`) })).statusCode).toBe(200);
    const triage = await palopo.request({
      method: 'POST',
      url: inDemo(`/api/kejadian/${id}/aksi`),
      payload: { aksi: 'verifikasi' },
    });
    expect(triage.statusCode).toBe(404);
    // A duplicate is merged only within its election.
    const demoIncident = await babinsa.request({
      method: 'POST',
      url: inDemo('/api/kejadian'),
      payload: {
        clientId: randomUUID(),
        kategori: 'intimidasi',
        kodeWilayah: KEL,
        terjadiAt: '2024-11-20T18:05:00+08:00',
        uraian: 'Saksi diancam',
      },
    });
    const merge = await palopo.request({
      method: 'POST',
      url: inDemo(`/api/kejadian/${demoIncident.json().id}/aksi`),
      payload: { aksi: 'gabung', intoId: id },
    });
    expect(merge.statusCode).toBe(400);
    expect(merge.json().error.details).toMatchObject({ code: 'kejadian_induk_tidak_ditemukan' });

    // The daily report counts the incidents of its own election only.
    const xmlOf = async (url: string) => (await palopo.request({ method: 'GET', url })).body;
    const psuDay = await xmlOf(inPsu('/api/laporan/harian/73.73?tanggal=2024-11-20&format=sitrep'));
    const demoDay = await xmlOf(inDemo('/api/laporan/harian/73.73?tanggal=2024-11-20&format=sitrep'));
    const jumlah = (xml: string) => /<[^>]*jumlah="(\d+)"/.exec(xml)?.[1];
    expect([jumlah(psuDay), jumlah(demoDay)]).toEqual(['1', '1']);

    // A referral follows the election's own rules when none is named.
    const referred = await palopo.request({
      method: 'POST',
      url: inPsu(`/api/kejadian/${id}/rujukan`),
      payload: { lembaga: 'bawaslu' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json().rujukanDetail).toMatchObject({ ruleSet: 'pilkada', lembaga: 'bawaslu' });
  });

  it('refuses a client id first used in another election rather than answering its record', async () => {
    at('2024-11-20T19:00:00+08:00');
    const incident = {
      clientId: randomUUID(),
      kategori: 'intimidasi',
      kodeWilayah: KEL,
      terjadiAt: '2024-11-20T18:40:00+08:00',
      uraian: 'Warga dihalangi menuju TPS',
    };
    const first = await babinsa.request({ method: 'POST', url: inPsu('/api/kejadian'), payload: incident });
    expect(first.statusCode, first.body).toBe(200);
    // The same phone resends it in the same election: the first copy, once.
    const again = await babinsa.request({ method: 'POST', url: inPsu('/api/kejadian'), payload: incident });
    expect(again.json()).toMatchObject({ id: first.json().id, replayed: true });
    const elsewhere = await babinsa.request({
      method: 'POST',
      url: inDemo('/api/kejadian'),
      payload: incident,
    });
    expect(elsewhere.statusCode).toBe(409);
    expect(elsewhere.json().error.details).toMatchObject({ field: 'clientId' });

    const report = { clientId: randomUUID(), kodeWilayah: KEL, level: 'kondusif', narasi: '', hitungan: {} };
    const filed = await lurah.request({
      method: 'POST',
      url: inDemo('/api/laporan/situasi'),
      payload: report,
    });
    expect(filed.statusCode, filed.body).toBe(200);
    const crossed = await lurah.request({
      method: 'POST',
      url: inPsu('/api/laporan/situasi'),
      payload: report,
    });
    expect(crossed.statusCode).toBe(409);
    expect(crossed.json().error.details).toMatchObject({ field: 'clientId' });
  });

  it('refuses a Gakkumdu referral in a Pilkades with an Indonesian message', async () => {
    const desa = (
      await t.database.db
        .selectFrom('wilayah')
        .select('kode')
        .where('kode', 'like', '64.08.%')
        .where('level', '=', 4)
        .where('jenis', '=', 'desa')
        .orderBy('kode')
        .limit(2)
        .execute()
    ).map((r) => r.kode);
    const pilkades = (
      await createPemilihanVia(kutim, {
        clientId: randomUUID(),
        nama: 'Pilkades Kutai Timur',
        jenis: 'pilkades',
        hariPemungutan: '2024-12-15',
        kodeWilayah: '64.08',
        wilayahPeserta: desa,
      })
    ).id;
    const url = inPemilihan(pilkades);
    const reported = await kutim.request({
      method: 'POST',
      url: url('/api/kejadian'),
      payload: {
        clientId: randomUUID(),
        kategori: 'politik_uang',
        kodeWilayah: desa[0],
        terjadiAt: '2024-11-20T18:00:00+08:00',
        uraian: 'Calon kades membagikan sembako',
      },
    });
    expect(reported.statusCode, reported.body).toBe(200);
    const id = reported.json().id;
    const detail = await kutim.request({ method: 'GET', url: url(`/api/kejadian/${id}`) });
    expect(detail.json().bisaRujuk).toBe(false);
    const refused = await kutim.request({
      method: 'POST',
      url: url(`/api/kejadian/${id}/rujukan`),
      payload: { lembaga: 'gakkumdu' },
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error).toMatchObject({
      code: 'invalid_state',
      message: expect.stringContaining('Pilkades tidak melalui'),
      details: { code: 'tanpa_gakkumdu' },
    });
    expect(
      await t.database.db
        .selectFrom('kejadian_rujukan')
        .select('kejadian_id')
        .where('kejadian_id', '=', id)
        .execute(),
    ).toEqual([]);
  });
});

describe('a closed election', () => {
  it('refuses reports and incidents (409) and still reads them', async () => {
    const closed = await palopo.request({
      method: 'PATCH',
      url: `/api/pemilihan/${psu}`,
      payload: { version: psuVersion, ditutup: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    const report = await lurah.request({
      method: 'POST',
      url: inPsu('/api/laporan/situasi'),
      payload: { clientId: randomUUID(), kodeWilayah: KEL, level: 'kondusif', narasi: '', hitungan: {} },
    });
    expect(report.statusCode).toBe(409);
    const incident = await babinsa.request({
      method: 'POST',
      url: inPsu('/api/kejadian'),
      payload: {
        clientId: randomUUID(),
        kategori: 'lainnya',
        kodeWilayah: KEL,
        terjadiAt: '2024-11-20T18:00:00+08:00',
        uraian: 'Setelah ditutup',
      },
    });
    expect(incident.statusCode).toBe(409);
    expect(
      (await camat.request({ method: 'GET', url: inPsu('/api/laporan/situasi?kode=73.73.01') })).statusCode,
    ).toBe(200);
    // The two incidents reported in the PSU before it closed (above), still listed.
    expect((await palopo.request({ method: 'GET', url: inPsu('/api/kejadian') })).json().total).toBe(2);
  });
});
