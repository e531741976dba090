/**
 * "At or below this wilayah" as SQL: the code itself or any code that continues it after a dot, so
 * 73.73 matches 73.73.01.1001 and never 73.7x. Served by the `text_pattern_ops` indexes on kode columns.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `column` is one of Siaga's own column references (e.g. 'tps.kode_wilayah'), never user input. */
export function withinWilayah(column: string, kode: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(${ref} = ${kode} OR ${ref} LIKE ${`${kode}.%`})`;
}

/**
 * "Concerns this user's wilayah": at or below `kode`, or one of its ancestors, so a lurah sees the
 * kab/kota's decisions and meetings as well as their own kelurahan's, but nothing of a neighbour.
 */
export function relatedToWilayah(column: string, kode: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const segments = kode.split('.');
  const ancestors = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('.'));
  if (ancestors.length === 0) return withinWilayah(column, kode);
  return sql<SqlBool>`(${withinWilayah(column, kode)} OR ${ref} IN (${sql.join(ancestors)}))`;
}

/** What an actor scoped to `scope` sees: what concerns it (relatedToWilayah); everything when national. */
export function visibleFrom(column: string, scope: string | null): RawBuilder<SqlBool> {
  return scope === null ? sql<SqlBool>`true` : relatedToWilayah(column, scope);
}
