/** SQL of media sosial: posts, their evidence links, incident links, takedowns and steps. */
import { sql, type Insertable, type Selectable } from 'kysely';
import type {
  KategoriMedsos,
  StatusMedsos,
  StatusTakedown,
  TujuanTakedown,
} from '../../../domain/medsos/medsos';
import type { Platform } from '../../../domain/medsos/url';
import type { Db } from '../../db/client';
import type { MedsosPostTable, MedsosTakedownTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

export type PostRow = Selectable<MedsosPostTable>;
export type TakedownRow = Selectable<MedsosTakedownTable>;

/** What a reader may see: an election's posts at or below the scope (null: the nation). */
export interface PostReader {
  pemilihanId: string;
  scope: string | null;
}

export type NewPost = Insertable<MedsosPostTable> & { via: 'web' | 'impor'; recorded_at: Date };

export async function insertPost(db: Db, row: NewPost): Promise<string> {
  const { id } = await db.insertInto('medsos_post').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

/** Posts already recorded in the election at these normalised addresses. */
export async function findByUrls(db: Db, pemilihanId: string, urls: readonly string[]) {
  if (urls.length === 0) return [];
  return db
    .selectFrom('medsos_post')
    .select(['id', 'url_normal', 'kode_wilayah', 'client_id'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('url_normal', 'in', urls)
    .execute();
}

export async function findByClientId(db: Db, pemilihanId: string, clientId: string) {
  return db
    .selectFrom('medsos_post')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

function listBase(db: Db, reader: PostReader) {
  let query = db
    .selectFrom('medsos_post as p')
    .innerJoin('wilayah as w', 'w.kode', 'p.kode_wilayah')
    .where('p.pemilihan_id', '=', reader.pemilihanId);
  if (reader.scope !== null) query = query.where(withinWilayah('p.kode_wilayah', reader.scope));
  return query;
}

const LIST_COLUMNS = [
  'p.id',
  'p.platform',
  'p.akun',
  'p.url',
  'p.url_normal',
  'p.teks',
  'p.dilihat_at',
  'p.kode_wilayah',
  'w.nama as nama_wilayah',
  'p.kategori',
  'p.status',
  'p.version',
] as const;

/** How much evidence, how many incidents and the latest takedown's status, per post. */
const COUNT_COLUMNS = [
  sql<number>`(SELECT count(*)::int FROM medsos_bukti b WHERE b.post_id = p.id)`.as('jumlah_bukti'),
  sql<number>`(SELECT count(*)::int FROM medsos_kejadian k WHERE k.post_id = p.id)`.as('jumlah_kejadian'),
  sql<StatusTakedown | null>`(SELECT t.status FROM medsos_takedown t WHERE t.post_id = p.id ORDER BY t.diajukan_at DESC, t.id DESC LIMIT 1)`.as(
    'takedown_status',
  ),
];

/** A page of the posts the reader may see, newest seen first. */
export async function findPostPage(
  db: Db,
  reader: PostReader,
  filter: {
    status?: StatusMedsos | undefined;
    kategori?: KategoriMedsos | undefined;
    platform?: Platform | undefined;
  },
  page: { page: number; pageSize: number },
) {
  let query = listBase(db, reader);
  if (filter.status !== undefined) query = query.where('p.status', '=', filter.status);
  if (filter.kategori !== undefined) query = query.where('p.kategori', '=', filter.kategori);
  if (filter.platform !== undefined) query = query.where('p.platform', '=', filter.platform);
  const [rows, count] = await Promise.all([
    query
      .select(LIST_COLUMNS)
      .select(COUNT_COLUMNS)
      .orderBy('p.dilihat_at', 'desc')
      .orderBy('p.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One post if the reader may see it, with what its view shows. */
export async function findVisible(db: Db, reader: PostReader, id: string) {
  return listBase(db, reader)
    .innerJoin('app_user as u', 'u.id', 'p.recorded_by')
    .select(LIST_COLUMNS)
    .select(COUNT_COLUMNS)
    .select(['p.alasan', 'p.merged_into', 'p.recorded_at', 'u.nama as pencatat'])
    .where('p.id', '=', id)
    .executeTakeFirst();
}
export type VisibleRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

export async function findForUpdate(db: Db, id: string) {
  return db.selectFrom('medsos_post').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findById(db: Db, id: string) {
  return db.selectFrom('medsos_post').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updatePost(
  db: Db,
  id: string,
  change: {
    status?: StatusMedsos;
    kategori?: KategoriMedsos;
    merged_into?: string | null;
    alasan?: string | null;
  },
): Promise<void> {
  await db
    .updateTable('medsos_post')
    .set({ ...change, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function findDuplikat(db: Db, id: string) {
  return db
    .selectFrom('medsos_post')
    .select(['id', 'url', 'akun'])
    .where('merged_into', '=', id)
    .orderBy('dilihat_at')
    .execute();
}

export async function insertLangkah(
  db: Db,
  row: { post_id: string; aksi: string; catatan: string; actor_id: string; at: Date },
): Promise<void> {
  await db.insertInto('medsos_langkah').values(row).execute();
}

export async function findLangkah(db: Db, postId: string) {
  return db
    .selectFrom('medsos_langkah as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_id')
    .select(['l.aksi', 'l.catatan', 'l.at', 'u.nama as actor_nama'])
    .where('l.post_id', '=', postId)
    .orderBy('l.at')
    .orderBy('l.id')
    .execute();
}

const BUKTI_COLUMNS = [
  'b.id',
  'b.sha256',
  'f.mime',
  'f.size_bytes',
  'b.nama_berkas',
  'b.diambil_at',
  'b.uploaded_at',
  'u.nama as diambil_oleh',
] as const;

function buktiBase(db: Db) {
  return db
    .selectFrom('medsos_bukti as b')
    .innerJoin('berkas as f', 'f.sha256', 'b.sha256')
    .innerJoin('app_user as u', 'u.id', 'b.diambil_by')
    .select(BUKTI_COLUMNS);
}

export async function findBukti(db: Db, postId: string) {
  // In the order the screenshots were taken (then sent).
  return buktiBase(db)
    .where('b.post_id', '=', postId)
    .orderBy('b.diambil_at')
    .orderBy('b.uploaded_at')
    .orderBy('b.id')
    .execute();
}

export async function findBuktiOne(db: Db, postId: string, buktiId: string) {
  return buktiBase(db).where('b.post_id', '=', postId).where('b.id', '=', buktiId).executeTakeFirst();
}

/** Adds a file to a post's evidence; the same file twice is the first record (null here). */
export async function insertBukti(
  db: Db,
  row: {
    post_id: string;
    sha256: string;
    nama_berkas: string;
    diambil_by: string;
    diambil_at: Date;
    uploaded_at: Date;
  },
): Promise<string | null> {
  const inserted = await db
    .insertInto('medsos_bukti')
    .values(row)
    .onConflict((oc) => oc.columns(['post_id', 'sha256']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted?.id ?? null;
}

export async function findBuktiBySha(db: Db, postId: string, sha256: string) {
  return buktiBase(db).where('b.post_id', '=', postId).where('b.sha256', '=', sha256).executeTakeFirst();
}

export async function linkKejadian(
  db: Db,
  row: { post_id: string; kejadian_id: string; linked_by: string; linked_at: Date },
): Promise<boolean> {
  const inserted = await db
    .insertInto('medsos_kejadian')
    .values(row)
    .onConflict((oc) => oc.columns(['post_id', 'kejadian_id']).doNothing())
    .returning('kejadian_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findKejadianIds(db: Db, postId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('medsos_kejadian')
    .select('kejadian_id')
    .where('post_id', '=', postId)
    .orderBy('linked_at')
    .execute();
  return rows.map((r) => r.kejadian_id);
}

export async function insertTakedown(
  db: Db,
  row: {
    post_id: string;
    tujuan: TujuanTakedown;
    nomor: string;
    catatan: string;
    diajukan_at: Date;
    created_by: string;
  },
): Promise<string> {
  const { id } = await db.insertInto('medsos_takedown').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findTakedowns(db: Db, postId: string) {
  return db
    .selectFrom('medsos_takedown')
    .selectAll()
    .where('post_id', '=', postId)
    .orderBy('diajukan_at')
    .orderBy('id')
    .execute();
}

export async function findTakedownForUpdate(db: Db, postId: string, id: string) {
  return db
    .selectFrom('medsos_takedown')
    .selectAll()
    .where('post_id', '=', postId)
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

export async function updateTakedown(
  db: Db,
  id: string,
  change: { status: StatusTakedown; diproses_at?: Date; selesai_at?: Date; nomor?: string; catatan?: string },
): Promise<void> {
  await db
    .updateTable('medsos_takedown')
    .set({ ...change, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** The week's posts (seen in it) in the reader's scope, for the weekly picture. */
export async function findPostsSeen(db: Db, reader: PostReader, mulai: Date, sampai: Date) {
  return listBase(db, reader)
    .select(['p.kategori', 'p.platform', 'p.kode_wilayah', 'p.status'])
    .where('p.dilihat_at', '>=', mulai)
    .where('p.dilihat_at', '<', sampai)
    .execute();
}

/** Takedowns requested in the week, or requested earlier and still open at its end, in scope. */
export async function findTakedownsOfWeek(db: Db, reader: PostReader, mulai: Date, sampai: Date) {
  return listBase(db, reader)
    .innerJoin('medsos_takedown as t', 't.post_id', 'p.id')
    .select(['t.post_id', 'p.url', 't.tujuan', 't.status', 't.diajukan_at', 't.selesai_at'])
    .where('t.diajukan_at', '<', sampai)
    .where((eb) =>
      eb.or([
        eb('t.diajukan_at', '>=', mulai),
        eb('t.selesai_at', 'is', null),
        eb('t.selesai_at', '>=', sampai),
      ]),
    )
    .execute();
}
