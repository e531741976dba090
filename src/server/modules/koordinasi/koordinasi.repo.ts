/** All SQL of the koordinasi module: rakor, tindak lanjut, region settings, kesiapan, imbauan, NPHD. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { relatedToWilayah, withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

/** Rows visible from a scope: related to it (below or above); everything for a national actor. */
function visibleFrom(column: string, scope: string | null) {
  return scope === null ? sql<boolean>`true` : relatedToWilayah(column, scope);
}

// ── rakor ────────────────────────────────────────────────────────────────────────────────────────

export async function insertRakor(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    kode_wilayah: string;
    jenis: string;
    judul: string;
    tempat: string;
    mulai_at: Date;
    created_by: string;
  },
): Promise<{ id: string }> {
  // A second copy of the client id fails on its unique index: createOnce answers with the first.
  return db.insertInto('rakor').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findRakorIdByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('rakor')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertPeserta(
  db: Db,
  rows: { rakor_id: string; urutan: number; jabatan: string; agency: string }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('rakor_peserta').values(rows).execute();
}

const rakorColumns = [
  'rakor.id',
  'rakor.kode_wilayah',
  'w.nama as nama_wilayah',
  'rakor.jenis',
  'rakor.judul',
  'rakor.tempat',
  'rakor.mulai_at',
  'rakor.status',
  'rakor.version',
] as const;

/** A rakor of the election; another election's answers nothing. */
export async function findRakor(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('rakor')
    .innerJoin('wilayah as w', 'w.kode', 'rakor.kode_wilayah')
    .select(rakorColumns)
    .where('rakor.id', '=', id)
    .where('rakor.pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findRakorPage(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('rakor')
    .where('rakor.pemilihan_id', '=', pemilihanId)
    .where(visibleFrom('rakor.kode_wilayah', scope));
  const [items, total] = await Promise.all([
    base
      .innerJoin('wilayah as w', 'w.kode', 'rakor.kode_wilayah')
      .select(rakorColumns)
      .orderBy('rakor.mulai_at', 'desc')
      .orderBy('rakor.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findPeserta(db: Db, rakorId: string) {
  return db
    .selectFrom('rakor_peserta')
    .select(['id', 'jabatan', 'agency', 'kehadiran', 'diwakili_oleh'])
    .where('rakor_id', '=', rakorId)
    .orderBy('urutan')
    .execute();
}

export async function updateKehadiran(
  db: Db,
  rakorId: string,
  entry: { pesertaId: string; kehadiran: string; diwakiliOleh: string | null },
): Promise<number> {
  const result = await db
    .updateTable('rakor_peserta')
    .set({ kehadiran: entry.kehadiran, diwakili_oleh: entry.diwakiliOleh })
    .where('id', '=', entry.pesertaId)
    .where('rakor_id', '=', rakorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Optimistic version step of a rakor; 0 when someone else changed it first. */
export async function bumpRakor(db: Db, id: string, version: number, status?: string): Promise<number> {
  const result = await db
    .updateTable('rakor')
    .set((eb) => ({ version: eb('version', '+', 1), ...(status === undefined ? {} : { status }) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertCatatan(
  db: Db,
  row: { client_id: string; rakor_id: string; pembicara: string; pokok: string; created_by: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('rakor_catatan')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findCatatan(db: Db, rakorId: string) {
  return db
    .selectFrom('rakor_catatan')
    .select(['id', 'pembicara', 'pokok', 'created_at'])
    .where('rakor_id', '=', rakorId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

// ── tindak lanjut ────────────────────────────────────────────────────────────────────────────────

export async function insertTindakLanjut(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    rakor_id: string | null;
    kode_wilayah: string;
    keputusan: string;
    owner_agency: string;
    due_on: string;
    created_by: string;
  },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('tindak_lanjut')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

function tindakLanjutQuery(db: Db) {
  return db
    .selectFrom('tindak_lanjut as t')
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .leftJoin('rakor as r', 'r.id', 't.rakor_id')
    .leftJoin('app_user as u', 'u.id', 't.selesai_by')
    .select([
      't.id',
      't.rakor_id',
      'r.judul as rakor_judul',
      't.kode_wilayah',
      'w.nama as nama_wilayah',
      't.keputusan',
      't.owner_agency',
      't.due_on',
      't.status',
      't.catatan_selesai',
      't.selesai_at',
      'u.username as selesai_by',
      't.version',
      't.pemilihan_id',
    ]);
}
export type TindakLanjutRow = NonNullable<Awaited<ReturnType<typeof findTindakLanjut>>>;

export async function findTindakLanjut(db: Db, pemilihanId: string, id: string) {
  return tindakLanjutQuery(db)
    .where('t.id', '=', id)
    .where('t.pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findTindakLanjutByClientId(db: Db, clientId: string) {
  return tindakLanjutQuery(db).where('t.client_id', '=', clientId).executeTakeFirst();
}

export async function findKeputusanOf(db: Db, rakorId: string) {
  return tindakLanjutQuery(db)
    .where('t.rakor_id', '=', rakorId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

/** Open items at or below a wilayah that did not come from `exceptRakorId`: the carried-over agenda. */
export async function findOpenTindakLanjutWithin(
  db: Db,
  pemilihanId: string,
  kode: string,
  exceptRakorId: string,
) {
  return tindakLanjutQuery(db)
    .where('t.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('t.kode_wilayah', kode))
    .where('t.status', '=', 'terbuka')
    .where((eb) => eb.or([eb('t.rakor_id', 'is', null), eb('t.rakor_id', '!=', exceptRakorId)]))
    .orderBy('t.due_on')
    .limit(200)
    .execute();
}

export async function findTindakLanjutPage(
  db: Db,
  filter: {
    pemilihanId: string;
    scope: string | null;
    kode?: string | undefined;
    agency?: string | undefined;
    state: 'terbuka' | 'terlambat' | 'selesai' | 'semua';
    today: string;
  },
  page: { page: number; pageSize: number },
) {
  let base = db
    .selectFrom('tindak_lanjut as t')
    .where('t.pemilihan_id', '=', filter.pemilihanId)
    .where(visibleFrom('t.kode_wilayah', filter.scope));
  if (filter.kode !== undefined) base = base.where(withinWilayah('t.kode_wilayah', filter.kode));
  if (filter.agency !== undefined) base = base.where('t.owner_agency', '=', filter.agency);
  if (filter.state === 'terbuka') base = base.where('t.status', '=', 'terbuka');
  if (filter.state === 'selesai') base = base.where('t.status', '=', 'selesai');
  if (filter.state === 'terlambat')
    base = base.where('t.status', '=', 'terbuka').where('t.due_on', '<', filter.today);
  const ids = base.select('t.id');
  const [items, total] = await Promise.all([
    tindakLanjutQuery(db)
      .where('t.id', 'in', ids)
      .orderBy('t.due_on')
      .orderBy('t.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function countTindakLanjutFor(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  agency: string,
  today: string,
) {
  return db
    .selectFrom('tindak_lanjut as t')
    .where('t.pemilihan_id', '=', pemilihanId)
    .where(visibleFrom('t.kode_wilayah', scope))
    .where('t.owner_agency', '=', agency)
    .where('t.status', '=', 'terbuka')
    .select((eb) => [
      eb.fn.countAll<number>().as('terbuka'),
      eb.fn.sum<number>(sql`CASE WHEN t.due_on < ${today}::date THEN 1 ELSE 0 END`).as('terlambat'),
    ])
    .executeTakeFirstOrThrow();
}

export async function countRakorSelesai(db: Db, pemilihanId: string, kode: string) {
  const row = await db
    .selectFrom('rakor')
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .where('status', '=', 'selesai')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function countLateTindakLanjutWithin(db: Db, pemilihanId: string, kode: string, today: string) {
  const row = await db
    .selectFrom('tindak_lanjut')
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .where('status', '=', 'terbuka')
    .where('due_on', '<', today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function closeTindakLanjut(
  db: Db,
  id: string,
  version: number,
  change: { status: string; catatan: string; by: string; at: Date },
): Promise<number> {
  const result = await db
    .updateTable('tindak_lanjut')
    .set((eb) => ({
      status: change.status,
      catatan_selesai: change.catatan === '' ? null : change.catatan,
      selesai_at: change.at,
      selesai_by: change.by,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'terbuka')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

// ── region: tahapan, targets, kesiapan ──────────────────────────────────────────────────────────

/** A region's stage offsets and turnout figures in an election. */
export async function findRegion(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('koordinasi_region_pemilihan')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .executeTakeFirst();
}

export async function upsertRegion(
  db: Db,
  pemilihanId: string,
  kode: string,
  change: {
    tahapan?: unknown;
    target_partisipasi?: number | null;
    partisipasi?: number | null;
    psu_count?: number | null;
    updated_by: string;
  },
): Promise<void> {
  const values = {
    ...change,
    ...(change.tahapan === undefined
      ? {}
      : { tahapan: change.tahapan === null ? null : JSON.stringify(change.tahapan) }),
  };
  await db
    .insertInto('koordinasi_region_pemilihan')
    .values({ pemilihan_id: pemilihanId, kode_wilayah: kode, ...values })
    .onConflict((oc) =>
      oc.columns(['pemilihan_id', 'kode_wilayah']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

/** A region's Forkopimda, shared by every election it holds. */
export async function findForkopimda(db: Db, kode: string) {
  return db.selectFrom('koordinasi_region').selectAll().where('kode_wilayah', '=', kode).executeTakeFirst();
}

export async function upsertForkopimda(
  db: Db,
  kode: string,
  change: { status_kepala_daerah: string; satuan_polri: string; ada_lanal: boolean; updated_by: string },
): Promise<void> {
  await db
    .insertInto('koordinasi_region')
    .values({ kode_wilayah: kode, ...change })
    .onConflict((oc) => oc.column('kode_wilayah').doUpdateSet({ ...change, updated_at: sql`now()` }))
    .execute();
}

export async function insertKesiapanItems(
  db: Db,
  rows: {
    pemilihan_id: string;
    kode_wilayah: string;
    kode: string;
    judul: string;
    agency: string;
    due_offset: number;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('kesiapan_item')
    .values(rows)
    .onConflict((oc) => oc.columns(['pemilihan_id', 'kode_wilayah', 'kode']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function findKesiapan(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('kesiapan_item')
    .select(['id', 'kode_wilayah', 'kode', 'judul', 'agency', 'due_offset', 'done_on', 'catatan'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .orderBy('due_offset')
    .orderBy('kode')
    .execute();
}

export async function findKesiapanItem(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('kesiapan_item')
    .selectAll()
    .where('id', '=', id)
    .where('pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function updateKesiapanItem(
  db: Db,
  id: string,
  change: { done_on: string | null; done_by: string | null; catatan: string | null },
): Promise<void> {
  await db.updateTable('kesiapan_item').set(change).where('id', '=', id).execute();
}

// ── imbauan ──────────────────────────────────────────────────────────────────────────────────────

export async function insertImbauan(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    kode_wilayah: string;
    jenis: string;
    prioritas: string;
    judul: string;
    isi: string;
    target_roles: string[];
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
export async function findRecipients(db: Db, kode: string, roles: readonly string[], senderId: string) {
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

// ── NPHD ─────────────────────────────────────────────────────────────────────────────────────────

export async function findNphdOf(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('nphd')
    .select(['id', 'penerima', 'nomor', 'nilai', 'ditandatangani_on'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .execute();
}

export async function findNphdById(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('nphd')
    .selectAll()
    .where('id', '=', id)
    .where('pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findNphdTransaksi(db: Db, nphdIds: readonly string[]) {
  if (nphdIds.length === 0) return [];
  return db
    .selectFrom('nphd_transaksi')
    .select(['id', 'nphd_id', 'jenis', 'nilai', 'tanggal', 'keterangan'])
    .where('nphd_id', 'in', [...nphdIds])
    .orderBy('tanggal')
    .orderBy('created_at')
    .execute();
}

export async function upsertNphd(
  db: Db,
  row: {
    pemilihan_id: string;
    kode_wilayah: string;
    penerima: string;
    nomor: string;
    nilai: number;
    ditandatangani_on: string | null;
    updated_by: string;
  },
) {
  return db
    .insertInto('nphd')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['pemilihan_id', 'kode_wilayah', 'penerima']).doUpdateSet({
        nomor: row.nomor,
        nilai: row.nilai,
        ditandatangani_on: row.ditandatangani_on,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertNphdTransaksi(
  db: Db,
  row: {
    client_id: string;
    nphd_id: string;
    jenis: string;
    nilai: number;
    tanggal: string;
    keterangan: string;
    created_by: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('nphd_transaksi')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/** Every live action item of a kab/kota in an election, for readiness (a few hundred at most). */
export async function findTindakLanjutForReadiness(db: Db, pemilihanId: string, kabKota: string) {
  return db
    .selectFrom('tindak_lanjut')
    .select(['id', 'owner_agency', 'due_on', 'status', 'selesai_at'])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .where('status', '!=', 'batal')
    .execute();
}
