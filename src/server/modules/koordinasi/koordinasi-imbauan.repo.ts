/**
 * The SQL of imbauan: the message once per client id and its recipients (active accounts of the
 * target roles at or below the wilayah), pages for the sender and the recipient's inbox, and each
 * recipient's delivery, reading, acknowledgement and reminders.
 */
import { sql, type Kysely } from 'kysely';
import type { Role } from '../../../domain/access/roles';
import type { JenisImbauan, Prioritas } from '../../../domain/koordinasi/imbauan';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function insertImbauan(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    kode_wilayah: string;
    jenis: JenisImbauan;
    prioritas: Prioritas;
    judul: string;
    isi: string;
    target_roles: Role[];
    teruskan_rt_rw: boolean;
    is_publik: boolean;
    is_latihan: boolean;
    created_by: string;
    sent_at: Date;
  },
): Promise<{ id: string }> {
  // A second copy of the client id fails on its unique index: createOnce answers with the first.
  return db.insertInto('imbauan').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findImbauanIdByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('imbauan')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Active accounts with one of `roles` at or below `kode`, never the sender. */
export async function findRecipients(db: Db, kode: string, roles: readonly Role[], senderId: string) {
  return db
    .selectFrom('app_user')
    .select('id')
    .where(withinWilayah('kode_wilayah', kode))
    .where('role', 'in', [...roles])
    .where('is_active', '=', true)
    .where('id', '!=', senderId)
    .execute();
}

export async function insertPenerima(db: Db, imbauanId: string, userIds: readonly string[]): Promise<void> {
  for (let i = 0; i < userIds.length; i += 1000) {
    await db
      .insertInto('imbauan_penerima')
      .values(userIds.slice(i, i + 1000).map((user_id) => ({ imbauan_id: imbauanId, user_id })))
      .execute();
  }
}

function imbauanQuery(db: Db) {
  return db
    .selectFrom('imbauan as i')
    .innerJoin('wilayah as w', 'w.kode', 'i.kode_wilayah')
    .innerJoin('app_user as s', 's.id', 'i.created_by')
    .select([
      'i.id',
      'i.kode_wilayah',
      'w.nama as nama_wilayah',
      'i.jenis',
      'i.prioritas',
      'i.judul',
      'i.isi',
      'i.target_roles',
      'i.teruskan_rt_rw',
      'i.is_publik',
      'i.is_latihan',
      'i.sent_at',
      'i.created_by',
      's.nama as sent_by',
    ]);
}

export async function findImbauan(db: Db, pemilihanId: string, id: string) {
  return imbauanQuery(db).where('i.id', '=', id).where('i.pemilihan_id', '=', pemilihanId).executeTakeFirst();
}

/** Imbauan of an election sent at or below a scope, newest first. */
export async function findImbauanPage(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('imbauan as i')
    .where('i.pemilihan_id', '=', pemilihanId)
    .where(scope === null ? sql<boolean>`true` : withinWilayah('i.kode_wilayah', scope));
  const [items, total] = await Promise.all([
    imbauanQuery(db)
      .where('i.id', 'in', base.select('i.id'))
      .orderBy('i.sent_at', 'desc')
      .orderBy('i.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findPenerimaOf(db: Db, imbauanIds: readonly string[]) {
  if (imbauanIds.length === 0) return [];
  return db
    .selectFrom('imbauan_penerima as p')
    .innerJoin('app_user as u', 'u.id', 'p.user_id')
    .select([
      'p.imbauan_id',
      'p.user_id',
      'u.username',
      'u.nama',
      'u.role',
      'u.kode_wilayah',
      'p.delivered_at',
      'p.read_at',
      'p.acknowledged_at',
      'p.catatan',
      'p.diteruskan_rt_rw',
      'p.last_reminded_at',
      'p.reminder_count',
    ])
    .where('p.imbauan_id', 'in', [...imbauanIds])
    .orderBy('u.kode_wilayah')
    .orderBy('u.username')
    .execute();
}

/** A user's copy of an imbauan of the election. */
export async function findPenerima(db: Db, pemilihanId: string, imbauanId: string, userId: string) {
  return db
    .selectFrom('imbauan_penerima as p')
    .innerJoin('imbauan as i', 'i.id', 'p.imbauan_id')
    .selectAll('p')
    .where('p.imbauan_id', '=', imbauanId)
    .where('p.user_id', '=', userId)
    .where('i.pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findKotakMasuk(
  db: Db,
  pemilihanId: string,
  userId: string,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('imbauan_penerima as p')
    .innerJoin('imbauan as i', 'i.id', 'p.imbauan_id')
    .where('p.user_id', '=', userId)
    .where('i.pemilihan_id', '=', pemilihanId);
  const [items, total] = await Promise.all([
    base
      .innerJoin('wilayah as w', 'w.kode', 'i.kode_wilayah')
      .innerJoin('app_user as s', 's.id', 'i.created_by')
      .select([
        'i.id',
        'i.jenis',
        'i.prioritas',
        'i.judul',
        'i.isi',
        's.nama as dari',
        'i.kode_wilayah',
        'w.nama as nama_wilayah',
        'i.sent_at',
        'i.teruskan_rt_rw',
        'p.delivered_at',
        'p.read_at',
        'p.acknowledged_at',
        'p.reminder_count',
        'p.last_reminded_at',
      ])
      // Unacknowledged first, then newest.
      .orderBy(sql`p.acknowledged_at IS NOT NULL`)
      .orderBy('i.sent_at', 'desc')
      .orderBy('i.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function countUnacknowledged(db: Db, pemilihanId: string, userId: string): Promise<number> {
  const row = await db
    .selectFrom('imbauan_penerima as p')
    .innerJoin('imbauan as i', 'i.id', 'p.imbauan_id')
    .where('p.user_id', '=', userId)
    .where('i.pemilihan_id', '=', pemilihanId)
    .where('p.acknowledged_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks the given imbauan delivered to a user (first time only). */
export async function markDelivered(db: Db, userId: string, imbauanIds: readonly string[], at: Date) {
  if (imbauanIds.length === 0) return;
  await db
    .updateTable('imbauan_penerima')
    .set({ delivered_at: at })
    .where('user_id', '=', userId)
    .where('imbauan_id', 'in', [...imbauanIds])
    .where('delivered_at', 'is', null)
    .execute();
}

export async function updatePenerima(
  db: Db,
  imbauanId: string,
  userId: string,
  change: {
    delivered_at?: Date;
    read_at?: Date;
    acknowledged_at?: Date;
    catatan?: string | null;
    diteruskan_rt_rw?: boolean;
  },
): Promise<void> {
  await db
    .updateTable('imbauan_penerima')
    .set(change)
    .where('imbauan_id', '=', imbauanId)
    .where('user_id', '=', userId)
    .execute();
}

export async function markReminded(db: Db, imbauanId: string, userIds: readonly string[], at: Date) {
  if (userIds.length === 0) return;
  await db
    .updateTable('imbauan_penerima')
    .set((eb) => ({ last_reminded_at: at, reminder_count: eb('reminder_count', '+', 1) }))
    .where('imbauan_id', '=', imbauanId)
    .where('user_id', 'in', [...userIds])
    .execute();
}
