/** SQL of an incident's photos: links to files kept in the evidence store (kejadian_bukti, append-only). */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

/** An incident's photos, oldest first, with each file's type and size from the evidence store. */
export async function findFotos(db: Db, kejadianId: string) {
  return db
    .selectFrom('kejadian_bukti as b')
    .innerJoin('berkas as f', 'f.sha256', 'b.sha256')
    .select(['b.id', 'b.sha256', 'b.dikirim_at', 'f.mime', 'f.size_bytes'])
    .where('b.kejadian_id', '=', kejadianId)
    .orderBy('b.dikirim_at')
    .orderBy('b.urutan')
    .execute();
}
export type FotoRow = Awaited<ReturnType<typeof findFotos>>[number];

/** Links a stored file to an incident; undefined when this incident already has the same file. */
export async function insertFoto(
  db: Db,
  row: { kejadian_id: string; sha256: string; dikirim_by: string; dikirim_at: Date },
) {
  return db
    .insertInto('kejadian_bukti')
    .values(row)
    .onConflict((oc) => oc.columns(['kejadian_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
}
