/**
 * "A TPS that votes in this election" as SQL: an election that lists its TPS (a PSU, pemilihan_tps)
 * covers only those; any other covers every TPS of its area (docs/domain/pemilihan.md).
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/** `column` is one of Siaga's own column references (e.g. 'tps.id'), never user input. */
export function tpsOfPemilihan(column: string, pemilihanId: string): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  return sql<SqlBool>`(NOT EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = ${pemilihanId})
    OR ${ref} IN (SELECT pt.tps_id FROM pemilihan_tps pt WHERE pt.pemilihan_id = ${pemilihanId}))`;
}
