import { decideAccess, type Actor } from '../../../domain/access/scope';
import type { Db } from '../../db/client';
import { forbidden } from '../../errors';
import type { AuditLog } from '../../cross-cutting/audit-log';
import { auditInsertSql, findAuditPage, insertAudit } from './audit.repo';

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
        items: rows.map((row) => ({
          id: row.id,
          at: new Date(row.at).toISOString(),
          actorUsername: row.actor_username,
          action: row.action,
          entity: row.entity,
          entityId: row.entity_id,
          kodeWilayah: row.kode_wilayah,
          before: row.before,
          after: row.after,
        })),
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
