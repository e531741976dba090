import { sql, type Kysely, type RawBuilder, type Selectable } from 'kysely';
import { columnList, recordset } from '../../db/recordset';
import type { AuditLogTable, Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

/** An audit row to write: its columns, with `before` and `after` as any JSON (undefined: SQL NULL). */
export type AuditRow = Omit<Selectable<AuditLogTable>, 'id' | 'at' | 'before' | 'after'> & {
  before: unknown;
  after: unknown;
};

const AUDIT_COLUMNS = {
  actor_user_id: 'uuid',
  actor_username: 'text',
  action: 'text',
  entity: 'text',
  entity_id: 'text',
  kode_wilayah: 'text',
  before: 'jsonb',
  after: 'jsonb',
} as const;

/** Writes audit rows in one statement, in the caller's transaction. */
export async function insertAudits(db: Kysely<Database>, rows: readonly AuditRow[]): Promise<void> {
  const statement = auditInsertSql(rows);
  if (statement) await statement.execute(db);
}

/**
 * The INSERT of these audit rows, to run as it is or beside other writes in one statement
 * (db/one-statement.ts); undefined when there is nothing to audit.
 */
export function auditInsertSql(rows: readonly AuditRow[]): RawBuilder<unknown> | undefined {
  if (rows.length === 0) return undefined;
  return sql`
    INSERT INTO audit_log (${columnList(AUDIT_COLUMNS)})
    SELECT ${columnList(AUDIT_COLUMNS)} FROM ${recordset(rows, AUDIT_COLUMNS)}
  `;
}

export async function findAuditPage(
  db: Kysely<Database>,
  filter: { scopeKode: string | null; entity?: string | undefined; entityId?: string | undefined },
  page: { page: number; pageSize: number },
) {
  let query = db.selectFrom('audit_log');
  if (filter.scopeKode !== null) {
    const scope = filter.scopeKode;
    query = query.where(withinWilayah('kode_wilayah', scope));
  }
  if (filter.entity) query = query.where('entity', '=', filter.entity);
  if (filter.entityId) query = query.where('entity_id', '=', filter.entityId);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('id', 'desc')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.n };
}
