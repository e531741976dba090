/**
 * An incident reported over the real app and database: POST /api/kejadian (once per clientId, the
 * level it starts at, the refusals), its photos kept as evidence (ADR 0017), need-to-know (restricted
 * incidents, confidential reporters, other regions) and the list's pages and filters. Its way after
 * the report is in kejadian-alur.routes.test.ts; the shared app and requests in testing/kejadian.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { FOTO_MAX_BYTES, FOTO_PER_KEJADIAN_MAKS } from '../../../contracts/kejadian';
import {
  act,
  auditCount,
  babinsa,
  bawaslu,
  camat,
  detail,
  JPEG,
  jump,
  KEL,
  kesbangpol,
  kutim,
  lurah,
  MIN,
  minutesAgo,
  PNG,
  polres,
  putFoto,
  report,
  reportBody,
  reported,
  t,
  tpsElsewhere,
  tpsIds,
  useKejadianApp,
} from '../../testing/kejadian';

useKejadianApp();

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

describe('GET /api/kejadian › pagination and filters', () => {
  it('pages without overlap, counts the total and filters by status, category and level', async () => {
    await jump('2024-11-28T11:00:00+08:00');
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
