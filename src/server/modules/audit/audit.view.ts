/** An audit row as the contract's entry: camelCase fields, the instant as ISO. */
import type { AuditEntry } from '../../../contracts/audit';
import type { findAuditPage } from './audit.repo';

type AuditRow = Awaited<ReturnType<typeof findAuditPage>>['rows'][number];

export function toAuditEntry(row: AuditRow): AuditEntry {
  return {
    id: row.id,
    at: new Date(row.at).toISOString(),
    actorUsername: row.actor_username,
    action: row.action,
    entity: row.entity,
    entityId: row.entity_id,
    kodeWilayah: row.kode_wilayah,
    before: row.before,
    after: row.after,
  };
}
