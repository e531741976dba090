/**
 * The retention of officers' health data over the real app and database: only an admin sets a
 * region's rule, and the rule deletes the health data of a closed election when it is due.
 */
import { describe, expect, it } from 'vitest';
import { DEMO_PEMILIHAN_ID, PILKADA_2024_ID } from '../../db/seeds/demo-pemilihan';
import { login, setClock, t, tps001, usePetugasApp } from '../../testing/petugas';

usePetugasApp();

describe('retention of health data', () => {
  it('only an admin sets a region rule; the rule deletes health data of a closed election when due', async () => {
    const put = (username: string, payload: Record<string, unknown>) =>
      login(username).then((c) => c.request({ method: 'PUT', url: '/api/petugas/aturan/73.73', payload }));
    expect(
      (await put('kesbangpol.palopo', { jamPeringatan: 14, jamBahaya: 18, retensiHari: 30 })).statusCode,
    ).toBe(403);
    expect((await put('admin', { jamPeringatan: 18, jamBahaya: 18, retensiHari: 30 })).statusCode).toBe(400);
    expect((await put('admin', { jamPeringatan: 14, jamBahaya: 18, retensiHari: 30 })).statusCode).toBe(200);
    // Pilkada 2024 closed on 2025-06-30; one of its officers was screened.
    const db = t.database.db;
    const tpsRow = await db
      .selectFrom('tps')
      .select(['id', 'kode_wilayah'])
      .where('id', '=', tps001)
      .executeTakeFirstOrThrow();
    const { id } = await db
      .insertInto('petugas')
      .values({
        pemilihan_id: PILKADA_2024_ID,
        jenis: 'kpps',
        jabatan: 'anggota',
        kode_wilayah: tpsRow.kode_wilayah,
        tps_id: tpsRow.id,
        nama: 'Hasnah Latif',
        nik: '7373995506900001',
        created_by: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('petugas_skrining')
      .values({ petugas_id: id, diperiksa_on: '2024-11-15', hasil: 'layak' })
      .execute();
    setClock('2025-07-29T00:00:00+08:00'); // 29 days after closing
    expect(
      (await (await login('admin')).request({ method: 'POST', url: '/api/petugas/retensi' })).json(),
    ).toEqual({
      petugas: 0,
    });
    expect(
      await db.selectFrom('petugas_skrining').select('petugas_id').where('petugas_id', '=', id).execute(),
    ).toHaveLength(1);
    setClock('2025-07-30T00:00:00+08:00'); // 30 days
    expect(
      (await (await login('admin')).request({ method: 'POST', url: '/api/petugas/retensi' })).json(),
    ).toEqual({
      petugas: 1,
    });
    expect(
      await db.selectFrom('petugas_skrining').select('petugas_id').where('petugas_id', '=', id).execute(),
    ).toHaveLength(0);
    const marked = await db
      .selectFrom('petugas')
      .select('kesehatan_dihapus_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(marked.kesehatan_dihapus_at).not.toBeNull();
    // The open demo election's screenings are untouched.
    const open = await db
      .selectFrom('petugas_skrining as s')
      .innerJoin('petugas as p', 'p.id', 's.petugas_id')
      .select(({ fn }) => fn.countAll<string>().as('n'))
      .where('p.pemilihan_id', '=', DEMO_PEMILIHAN_ID)
      .executeTakeFirstOrThrow();
    expect(Number(open.n)).toBeGreaterThan(0);
    expect(
      (await (await login('kpu.palopo')).request({ method: 'POST', url: '/api/petugas/retensi' })).statusCode,
    ).toBe(403);
    setClock('2024-11-20T09:00:00+08:00');
  });
});
