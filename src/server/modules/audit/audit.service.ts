import { decideAccess, type Actor } from '../../../domain/access/scope';
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';
import type { AuditEntry, AuditLog } from '../../cross-cutting/audit-log';
import { auditInsertSql, findAuditPage, insertAudits, type AuditRow } from './audit.repo';
import { toAuditEntry } from './audit.view';

export function createAuditService(deps: { db: Db }) {
  return {
    /** The audit trail within the actor's scope, newest first. */
    async list(
      actor: Actor,
      query: { page: number; pageSize: number; entity?: string | undefined; entityId?: string | undefined },
    ) {
      const decision = decideAccess(actor, 'audit:read', actor.kodeWilayah);
      if (!decision.allowed) throw forbidden();
      const { rows, total } = await findAuditPage(
        deps.db,
        { scopeKode: actor.kodeWilayah, entity: query.entity, entityId: query.entityId },
        query,
      );
      return {
        items: rows.map(toAuditEntry),
        page: query.page,
        pageSize: query.pageSize,
        total,
      };
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;

/** An entry of the log as its row: who (null for the system), what, where, and the change. */
function auditRowOf({ actor, record }: AuditEntry): AuditRow {
  return {
    actor_user_id: actor?.userId ?? null,
    actor_username: actor?.username ?? null,
    action: record.action,
    entity: record.entity,
    entity_id: record.entityId,
    kode_wilayah: record.kodeWilayah,
    // JSON null and SQL NULL differ in jsonb: an absent value is SQL NULL, as before.
    before: record.before ?? undefined,
    after: record.after ?? undefined,
  };
}

/** The audit log the other services receive (cross-cutting/audit-log.ts): rows in audit_log. */
export function createAuditLog(): AuditLog {
  return {
    record: (db, actor, record) => insertAudits(db, [auditRowOf({ actor, record })]),
    insertSql: (entries) => auditInsertSql(entries.map(auditRowOf)),
  };
}
