import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOTO_MAX_BYTES, FOTO_PER_KEJADIAN_MAKS } from '../../../contracts/kejadian';
import { createTestApp, type TestApp, type TestClient } from '../../testing/test-app';
import { createWilayahService } from '../wilayah/wilayah.service';
import { createBerkasService } from '../berkas/berkas.service';
import { createKejadianService, type KejadianService } from './kejadian.service';
import { createAuditLog } from '../audit/audit.service';

// The test clock starts at 2024-11-20 09:00 WITA (Palopo) and only moves forward in this file:
// report and triage at 09:00, escalation from 10:00, referral deadlines from 21 November.
const KEL = '73.73.01.1001';
const MIN = 60_000;

let t: TestApp;
let babinsa: TestClient;
let lurah: TestClient;
let camat: TestClient;
let kesbangpol: TestClient;
let polres: TestClient;
let bawaslu: TestClient;
let kutim: TestClient;
let service: KejadianService;
let tpsIds: string[];
let tpsElsewhere: string;

async function signInAll(): Promise<void> {
  const usernames = [
    'babinsa.tompotikka',
    'lurah.tompotikka',
    'camat.wara',
    'kesbangpol.palopo',
    'polres.palopo',
    'bawaslu.palopo',
    'kesbangpol.kutim',
  ];
  const clients = await Promise.all(usernames.map((u) => t.login(u)));
  [babinsa, lurah, camat, kesbangpol, polres, bawaslu, kutim] = clients as [
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
    TestClient,
  ];
}

beforeAll(async () => {
  t = await createTestApp();
  await signInAll();
  // The timer's use case over the same database and clock; tests call it instead of waiting.
  const db = t.database.db;
  const audit = createAuditLog();
  service = createKejadianService({
    audit,
    db,
    wilayah: createWilayahService({ db }),
    clock: t.clock,
    berkas: createBerkasService({ db, audit }),
  });
  const own = (await babinsa.request({ method: 'GET', url: `/api/hari-h/tps/${KEL}` })).json();
  tpsIds = own.items.map((i: { tpsId: string }) => i.tpsId);
  const kecamatan = (await camat.request({ method: 'GET', url: '/api/hari-h/tps/73.73.01' })).json();
  tpsElsewhere = kecamatan.items.find((i: { kodeWilayah: string }) => i.kodeWilayah !== KEL).tpsId;
});
afterAll(async () => {
  await t.close();
});

const at = (iso: string) => t.clock.set(new Date(iso));
/** Moves the clock by more than a session lasts (12 h, sliding): everyone signs in again. */
async function jump(iso: string): Promise<void> {
  at(iso);
  await signInAll();
}
const minutesAgo = (n: number) => new Date(t.clock.now().getTime() - n * MIN).toISOString();

function reportBody(over: Record<string, unknown> = {}) {
  return {
    clientId: randomUUID(),
    kategori: 'politik_uang',
    kodeWilayah: KEL,
    terjadiAt: minutesAgo(10),
    uraian: 'Amplop berisi uang dibagikan di gang dekat TPS',
    ...over,
  };
}
const report = (client: TestClient, over: Record<string, unknown> = {}) =>
  client.request({ method: 'POST', url: '/api/kejadian', payload: reportBody(over) });
async function reported(client: TestClient, over: Record<string, unknown> = {}): Promise<string> {
  const response = await report(client, over);
  expect(response.statusCode, response.body).toBe(200);
  return response.json().id;
}
const detail = (client: TestClient, id: string) =>
  client.request({ method: 'GET', url: `/api/kejadian/${id}` });
const act = (client: TestClient, id: string, body: Record<string, unknown>) =>
  client.request({ method: 'POST', url: `/api/kejadian/${id}/aksi`, payload: body });
const storedLevel = async (id: string) =>
  await t.database.db
    .selectFrom('kejadian')
    .select(['level', 'level_since'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
const auditCount = async (id: string) =>
  Number(
    (
      await t.database.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('entity', '=', 'kejadian')
        .where('entity_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );

const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(200, 1)]);
const PNG = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  Buffer.alloc(200, 2),
]);
const putFoto = (client: TestClient, id: string, type: string, body: Buffer) =>
  client.request({
    method: 'PUT',
    url: `/api/kejadian/${id}/foto`,
    headers: { 'content-type': type },
    payload: body,
  });

describe('POST /api/kejadian › report', () => {
  it('stores a TPS incident at its kelurahan, once per clientId, committed and audited', async () => {
    const body = reportBody({ tpsId: tpsIds[0], lat: -3.0, lon: 120.19 });
    const first = await babinsa.request({ method: 'POST', url: '/api/kejadian', payload: body });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({ replayed: false, status: 'baru', level: 'kelurahan' });
    const retry = await babinsa.request({ method: 'POST', url: '/api/kejadian', payload: body });
    expect(retry.json()).toEqual({ ...first.json(), replayed: true });
    const rows = await t.database.db
      .selectFrom('kejadian')
      .select(['id', 'kode_wilayah', 'severity'])
      .where('client_id', '=', body.clientId)
      .execute();
    expect(rows).toEqual([{ id: first.json().id, kode_wilayah: KEL, severity: 'sedang' }]);
    expect(await auditCount(first.json().id)).toBe(1);
    const view = (await detail(babinsa, first.json().id)).json();
    expect(view).toMatchObject({
      kategori: 'politik_uang',
      keparahan: 'sedang',
      tps: { id: tpsIds[0] },
      lat: -3,
      lon: 120.19,
      pelanggaran: { jenis: 'pidana' },
      langkah: [{ aksi: 'lapor', keStatus: 'baru', aktor: 'Babinsa Tompotikka' }],
      eskalasi: { level: 'kelurahan', nextLevel: 'kecamatan', minutesLeft: 240 },
    });
    // Someone else's submission with the same clientId is not theirs to replay.
    const stolen = await lurah.request({ method: 'POST', url: '/api/kejadian', payload: body });
    expect(stolen.statusCode).toBe(409);
    expect(stolen.json().error.details).toMatchObject({ code: 'client_id_dipakai' });
  });

  it('answers concurrent copies of one submission with a single incident', async () => {
    const body = reportBody();
    const answers = await Promise.all(
      [1, 2, 3].map(() => babinsa.request({ method: 'POST', url: '/api/kejadian', payload: body })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual([200, 200, 200]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    expect(answers.filter((a) => !a.json().replayed)).toHaveLength(1);
  });

  it('starts a kritis incident at kecamatan and a camat report at kecamatan', async () => {
    expect((await report(babinsa, { kategori: 'bentrok_massa' })).json().level).toBe('kecamatan');
    expect((await report(camat, { kategori: 'lainnya' })).json().level).toBe('kecamatan');
    expect((await report(polres, { kategori: 'lainnya' })).json().level).toBe('kabkota');
  });

  it.each([
    ['an unknown category', { kategori: 'penculikan_alien' }, 'kategori', 'Kategori kejadian tidak dikenal'],
    ['a point without longitude', { lat: -3 }, 'lon', 'Isi lintang dan bujur bersama'],
    ['a point abroad', { lat: 40, lon: 120 }, 'lat', 'Titik peta di luar wilayah Indonesia'],
    ['a short description', { uraian: 'ada' }, 'uraian', 'Uraian minimal 5 karakter'],
    [
      'a time without zone',
      { terjadiAt: '2024-11-20T08:00:00' },
      'terjadiAt',
      'Waktu harus berformat ISO 8601',
    ],
  ])('refuses %s with the field and an Indonesian message', async (_, over, path, message) => {
    const response = await report(babinsa, over);
    expect(response.statusCode).toBe(400);
    const error = response.json().error;
    expect(error.code).toBe('validation');
    const issue = error.details.issues.find((i: { path: string }) => i.path === path);
    expect(issue.message).toContain(message);
  });

  it('refuses a TPS outside the kelurahan and an unknown TPS with stable codes', async () => {
    const outside = await report(babinsa, { tpsId: tpsElsewhere });
    expect(outside.statusCode).toBe(400);
    expect(outside.json().error).toMatchObject({
      code: 'validation',
      details: { field: 'tpsId', code: 'tps_di_luar_wilayah' },
    });
    expect(outside.json().error.message).toMatch(
      /^TPS \d{3} \(.+\) tidak berada di .+ \(73\.73\.01\.1001\)$/,
    );
    const unknown = await report(babinsa, { tpsId: randomUUID() });
    expect(unknown.json().error.details).toMatchObject({ field: 'tpsId', code: 'tps_tidak_ditemukan' });
  });

  it('refuses a future terjadiAt beyond five minutes of clock skew (boundary)', async () => {
    const now = t.clock.now().getTime();
    const atSkew = await report(babinsa, { terjadiAt: new Date(now + 5 * MIN).toISOString() });
    expect(atSkew.statusCode).toBe(200);
    const beyond = await report(babinsa, { terjadiAt: new Date(now + 5 * MIN + 1000).toISOString() });
    expect(beyond.statusCode).toBe(400);
    expect(beyond.json().error).toMatchObject({
      message: 'Waktu kejadian tidak boleh di masa depan',
      details: { field: 'terjadiAt', code: 'waktu_di_masa_depan' },
    });
    const known = await report(babinsa, { diketahuiAt: minutesAgo(20), terjadiAt: minutesAgo(10) });
    expect(known.json().error.details.issues[0]).toMatchObject({ path: 'diketahuiAt' });
  });

  it('refuses a report outside the reporter’s scope (403) and a province as place', async () => {
    expect((await report(babinsa, { kodeWilayah: '73.73.01.1002' })).statusCode).toBe(403);
    expect((await report(kutim, {})).statusCode).toBe(403);
    const admin = await t.login('admin');
    const wide = await report(admin, { kodeWilayah: '73' });
    expect(wide.json().error.details).toMatchObject({ field: 'kodeWilayah', code: 'wilayah_terlalu_luas' });
  });
});

describe('PUT /api/kejadian/:id/foto', () => {
  it('takes a JPEG from the reporter, serves it back, and refuses wrong types and sizes', async () => {
    const id = await reported(babinsa);
    const ok = await putFoto(babinsa, id, 'image/jpeg', JPEG);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json()).toEqual({
      id: expect.any(String),
      mime: 'image/jpeg',
      bytes: JPEG.length,
      sha256: createHash('sha256').update(JPEG).digest('hex'),
      dikirimAt: expect.any(String),
      replayed: false,
    });
    const back = await camat.request({ method: 'GET', url: `/api/kejadian/${id}/foto` });
    expect(back.headers['content-type']).toBe('image/jpeg');
    expect(back.headers['x-siaga-sha256']).toBe(ok.json().sha256);
    expect(back.rawPayload.equals(JPEG)).toBe(true);
    expect((await detail(camat, id)).json()).toMatchObject({ hasFoto: true, foto: { mime: 'image/jpeg' } });

    const gif = await putFoto(babinsa, id, 'image/gif', Buffer.from('GIF89a...'));
    expect(gif.statusCode).toBe(415);
    expect(gif.json().error).toMatchObject({
      code: 'unsupported_media_type',
      message: 'Foto harus berformat JPEG, PNG atau WebP',
      details: { code: 'jenis_foto_tidak_didukung' },
    });
    const lying = await putFoto(babinsa, id, 'image/jpeg', PNG);
    expect(lying.statusCode).toBe(415);
    expect(lying.json().error.message).toContain('bukan gambar');

    const atLimit = Buffer.concat([JPEG, Buffer.alloc(FOTO_MAX_BYTES - JPEG.length)]);
    expect((await putFoto(babinsa, id, 'image/jpeg', atLimit)).statusCode).toBe(200);
    const tooBig = await putFoto(babinsa, id, 'image/jpeg', Buffer.concat([atLimit, Buffer.alloc(1)]));
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json().error).toMatchObject({
      code: 'payload_too_large',
      message: 'Foto terlalu besar; paling besar 5 MB',
      details: { code: 'foto_terlalu_besar' },
    });
    // Another field officer of the kelurahan may see it but not add a photo to it.
    expect((await putFoto(lurah, id, 'image/png', PNG)).statusCode).toBe(403);
    expect((await putFoto(kutim, id, 'image/png', PNG)).statusCode).toBe(404);
    expect((await kutim.request({ method: 'GET', url: `/api/kejadian/${id}/foto` })).statusCode).toBe(404);
  });
});

describe('incident photos are evidence (ADR 0017)', () => {
  const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
  const jpeg = (n: number) => Buffer.concat([JPEG, Buffer.from(`foto ${n}`)]);

  it('a second photo is added beside the first, which a later change to the incident never alters', async () => {
    const id = await reported(babinsa);
    const first = (await putFoto(babinsa, id, 'image/jpeg', JPEG)).json();
    // A retried upload of the same bytes is the photo already there, not a second one.
    const retry = await putFoto(babinsa, id, 'image/jpeg', JPEG);
    expect(retry.json()).toMatchObject({ id: first.id, replayed: true });
    const second = (await putFoto(camat, id, 'image/png', PNG)).json();
    expect(second).toMatchObject({ mime: 'image/png', sha256: sha(PNG), replayed: false });
    expect((await act(camat, id, { aksi: 'verifikasi' })).statusCode).toBe(200);

    const seen = (await detail(camat, id)).json();
    const { replayed, ...newestFoto } = second;
    expect(replayed).toBe(false);
    expect(seen.foto).toEqual(newestFoto);
    expect(seen.fotoSemua.map((f: { sha256: string }) => f.sha256)).toEqual([sha(JPEG), sha(PNG)]);
    // The incident shows its newest photo; the first is still there, byte for byte.
    const newest = await camat.request({ method: 'GET', url: `/api/kejadian/${id}/foto` });
    expect(newest.rawPayload.equals(PNG)).toBe(true);
    const old = await camat.request({ method: 'GET', url: `/api/kejadian/${id}/foto/${first.id}` });
    expect(old.rawPayload.equals(JPEG)).toBe(true);
    const unknown = await camat.request({
      method: 'GET',
      url: `/api/kejadian/${id}/foto/00000000-0000-4000-8000-000000000000`,
    });
    expect(unknown.statusCode).toBe(404);
    // Each download is audited, with the file it read.
    const reads = await t.database.db
      .selectFrom('audit_log')
      .select(['entity_id', 'after'])
      .where('action', '=', 'kejadian.foto.unduh')
      .where(sql<boolean>`after->>'kejadianId' = ${id}`)
      .orderBy('id')
      .execute();
    expect(reads).toEqual([
      { entity_id: second.id, after: { kejadianId: id, sha256: sha(PNG) } },
      { entity_id: first.id, after: { kejadianId: id, sha256: sha(JPEG) } },
    ]);
  });

  it('the database refuses to change or remove a photo or its file', async () => {
    const id = await reported(babinsa);
    const foto = (await putFoto(babinsa, id, 'image/jpeg', jpeg(99))).json();
    const db = t.database.db;
    await expect(
      db
        .updateTable('kejadian_bukti')
        .set({ sha256: sha(JPEG) })
        .where('id', '=', foto.id)
        .execute(),
    ).rejects.toThrow(/tidak dapat diubah/);
    await expect(db.deleteFrom('kejadian_bukti').where('id', '=', foto.id).execute()).rejects.toThrow(
      /tidak dapat diubah/,
    );
    await expect(
      db.updateTable('berkas').set({ mime: 'image/png' }).where('sha256', '=', foto.sha256).execute(),
    ).rejects.toThrow(/tidak dapat diubah/);
    const back = await camat.request({ method: 'GET', url: `/api/kejadian/${id}/foto` });
    expect(back.rawPayload.equals(jpeg(99))).toBe(true);
  });

  it(`stops at ${FOTO_PER_KEJADIAN_MAKS} photos with nothing written`, async () => {
    const id = await reported(babinsa);
    for (let n = 0; n < FOTO_PER_KEJADIAN_MAKS; n += 1) {
      expect((await putFoto(babinsa, id, 'image/jpeg', jpeg(n))).statusCode).toBe(200);
    }
    const full = await putFoto(babinsa, id, 'image/jpeg', jpeg(FOTO_PER_KEJADIAN_MAKS));
    expect(full.statusCode).toBe(409);
    expect(full.json().error.details).toMatchObject({ code: 'foto_penuh', max: FOTO_PER_KEJADIAN_MAKS });
    const stored = await t.database.db
      .selectFrom('berkas')
      .select('sha256')
      .where('sha256', '=', sha(jpeg(FOTO_PER_KEJADIAN_MAKS)))
      .execute();
    expect(stored).toEqual([]);
    // The same bytes as one already there still answer as a retry.
    expect((await putFoto(babinsa, id, 'image/jpeg', jpeg(0))).json().replayed).toBe(true);
  });
});

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
      { id: duplicate, reportedAt: expect.any(String) },
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

describe('need-to-know', () => {
  it('hides a restricted incident from everyone but its reporter and the authorised roles', async () => {
    const id = await reported(babinsa, { kategori: 'netralitas_tni_polri', terbatas: true });
    for (const client of [lurah, camat, bawaslu]) expect((await detail(client, id)).statusCode).toBe(404);
    for (const client of [babinsa, kesbangpol, polres])
      expect((await detail(client, id)).statusCode).toBe(200);
    const lurahList = (await lurah.request({ method: 'GET', url: '/api/kejadian?pageSize=200' })).json();
    expect(lurahList.items.map((i: { id: string }) => i.id)).not.toContain(id);
    expect((await act(camat, id, { aksi: 'verifikasi' })).statusCode).toBe(404);
    expect((await lurah.request({ method: 'GET', url: `/api/kejadian/${id}/foto` })).statusCode).toBe(404);
  });

  it('keeps a confidential reporter from those who may not know them, in every step', async () => {
    const id = await reported(babinsa, { pelaporRahasia: true });
    await putFoto(babinsa, id, 'image/jpeg', JPEG);
    const seenByCamat = (await detail(camat, id)).json();
    expect(seenByCamat.pelapor).toBeNull();
    expect(seenByCamat.langkah.map((l: { aktor: string | null }) => l.aktor)).toEqual([null, null]);
    expect((await detail(kesbangpol, id)).json().pelapor).toEqual({
      nama: 'Babinsa Tompotikka',
      agency: 'tni',
    });
    expect((await detail(babinsa, id)).json().pelapor).not.toBeNull();
  });

  it('lets Kesbangpol restrict an incident afterwards; the camat may not', async () => {
    const id = await reported(babinsa);
    expect(
      (
        await camat.request({
          method: 'PATCH',
          url: `/api/kejadian/${id}/akses`,
          payload: { terbatas: true },
        })
      ).statusCode,
    ).toBe(403);
    const restricted = await kesbangpol.request({
      method: 'PATCH',
      url: `/api/kejadian/${id}/akses`,
      payload: { terbatas: true, pelaporRahasia: true },
    });
    expect(restricted.json()).toMatchObject({ terbatas: true, pelaporRahasia: true });
    expect((await detail(lurah, id)).statusCode).toBe(404);
  });

  it('shows another kab/kota nothing: 404 for one incident, 403 for its area', async () => {
    const id = await reported(babinsa);
    expect((await detail(kutim, id)).statusCode).toBe(404);
    expect((await act(kutim, id, { aksi: 'verifikasi' })).statusCode).toBe(404);
    expect((await kutim.request({ method: 'GET', url: '/api/kejadian?kode=73.73' })).statusCode).toBe(403);
    expect((await lurah.request({ method: 'GET', url: '/api/kejadian?kode=73.73.01' })).statusCode).toBe(403);
    const own = (await kutim.request({ method: 'GET', url: '/api/kejadian' })).json();
    expect(own.items.filter((i: { kodeWilayah: string }) => i.kodeWilayah.startsWith('73.'))).toEqual([]);
    expect((await detail(kutim, randomUUID())).statusCode).toBe(404);
    expect((await kutim.request({ method: 'GET', url: '/api/kejadian/bukan-uuid' })).statusCode).toBe(400);
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
    at('2024-11-28T10:00:00+08:00');
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

describe('GET /api/kejadian › pagination and filters', () => {
  it('pages without overlap, counts the total and filters by status, category and level', async () => {
    at('2024-11-28T11:00:00+08:00');
    for (let i = 0; i < 5; i += 1)
      await reported(babinsa, { kategori: 'perusakan_apk_logistik', uraian: `APK dirusak ${i}` });
    const page = (n: number) =>
      kesbangpol
        .request({ method: 'GET', url: `/api/kejadian?kategori=perusakan_apk_logistik&pageSize=2&page=${n}` })
        .then((r) => r.json());
    const [p1, p2, p3] = await Promise.all([page(1), page(2), page(3)]);
    expect(p1.total).toBe(5);
    expect([p1.items.length, p2.items.length, p3.items.length]).toEqual([2, 2, 1]);
    const ids = [...p1.items, ...p2.items, ...p3.items].map((i: { id: string }) => i.id);
    expect(new Set(ids).size).toBe(5);
    const baru = (
      await kesbangpol.request({
        method: 'GET',
        url: '/api/kejadian?status=baru&level=kelurahan&pageSize=200',
      })
    ).json();
    expect(baru.items.every((i: { status: string; level: string }) => i.status === 'baru')).toBe(true);
    expect((await kesbangpol.request({ method: 'GET', url: '/api/kejadian?pageSize=201' })).statusCode).toBe(
      400,
    );
    const badStatus = await kesbangpol.request({ method: 'GET', url: '/api/kejadian?status=hilang' });
    expect(badStatus.json().error.details.issues[0]).toMatchObject({
      path: 'status',
      message: 'Status kejadian tidak dikenal',
    });
  });
});
