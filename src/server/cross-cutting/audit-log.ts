/**
 * The audit log every change writes to, injected into each service (ADR 0011). It writes in the
 * transaction of the change it records, so a change and its audit row commit or roll back together.
 * The audit module implements it (modules/audit/audit.service.ts, createAuditLog); app.ts injects it.
 */
import type { Kysely, RawBuilder } from 'kysely';
import type { Actor } from '../../domain/access/scope';
import type { Database } from '../db/schema';

export interface AuditRecord {
  action: string;
  entity: string;
  entityId: string | null;
  kodeWilayah: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditEntry {
  actor: Actor | null;
  record: AuditRecord;
}

export interface AuditLog {
  /** Writes one audit row; call it with the transaction of the change it records. */
  record(db: Kysely<Database>, actor: Actor | null, record: AuditRecord): Promise<void>;
  /**
   * The INSERT of these rows, to run beside other writes in one statement (db/one-statement.ts);
   * undefined when there is nothing to audit.
   */
  insertSql(entries: readonly AuditEntry[]): RawBuilder<unknown> | undefined;
}
