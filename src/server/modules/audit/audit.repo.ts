import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Actor } from '../../../domain/access/scope';
import type { AuditEntry, AuditRecord } from '../../cross-cutting/audit-log';
import { columnList, recordset } from '../../db/recordset';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

/** Writes one audit row; call it with the transaction of the change it records. */
export async function insertAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  record: AuditRecord,
): Promise<void> {
  await insertAudits(db, [{ actor, record }]);
}

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

/** Writes many audit rows in one statement (a batch of reports), in the caller's transaction. */
export async function insertAudits(db: Kysely<Database>, entries: readonly AuditEntry[]): Promise<void> {
  const statement = auditInsertSql(entries);
  if (statement) await statement.execute(db);
}

/**
 * The INSERT of these audit rows, to run as it is or beside other writes in one statement
 * (db/one-statement.ts); undefined when there is nothing to audit.
 */
export function auditInsertSql(entries: readonly AuditEntry[]): RawBuilder<unknown> | undefined {
  if (entries.length === 0) return undefined;
  const records = entries.map(({ actor, record }) => ({
    actor_user_id: actor?.userId ?? null,
    actor_username: actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    kode_wilayah: record.kodeWilayah,
    // JSON null and SQL NULL differ in jsonb: an absent value is SQL NULL, as before.
    before: record.before ?? undefined,
    after: record.after ?? undefined,
  }));
  return sql`
    INSERT INTO audit_log (${columnList(AUDIT_COLUMNS)})
    SELECT ${columnList(AUDIT_COLUMNS)} FROM ${recordset(records, AUDIT_COLUMNS)}
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
