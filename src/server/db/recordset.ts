/**
 * Many rows as one parameter: `json_to_recordset($1::json) AS r (column type, …)`. A batch of reports
 * (group commit, docs/decisions/0008-ingest-group-commit.md) sent as a multi-row VALUES list costs a
 * parameter per cell: compiled by Kysely, serialised by the driver, bound by the server, each one a
 * cost on the thread that also serves HTTP. As one JSON text it is one JSON.stringify (native) and one
 * parse inside PostgreSQL, on both engines. Dates become ISO texts, which timestamptz reads exactly.
 */
import { sql, type RawBuilder } from 'kysely';

/** PostgreSQL types of the columns a recordset declares (Siaga's own, never user input). */
export type RecordsetColumns = Record<
  string,
  'uuid' | 'text' | 'integer' | 'bigint' | 'boolean' | 'double precision' | 'timestamptz' | 'jsonb'
>;

/**
 * `json_to_recordset(<rows as JSON>) AS <alias> (<columns>)`, to select from. Each row is an object
 * keyed by column name; a missing key reads as NULL.
 */
export function recordset(
  rows: readonly Record<string, unknown>[],
  columns: RecordsetColumns,
  alias = 'r',
): RawBuilder<unknown> {
  const definition = Object.entries(columns)
    .map(([name, type]) => `${name} ${type}`)
    .join(', ');
  return sql`json_to_recordset(${JSON.stringify(rows)}::json) AS ${sql.raw(`${alias} (${definition})`)}`;
}

/** The column list of a recordset, for `INSERT INTO t (<columns>) SELECT <columns> FROM …`. */
export function columnList(columns: RecordsetColumns): RawBuilder<unknown> {
  return sql.raw(Object.keys(columns).join(', '));
}
