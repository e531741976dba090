/** SQL of the plan's duties besides the TPS (pam_tugas) and the units assigned to them. */
import { sql, type Kysely } from 'kysely';
import type { JenisTugasLain } from '../../../domain/pengamanan/tugas';
import type { Insertable } from 'kysely';
import type { Database, PamTugasTable } from '../../db/schema';

type Db = Kysely<Database>;

export type TugasRowInput = Required<
  Omit<Insertable<PamTugasTable>, 'id' | 'created_at' | 'updated_at' | 'version'>
>;

/** Inserts or updates the duty of one record of another module; answers its row as it was before (or undefined). */
export async function upsertTugas(db: Db, row: TugasRowInput) {
  const before = await db
    .selectFrom('pam_tugas')
    .selectAll()
    .where('pemilihan_id', '=', row.pemilihan_id)
    .where('jenis', '=', row.jenis)
    .where('sumber_id', '=', row.sumber_id)
    .forUpdate()
    .executeTakeFirst();
  if (before) {
    const after = await db
      .updateTable('pam_tugas')
      .set({
        kode_kabkota: row.kode_kabkota,
        kode_wilayah: row.kode_wilayah,
        nama: row.nama,
        mulai: row.mulai,
        selesai: row.selesai,
        kebutuhan_polri: row.kebutuhan_polri,
        kebutuhan_tni: row.kebutuhan_tni,
        kebutuhan_linmas: row.kebutuhan_linmas,
        kebutuhan_satpol_pp: row.kebutuhan_satpol_pp,
        updated_at: sql<Date>`now()`,
        version: sql<number>`version + 1`,
      })
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return { before, after };
  }
  const after = await db.insertInto('pam_tugas').values(row).returningAll().executeTakeFirstOrThrow();
  return { before: undefined, after };
}

export async function deleteTugas(db: Db, pemilihanId: string, jenis: JenisTugasLain, sumberId: string) {
  return db
    .deleteFrom('pam_tugas')
    .where('pemilihan_id', '=', pemilihanId)
    .where('jenis', '=', jenis)
    .where('sumber_id', '=', sumberId)
    .returningAll()
    .executeTakeFirst();
}

export async function findTugasNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('pam_tugas').select(['id', 'nama']).where('id', 'in', ids).execute();
}

export async function findTugas(db: Db, id: string) {
  return db.selectFrom('pam_tugas').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Duties of one kab/kota in an election, in time order. */
export async function findTugasOfKabKota(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('pam_tugas')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .orderBy('mulai')
    .orderBy('id')
    .execute();
}
export type TugasRow = Awaited<ReturnType<typeof findTugasOfKabKota>>[number];

/** Duties of the given records of one kind. */
export async function findTugasBySumber(
  db: Db,
  pemilihanId: string,
  jenis: JenisTugasLain,
  sumberIds: readonly string[],
) {
  if (sumberIds.length === 0) return [];
  return db
    .selectFrom('pam_tugas')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('jenis', '=', jenis)
    .where('sumber_id', 'in', sumberIds)
    .execute();
}

/** Assignments of the given duties. */
export async function findPenugasan(db: Db, tugasIds: readonly string[]) {
  if (tugasIds.length === 0) return [];
  return db
    .selectFrom('pam_tugas_unit')
    .selectAll()
    .where('tugas_id', 'in', tugasIds)
    .orderBy('tugas_id')
    .orderBy('unit_id')
    .execute();
}

/** Every assignment of the given units, with its duty's window (the overlap check). */
export async function findPenugasanOfUnits(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('pam_tugas_unit as p')
    .innerJoin('pam_tugas as t', 't.id', 'p.tugas_id')
    .select(['p.tugas_id', 'p.unit_id', 'p.jumlah', 't.mulai', 't.selesai', 't.jenis', 't.kode_wilayah'])
    .where('p.unit_id', 'in', unitIds)
    .execute();
}
export type PenugasanWithWindow = Awaited<ReturnType<typeof findPenugasanOfUnits>>[number];

/**
 * Locks the units in id order (two assignments of one unit are checked one after the other) and
 * answers them.
 */
export async function lockUnits(db: Db, unitIds: readonly string[]) {
  if (unitIds.length === 0) return [];
  return db
    .selectFrom('pam_unit')
    .selectAll()
    .where('id', 'in', [...unitIds])
    .orderBy('id')
    .forUpdate()
    .execute();
}

export async function replacePenugasan(
  db: Db,
  tugasId: string,
  rows: readonly { unit_id: string; jumlah: number }[],
): Promise<void> {
  await db.deleteFrom('pam_tugas_unit').where('tugas_id', '=', tugasId).execute();
  if (rows.length > 0)
    await db
      .insertInto('pam_tugas_unit')
      .values(rows.map((r) => ({ tugas_id: tugasId, unit_id: r.unit_id, jumlah: r.jumlah })))
      .execute();
}

export async function bumpTugasVersion(db: Db, id: string, version: number) {
  return db
    .updateTable('pam_tugas')
    .set({ version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}
