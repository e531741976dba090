/** SQL of recapitulation venues (rekap_lokasi). */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, RekapLokasiTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;
export type RekapLokasiRow = Selectable<RekapLokasiTable>;

/** The venues of an election at and below a kab/kota. */
export async function findVenues(db: Db, pemilihanId: string, kabKota: string): Promise<RekapLokasiRow[]> {
  return db
    .selectFrom('rekap_lokasi')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .execute();
}

/** One area's venue, locked for the change that reads it. */
export async function findVenueForUpdate(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('rekap_lokasi')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .forUpdate()
    .executeTakeFirst();
}

/** Sets an area's venue: a new row, or the next version of the one there. */
export async function upsertVenue(
  db: Db,
  row: Pick<
    RekapLokasiRow,
    'pemilihan_id' | 'kode_wilayah' | 'tempat' | 'alamat' | 'mulai' | 'selesai' | 'updated_by'
  >,
): Promise<RekapLokasiRow> {
  return db
    .insertInto('rekap_lokasi')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['pemilihan_id', 'kode_wilayah']).doUpdateSet({
        tempat: row.tempat,
        alamat: row.alamat,
        mulai: row.mulai,
        selesai: row.selesai,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
        version: sql`rekap_lokasi.version + 1`,
      }),
    )
    .returningAll()
    .executeTakeFirstOrThrow();
}
