import type { Kysely } from 'kysely';
import type { Actor } from '../../../domain/access/scope';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  kodeWilayah: string | null;
  before: unknown;
  after: unknown;
}

/** Writes one audit row; call it with the transaction of the change it records. */
export async function insertAudit(
  db: Kysely<Database>,
  actor: Actor | null,
  record: AuditRecord,
): Promise<void> {
  await insertAudits(db, [{ actor, record }]);
}

const json = (value: unknown): string | null =>
  value === null || value === undefined ? null : JSON.stringify(value);

/** Writes many audit rows in one statement (a batch of reports), in the caller's transaction. */
export async function insertAudits(
  db: Kysely<Database>,
  entries: readonly { actor: Actor | null; record: AuditRecord }[],
): Promise<void> {
  if (entries.length === 0) return;
  await db
    .insertInto('audit_log')
    .values(
      entries.map(({ actor, record }) => ({
        actor_user_id: actor?.userId ?? null,
        actor_username: actor?.username ?? null,
        action: record.action,
        entity: record.entity,
        entity_id: record.entityId,
        kode_wilayah: record.kodeWilayah,
        before: json(record.before),
        after: json(record.after),
      })),
    )
    .execute();
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
