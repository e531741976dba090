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
