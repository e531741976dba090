import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export async function findUserByUsername(db: Kysely<Database>, username: string) {
  return db.selectFrom('app_user').selectAll().where('username', '=', username).executeTakeFirst();
}

export async function insertSession(
  db: Kysely<Database>,
  session: { tokenHash: string; userId: string; csrfToken: string; expiresAt: Date },
): Promise<void> {
  await db
    .insertInto('user_session')
    .values({
      token_hash: session.tokenHash,
      user_id: session.userId,
      csrf_token: session.csrfToken,
      expires_at: session.expiresAt,
    })
    .execute();
}

/** The live session and its active user, or undefined when expired, unknown or deactivated. */
export async function findLiveSession(db: Kysely<Database>, tokenHash: string, now: Date) {
  return db
    .selectFrom('user_session as s')
    .innerJoin('app_user as u', 'u.id', 's.user_id')
    .leftJoin('wilayah as w', 'w.kode', 'u.kode_wilayah')
    .select([
      's.token_hash',
      's.csrf_token',
      's.expires_at',
      's.last_seen_at',
      'u.id',
      'u.username',
      'u.nama',
      'u.role',
      'u.agency',
      'u.kode_wilayah',
      'w.nama as nama_wilayah',
    ])
    .where('s.token_hash', '=', tokenHash)
    .where('s.expires_at', '>', now)
    .where('u.is_active', '=', true)
    .executeTakeFirst();
}

export async function extendSession(db: Kysely<Database>, tokenHash: string, now: Date, expiresAt: Date) {
  await db
    .updateTable('user_session')
    .set({ last_seen_at: now, expires_at: expiresAt })
    .where('token_hash', '=', tokenHash)
    .execute();
}

export async function deleteSession(db: Kysely<Database>, tokenHash: string): Promise<void> {
  await db.deleteFrom('user_session').where('token_hash', '=', tokenHash).execute();
}

export async function deleteSessionsOfUser(db: Kysely<Database>, userId: string): Promise<void> {
  await db.deleteFrom('user_session').where('user_id', '=', userId).execute();
}

export async function deleteExpiredSessions(db: Kysely<Database>, now: Date): Promise<void> {
  await db.deleteFrom('user_session').where('expires_at', '<=', now).execute();
}

export async function markLogin(db: Kysely<Database>, userId: string, now: Date): Promise<void> {
  await db.updateTable('app_user').set({ last_login_at: now }).where('id', '=', userId).execute();
}
