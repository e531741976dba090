/** Pengamatan: observations by the lurah, camat and tiga pilar on a TPS, for Bawaslu to take up or set aside. */
import { sql, type Kysely } from 'kysely';
import type { PengamatanAnswer } from '../../../contracts/kerawanan';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import type { Database } from '../../db/schema';

/** A new observation; a client id already used is a unique violation (cross-cutting/create-once.ts answers it). */
export async function insertPengamatan(
  db: Kysely<Database>,
  row: {
    client_id: string;
    pemilihan_id: string;
    tps_id: string;
    phase: Phase;
    indikator: string | null;
    catatan: string;
    created_by: string;
  },
): Promise<{ id: string }> {
  return db.insertInto('kerawanan_pengamatan').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The observation a client id made, to answer its retry (or refuse it in another election). */
export async function findPengamatanByClientId(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom('kerawanan_pengamatan')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/**
 * The observations on the TPS of a kelurahan/desa in an election and phase, oldest first, with who
 * wrote them.
 */
export async function findPengamatanOfDesa(
  db: Kysely<Database>,
  pemilihanId: string,
  kodeDesa: string,
  phase: Phase,
) {
  return db
    .selectFrom('kerawanan_pengamatan as p')
    .innerJoin('tps', 'tps.id', 'p.tps_id')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .leftJoin('app_user as r', 'r.id', 'p.ditanggapi_by')
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('tps.kode_wilayah', '=', kodeDesa)
    .where('p.phase', '=', phase)
    .select([
      'p.id',
      'p.tps_id',
      'p.indikator',
      'p.catatan',
      'p.status',
      'p.tanggapan',
      'p.created_at',
      'u.username as oleh',
      'u.role as oleh_role',
      'r.username as ditanggapi_oleh',
    ])
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function findPengamatan(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('kerawanan_pengamatan as p')
    .innerJoin('tps', 'tps.id', 'p.tps_id')
    .where('p.id', '=', id)
    .select(['p.id', 'p.pemilihan_id', 'p.tps_id', 'p.status', 'p.phase', 'tps.kode_wilayah'])
    .executeTakeFirst();
}

/** Bawaslu's answer to an observation: taken up or set aside, once. False when it was answered already. */
export async function answerPengamatan(
  db: Kysely<Database>,
  id: string,
  answer: { status: PengamatanAnswer['status']; tanggapan: string | null; ditanggapi_by: string },
): Promise<boolean> {
  const result = await db
    .updateTable('kerawanan_pengamatan')
    .set({ ...answer, ditanggapi_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'baru')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
