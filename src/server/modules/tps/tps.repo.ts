/**
 * SQL of the TPS registry: the list's filters, pages (by number or by key) and counts, one TPS, the
 * export's stream, a TPS written by hand, and the map's points and centroids. An import's diff and
 * batch writes are in tps-import.repo.ts.
 */
import { sql, type Kysely, type SqlBool } from 'kysely';
import type { TpsListQuery } from '../../../contracts/tps';
import { compactKode } from '../../../domain/wilayah/kode-wilayah';
import type { Database, NewTps } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

export interface TpsFilter {
  /** Only TPS at or under this wilayah; null is the nation. */
  scopeKode: string | null;
  q?: string | undefined;
  akses?: TpsListQuery['akses'];
  lokasiKhusus?: TpsListQuery['lokasiKhusus'];
  tanpaKoordinat?: boolean | undefined;
  /** Kelurahan/desa whose own or kecamatan name matches `q`, resolved by resolveTextFilter. */
  matchingDesa?: string[] | undefined;
}

/** Most kelurahan/desa a name search expands to before it asks for a narrower word. */
const MAX_MATCHING_DESA = 5000;

/**
 * Resolves the name part of a text search against the wilayah table first (trigram index), so the
 * TPS query becomes index scans (code list and address trigram) instead of a join over every TPS.
 */
export async function resolveTextFilter(db: Kysely<Database>, filter: TpsFilter): Promise<TpsFilter> {
  if (!filter.q) return filter;
  const pattern = `%${filter.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  // Two indexed lookups (kelurahan by name; kelurahan of kecamatan by name) rather than one OR
  // over a join, which the trigram index cannot serve.
  let byOwnName = db
    .selectFrom('wilayah')
    .select('kode')
    .where('level', '=', 4)
    .where('nama', 'ilike', pattern);
  let byKecamatan = db
    .selectFrom('wilayah as k')
    .innerJoin('wilayah as d', 'd.parent_kode', 'k.kode')
    .select('d.kode')
    .where('k.level', '=', 3)
    .where('k.nama', 'ilike', pattern);
  if (filter.scopeKode !== null) {
    byOwnName = byOwnName.where(withinWilayah('kode', filter.scopeKode));
    byKecamatan = byKecamatan.where(withinWilayah('d.kode', filter.scopeKode));
  }
  const [own, ofKecamatan] = await Promise.all([
    byOwnName.limit(MAX_MATCHING_DESA).execute(),
    byKecamatan.limit(MAX_MATCHING_DESA).execute(),
  ]);
  const rows = [...new Map([...own, ...ofKecamatan].map((r) => [r.kode, r])).values()].slice(
    0,
    MAX_MATCHING_DESA,
  );
  return { ...filter, matchingDesa: rows.map((r) => r.kode) };
}

export type TpsSort = 'kode' | 'dpt_desc' | 'dpt_asc';

function baseQuery(db: Kysely<Database>) {
  return db
    .selectFrom('tps')
    .innerJoin('wilayah as kel', 'kel.kode', 'tps.kode_wilayah')
    .innerJoin('wilayah as kec', 'kec.kode', 'kel.parent_kode');
}

type TpsQuery = ReturnType<typeof baseQuery>;

function applyFilter(query: TpsQuery, filter: TpsFilter): TpsQuery {
  let q = query;
  if (filter.scopeKode !== null) {
    const scope = filter.scopeKode;
    // Prefix match on whole segments; served by tps_kode_wilayah_prefix_idx.
    q = q.where(withinWilayah('tps.kode_wilayah', scope));
  }
  if (filter.q) {
    const text = filter.q;
    const digits = text.replace(/\D/g, '');
    const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    q = q.where((eb) =>
      eb.or([
        // Names were matched in the wilayah table first (trigram index): see resolveTextFilter.
        ...(filter.matchingDesa && filter.matchingDesa.length > 0
          ? [eb('tps.kode_wilayah', '=', sql<string>`ANY(${sql.val(filter.matchingDesa)}::text[])`)]
          : []),
        eb('tps.alamat', 'ilike', pattern),
        ...(digits.length > 0 && digits.length <= 3 ? [eb('tps.nomor', '=', Number(digits))] : []),
        ...(digits.length > 3 ? [eb('tps.kode', 'like', `${digits}%`)] : []),
      ]),
    );
  }
  if (filter.akses) q = q.where('tps.akses', '=', filter.akses);
  if (filter.lokasiKhusus === 'ada') q = q.where('tps.lokasi_khusus', 'is not', null);
  else if (filter.lokasiKhusus === 'tidak') q = q.where('tps.lokasi_khusus', 'is', null);
  else if (filter.lokasiKhusus) q = q.where('tps.lokasi_khusus', '=', filter.lokasiKhusus);
  if (filter.tanpaKoordinat === true) q = q.where('tps.lat', 'is', null);
  return q;
}

const TPS_COLUMNS = [
  'tps.id',
  'tps.kode',
  'tps.kode_wilayah',
  'tps.nomor',
  'tps.dpt_total',
  'tps.dpt_laki',
  'tps.dpt_perempuan',
  'tps.alamat',
  'tps.lat',
  'tps.lon',
  'tps.akses',
  'tps.lokasi_khusus',
  'tps.is_generated',
  'tps.version',
  'tps.updated_at',
  'kel.nama as nama_kelurahan',
  'kec.nama as nama_kecamatan',
] as const;

/** Where a keyset page starts: after (or before) the TPS with this DPT and code, in the list's order. */
export interface TpsSeek {
  direction: 'after' | 'before';
  dpt: number;
  kode: string;
}

/**
 * The key condition of a keyset page: rows strictly after (or before) the seek's row in the order of
 * `sort`. Every order ends in the unique TPS code, so no row is skipped or shown twice.
 */
function seekCondition(sort: TpsSort, seek: TpsSeek) {
  const after = seek.direction === 'after';
  const kode = sql.ref('tps.kode');
  const dpt = sql.ref('tps.dpt_total');
  if (sort === 'kode')
    return after ? sql<SqlBool>`${kode} > ${seek.kode}` : sql<SqlBool>`${kode} < ${seek.kode}`;
  if (sort === 'dpt_asc')
    return after
      ? sql<SqlBool>`(${dpt}, ${kode}) > (${seek.dpt}, ${seek.kode})`
      : sql<SqlBool>`(${dpt}, ${kode}) < (${seek.dpt}, ${seek.kode})`;
  // DPT descending, then code ascending: a row comparison cannot mix directions.
  return after
    ? sql<SqlBool>`(${dpt} < ${seek.dpt} OR (${dpt} = ${seek.dpt} AND ${kode} > ${seek.kode}))`
    : sql<SqlBool>`(${dpt} > ${seek.dpt} OR (${dpt} = ${seek.dpt} AND ${kode} < ${seek.kode}))`;
}

/**
 * The TPS codes of an area as a range of the code column ('73.73' → ['7373', '7374')): codes are
 * fixed-width digits, so a code-ordered page of a provinsi starts in the unique index at the
 * provinsi's first TPS instead of walking past the nation's earlier ones.
 */
function kodeRange(scopeKode: string): { from: string; to: string | null } {
  const from = compactKode(scopeKode);
  const next = (BigInt(from) + 1n).toString().padStart(from.length, '0');
  return { from, to: next.length > from.length ? null : next };
}

/** Whether the filter narrows the list to an area and nothing else: then rollup_tps has its count. */
function areaOnly(filter: TpsFilter): boolean {
  return !filter.q && !filter.akses && !filter.lokasiKhusus && filter.tanpaKoordinat !== true;
}

/**
 * The number of TPS and their DPT for a list's filter: an area's are kept by the database (rollup_tps,
 * ADR 0013), so a national list no longer counts 435,296 rows on every page; a narrower filter counts
 * the rows it matches.
 */
async function countTps(db: Kysely<Database>, filter: TpsFilter, filtered: TpsQuery) {
  if (areaOnly(filter)) {
    const kept = await db
      .selectFrom('rollup_tps')
      .select(['tps', 'dpt'])
      .where('kode', '=', filter.scopeKode ?? '')
      .executeTakeFirst();
    return { total: Number(kept?.tps ?? 0), dptTotal: Number(kept?.dpt ?? 0) };
  }
  const totals = await filtered
    .select([
      (eb) => eb.fn.countAll<number>().as('n'),
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('tps.dpt_total'), sql<number>`0`).as('dpt'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(totals.n), dptTotal: Number(totals.dpt) };
}

/**
 * One page of a TPS list, by offset (page numbers) or by key (`seek`: the rows after or before a
 * row, as fast on the last page as on the first). `rows` come in the list's order; `more` says whether
 * another row lies beyond them in the direction read.
 */
export async function findTpsPage(
  db: Kysely<Database>,
  filter: TpsFilter,
  page: { pageSize: number; sort: TpsSort } & ({ offset: number } | { seek: TpsSeek }),
) {
  const filtered = applyFilter(baseQuery(db), await resolveTextFilter(db, filter));
  const backward = 'seek' in page && page.seek.direction === 'before';
  const dir = (ascending: boolean) => (ascending !== backward ? 'asc' : 'desc');
  let rowsQuery = filtered.select(TPS_COLUMNS);
  if (filter.scopeKode !== null && page.sort === 'kode') {
    const range = kodeRange(filter.scopeKode);
    rowsQuery = rowsQuery.where('tps.kode', '>=', range.from);
    if (range.to !== null) rowsQuery = rowsQuery.where('tps.kode', '<', range.to);
  }
  if ('seek' in page) rowsQuery = rowsQuery.where(seekCondition(page.sort, page.seek));
  rowsQuery =
    page.sort === 'kode'
      ? rowsQuery.orderBy('tps.kode', dir(true))
      : rowsQuery.orderBy('tps.dpt_total', dir(page.sort === 'dpt_asc')).orderBy('tps.kode', dir(true));
  const [found, totals] = await Promise.all([
    rowsQuery
      .limit(page.pageSize + 1)
      .offset('offset' in page ? page.offset : 0)
      .execute(),
    countTps(db, filter, filtered),
  ]);
  const rows = found.slice(0, page.pageSize);
  if (backward) rows.reverse();
  return { rows, more: found.length > page.pageSize, ...totals };
}

export type TpsListRow = Awaited<ReturnType<typeof findTpsPage>>['rows'][number];

export async function findTpsById(db: Kysely<Database>, id: string): Promise<TpsListRow | undefined> {
  return baseQuery(db).select(TPS_COLUMNS).where('tps.id', '=', id).executeTakeFirst();
}

export async function findTpsByKodeWilayahNomor(db: Kysely<Database>, kodeWilayah: string, nomor: number) {
  return db
    .selectFrom('tps')
    .select('id')
    .where('kode_wilayah', '=', kodeWilayah)
    .where('nomor', '=', nomor)
    .executeTakeFirst();
}

/** Every TPS matching the filter, in code order, in chunks (exports never load a nation at once). */
export async function* streamTps(db: Kysely<Database>, filter: TpsFilter, chunkSize = 2000) {
  let after = '';
  for (;;) {
    const rows = await applyFilter(baseQuery(db), filter)
      .select(TPS_COLUMNS)
      .where('tps.kode', '>', after)
      .orderBy('tps.kode')
      .limit(chunkSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows.at(-1)!.kode;
    if (rows.length < chunkSize) return;
  }
}

export async function insertTps(db: Kysely<Database>, row: NewTps) {
  return db.insertInto('tps').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function updateTps(
  db: Kysely<Database>,
  id: string,
  expectedVersion: number,
  changes: Omit<Partial<NewTps>, 'id' | 'version'>,
) {
  return db
    .updateTable('tps')
    .set({ ...changes, version: sql`version + 1`, updated_at: sql`now()` })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .returning('id')
    .executeTakeFirst();
}

export async function deleteTps(db: Kysely<Database>, id: string) {
  await db.deleteFrom('tps').where('id', '=', id).execute();
}

/** TPS points (with coordinates) under a wilayah, for the map. */
export async function findTpsPoints(db: Kysely<Database>, scopeKode: string | null, limit: number) {
  return applyFilter(baseQuery(db), { scopeKode })
    .select([
      'tps.id',
      'tps.kode',
      'tps.nomor',
      'tps.lat',
      'tps.lon',
      'tps.dpt_total',
      'tps.akses',
      'tps.lokasi_khusus',
      'kel.nama as nama_kelurahan',
    ])
    .where('tps.lat', 'is not', null)
    .orderBy('tps.kode')
    .limit(limit)
    .execute();
}

/** One point per child area: the centroid of its TPS with their count and DPT. */
export async function findChildCentroids(
  db: Kysely<Database>,
  scopeKode: string | null,
  childKodeLength: number,
) {
  let query = db
    .selectFrom('tps')
    .select([
      sql<string>`substr(kode_wilayah, 1, ${sql.lit(childKodeLength)})`.as('kode'),
      (eb) => eb.fn.countAll<number>().as('tps'),
      (eb) => eb.fn.sum<number>('dpt_total').as('dpt'),
      sql<number>`avg(lat)`.as('lat'),
      sql<number>`avg(lon)`.as('lon'),
    ])
    .where('lat', 'is not', null)
    .groupBy(sql`1`);
  if (scopeKode !== null) query = query.where('kode_wilayah', 'like', `${scopeKode}.%`);
  return query.execute();
}
