/** SQL of the content-addressed file store (table berkas). */
import type { FotoMime } from '../../../contracts/kejadian';
import type { Db } from '../../db/client';

/** Stores the bytes under their hash; the same bytes stored before are left as they are. */
export async function insertBerkas(
  db: Db,
  row: { sha256: string; mime: FotoMime; bytes: Buffer },
): Promise<void> {
  await db
    .insertInto('berkas')
    .values({ sha256: row.sha256, mime: row.mime, size_bytes: row.bytes.length, bytes: row.bytes })
    .onConflict((oc) => oc.column('sha256').doNothing())
    .execute();
}

export async function findBerkas(db: Db, sha256: string) {
  return db
    .selectFrom('berkas')
    .select(['sha256', 'mime', 'size_bytes', 'bytes'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}
