/**
 * What the netralitas use cases share: their deps, the module's validation error and a step's instant
 * (given or now, never ahead of the clock).
 */
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { Db } from '../../db/client';
import { DomainError } from '../../errors';
import type { WilayahService } from '../wilayah/wilayah.service';

export interface NetralitasDeps {
  db: Db;
  audit: AuditLog;
  clock: Clock;
  wilayah: WilayahService;
  /** Holidays and joint leave days that working-day deadlines skip. */
  libur?: () => Promise<readonly string[]>;
}

export const validation = (message: string, field: string, code: string) =>
  new DomainError('validation', message, { field, code });

/** A step's instant: given or now, never ahead of the clock. */
export function instantOf(value: string | undefined, field: string, now: Date): Date {
  const at = value === undefined ? now : new Date(value);
  if (isAheadOfClock(at, now))
    throw validation('Waktu tidak boleh di masa depan', field, 'waktu_di_masa_depan');
  return at;
}
