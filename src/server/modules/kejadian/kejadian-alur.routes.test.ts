/**
 * An incident's way after the report, over the real app and database, in the order of its clock:
 * triage (verify, assign, resolve, merge, dismiss) on 20 November, the escalation clock and its timer
 * from 10:00 that day, then referral to Bawaslu / Gakkumdu with the deadlines of both rule sets over
 * the following days. The clock only moves forward in this file; each test sets its own time.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  act,
  at,
  auditCount,
  babinsa,
  bawaslu,
  camat,
  detail,
  jump,
  kesbangpol,
  lurah,
  minutesAgo,
  polres,
  reported,
  service,
  storedLevel,
  useKejadianApp,
} from '../../testing/kejadian';

useKejadianApp();

describe('POST /api/kejadian/:id/aksi › triage', () => {
  it('verifies, assigns and resolves; a wrong transition is 409 invalid_state', async () => {
    const id = await reported(babinsa, { kategori: 'kesehatan_petugas', uraian: 'Anggota KPPS pingsan' });
    expect((await act(babinsa, id, { aksi: 'verifikasi' })).statusCode).toBe(403);
    const early = await act(camat, id, { aksi: 'tangani', penanggungJawab: 'Puskesmas Wara' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error).toMatchObject({
      code: 'invalid_state',
      details: { code: 'transisi_tidak_sah', status: 'baru' },
    });
    const verified = await act(camat, id, { aksi: 'verifikasi', keparahan: 'sedang', version: 1 });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json()).toMatchObject({ status: 'diverifikasi', keparahan: 'sedang', version: 2 });
    expect(verified.json().aksiTersedia).toEqual(expect.arrayContaining(['tangani', 'eskalasi']));
    const stale = await act(camat, id, { aksi: 'tangani', penanggungJawab: 'x', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error).toMatchObject({ code: 'conflict', details: { code: 'versi_berubah' } });
    expect((await act(camat, id, { aksi: 'verifikasi' })).statusCode).toBe(409);
    const assigned = await act(camat, id, { aksi: 'tangani', penanggungJawab: 'Puskesmas Wara' });
    expect(assigned.json()).toMatchObject({
      status: 'ditangani',
      penanggungJawab: 'Puskesmas Wara',
      eskalasi: { nextLevel: null, dueAt: null },
    });
    const noNote = await act(camat, id, { aksi: 'selesaikan', catatan: '  ' });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().error.details.issues[0]).toMatchObject({
      path: 'catatan',
      message: 'Catatan penyelesaian wajib diisi',
    });
    const done = await act(camat, id, { aksi: 'selesaikan', catatan: 'Petugas dirawat, TPS berjalan' });
    expect(done.json()).toMatchObject({ status: 'selesai', aksiTersedia: [] });
    expect(done.json().closedAt).not.toBeNull();
    expect((await act(camat, id, { aksi: 'tolak', alasan: 'x' })).statusCode).toBe(409);
    expect(done.json().langkah.map((l: { aksi: string }) => l.aksi)).toEqual([
      'lapor',
      'verifikasi',
      'tangani',
      'selesaikan',
    ]);
    expect(await auditCount(id)).toBe(4);
  });

  it('merges a duplicate into the kept incident and dismisses noise with a reason', async () => {
    const kept = await reported(babinsa);
    const duplicate = await reported(lurah);
    expect(
      (await act(camat, duplicate, { aksi: 'gabung', intoId: duplicate })).json().error.details,
    ).toMatchObject({
      code: 'gabung_ke_diri_sendiri',
    });
    expect(
      (await act(camat, duplicate, { aksi: 'gabung', intoId: randomUUID() })).json().error.details,
    ).toMatchObject({ code: 'kejadian_induk_tidak_ditemukan' });
    const merged = await act(camat, duplicate, { aksi: 'gabung', intoId: kept });
    expect(merged.json()).toMatchObject({ status: 'digabung', mergedInto: kept });
    expect((await detail(camat, kept)).json().duplikat).toEqual([
      { id: duplicate, kodeWilayah: '73.73.01.1001', reportedAt: expect.any(String) },
    ]);
    const backwards = await act(camat, kept, { aksi: 'gabung', intoId: duplicate });
    expect(backwards.json().error.details).toMatchObject({ code: 'kejadian_induk_tidak_berlaku' });

    const noise = await reported(babinsa, { kategori: 'hoaks_provokasi', uraian: 'Pesan berantai di grup' });
    const noReason = await act(kesbangpol, noise, { aksi: 'tolak' });
    expect(noReason.statusCode).toBe(400);
    const dismissed = await act(kesbangpol, noise, {
      aksi: 'tolak',
      alasan: 'Pesan lama 2019, bukan di Palopo',
    });
    expect(dismissed.json()).toMatchObject({ status: 'ditolak' });
    expect(dismissed.json().langkah.at(-1)).toMatchObject({
      aksi: 'tolak',
      dariStatus: 'baru',
      keStatus: 'ditolak',
      catatan: 'Pesan lama 2019, bukan di Palopo',
      aktor: 'Operator Kesbangpol Kota Palopo',
    });
  });

  it('lets a babinsa raise a kelurahan incident by hand and refuses an unknown action', async () => {
    const id = await reported(babinsa);
    const raised = await act(babinsa, id, { aksi: 'eskalasi', catatan: 'Warga mulai berkumpul' });
    expect(raised.json()).toMatchObject({ status: 'baru', level: 'kecamatan' });
    expect(raised.json().langkah.at(-1)).toMatchObject({
      aksi: 'eskalasi',
      catatan: 'Warga mulai berkumpul',
    });
    const response = await act(camat, id, { aksi: 'hapus' });
    expect(response.statusCode).toBe(400);
    expect(JSON.stringify(response.json().error.details)).toContain('Aksi harus verifikasi');
  });
});

describe('escalation clock', () => {
  it('counts down on read, climbs at the limit, and the timer writes it from the due instant', async () => {
    at('2024-11-20T10:00:00+08:00');
    const id = await reported(babinsa, { kategori: 'gangguan_akses_tps', uraian: 'Jalan ke TPS banjir' });
    at('2024-11-20T10:48:00+08:00');
    const list = (
      await camat.request({ method: 'GET', url: '/api/kejadian?kategori=gangguan_akses_tps' })
    ).json();
    expect(list.items.find((i: { id: string }) => i.id === id).eskalasi).toEqual({
      level: 'kelurahan',
      nextLevel: 'kecamatan',
      dueAt: '2024-11-20T03:00:00.000Z',
      isDue: false,
      minutesLeft: 12,
    });
    at('2024-11-20T10:59:59.999+08:00');
    expect((await detail(lurah, id)).json()).toMatchObject({
      level: 'kelurahan',
      eskalasi: { isDue: false, minutesLeft: 0 },
    });
    at('2024-11-20T11:00:00+08:00');
    expect((await detail(lurah, id)).json()).toMatchObject({
      level: 'kecamatan',
      eskalasi: {
        level: 'kecamatan',
        nextLevel: 'kabkota',
        dueAt: '2024-11-20T04:00:00.000Z',
        minutesLeft: 60,
      },
    });
    // Computed on read, not yet written; the timer writes it with the due instant as level_since.
    expect((await storedLevel(id)).level).toBe('kelurahan');
    at('2024-11-20T11:07:00+08:00');
    expect((await service.escalateDue()).escalated).toBeGreaterThanOrEqual(1);
    const stored = await storedLevel(id);
    expect(stored.level).toBe('kecamatan');
    expect(new Date(stored.level_since).toISOString()).toBe('2024-11-20T03:00:00.000Z');
    expect((await service.escalateDue()).escalated).toBe(0);
    const view = (await detail(camat, id)).json();
    expect(view.langkah.at(-1)).toMatchObject({
      aksi: 'eskalasi_otomatis',
      aktor: null,
      catatan: 'kelurahan → kecamatan',
    });
    expect(view.eskalasi.minutesLeft).toBe(53);
  });

  it('climbs two levels when overdue twice; then the camat may no longer act, Forkopimda may', async () => {
    at('2024-11-20T12:00:00+08:00');
    const id = await reported(babinsa, { kategori: 'intimidasi', uraian: 'Pemilih diancam oknum' });
    at('2024-11-20T14:05:00+08:00');
    expect((await detail(camat, id)).json()).toMatchObject({
      level: 'kabkota',
      eskalasi: { nextLevel: null, dueAt: null },
      aksiTersedia: [],
    });
    // The camat's action first writes the due escalation (rolled back with the refusal).
    const refused = await act(camat, id, { aksi: 'verifikasi' });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ code: 'level_tidak_berwenang', level: 'kabkota' });
    await service.escalateDue();
    const stored = await storedLevel(id);
    expect(stored.level).toBe('kabkota');
    expect(new Date(stored.level_since).toISOString()).toBe('2024-11-20T06:00:00.000Z');
    const verified = await act(polres, id, { aksi: 'verifikasi' });
    expect(verified.json()).toMatchObject({ status: 'diverifikasi', level: 'kabkota' });
  });

  it('restarts the clock for assignment at verification and stops it once handled', async () => {
    at('2024-11-20T15:00:00+08:00');
    const id = await reported(babinsa, { kategori: 'bentrok_massa', uraian: 'Bentrok di posko paslon' });
    at('2024-11-20T15:10:00+08:00');
    const verified = (await act(camat, id, { aksi: 'verifikasi' })).json();
    expect(verified.eskalasi).toMatchObject({
      level: 'kecamatan',
      dueAt: '2024-11-20T07:25:00.000Z',
      minutesLeft: 15,
    });
    at('2024-11-20T15:24:00+08:00');
    const handled = (await act(camat, id, { aksi: 'tangani', penanggungJawab: 'Polsek Wara' })).json();
    expect(handled.eskalasi).toMatchObject({ level: 'kecamatan', nextLevel: null });
    at('2024-11-20T18:00:00+08:00');
    await service.escalateDue();
    expect((await storedLevel(id)).level).toBe('kecamatan');
    // Anyone at or above the owning level may raise an open incident by hand; the top is the top.
    expect((await act(babinsa, id, { aksi: 'eskalasi' })).json().error.details).toMatchObject({
      code: 'level_tidak_berwenang',
    });
    const raised = await act(camat, id, { aksi: 'eskalasi', catatan: 'Massa bertambah' });
    expect(raised.json()).toMatchObject({ level: 'kabkota' });
    const top = await act(polres, id, { aksi: 'eskalasi' });
    expect(top.statusCode).toBe(409);
    expect(top.json().error.details).toMatchObject({ code: 'sudah_level_tertinggi' });
  });
});

describe('referral to Bawaslu / Gakkumdu', () => {
  it('shows the Pilkada reporting deadline in calendar days, local time, at its boundaries', async () => {
    await jump('2024-11-21T09:00:00+08:00');
    // Known Wednesday 20 November 10:00 WITA: 7 days → end of 27 November WITA.
    const id = await reported(babinsa, {
      terjadiAt: '2024-11-20T09:30:00+08:00',
      diketahuiAt: '2024-11-20T10:00:00+08:00',
    });
    expect(
      (
        await camat.request({
          method: 'POST',
          url: `/api/kejadian/${id}/rujukan`,
          payload: { ruleSet: 'pilkada', lembaga: 'bawaslu' },
        })
      ).statusCode,
    ).toBe(403);
    const referred = await bawaslu.request({
      method: 'POST',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { ruleSet: 'pilkada', lembaga: 'gakkumdu' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    expect(referred.json()).toMatchObject({
      status: 'dirujuk',
      rujukan: { ruleSet: 'pilkada', lembaga: 'gakkumdu' },
    });
    const lapor = referred.json().rujukanDetail.tenggat[0];
    expect(lapor).toMatchObject({
      step: 'lapor',
      basis: 'kalender',
      jumlah: 7,
      dueAt: '2024-11-27T15:59:59.999Z',
      status: 'aman',
    });
    const statusAt = async (iso: string) => {
      await jump(iso);
      return (await detail(kesbangpol, id)).json().rujukanDetail.tenggat[0].status;
    };
    expect(await statusAt('2024-11-26T15:59:59.998Z')).toBe('aman');
    expect(await statusAt('2024-11-26T15:59:59.999Z')).toBe('segera');
    expect(await statusAt('2024-11-27T15:59:59.999Z')).toBe('segera');
    const list = (await kesbangpol.request({ method: 'GET', url: '/api/kejadian?status=dirujuk' })).json();
    expect(list.items.find((i: { id: string }) => i.id === id).rujukan.tenggatBerikut).toMatchObject({
      step: 'lapor',
      status: 'segera',
      minutesLeft: 0,
    });
    expect(await statusAt('2024-11-27T16:00:00.000Z')).toBe('lewat');

    // Reported at the last instant is on time; the follow-up window (3 days) then appears.
    const updated = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { milestones: { dilaporkanAt: '2024-11-27T23:59:59.999+08:00' } },
    });
    expect(updated.statusCode, updated.body).toBe(200);
    expect(updated.json().rujukanDetail.tenggat).toMatchObject([
      { step: 'lapor', status: 'terpenuhi' },
      { step: 'tindak_lanjut', jumlah: 3, dueAt: '2024-11-30T15:59:59.999Z', status: 'aman' },
    ]);
    const crime = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { milestones: { diputuskanPidanaAt: '2024-11-27T23:00:00+08:00' }, hasil: 'putusan_bersalah' },
    });
    expect(crime.json().rujukanDetail).toMatchObject({ hasil: 'putusan_bersalah' });
    expect(
      crime.json().rujukanDetail.tenggat.find((d: { step: string }) => d.step === 'teruskan_penyidik'),
    ).toMatchObject({
      basis: 'jam',
      dueAt: '2024-11-28T15:00:00.000Z',
    });
  });

  it('counts the Pemilu reporting deadline in working days and has no criminal steps', async () => {
    await jump('2024-11-28T09:00:00+08:00');
    const id = await reported(babinsa, {
      kategori: 'kampanye_di_luar_jadwal',
      terjadiAt: '2024-11-20T09:30:00+08:00',
      diketahuiAt: '2024-11-20T10:00:00+08:00',
    });
    const referred = await kesbangpol.request({
      method: 'POST',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { ruleSet: 'pemilu', lembaga: 'bawaslu', dilaporkanAt: '2024-11-22T10:00:00+08:00' },
    });
    expect(referred.statusCode, referred.body).toBe(200);
    // Wed 20 Nov + 7 working days = Fri 29 Nov (the weekend skipped), end of day WITA.
    expect(referred.json().rujukanDetail.tenggat).toMatchObject([
      { step: 'lapor', basis: 'kerja', dueAt: '2024-11-29T15:59:59.999Z', status: 'terpenuhi' },
      {
        step: 'tindak_lanjut',
        basis: 'kalender',
        jumlah: 7,
        dueAt: '2024-11-29T15:59:59.999Z',
        status: 'aman',
      },
    ]);
    const crime = await kesbangpol.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { milestones: { diputuskanPidanaAt: '2024-11-27T08:00:00+08:00' } },
    });
    expect(crime.json().rujukanDetail.tenggat.map((d: { step: string }) => d.step)).toEqual([
      'lapor',
      'tindak_lanjut',
    ]);
  });

  it('refuses milestones in the future or before it was known, and referral of a closed incident', async () => {
    await jump('2024-11-28T10:00:00+08:00');
    const id = await reported(babinsa, { diketahuiAt: minutesAgo(5) });
    const notReferred = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { hasil: 'bukan_pelanggaran' },
    });
    expect(notReferred.statusCode).toBe(409);
    expect(notReferred.json().error.details).toMatchObject({ code: 'belum_dirujuk' });
    const future = await bawaslu.request({
      method: 'POST',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { ruleSet: 'pilkada', lembaga: 'bawaslu', dilaporkanAt: '2024-11-29T10:00:00+08:00' },
    });
    expect(future.json().error.details).toMatchObject({
      field: 'milestones.dilaporkanAt',
      code: 'waktu_di_masa_depan',
    });
    await bawaslu.request({
      method: 'POST',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { ruleSet: 'pilkada', lembaga: 'bawaslu' },
    });
    const before = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { milestones: { dilaporkanAt: '2024-11-27T10:00:00+08:00' } },
    });
    expect(before.json().error.details).toMatchObject({ code: 'sebelum_diketahui' });
    const unknownKey = await bawaslu.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { milestones: { kapanSaja: '2024-11-28T10:00:00+08:00' } },
    });
    expect(unknownKey.statusCode).toBe(400);
    const again = await bawaslu.request({
      method: 'POST',
      url: `/api/kejadian/${id}/rujukan`,
      payload: { ruleSet: 'pemilu', lembaga: 'bawaslu' },
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ code: 'transisi_tidak_sah', status: 'dirujuk' });
  });
});
