/**
 * Voting day (hari H): the tiga pilar report each TPS's stage and turnout; Siaga keeps the current
 * status per TPS, counters per wilayah maintained in the same transaction, and sends a live event to
 * every screen that may see the TPS. Stage rules are pure domain code (src/domain/hari-h/); each use
 * case lives in its own file (hari-h-status, -situasi, -read) and this factory wires them.
 */
import type { TpsStatusInput } from '../../../contracts/hari-h';
import type { Actor } from '../../../domain/access/scope';
import type { Db } from '../../db/client';
import { createGroupCommit } from '../../db/group-commit';
import type { AuditLog } from '../../cross-cutting/audit-log';
import type { Clock } from '../../cross-cutting/clock';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { rekap, scan, tpsStatus } from './hari-h-read';
import { reportSituasi, type SituasiReport } from './hari-h-situasi';
import { writeStatusBatch, type StatusAnswer, type StatusItem } from './hari-h-status';
import * as repo from './hari-h.repo';

export { toRollup } from './hari-h.view';

/** Reports per batch: enough to amortise a commit, few enough to keep lock spans short. */
const INGEST_MAX_BATCH = 200;

export interface HariHDeps {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  /** Batches written at once (group-commit.ts); more than one only pays on a server engine. */
  ingestConcurrency?: number;
}

export function createHariHService(deps: HariHDeps) {
  type P = PemilihanContext;
  const statusIngest = createGroupCommit<StatusItem, StatusAnswer>({
    run: (items) => writeStatusBatch(deps, items),
    maxBatch: INGEST_MAX_BATCH,
    concurrency: deps.ingestConcurrency ?? 1,
  });

  return {
    /**
     * One TPS's stage and turnout, answered after the commit that holds it. Concurrent reports are
     * written together (group commit); each is still checked and answered on its own.
     */
    report(
      actor: Actor,
      pemilihan: P,
      input: TpsStatusInput,
      via: 'web' | 'sms' = 'web',
    ): Promise<StatusAnswer> {
      return statusIngest.submit({ actor, pemilihan, input, via, now: deps.clock.now() });
    },
    reportSituasi: (actor: Actor, pemilihan: P, input: SituasiReport, via: 'web' | 'sms' = 'web') =>
      reportSituasi(deps, actor, pemilihan, input, via),
    /** The TPS with this KPU code, for reports that name a TPS by its code (SMS). */
    tpsIdByKode: async (kodeTps: string): Promise<string | null> =>
      (await repo.findTpsIdByKode(deps.db, kodeTps))?.id ?? null,
    rekap: (actor: Actor, pemilihan: P, kode: string | null) => rekap(deps, actor, pemilihan, kode),
    tpsStatus: (actor: Actor, pemilihan: P, kode: string) => tpsStatus(deps, actor, pemilihan, kode),
    scan: (actor: Actor, pemilihan: P, kode: string | null) => scan(deps, actor, pemilihan, kode),
  };
}
export type HariHService = ReturnType<typeof createHariHService>;
