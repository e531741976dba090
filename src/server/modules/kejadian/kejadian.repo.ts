/**
 * SQL of incidents: the record, its steps, the need-to-know reads, the escalation timer's query and
 * the counts for the indicators and the anev. Photos and referrals have their own repos.
 */
import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import type { LevelEskalasi, StatusKejadian } from '../../../domain/kejadian/alur';
import type { KategoriKejadian, Keparahan } from '../../../domain/kejadian/kategori';
import type { EscalationPolicy } from '../../../domain/kejadian/alur';
import { KEPARAHAN } from '../../../domain/kejadian/kategori';
import type { Database, KejadianLangkahTable, KejadianTable } from '../../db/schema';
import { columnList, recordset } from '../../db/recordset';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;
export type KejadianRow = Selectable<KejadianTable>;

/** Who is reading: what the need-to-know filter of every read depends on. */
export interface Reader {
  /** The election the request names: every read stays inside it. */
  pemilihanId: string;
  userId: string;
  /** Null for the nation. */
  scopeKode: string | null;
  canSeeRestricted: boolean;
}

/** The TPS named by a batch of reports, in one query. */
export async function findTpsForKejadianMany(db: Db, tpsIds: readonly string[]) {
  if (tpsIds.length === 0) return [];
  return db
    .selectFrom('tps')
    .select(['id', 'kode_wilayah', 'nomor'])
    .where('id', 'in', [...new Set(tpsIds)])
    .execute();
}

/** The incidents already received under these client ids (retries), in one query. */
export async function findByClientIds(db: Db, clientIds: readonly string[]) {
  if (clientIds.length === 0) return [];
  return db
    .selectFrom('kejadian')
    .select(['id', 'client_id', 'pemilihan_id', 'reported_by', 'status', 'level'])
    .where('client_id', 'in', [...new Set(clientIds)])
    .execute();
}

/** A reported incident as the batch inserts it: the columns below, typed as the table's. */
export type NewKejadian = Pick<Selectable<KejadianTable>, keyof typeof KEJADIAN_COLUMNS>;

const KEJADIAN_COLUMNS = {
  id: 'uuid',
  client_id: 'uuid',
  pemilihan_id: 'uuid',
  kode_wilayah: 'text',
  tps_id: 'uuid',
  lat: 'double precision',
  lon: 'double precision',
  kategori: 'text',
  severity: 'text',
  uraian: 'text',
  terjadi_at: 'timestamptz',
  diketahui_at: 'timestamptz',
  level: 'text',
  level_since: 'timestamptz',
  is_restricted: 'boolean',
  reporter_confidential: 'boolean',
  reported_by: 'uuid',
  reported_at: 'timestamptz',
  via: 'text',
} as const;

/**
 * The INSERT of a batch of reports (ids made by the caller), to run beside their steps, audit rows and
 * live events in one statement (db/one-statement.ts). No ON CONFLICT: a client id that another batch
 * committed meanwhile fails the statement with a unique violation, and nothing of it is written.
 */
export function kejadianInsertSql(rows: readonly NewKejadian[]): RawBuilder<unknown> | undefined {
  if (rows.length === 0) return undefined;
  return sql`
    INSERT INTO kejadian (${columnList(KEJADIAN_COLUMNS)})
    SELECT ${columnList(KEJADIAN_COLUMNS)} FROM ${recordset(rows, KEJADIAN_COLUMNS)}
  `;
}

/** One step of an incident's history as written: the columns below, typed as the table's. */
export type NewLangkah = Pick<Selectable<KejadianLangkahTable>, keyof typeof LANGKAH_COLUMNS>;

const LANGKAH_COLUMNS = {
  kejadian_id: 'uuid',
  aksi: 'text',
  dari_status: 'text',
  ke_status: 'text',
  catatan: 'text',
  actor_id: 'uuid',
  at: 'timestamptz',
} as const;

/** The INSERT of these steps, to run beside the audit rows and live events in one statement. */
export function langkahInsertSql(rows: readonly NewLangkah[]): RawBuilder<unknown> | undefined {
  if (rows.length === 0) return undefined;
  return sql`
    INSERT INTO kejadian_langkah (${columnList(LANGKAH_COLUMNS)})
    SELECT ${columnList(LANGKAH_COLUMNS)} FROM ${recordset(rows, LANGKAH_COLUMNS)}
  `;
}

export async function findForUpdate(db: Db, id: string): Promise<KejadianRow | undefined> {
  return db.selectFrom('kejadian').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findById(db: Db, id: string): Promise<KejadianRow | undefined> {
  return db.selectFrom('kejadian').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Writes a changed incident and bumps its version. */
export async function updateKejadian(
  db: Db,
  id: string,
  change: Partial<{
    status: StatusKejadian;
    severity: Keparahan;
    level: LevelEskalasi;
    level_since: Date;
    merged_into: string | null;
    assigned_agency: string | null;
    verified_at: Date | null;
    assigned_at: Date | null;
    closed_at: Date | null;
    is_restricted: boolean;
    reporter_confidential: boolean;
  }>,
): Promise<number> {
  const result = await db
    .updateTable('kejadian')
    .set({ ...change, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return result.version;
}

function listBase(db: Db, reader: Reader) {
  let query = db
    .selectFrom('kejadian as k')
    .innerJoin('wilayah as w', 'w.kode', 'k.kode_wilayah')
    .leftJoin('tps as t', 't.id', 'k.tps_id')
    .leftJoin('kejadian_rujukan as r', 'r.kejadian_id', 'k.id')
    .where('k.pemilihan_id', '=', reader.pemilihanId);
  if (reader.scopeKode !== null) query = query.where(withinWilayah('k.kode_wilayah', reader.scopeKode));
  if (!reader.canSeeRestricted) {
    query = query.where((eb) =>
      eb.or([eb('k.is_restricted', '=', false), eb('k.reported_by', '=', reader.userId)]),
    );
  }
  return query;
}

/** Whether an incident has a photo (the list's badge). */
const HAS_FOTO = sql<boolean>`EXISTS (SELECT 1 FROM kejadian_bukti f WHERE f.kejadian_id = k.id)`.as(
  'has_foto',
);

const LIST_COLUMNS = [
  'k.id',
  'k.kode_wilayah',
  'k.tps_id',
  'k.lat',
  'k.lon',
  'k.kategori',
  'k.severity',
  'k.uraian',
  'k.terjadi_at',
  'k.diketahui_at',
  'k.status',
  'k.level',
  'k.level_since',
  'k.merged_into',
  'k.assigned_agency',
  'k.is_restricted',
  'k.reporter_confidential',
  'k.reported_by',
  'k.reported_at',
  'k.via',
  'k.version',
  'k.verified_at',
  'k.assigned_at',
  'k.closed_at',
  'w.nama as nama_wilayah',
  't.nomor as tps_nomor',
  'r.rule_set',
  'r.lembaga',
  'r.milestones',
  'r.outcome',
  'r.updated_at as rujukan_updated_at',
] as const;

/** A page of incidents visible to the reader, newest report first. */
export async function findKejadianPage(
  db: Db,
  reader: Reader,
  filter: {
    kode?: string | undefined;
    status?: StatusKejadian | undefined;
    kategori?: KategoriKejadian | undefined;
    level?: LevelEskalasi | undefined;
  },
  page: { page: number; pageSize: number },
) {
  let query = listBase(db, reader);
  if (filter.kode !== undefined) query = query.where(withinWilayah('k.kode_wilayah', filter.kode));
  if (filter.status !== undefined) query = query.where('k.status', '=', filter.status);
  if (filter.kategori !== undefined) query = query.where('k.kategori', '=', filter.kategori);
  if (filter.level !== undefined) query = query.where('k.level', '=', filter.level);
  const [rows, count] = await Promise.all([
    query
      .select(LIST_COLUMNS)
      .select(HAS_FOTO)
      .orderBy('k.reported_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** One incident if the reader may see it (scope, restriction), with what its view shows. */
export async function findVisible(db: Db, reader: Reader, id: string) {
  return listBase(db, reader)
    .leftJoin('app_user as u', 'u.id', 'k.reported_by')
    .select(LIST_COLUMNS)
    .select(['u.nama as pelapor_nama', 'u.agency as pelapor_agency'])
    .select(HAS_FOTO)
    .where('k.id', '=', id)
    .executeTakeFirst();
}
export type VisibleRow = NonNullable<Awaited<ReturnType<typeof findVisible>>>;

export async function findLangkah(db: Db, kejadianId: string) {
  return db
    .selectFrom('kejadian_langkah as l')
    .leftJoin('app_user as u', 'u.id', 'l.actor_id')
    .select([
      'l.aksi',
      'l.dari_status',
      'l.ke_status',
      'l.catatan',
      'l.actor_id',
      'l.at',
      'u.nama as actor_nama',
    ])
    .where('l.kejadian_id', '=', kejadianId)
    .orderBy('l.at')
    .orderBy('l.urutan')
    .execute();
}

/** Incidents merged into this one that the reader may see. */
export async function findDuplikat(db: Db, reader: Reader, id: string) {
  return listBase(db, reader)
    .select(['k.id', 'k.kode_wilayah', 'k.reported_at'])
    .where('k.merged_into', '=', id)
    .orderBy('k.reported_at')
    .execute();
}

/**
 * Open incidents whose escalation clock has run out by `now` under `policy`: one condition per
 * severity and clock (unverified, unassigned), served by kejadian_open_idx. The service recomputes
 * each with the domain rule under a row lock, so this only has to not miss any.
 */
export async function findDueForEscalation(db: Db, now: Date, policy: EscalationPolicy, limit: number) {
  return db
    .selectFrom('kejadian')
    .select('id')
    .where('level', '<>', 'kabkota')
    .where((eb) =>
      eb.or(
        KEPARAHAN.flatMap((s) => [
          eb.and([
            eb('status', '=', 'baru'),
            eb('severity', '=', s),
            eb('level_since', '<=', new Date(now.getTime() - policy.verifyMinutes[s] * 60_000)),
          ]),
          eb.and([
            eb('status', '=', 'diverifikasi'),
            eb('severity', '=', s),
            eb(
              sql<Date>`greatest(level_since, coalesce(verified_at, level_since))`,
              '<=',
              new Date(now.getTime() - policy.assignMinutes[s] * 60_000),
            ),
          ]),
        ]),
      ),
    )
    .orderBy('level_since')
    .limit(limit)
    .execute();
}

/** Serious incidents and clashes in an area, for the success indicators (dismissed and merged excluded). */
export async function countForIndicators(
  db: Db,
  kode: string,
  pemilihanId: string | undefined,
): Promise<{ berat: number; konflik: number }> {
  let query = db.selectFrom('kejadian').where(withinWilayah('kode_wilayah', kode));
  if (pemilihanId !== undefined) query = query.where('pemilihan_id', '=', pemilihanId);
  const row = await query
    .where('status', 'not in', ['ditolak', 'digabung'])
    .select([
      sql<number>`count(*) FILTER (WHERE severity IN ('tinggi', 'kritis'))`.as('berat'),
      sql<number>`count(*) FILTER (WHERE kategori IN ('bentrok_massa', 'intimidasi'))`.as('konflik'),
    ])
    .executeTakeFirstOrThrow();
  return { berat: Number(row.berat), konflik: Number(row.konflik) };
}

/**
 * For the anev: an election's incidents under an area grouped by child area (`anak`: the child
 * code's length, 8 a kecamatan, 13 a kelurahan; null for those placed at the area itself), category,
 * status, severity and the outcome of their referral (if any). Incidents merged into another count
 * once, through the one they joined.
 */
export async function countForAnev(db: Db, pemilihanId: string, kode: string, anak: number) {
  return db
    .selectFrom('kejadian as k')
    .leftJoin('kejadian_rujukan as r', 'r.kejadian_id', 'k.id')
    .select([
      sql<
        string | null
      >`CASE WHEN length(k.kode_wilayah) >= ${anak} THEN substr(k.kode_wilayah, 1, ${anak}) END`.as('anak'),
      'k.kategori',
      'k.status',
      'k.severity',
      sql<boolean>`r.kejadian_id IS NOT NULL`.as('dirujuk'),
      'r.outcome',
      sql<number>`count(*)::int`.as('n'),
    ])
    .where('k.pemilihan_id', '=', pemilihanId)
    .where('k.merged_into', 'is', null)
    .where('k.status', 'not in', ['digabung', 'ditolak'])
    .where(withinWilayah('k.kode_wilayah', kode))
    .groupBy([sql`1`, 'k.kategori', 'k.status', 'k.severity', sql`5`, 'r.outcome'])
    .execute();
}
