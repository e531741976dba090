/**
 * Petugas over the real app and database: who sees a NIK and who sees it masked, that every read of
 * unmasked personal data is audited, two elections that never mix and a closed election that refuses
 * writes, officers that follow their TPS, and one officer entered by hand. A roster's import, its
 * screening, check-ins, incidents and dashboard: petugas-tugas.routes.test.ts; the retention rule:
 * petugas-retensi.routes.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { createPemilihanVia, inPemilihan } from '../../testing/pemilihan';
import {
  login,
  readAudits,
  roster,
  t,
  tps001,
  tps002,
  usePetugasApp,
  type Roster,
} from '../../testing/petugas';

usePetugasApp();

describe('privacy: who sees a NIK', () => {
  it.each([
    ['kpu.palopo', true, true],
    ['dinkes.palopo', true, true],
    ['kpps.tompotikka', true, true],
    ['kesbangpol.palopo', false, false],
    ['forkopimda.palopo', false, false],
    ['camat.wara', false, false],
    ['lurah.tompotikka', false, false],
    ['bawaslu.palopo', false, false],
  ])(
    '%s sees identity %s and health %s; unmasked reads are audited',
    async (username, identitas, kesehatan) => {
      const before = (await readAudits(username)).length;
      const response = await roster(username);
      expect(response.statusCode).toBe(200);
      const body = response.json<Roster>();
      expect(body.petugas).toHaveLength(7);
      expect(body.akses.identitas).toBe(identitas);
      expect(body.akses.kesehatan).toBe(kesehatan);
      for (const p of body.petugas) {
        if (identitas) {
          expect(p.nik).toMatch(/^\d{16}$/);
          expect(p.telepon).toMatch(/^0852\d{8}$/);
          expect(p.tanggalLahir).not.toBeNull();
        } else {
          expect(p.nik).toMatch(/^\*{12}\d{4}$/);
          expect(p.telepon).toMatch(/^0852\*{6}\d{2}$/);
          expect(p.tanggalLahir).toBeNull();
        }
        expect(p.identitasTersamar).toBe(!identitas);
      }
      const after = await readAudits(username);
      expect(after.length - before).toBe(identitas || kesehatan ? 1 : 0);
      if (identitas) expect(after.at(-1)!.entity_id).toBe(tps001);
    },
  );

  it("the chair's offline copy (?luring=1) has names, roles and shifts, NIK and phone masked, no health, and is not marked", async () => {
    const full = await roster('kpps.tompotikka');
    // The unmasked answer is marked, so the phone never keeps it (web offline-names mayKeepOffline).
    expect(full.headers['x-siaga-data-pribadi']).toBe('1');
    expect(full.body).toMatch(/"nik":"\d{16}"/);
    const before = (await readAudits('kpps.tompotikka')).length;
    const chair = await login('kpps.tompotikka');
    const luring = await chair.request({ method: 'GET', url: `/api/petugas/tps/${tps001}?luring=1` });
    expect(luring.statusCode).toBe(200);
    expect(luring.headers['x-siaga-data-pribadi']).toBeUndefined();
    const body = luring.json<Roster & { petugas: { jenisKelamin: string | null; usia: number | null }[] }>();
    expect(body.petugas.length).toBe(full.json<Roster>().petugas.length);
    expect(body.akses).toMatchObject({ identitas: false, kesehatan: false, hadir: true });
    for (const p of body.petugas) {
      expect(p.nama.length).toBeGreaterThan(0);
      expect(p.nik).not.toMatch(/^\d{16}$/);
      expect(p.telepon === null || !/^\+?\d{9,}$/.test(p.telepon)).toBe(true);
      expect([p.tanggalLahir, p.usia, p.jenisKelamin, p.skrining]).toEqual([null, null, null, null]);
      expect(p.identitasTersamar).toBe(true);
    }
    expect(luring.body).not.toMatch(/\d{16}/);
    // Nothing unmasked was read, so nothing is audited as such.
    expect((await readAudits('kpps.tompotikka')).length).toBe(before);
  });

  it('a KPPS chair reads only their own TPS', async () => {
    expect((await roster('kpps.tompotikka', tps002)).statusCode).toBe(404);
    const list = await (
      await login('kpps.tompotikka')
    ).request({
      method: 'GET',
      url: '/api/petugas/tps?wilayah=73.73.01.1001',
    });
    expect(list.json<{ items: { tpsId: string }[] }>().items.map((i) => i.tpsId)).toEqual([tps001]);
  });

  it('a TPS outside the scope does not exist for the reader', async () => {
    const kutim = await t.database.db
      .selectFrom('tps')
      .select('id')
      .where('kode', '=', '6408012001001')
      .executeTakeFirstOrThrow();
    expect((await roster('kpu.palopo', kutim.id)).statusCode).toBe(404);
  });

  it('the export masks NIK and phone even for the KPU operator', async () => {
    const response = await (
      await login('kpu.palopo')
    ).request({
      method: 'GET',
      url: '/api/petugas/export?wilayah=73.73.01.1001',
    });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/csv');
    const lines = response.body.trim().split('\n');
    expect(lines[0]).toContain('nik');
    expect(lines.length).toBeGreaterThan(7);
    expect(response.body).not.toMatch(/\b\d{16}\b/);
    expect(response.body).toMatch(/\*{12}\d{4}/);
  });
});

describe('two elections and a closed one', () => {
  it('a PSU at one TPS sees none of the demo election officers; the closed election refuses writes', async () => {
    const palopo = await login('kesbangpol.palopo');
    const { id: psu } = await createPemilihanVia(palopo, {
      clientId: randomUUID(),
      nama: 'PSU TPS 002 Tompotikka',
      jenis: 'psu',
      hariPemungutan: '2024-12-01',
      kodeWilayah: '73.73',
      indukId: DEMO_PEMILIHAN_ID,
      tps: [{ tpsId: tps002, alasan: 'Rekomendasi Panwascam' }],
    });
    const inPsu = inPemilihan(psu);
    const kpu = await login('kpu.palopo');
    const list = await kpu.request({ method: 'GET', url: inPsu('/api/petugas/tps?wilayah=73.73.01.1001') });
    const items = list.json<{ items: { tpsId: string; susunan: { kppsAnggota: number } }[] }>().items;
    expect(items.map((i) => i.tpsId)).toEqual([tps002]);
    expect(items[0]!.susunan.kppsAnggota).toBe(0);
    expect((await kpu.request({ method: 'GET', url: inPsu(`/api/petugas/tps/${tps001}`) })).statusCode).toBe(
      404,
    );
    const dasbor = await kpu.request({ method: 'GET', url: inPsu('/api/petugas/dasbor?wilayah=73.73') });
    expect(dasbor.json<{ total: { petugas: number; tps: number } }>().total).toMatchObject({
      petugas: 0,
      tps: 1,
    });

    const closed = await kpu.request({
      method: 'POST',
      url: inPemilihan(PILKADA_2024_ID)('/api/petugas'),
      payload: {
        jenis: 'linmas',
        jabatan: 'anggota',
        kodeWilayah: '73.73.01.1001',
        tpsId: tps001,
        nama: 'Arsyad',
        nik: '7373990505800005',
      },
    });
    expect(closed.statusCode).toBe(409);
  });
});

describe('officers follow their TPS', () => {
  it('move with it to another kelurahan and go with it when it is removed', async () => {
    const db = t.database.db;
    // TPS 003 Tompotikka (TPS 002 votes in the PSU made above, which keeps it).
    const { id: tps003 } = await db
      .selectFrom('tps')
      .select('id')
      .where('kode', '=', '7373011001003')
      .executeTakeFirstOrThrow();
    const before = await db.selectFrom('petugas').select('id').where('tps_id', '=', tps003).execute();
    expect(before).toHaveLength(7);
    await db
      .updateTable('tps')
      .set({ kode_wilayah: '73.73.01.1002', nomor: 901, kode: '7373011002901' })
      .where('id', '=', tps003)
      .execute();
    const moved = await db
      .selectFrom('petugas')
      .select('kode_wilayah')
      .where('tps_id', '=', tps003)
      .execute();
    expect(moved.map((p) => p.kode_wilayah)).toEqual(Array(7).fill('73.73.01.1002'));
    await db.deleteFrom('tps').where('id', '=', tps003).execute();
    expect(await db.selectFrom('petugas').select('id').where('tps_id', '=', tps003).execute()).toHaveLength(
      0,
    );
  });
});

describe('one officer by hand', () => {
  const linmas = {
    jenis: 'linmas',
    jabatan: 'anggota',
    kodeWilayah: '73.73.01.1001',
    nama: 'Andi Baso',
    nik: '7373990606800021',
    telepon: '+62 813 5551 2345',
    tanggalLahir: '1980-06-06',
    jenisKelamin: 'L',
  };
  const create = async (username: string, payload: Record<string, unknown>) =>
    (await login(username)).request({ method: 'POST', url: '/api/petugas', payload });
  const change = async (username: string, id: string, payload: Record<string, unknown>) =>
    (await login(username)).request({ method: 'PATCH', url: `/api/petugas/${id}`, payload });
  const auditOf = (id: string) =>
    t.database.db
      .selectFrom('audit_log')
      .select(['action', 'before', 'after'])
      .where('entity', '=', 'petugas')
      .where('entity_id', '=', id)
      .orderBy('id')
      .execute();
  const officer = async (id: string, tpsId = tps002) =>
    (await roster('kpu.palopo', tpsId)).json<Roster>().petugas.find((p) => p.id === id)!;

  it('the KPU operator adds one; those who may not see a NIK may not enter one; bad input is refused by field', async () => {
    for (const username of ['kesbangpol.palopo', 'camat.wara', 'dinkes.palopo']) {
      const refused = await create(username, { ...linmas, tpsId: tps002 });
      expect(refused.statusCode, username).toBe(403);
    }
    const field = async (payload: Record<string, unknown>) => {
      const response = await create('kpu.palopo', { ...linmas, tpsId: tps002, ...payload });
      return [
        response.statusCode,
        response.json<{ error: { details?: { field?: string } } }>().error.details?.field,
      ];
    };
    // Sixteen digits, but the 13th month is no birth date.
    expect(await field({ nik: '7373990613800021' })).toEqual([400, 'nik']);
    expect(await field({ telepon: '12345' })).toEqual([400, 'telepon']);
    expect(await field({ jabatan: 'ketua' })).toEqual([400, 'jabatan']);
    expect(await field({ tpsId: randomUUID() })).toEqual([400, 'tpsId']);

    const created = await create('kpu.palopo', { ...linmas, tpsId: tps002 });
    expect(created.statusCode).toBe(200);
    const { id } = created.json<{ id: string }>();
    const p = await officer(id);
    expect(p).toMatchObject({ nama: 'Andi Baso', nik: linmas.nik, telepon: '081355512345' });
    expect(p.tanggalLahir).toBe('1980-06-06');
    const [audit] = await auditOf(id);
    expect(audit).toMatchObject({ action: 'create', after: { jenis: 'linmas', jabatan: 'anggota' } });
    expect(JSON.stringify(audit)).not.toContain(linmas.nik);
    expect(JSON.stringify(audit)).not.toContain('Andi');

    const again = await create('kpu.palopo', { ...linmas, tpsId: tps002 });
    expect(again.statusCode).toBe(409);
    expect(again.json<{ error: { details: { field: string } } }>().error.details.field).toBe('nik');
  });

  it('the KPU operator edits one against its version; identity only by those who see it; audited without values', async () => {
    const { id } = (await create('kpu.palopo', { ...linmas, nik: '7373990707800022', tpsId: tps002 })).json<{
      id: string;
    }>();
    const edited = await change('kpu.palopo', id, {
      version: 1,
      nama: 'Andi Baso Lamba',
      telepon: '0813 5551 0000',
      tanggalLahir: null,
    });
    expect(edited.statusCode).toBe(200);
    expect(edited.json()).toEqual({ id, version: 2 });
    expect(await officer(id)).toMatchObject({
      nama: 'Andi Baso Lamba',
      telepon: '081355510000',
      tanggalLahir: null,
      nik: '7373990707800022',
    });
    // Someone else's change came first: the stale version is refused and nothing is written.
    const stale = await change('kpu.palopo', id, { version: 1, nama: 'Andi B.' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { details: { field: string } } }>().error.details.field).toBe('version');
    expect((await officer(id)).nama).toBe('Andi Baso Lamba');

    // A Kesbangpol operator manages rosters but sees no NIK: the name yes, the NIK or phone no.
    expect((await change('kesbangpol.palopo', id, { version: 2, nik: '7373990707800023' })).statusCode).toBe(
      403,
    );
    expect((await change('kesbangpol.palopo', id, { version: 2, telepon: null })).statusCode).toBe(403);
    expect((await change('kesbangpol.palopo', id, { version: 2, nama: 'Andi Baso L.' })).statusCode).toBe(
      200,
    );
    expect((await change('camat.wara', id, { version: 3, nama: 'X Y' })).statusCode).toBe(403);
    expect((await change('kpu.palopo', id, { version: 3 })).statusCode).toBe(400);
    expect((await change('kpu.palopo', id, { version: 3, jabatan: 'ketua' })).statusCode).toBe(400);
    expect((await change('kpu.palopo', id, { version: 3, nik: '12' })).statusCode).toBe(400);
    expect((await change('kpu.palopo', randomUUID(), { version: 1, nama: 'X Y' })).statusCode).toBe(404);

    const audits = await auditOf(id);
    expect(audits.map((a) => a.action)).toEqual(['create', 'update', 'update']);
    expect(audits[1]!.after).toMatchObject({ diubah: ['nama', 'telepon', 'tanggalLahir'] });
    expect(JSON.stringify(audits)).not.toMatch(/Lamba|0813|7373990707800022/);
  });

  it('a TPS holds one KPPS chair: a member made chair beside one is refused; a NIK in use is refused', async () => {
    const member = (await roster('kpu.palopo', tps002))
      .json<Roster>()
      .petugas.find((p) => p.jenis === 'kpps' && p.jabatan === 'anggota')!;
    const { version } = member;
    const chair = await change('kpu.palopo', member.id, { version, jabatan: 'ketua' });
    expect(chair.statusCode).toBe(409);
    expect(chair.json<{ error: { code: string } }>().error.code).toBe('invalid_state');
    const taken = await change('kpu.palopo', member.id, { version, nik: linmas.nik });
    expect(taken.statusCode).toBe(409);
    expect(taken.json<{ error: { details: { field: string } } }>().error.details.field).toBe('nik');
  });
});
