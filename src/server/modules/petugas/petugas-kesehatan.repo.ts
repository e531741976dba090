/** The SQL of officers' health: incidents and their follow-up, screenings, a region's rule and the retention. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { JenisSantunan, PenangananInsiden, StatusSantunan } from '../../../domain/petugas/insiden';
import type { Database, PetugasInsidenTable, PetugasSkriningTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Q = Kysely<Database>;

/** Officer incidents of an area (the dashboard counts them per kecamatan). */
export async function findInsidenWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .select(['i.id', 'p.kode_wilayah'])
    .where('i.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('p.kode_wilayah', kode))
    .execute();
}

export async function findInsidenOfTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .selectAll('i')
    .where('i.pemilihan_id', '=', pemilihanId)
    .where('p.tps_id', '=', tpsId)
    .orderBy('i.terjadi_at')
    .execute();
}

export async function findInsiden(db: Q, id: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .selectAll('i')
    .select(['p.kode_wilayah', 'p.tps_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function findInsidenByClientId(db: Q, clientId: string) {
  return db.selectFrom('petugas_insiden').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function insertInsiden(db: Q, row: Insertable<PetugasInsidenTable>) {
  return db
    .insertInto('petugas_insiden')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function updateInsiden(
  db: Q,
  id: string,
  version: number,
  values: {
    penanganan: PenangananInsiden;
    fasilitas: string;
    santunan_jenis: JenisSantunan | null;
    santunan_status: StatusSantunan;
    catatan: string;
  },
) {
  return db
    .updateTable('petugas_insiden')
    .set({ ...values, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export async function upsertSkrining(db: Q, values: Insertable<PetugasSkriningTable>) {
  await db
    .insertInto('petugas_skrining')
    .values(values)
    .onConflict((oc) => oc.column('petugas_id').doUpdateSet(values))
    .execute();
}

export async function markKesehatanAda(db: Q, petugasId: string) {
  await db
    .updateTable('petugas')
    .set({ kesehatan_dihapus_at: null, updated_at: new Date() })
    .where('id', '=', petugasId)
    .execute();
}

export async function findAturan(db: Q, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return db
    .selectFrom('petugas_aturan')
    .selectAll()
    .where('kode_wilayah', 'in', [...new Set(kodes)])
    .execute();
}

export async function upsertAturan(db: Q, row: Omit<Database['petugas_aturan'], 'updated_at'>) {
  const values = { ...row, updated_at: new Date() } as never;
  await db
    .insertInto('petugas_aturan')
    .values(values)
    .onConflict((oc) => oc.column('kode_wilayah').doUpdateSet(values))
    .execute();
}

/**
 * The retention rule: health data (screenings) of officers of every election closed at least its
 * kab/kota's retention days before `now` (Siaga's default where the kab/kota set none) is deleted,
 * and the officers are marked; answers the officers whose data went.
 */
export async function deleteKesehatanLewatRetensi(db: Q, now: Date, retensiDefaultHari: number) {
  const { rows } = await sql<{ id: string; kode_wilayah: string; pemilihan_id: string }>`
    WITH due AS (
      SELECT p.id
      FROM petugas p
      JOIN pemilihan e ON e.id = p.pemilihan_id
      LEFT JOIN petugas_aturan a ON a.kode_wilayah = substr(p.kode_wilayah, 1, 5)
      WHERE e.ditutup_at IS NOT NULL
        AND e.ditutup_at + make_interval(days => coalesce(a.retensi_hari, ${retensiDefaultHari})) <= ${now}
        AND (p.kesehatan_dihapus_at IS NULL OR EXISTS (SELECT 1 FROM petugas_skrining s WHERE s.petugas_id = p.id))
    ),
    gone AS (DELETE FROM petugas_skrining s USING due WHERE s.petugas_id = due.id RETURNING s.petugas_id)
    UPDATE petugas p SET kesehatan_dihapus_at = ${now}, updated_at = ${now}
    FROM due WHERE p.id = due.id AND p.kesehatan_dihapus_at IS NULL
    RETURNING p.id, p.kode_wilayah, p.pemilihan_id`.execute(db);
  return rows;
}
