import { sql, type Kysely } from 'kysely';
import type { Agency, Role } from '../../../domain/access/roles';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

const USER_COLUMNS = [
  'u.id',
  'u.username',
  'u.nama',
  'u.role',
  'u.agency',
  'u.kode_wilayah',
  'u.is_active',
  'u.version',
  'u.last_login_at',
  'w.nama as nama_wilayah',
] as const;

function base(db: Kysely<Database>) {
  return db.selectFrom('app_user as u').leftJoin('wilayah as w', 'w.kode', 'u.kode_wilayah');
}

export async function findUsersPage(
  db: Kysely<Database>,
  filter: { scopeKode: string | null; q?: string | undefined; role?: Role | undefined },
  page: { page: number; pageSize: number },
) {
  let query = base(db);
  if (filter.scopeKode !== null) {
    const scope = filter.scopeKode;
    query = query.where(withinWilayah('u.kode_wilayah', scope));
  }
  if (filter.q) {
    const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('u.username', 'ilike', pattern), eb('u.nama', 'ilike', pattern)]));
  }
  if (filter.role) query = query.where('u.role', '=', filter.role);
  const [rows, count] = await Promise.all([
    query
      .select(USER_COLUMNS)
      .orderBy(sql`u.kode_wilayah NULLS FIRST`)
      .orderBy('u.username')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export type UserRow = Awaited<ReturnType<typeof findUsersPage>>['rows'][number];

export async function findUserById(db: Kysely<Database>, id: string): Promise<UserRow | undefined> {
  return base(db).select(USER_COLUMNS).where('u.id', '=', id).executeTakeFirst();
}

export async function usernameExists(db: Kysely<Database>, username: string): Promise<boolean> {
  return (
    (await db.selectFrom('app_user').select('id').where('username', '=', username).executeTakeFirst()) !==
    undefined
  );
}

export async function insertUser(
  db: Kysely<Database>,
  row: {
    username: string;
    nama: string;
    password_hash: string;
    role: Role;
    agency: Agency;
    kode_wilayah: string | null;
  },
) {
  return db.insertInto('app_user').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateUser(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Partial<{
    nama: string;
    role: Role;
    agency: Agency;
    kode_wilayah: string | null;
    is_active: boolean;
    password_hash: string;
  }>,
) {
  return db
    .updateTable('app_user')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
}
