/**
 * Media sosial over the real app and database: recording (retries, duplicates by normalised address,
 * bad input with nothing written), evidence (hashing, type and size, append-only, audited downloads),
 * triage, scope, and two elections that never mix (docs/domain/medsos.md). Incidents, takedowns and
 * the weekly picture: medsos-impor.routes.test.ts; the shared app: testing/medsos.ts.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID } from '../../db/seeds/demo-pemilihan';
import {
  act,
  bawaslu,
  camatWara,
  kesbangpol,
  kutim,
  lurah,
  PNG_MAGIC,
  png,
  postBody,
  postCount,
  postNumber,
  record,
  sha,
  siber,
  t,
  upload,
  useMedsosApp,
} from '../../testing/medsos';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';

useMedsosApp();

describe('POST /api/medsos', () => {
  it('records a post once per clientId and refuses the same address again, however it is written', async () => {
    const body = postBody();
    const number = 1000 + postNumber;
    const first = await siber.request({ method: 'POST', url: '/api/medsos', payload: body });
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      platform: 'facebook',
      urlNormal: `https://facebook.com/groups/infopalopo/posts/${number}`,
      status: 'baru',
      pencatat: 'Unit Siber Polres Palopo',
      namaWilayah: 'Tompotikka',
    });
    const retry = await siber.request({ method: 'POST', url: '/api/medsos', payload: body });
    expect(retry.json().id).toBe(first.json().id);
    const again = await kesbangpol.request({
      method: 'POST',
      url: '/api/medsos',
      payload: postBody({ url: `http://m.facebook.com/groups/infopalopo/posts/${number}#x` }),
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.details).toMatchObject({ code: 'url_sudah_tercatat', id: first.json().id });
  });

  it('keeps one record when copies race: the same clientId answers with it, another clientId is told its id', async () => {
    const body = postBody();
    const before = await postCount();
    const copies = await Promise.all(
      [0, 1, 2, 3].map(() => siber.request({ method: 'POST', url: '/api/medsos', payload: body })),
    );
    for (const copy of copies) expect(copy.statusCode, copy.body).toBe(200);
    const id = copies[0]!.json<{ id: string }>().id;
    for (const copy of copies) expect(copy.json<{ id: string }>().id).toBe(id);
    expect(await postCount()).toBe(before + 1);

    // Two officers send one address at once under their own client ids: the first stands.
    const address = postBody();
    const [a, b] = await Promise.all(
      [siber, kesbangpol].map((client) =>
        client.request({
          method: 'POST',
          url: '/api/medsos',
          payload: { ...address, clientId: randomUUID() },
        }),
      ),
    );
    const statuses = [a!.statusCode, b!.statusCode].sort();
    expect(statuses).toEqual([200, 409]);
    const winner = a!.statusCode === 200 ? a! : b!;
    const loser = a!.statusCode === 200 ? b! : a!;
    expect(loser.json().error.details).toMatchObject({
      code: 'url_sudah_tercatat',
      id: winner.json<{ id: string }>().id,
    });
    expect(await postCount()).toBe(before + 2);
  });

  it.each([
    [{ url: 'javascript:alert(1)' }, 400, 'url'],
    [{ url: '' }, 400, 'url'],
    [{ kodeWilayah: 'abc' }, 400, 'kodeWilayah'],
    [{ kodeWilayah: '73.73.99' }, 404, 'kodeWilayah'],
    [{ kategori: 'fitnah' }, 400, 'kategori'],
    [{ dilihatAt: '2024-11-21T08:00:00+08:00' }, 400, 'dilihatAt'],
    [{ akun: '' }, 400, 'akun'],
  ])('refuses %j with %i naming the field, writing nothing', async (over, status, field) => {
    const before = await postCount();
    const response = await siber.request({ method: 'POST', url: '/api/medsos', payload: postBody(over) });
    expect(response.statusCode, response.body).toBe(status);
    expect(JSON.stringify(response.json().error)).toContain(field);
    expect(await postCount()).toBe(before);
  });

  it('lets the watchers, Bawaslu and Kesbangpol record; not the camat or the lurah', async () => {
    await record(bawaslu);
    for (const client of [camatWara, lurah]) {
      const response = await client.request({ method: 'POST', url: '/api/medsos', payload: postBody() });
      expect(response.statusCode).toBe(403);
    }
    const outside = await kutim.request({ method: 'POST', url: '/api/medsos', payload: postBody() });
    expect(outside.statusCode).toBe(403);
  });
});

describe('evidence', () => {
  it('stores each screenshot by its SHA-256, answers the same bytes with the first record, audits every download', async () => {
    const post = await record(siber);
    const a = png();
    const b = png();
    const first = await upload(
      siber,
      post.id,
      a,
      'image/png',
      '?diambilAt=2024-11-20T08:16:00%2B08:00&nama=layar-1.png',
    );
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json()).toMatchObject({
      sha256: sha(a),
      sizeBytes: a.length,
      mime: 'image/png',
      namaBerkas: 'layar-1.png',
      diambilOleh: 'Unit Siber Polres Palopo',
      diambilAt: '2024-11-20T00:16:00.000Z',
      replayed: false,
    });
    const second = await upload(siber, post.id, b);
    const replay = await upload(siber, post.id, a);
    expect(replay.json()).toMatchObject({ id: first.json().id, replayed: true });
    const detail = (await kesbangpol.request({ method: 'GET', url: `/api/medsos/${post.id}` })).json();
    expect(detail.bukti.map((x: { sha256: string }) => x.sha256)).toEqual([sha(a), sha(b)]);

    const download = await camatWara.request({
      method: 'GET',
      url: `/api/medsos/${post.id}/bukti/${second.json().id}`,
    });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['x-siaga-sha256']).toBe(sha(b));
    expect(download.rawPayload.equals(b)).toBe(true);
    const audit = await t.database.db
      .selectFrom('audit_log')
      .select(['actor_username as username', 'entity_id'])
      .where('action', '=', 'medsos.bukti.unduh')
      .execute();
    expect(audit).toContainEqual({ username: 'camat.wara', entity_id: second.json().id });
  });

  it.each([
    ['text/plain', png(), 415],
    ['image/jpeg', png(), 415],
    ['image/png', Buffer.from('bukan gambar sama sekali'), 415],
    ['image/png', Buffer.alloc(0), 400],
    ['image/png', Buffer.concat([PNG_MAGIC, Buffer.alloc(5 * 1024 * 1024)]), 413],
  ])('refuses a %s body that is not what it says (%#) with nothing stored', async (type, bytes, status) => {
    const post = await record(siber);
    const response = await upload(siber, post.id, bytes, type);
    expect(response.statusCode).toBe(status);
    const detail = (await siber.request({ method: 'GET', url: `/api/medsos/${post.id}` })).json();
    expect(detail.bukti).toEqual([]);
  });

  it('never changes: later changes to the post leave its evidence as captured, and the database refuses edits', async () => {
    const post = await record(siber);
    const bytes = png();
    await upload(siber, post.id, bytes);
    const before = await t.database.db
      .selectFrom('medsos_bukti')
      .innerJoin('berkas', 'berkas.sha256', 'medsos_bukti.sha256')
      .selectAll()
      .where('post_id', '=', post.id)
      .execute();
    expect((await act(kesbangpol, post.id, { aksi: 'klasifikasi', kategori: 'provokasi' })).statusCode).toBe(
      200,
    );
    expect((await act(kesbangpol, post.id, { aksi: 'verifikasi' })).statusCode).toBe(200);
    expect((await act(kesbangpol, post.id, { aksi: 'eskalasi', catatan: 'ke rakor' })).statusCode).toBe(200);
    const after = await t.database.db
      .selectFrom('medsos_bukti')
      .innerJoin('berkas', 'berkas.sha256', 'medsos_bukti.sha256')
      .selectAll()
      .where('post_id', '=', post.id)
      .execute();
    expect(after).toEqual(before);
    expect(Buffer.from(after[0]!.bytes).equals(bytes)).toBe(true);
    await expect(
      sql`UPDATE medsos_bukti SET diambil_at = now() WHERE post_id = ${post.id}`.execute(t.database.db),
    ).rejects.toThrow(/tidak dapat diubah/);
    await expect(
      sql`DELETE FROM medsos_bukti WHERE post_id = ${post.id}`.execute(t.database.db),
    ).rejects.toThrow(/tidak dapat diubah/);
    await expect(
      sql`UPDATE berkas SET bytes = ${Buffer.from('x')} WHERE sha256 = ${sha(bytes)}`.execute(t.database.db),
    ).rejects.toThrow(/tidak dapat diubah/);
  });
});

describe('triage', () => {
  it('merges a re-share into its parent and refuses what the state does not allow', async () => {
    const parent = await record(siber);
    const reshare = await record(siber, {
      akun: 'Akun Sebar Ulang',
      platform: 'x',
      url: `https://x.com/sebar/status/${Date.now()}`,
    });
    const merged = await act(kesbangpol, reshare.id, { aksi: 'gabung', intoId: parent.id });
    expect(merged.json()).toMatchObject({ status: 'digabung', mergedInto: parent.id });
    const detail = (await siber.request({ method: 'GET', url: `/api/medsos/${parent.id}` })).json();
    expect(detail.duplikat.map((d: { id: string }) => d.id)).toEqual([reshare.id]);
    const intoMerged = await act(kesbangpol, parent.id, { aksi: 'gabung', intoId: reshare.id });
    expect(intoMerged.json().error.details).toMatchObject({ code: 'unggahan_induk_tidak_berlaku' });
    const escalateNew = await act(kesbangpol, parent.id, { aksi: 'eskalasi' });
    expect(escalateNew.json().error.details).toMatchObject({ code: 'status_tidak_sesuai' });
    expect((await act(kesbangpol, parent.id, { aksi: 'abaikan' })).statusCode).toBe(400);
    expect(
      (await act(kesbangpol, parent.id, { aksi: 'abaikan', alasan: 'Satire, bukan hoaks' })).json().status,
    ).toBe('diabaikan');
    expect((await act(bawaslu, reshare.id, { aksi: 'verifikasi' })).statusCode).toBe(403);
  });
});

describe('scope', () => {
  it('shows a camat the posts of the kecamatan only, and nobody outside the city', async () => {
    const wara = await record(siber, { kodeWilayah: '73.73.01' });
    const waraUtara = await record(siber, { kodeWilayah: '73.73.02.1002' });
    const list = (await camatWara.request({ method: 'GET', url: '/api/medsos?pageSize=200' })).json();
    const ids = list.items.map((i: { id: string }) => i.id);
    expect(ids).toContain(wara.id);
    expect(ids).not.toContain(waraUtara.id);
    expect((await camatWara.request({ method: 'GET', url: `/api/medsos/${waraUtara.id}` })).statusCode).toBe(
      404,
    );
    expect((await kutim.request({ method: 'GET', url: `/api/medsos/${wara.id}` })).statusCode).toBe(404);
    expect((await kutim.request({ method: 'GET', url: '/api/medsos?kode=73.73' })).statusCode).toBe(403);
    expect((await lurah.request({ method: 'GET', url: `/api/medsos/${wara.id}` })).statusCode).toBe(403);
    expect(
      (await camatWara.request({ method: 'GET', url: '/api/medsos/ringkasan?kode=73.73' })).statusCode,
    ).toBe(403);
    expect((await camatWara.request({ method: 'GET', url: '/api/medsos/not-a-uuid' })).statusCode).toBe(400);
  });
});

describe('two elections', () => {
  it('keeps posts, evidence and the weekly picture of a PSU apart, and a closed election refuses writes', async () => {
    const tps = await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode', '=', '7373011001001')
      .executeTakeFirstOrThrow();
    const { id: psu, version } = await createPemilihanVia(kesbangpol, {
      clientId: randomUUID(),
      nama: 'PSU TPS Tompotikka',
      jenis: 'psu',
      hariPemungutan: '2024-11-28',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [{ tpsId: tps.id, alasan: 'Rekomendasi Panwascam' }],
    });
    const inPsu = inPemilihan(psu);
    const body = postBody({ kategori: 'sara' });
    const inPsuPost = await siber.request({ method: 'POST', url: inPsu('/api/medsos'), payload: body });
    expect(inPsuPost.statusCode, inPsuPost.body).toBe(200);
    const id = inPsuPost.json().id;
    // The same address may be recorded in each election: it is one record per election.
    const inDemo = await siber.request({
      method: 'POST',
      url: '/api/medsos',
      payload: { ...body, clientId: randomUUID() },
    });
    expect(inDemo.statusCode).toBe(200);
    // A client id already used in the PSU is not answered with the PSU's record.
    expect((await siber.request({ method: 'POST', url: '/api/medsos', payload: body })).statusCode).toBe(409);
    expect((await siber.request({ method: 'GET', url: `/api/medsos/${id}` })).statusCode).toBe(404);
    expect((await upload(siber, id, png())).statusCode).toBe(404);
    const demoList = (await siber.request({ method: 'GET', url: '/api/medsos?pageSize=200' })).json();
    expect(demoList.items.map((i: { id: string }) => i.id)).not.toContain(id);
    const psuList = (await siber.request({ method: 'GET', url: inPsu('/api/medsos') })).json();
    expect(psuList.items.map((i: { id: string }) => i.id)).toEqual([id]);
    const psuWeek = (
      await siber.request({ method: 'GET', url: inPsu('/api/medsos/ringkasan?dari=2024-11-18') })
    ).json();
    expect(psuWeek.jumlah).toBe(1);

    const closed = await kesbangpol.request({
      method: 'PATCH',
      url: `/api/pemilihan/${psu}`,
      payload: { version, ditutup: true },
    });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(
      (await siber.request({ method: 'POST', url: inPsu('/api/medsos'), payload: postBody() })).statusCode,
    ).toBe(409);
    expect((await act(siber, id, { aksi: 'verifikasi' })).statusCode).toBe(404);
    expect(
      (
        await siber.request({
          method: 'POST',
          url: inPsu(`/api/medsos/${id}/aksi`),
          payload: { aksi: 'verifikasi' },
        })
      ).statusCode,
    ).toBe(409);
    expect((await siber.request({ method: 'GET', url: inPsu(`/api/medsos/${id}`) })).statusCode).toBe(200);
  });
});
