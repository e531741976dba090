/** SQL of SMS intake: registered senders and the log of every message received. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function findSender(db: Db, nomor: string) {
  return db
    .selectFrom('sms_pengirim as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['u.id', 'u.username', 'u.role', 'u.agency', 'u.kode_wilayah', 'u.is_active'])
    .where('p.nomor', '=', nomor)
    .executeTakeFirst();
}

export async function findMessage(db: Db, gatewayId: string) {
  return db
    .selectFrom('sms_masuk')
    .select(['ok', 'balasan'])
    .where('gateway_id', '=', gatewayId)
    .executeTakeFirst();
}

export async function insertMessage(
  db: Db,
  row: {
    gateway_id: string;
    nomor: string;
    teks: string;
    user_id: string | null;
    ok: boolean;
    balasan: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('sms_masuk')
    .values(row)
    .onConflict((oc) => oc.column('gateway_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findUserByUsername(db: Db, username: string) {
  return db
    .selectFrom('app_user')
    .select(['id', 'kode_wilayah', 'role'])
    .where('username', '=', username)
    .executeTakeFirst();
}

export async function upsertSender(db: Db, row: { nomor: string; user_id: string; created_by: string }) {
  await db
    .insertInto('sms_pengirim')
    .values(row)
    .onConflict((oc) => oc.column('nomor').doUpdateSet({ user_id: row.user_id, created_by: row.created_by }))
    .execute();
}

export async function deleteSender(db: Db, nomor: string): Promise<number> {
  const result = await db.deleteFrom('sms_pengirim').where('nomor', '=', nomor).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export async function findSendersWithin(db: Db, scope: string | null) {
  let q = db
    .selectFrom('sms_pengirim as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select(['p.nomor', 'u.username', 'u.nama', 'u.role', 'u.kode_wilayah']);
  if (scope !== null) q = q.where(withinWilayah('u.kode_wilayah', scope));
  return q.orderBy('u.kode_wilayah').orderBy('u.username').limit(1000).execute();
}

export async function findLog(db: Db, scope: string | null, limit: number) {
  let q = db
    .selectFrom('sms_masuk as m')
    .leftJoin('app_user as u', 'u.id', 'm.user_id')
    .select(['m.id', 'm.nomor', 'm.teks', 'm.ok', 'm.balasan', 'm.received_at']);
  if (scope !== null) q = q.where(withinWilayah('u.kode_wilayah', scope));
  return q.orderBy('m.received_at', 'desc').limit(limit).execute();
}
