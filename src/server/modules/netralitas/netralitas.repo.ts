/** SQL of the netralitas module: complaints of an election and their steps. */
import type { Insertable, Kysely, Updateable } from 'kysely';
import type { Database, NetralitasTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

function netralitasQuery(db: Db, pemilihanId: string) {
  return db
    .selectFrom('netralitas as n')
    .innerJoin('wilayah as w', 'w.kode', 'n.kode_wilayah')
    .selectAll('n')
    .select('w.nama as nama_wilayah')
    .where('n.pemilihan_id', '=', pemilihanId);
}

/** The complaints of an area in an election, newest first (netralitas_wilayah_idx). */
export async function findNetralitasWithin(db: Db, pemilihanId: string, kode: string | null) {
  let q = netralitasQuery(db, pemilihanId);
  if (kode !== null) q = q.where(withinWilayah('n.kode_wilayah', kode));
  return q.orderBy('n.dilaporkan_at', 'desc').orderBy('n.id').limit(200).execute();
}
export type NetralitasRow = Awaited<ReturnType<typeof findNetralitasWithin>>[number];

export async function findNetralitas(db: Db, pemilihanId: string, id: string) {
  return netralitasQuery(db, pemilihanId).where('n.id', '=', id).executeTakeFirst();
}

export async function findNetralitasForUpdate(db: Db, id: string) {
  return db.selectFrom('netralitas').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findNetralitasByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('netralitas')
    .select(['id', 'pemilihan_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertNetralitas(db: Db, row: Insertable<NetralitasTable>): Promise<string> {
  const { id } = await db.insertInto('netralitas').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateNetralitas(db: Db, id: string, changes: Updateable<NetralitasTable>) {
  await db
    .updateTable('netralitas')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function insertLangkah(
  db: Db,
  row: { netralitas_id: string; aksi: string; at: Date; catatan: string; oleh: string },
) {
  await db.insertInto('netralitas_langkah').values(row).execute();
}

export async function findLangkah(db: Db, id: string) {
  return db
    .selectFrom('netralitas_langkah as l')
    .innerJoin('app_user as u', 'u.id', 'l.oleh')
    .select(['l.aksi', 'l.at', 'l.catatan', 'u.nama as oleh'])
    .where('l.netralitas_id', '=', id)
    .orderBy('l.dicatat_at')
    .execute();
}
