import { decideAccess, type Actor } from '../../../domain/access/scope';
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { auditInsertSql, findAuditPage, insertAudit } from './audit.repo';
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

/** The audit log the other services receive (cross-cutting/audit-log.ts): rows in audit_log. */
export function createAuditLog(): AuditLog {
  return { record: insertAudit, insertSql: auditInsertSql };
}
