/**
 * "The TPS that vote in this election" as SQL: the TPS an election lists (a PSU), else the TPS of its
 * listed areas (the desa of a Pilkades), else of its holding area, else every TPS (a national
 * election); docs/domain/pemilihan.md. The rule lives in the database, in two forms that
 * pemilihan-tps.test.ts keeps equal: siaga_pemilihan_tps (migration 20261207T1130), the election's TPS
 * as a set that the planner inlines, for every read; and siaga_pemilihan_memuat (20261206T0051), one
 * TPS at a time, for the triggers and one-TPS checks. Reads over the nation tested TPS one by one
 * with the latter until 20261207T1130: 3,729 ms embedded and 1,602 ms on PostgreSQL for a national
 * scan of 100,000 TPS, 68 ms and 35 ms as a set (ADR 0022).
 */
import { sql, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import type { TpsTable } from './schema';

/** The election's TPS as a table: `db.selectFrom(tpsOfPemilihan(id).as('t'))`, every column of tps. */
export function tpsOfPemilihan(pemilihanId: string): RawBuilder<Selectable<TpsTable>> {
  return sql<Selectable<TpsTable>>`siaga_pemilihan_tps(${pemilihanId}::uuid)`;
}

/**
 * Whether one TPS votes in the election, as a column or condition on a query of one or a few TPS
 * (evaluated per row: never over an area, use tpsOfPemilihan). `tps` is the alias of a tps row in
 * the query (e.g. 'tps' or 't'), one of Siaga's own names, never user input.
 */
export function isTpsInPemilihan(tps: string, pemilihanId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`siaga_pemilihan_memuat(${pemilihanId}::uuid, ${sql.ref(`${tps}.id`)}, ${sql.ref(`${tps}.kode_wilayah`)})`;
}
