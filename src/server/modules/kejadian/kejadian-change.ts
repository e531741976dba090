/**
 * One change of an incident as it is written: the columns from the domain's new state, the step in
 * kejadian_langkah, the audit row and the live event, all in the caller's transaction; and the
 * domain's refusals as API errors with stable codes.
 */
import type { RawBuilder } from 'kysely';
import type { KejadianDetail } from '../../../contracts/kejadian';
import type { Actor } from '../../../domain/access/scope';
import {
  LABEL_STATUS_KEJADIAN,
  applyEscalation,
  type AlurErrorCode,
  type EscalationPolicy,
  type Kejadian,
} from '../../../domain/kejadian/alur';
import type { Db } from '../../db/client';
import { liveNotifySql } from '../../db/notify';
import { writeAsOneStatement } from '../../db/one-statement';
import { DomainError } from '../../errors';
import type { Clock } from '../../cross-cutting/clock';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './kejadian.repo';
import { toDomain } from './kejadian.view';

/** Phones' clocks run a little fast; a time this far ahead is still "now" (domain/time/jam-ponsel.ts). */
export { CLOCK_SKEW_MS } from '../../../domain/time/jam-ponsel';

/** What the use cases split into their own files share with the service. */
export type KejadianContext = {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  policy: EscalationPolicy;
  lockVisible: (trx: Db, actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<repo.KejadianRow>;
  get: (actor: Actor, pemilihan: PemilihanContext, id: string) => Promise<KejadianDetail>;
};

export function validation(message: string, field: string, code: string): DomainError {
  return new DomainError('validation', message, { field, code });
}

/** A domain refusal as an API error with a stable `details.code`. */
export function alurError(code: AlurErrorCode, incident: Kejadian, aksi: string): DomainError {
  switch (code) {
    case 'transisi_tidak_sah':
      return new DomainError(
        'invalid_state',
        `Kejadian berstatus "${LABEL_STATUS_KEJADIAN[incident.status]}" tidak dapat di-${aksi}`,
        { code, status: incident.status },
      );
    case 'level_tidak_berwenang':
      return new DomainError(
        'forbidden',
        `Kejadian ini sudah menjadi tanggung jawab tingkat ${incident.level}; tingkat Anda tidak berwenang`,
        { code, level: incident.level },
      );
    case 'sudah_level_tertinggi':
      return new DomainError('invalid_state', 'Kejadian sudah di tingkat tertinggi (Forkopimda kab/kota)', {
        code,
      });
    case 'data_wajib':
      return new DomainError('validation', 'Data wajib untuk aksi ini belum diisi', { code });
    case 'waktu_tidak_valid':
      return new DomainError('invalid_state', 'Waktu aksi sebelum kejadian dilaporkan', { code });
  }
}

/** The columns that change when the domain moves an incident from `before` to `after`. */
export function columnsOf(after: Kejadian) {
  return {
    status: after.status,
    severity: after.keparahan,
    level: after.level,
    level_since: after.levelSince,
    merged_into: after.mergedIntoId,
    assigned_agency: after.penanggungJawab,
    verified_at: after.verifiedAt,
    assigned_at: after.assignedAt,
    closed_at: after.closedAt,
  };
}

export type ChangeContext = {
  trx: Db;
  audit: AuditLog;
  actor: Actor | null;
  /** What a change record needs of the incident. */
  row: Pick<repo.KejadianRow, 'id' | 'pemilihan_id' | 'kode_wilayah' | 'is_restricted' | 'kategori'>;
  now: Date;
};

export type Change = {
  aksi: string;
  before: Kejadian;
  after: Kejadian;
  catatan: string;
  at?: Date;
  audit?: unknown;
};

/** Records one change of an incident: its step, audit row and live event, in the caller's transaction. */
export async function recordChange(ctx: ChangeContext, change: Change): Promise<void> {
  await recordChanges(ctx.trx, ctx.audit, [{ actor: ctx.actor, row: ctx.row, now: ctx.now, change }]);
}

/**
 * Many changes (a batch of field reports): their steps, audit rows and live events as one statement
 * (db/one-statement.ts), in the caller's transaction. `alongWith` is a write that goes first in the
 * same statement: the new incidents themselves, whose steps' foreign keys are checked at its end.
 */
export async function recordChanges(
  trx: Db,
  audit: AuditLog,
  changes: readonly (Omit<ChangeContext, 'trx' | 'audit'> & { change: Change })[],
  alongWith?: RawBuilder<unknown>,
): Promise<void> {
  if (changes.length === 0) return;
  const langkah = repo.langkahInsertSql(
    changes.map(({ actor, row, now, change }) => ({
      kejadian_id: row.id,
      aksi: change.aksi,
      dari_status: change.before.status,
      ke_status: change.after.status,
      catatan: change.catatan,
      actor_id: actor?.userId ?? null,
      at: change.at ?? now,
    })),
  );
  const audits = audit.insertSql(
    changes.map(({ actor, row, change }) => ({
      actor,
      record: {
        action: change.aksi,
        entity: 'kejadian',
        entityId: row.id,
        kodeWilayah: row.kode_wilayah,
        before: {
          status: change.before.status,
          level: change.before.level,
          keparahan: change.before.keparahan,
        },
        after: change.audit ?? {
          status: change.after.status,
          level: change.after.level,
          keparahan: change.after.keparahan,
          catatan: change.catatan,
        },
      },
    })),
  );
  const events = liveNotifySql(
    changes.map(({ row, now, change }) => ({
      type: 'kejadian',
      pemilihanId: row.pemilihan_id,
      kodeWilayah: row.kode_wilayah,
      id: row.id,
      at: now.toISOString(),
      restricted: row.is_restricted,
      data: {
        aksi: change.aksi,
        status: change.after.status,
        level: change.after.level,
        kategori: row.kategori,
      },
    })),
  );
  await writeAsOneStatement(trx, [alongWith, langkah, audits], events);
}

/**
 * Writes every escalation that fell due by `now` (one step, audited as the system's), in the caller's
 * transaction under the row's lock; returns the incident as it now stands.
 */
export async function persistDueEscalation(
  trx: Db,
  audit: AuditLog,
  row: repo.KejadianRow,
  now: Date,
  policy: EscalationPolicy,
): Promise<{ incident: Kejadian; row: repo.KejadianRow }> {
  const before = toDomain(row);
  const after = applyEscalation(before, now, policy);
  if (after.level === before.level) return { incident: before, row };
  const version = await repo.updateKejadian(trx, row.id, {
    level: after.level,
    level_since: after.levelSince,
  });
  await recordChange(
    { trx, audit, actor: null, row, now },
    {
      aksi: 'eskalasi_otomatis',
      before,
      after,
      catatan: `${before.level} → ${after.level}`,
      at: after.levelSince,
    },
  );
  return { incident: after, row: { ...row, level: after.level, level_since: after.levelSince, version } };
}
