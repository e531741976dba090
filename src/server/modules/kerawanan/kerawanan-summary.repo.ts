/**
 * The figures behind the kerawanan summary of a kecamatan and above: kept per kecamatan by the
 * database (rollup_kerawanan, migration 20261206T0096) and added up here, in the database, per area
 * of the level below the one read (the nation per provinsi, a provinsi per kab/kota, a kab/kota per
 * kecamatan; a kecamatan is its own one row), with the TPS of each area in the election from the
 * voting-day counters (rollup_hari_h, 20261206T0051). The nation is 38 rows, not 7,285 kecamatan
 * moved to JavaScript and 2.8 MB sent (ADR 0013). The full scan stays in kerawanan.repo.ts (findTpsWithKerawanan) as
 * the reference.
 */
import { sql } from 'kysely';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import type { Db } from '../../db/client';

/** The length of an area's code at the level where an area's summary is broken down (fixed widths). */
const KODE_LENGTH = { provinsi: 2, kabkota: 5, kecamatan: 8 } as const;
export type TingkatRincian = keyof typeof KODE_LENGTH;

/** Where the summary of an area is broken down: one level below it, never below the kecamatan. */
export function tingkatRincianOf(scope: string | null): TingkatRincian {
  const segments = scope === null ? 0 : scope.split('.').length;
  return segments === 0 ? 'provinsi' : segments === 1 ? 'kabkota' : 'kecamatan';
}

/** The area of the breakdown level a code at or below it belongs to ('73.73.01.1001' → '73.73' for kab/kota). */
export function rincianKodeOf(kode: string, tingkat: TingkatRincian): string {
  return kode.slice(0, KODE_LENGTH[tingkat]);
}

export interface AreaFiguresRow {
  kode: string;
  nama: string;
  tps: number;
  assessed: number;
  kurang_rawan: number;
  rawan: number;
  sangat_rawan: number;
  khusus: number;
  /** Assessed TPS per indicator code asked for, summed over the area's kecamatan. */
  indikator: Record<string, number>;
}

/**
 * Every area of the breakdown level at or below a kecamatan or above (null: the nation) with TPS in
 * the election, its name, its TPS and the kept figures of the phase summed over its kecamatan, the
 * indicators those of `indicatorCodes` (the catalogue's; the summary leaves any other out). Two
 * reads: the areas' TPS by the counters' key (pemilihan, kode), and one pass over the election's kept
 * kerawanan rows (pemilihan, phase; at most 7,285) summing each code's count by name, which is
 * 15-20 times faster than unnesting every row's jsonb and grouping by key (measured at 435,296
 * TPS: 16 ms against 200-320 ms, ADR 0013).
 */
export async function findAreaFigures(
  db: Db,
  pemilihanId: string,
  phase: Phase,
  scope: string | null,
  indicatorCodes: readonly string[],
): Promise<AreaFiguresRow[]> {
  const tingkat = tingkatRincianOf(scope);
  const length = KODE_LENGTH[tingkat];
  // The areas of the breakdown: the provinsi, the children of a provinsi or kab/kota, or the kecamatan itself.
  const areas =
    scope === null
      ? sql`w.parent_kode IS NULL`
      : scope.split('.').length === 3
        ? sql`w.kode = ${scope}`
        : sql`w.parent_kode = ${scope}`;
  const within =
    scope === null ? sql`true` : sql`(r.kode_kecamatan = ${scope} OR r.kode_kecamatan LIKE ${`${scope}.%`})`;
  const sums =
    indicatorCodes.length === 0
      ? sql`ARRAY[]::int[]`
      : sql`ARRAY[${sql.join(indicatorCodes.map((kode) => sql`coalesce(sum((r.indikator->>${kode})::int), 0)::int`))}]`;
  const result = await sql<Omit<AreaFiguresRow, 'indikator'> & { indikator: number[] | null }>`
    WITH a AS (
      SELECT w.kode, w.nama, sum(t.tps)::int AS tps
      FROM wilayah w
      JOIN rollup_hari_h t ON t.pemilihan_id = ${pemilihanId} AND t.kode = w.kode
      WHERE ${areas}
      GROUP BY w.kode, w.nama
      HAVING sum(t.tps) > 0
    ),
    k AS (
      SELECT left(r.kode_kecamatan, ${length}) AS kode, sum(r.assessed)::int AS assessed,
             sum(r.kurang_rawan)::int AS kurang_rawan, sum(r.rawan)::int AS rawan,
             sum(r.sangat_rawan)::int AS sangat_rawan, sum(r.khusus)::int AS khusus, ${sums} AS indikator
      FROM rollup_kerawanan r
      WHERE r.pemilihan_id = ${pemilihanId} AND r.phase = ${phase} AND ${within}
      GROUP BY 1
    )
    SELECT a.kode, a.nama, a.tps, coalesce(k.assessed, 0) AS assessed,
           coalesce(k.kurang_rawan, 0) AS kurang_rawan, coalesce(k.rawan, 0) AS rawan,
           coalesce(k.sangat_rawan, 0) AS sangat_rawan, coalesce(k.khusus, 0) AS khusus, k.indikator
    FROM a LEFT JOIN k ON k.kode = a.kode
    ORDER BY a.kode`.execute(db);
  return result.rows.map((row) => ({
    ...row,
    indikator: Object.fromEntries(indicatorCodes.map((kode, i) => [kode, row.indikator?.[i] ?? 0])),
  }));
}

/** The names of areas by code (the scan's breakdown above the kecamatan names its provinsi or kab/kota). */
export async function findWilayahNames(db: Db, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return db.selectFrom('wilayah').select(['kode', 'nama']).where('kode', 'in', kodes).execute();
}
