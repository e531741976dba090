/**
 * "A TPS that votes in this election" as SQL: the TPS an election lists (a PSU), else the TPS of its
 * listed areas (the desa of a Pilkades), else of its holding area, else every TPS (a national
 * election). The rule lives once, in the database function siaga_pemilihan_memuat (migration
 * 20261206T0051), which the voting-day roll-up triggers use too; docs/domain/pemilihan.md.
 */
import { sql, type RawBuilder, type SqlBool } from 'kysely';

/**
 * `tps` is the alias of a tps row in the query (e.g. 'tps' or 't'), one of Siaga's own names, never
 * user input: its id and kelurahan decide.
 */
export function tpsOfPemilihan(tps: string, pemilihanId: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`siaga_pemilihan_memuat(${pemilihanId}::uuid, ${sql.ref(`${tps}.id`)}, ${sql.ref(`${tps}.kode_wilayah`)})`;
}
