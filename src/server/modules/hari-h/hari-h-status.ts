/**
 * Voting-day status reports written in batches (db/group-commit.ts): each TPS's stage and turnout,
 * the maintained counters per wilayah, audit rows and live events, one transaction per batch.
 */
import type { TpsStatusChange, TpsStatusInput } from '../../../contracts/hari-h';
import type { Actor } from '../../../domain/access/scope';
import { rollupDelta, type StatusMove } from '../../../domain/hari-h/rollup';
import { nextStatus, type StatusTps, type TahapTps } from '../../../domain/hari-h/tps-status';
import type { Outcome } from '../../db/group-commit';
import { liveNotifySql } from '../../db/notify';
import { writeAsOneStatement } from '../../db/one-statement';
import type { AuditEntry } from '../../cross-cutting/audit-log';
import { sameElection } from '../../cross-cutting/create-once';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { checkStatusReport, type TpsForStatus, type Warning } from './hari-h-check';
import type { HariHDeps } from './hari-h.service';
import * as repo from './hari-h.repo';

export type StatusAnswer = {
  tpsId: string;
  tahap: TahapTps;
  pemilih: number | null;
  applied: boolean;
  replayed: boolean;
  warnings: Warning[];
};
export type StatusItem = {
  actor: Actor;
  pemilihan: PemilihanContext;
  input: TpsStatusInput;
  via: 'web' | 'sms';
  now: Date;
};
/** A TPS's status in one election (a TPS voting in a PSU and its Pilkada has one in each). */
const statusKey = (pemilihanId: string, tpsId: string) => `${pemilihanId}|${tpsId}`;

/**
 * One batch of concurrent reports in one transaction: lock their TPS (which also looks them up),
 * check each report, keep the new ones and read the statuses, let the domain move each TPS (several
 * reports on one TPS apply in arrival order), write the moved statuses, audit rows and live events,
 * commit once. The lock is on the TPS row, which always exists, not on its status row, which a
 * TPS's first report creates: two batches (two app nodes, or two in flight on one) reporting the
 * same new TPS would otherwise both decide from "belum lapor" and the later would move it back.
 * The statuses are read after the lock, in a statement of their own, so they are never older than
 * the last commit that held it.
 */
export async function writeStatusBatch(
  deps: HariHDeps,
  items: readonly StatusItem[],
): Promise<Outcome<StatusAnswer>[]> {
  const { db } = deps;
  const outcomes = new Array<Outcome<StatusAnswer>>(items.length);
  await db.transaction().execute(async (trx) => {
    const found = await repo.lockTpsForStatus(
      trx,
      items.map((i) => i.input.tpsId),
      items.map((i) => i.pemilihan.id),
    );
    const byId = new Map(found.map((t) => [t.id, t]));
    const accepted: { index: number; item: StatusItem; tps: TpsForStatus; warnings: Warning[] }[] = [];
    items.forEach((item, index) => {
      try {
        accepted.push({
          index,
          item,
          ...checkStatusReport(item.actor, item.pemilihan, item.input, byId.get(item.input.tpsId), item.now),
        });
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    });
    if (accepted.length === 0) return;

    const { fresh, current, known } = await repo.insertStatusReportsAndRead(
      trx,
      accepted.map(({ item, tps }) => ({
        clientId: item.input.clientId,
        pemilihanId: item.pemilihan.id,
        tpsId: tps.id,
        stage: item.input.tahap,
        pemilih: item.input.pemilih,
        via: item.via,
        dibuatAt: item.input.dibuatAt === undefined ? item.now : new Date(item.input.dibuatAt),
        createdBy: item.actor.userId,
      })),
    );
    const status = new Map<string, StatusTps>(
      current.map((r) => [statusKey(r.pemilihan_id, r.tps_id), { tahap: r.stage, pemilih: r.pemilih }]),
    );
    const moved = new Map<
      string,
      { pemilihanId: string; tpsId: string; next: StatusTps; at: Date; by: string }
    >();
    const moves = new Map<string, StatusMove[]>();
    const audits: AuditEntry[] = [];
    const events: unknown[] = [];
    const seen = new Set<string>();
    for (const { index, item, tps, warnings } of accepted) {
      const key = statusKey(item.pemilihan.id, tps.id);
      const earlier = known.get(item.input.clientId);
      if (earlier !== undefined && !fresh.has(item.input.clientId)) {
        try {
          sameElection({ pemilihan_id: earlier }, item.pemilihan);
        } catch (error) {
          outcomes[index] = { ok: false, error };
          continue;
        }
      }
      const current = status.get(key) ?? { tahap: 'belum_lapor' as const, pemilih: null };
      // A client id seen before (also earlier in this batch) is a retry: answered, not applied.
      const isNew = fresh.has(item.input.clientId) && !seen.has(item.input.clientId);
      seen.add(item.input.clientId);
      const next = isNew
        ? nextStatus(current, { tahap: item.input.tahap, pemilih: item.input.pemilih })
        : null;
      if (next === null) {
        if (isNew) {
          // An older report arriving late (offline outbox): kept in the history, status unchanged.
          warnings.push({
            code: 'tahap_terlewati',
            message: `Status TPS sudah "${current.tahap}"; laporan ini disimpan sebagai riwayat`,
          });
        }
        outcomes[index] = {
          ok: true,
          value: { tpsId: tps.id, ...current, applied: false, replayed: !isNew, warnings },
        };
        continue;
      }
      status.set(key, next);
      moved.set(key, {
        pemilihanId: item.pemilihan.id,
        tpsId: tps.id,
        next,
        at: item.now,
        by: item.actor.userId,
      });
      const ofElection = moves.get(item.pemilihan.id) ?? [];
      ofElection.push({ kodeWilayah: tps.kode_wilayah, dptTotal: tps.dpt_total, from: current, to: next });
      moves.set(item.pemilihan.id, ofElection);
      audits.push({
        actor: item.actor,
        record: {
          action: 'status',
          entity: 'tps_status',
          entityId: tps.id,
          kodeWilayah: tps.kode_wilayah,
          before: current.tahap === 'belum_lapor' ? null : { stage: current.tahap, pemilih: current.pemilih },
          after: {
            stage: next.tahap,
            pemilih: next.pemilih,
            via: item.via,
            pemilihanId: item.pemilihan.id,
          },
        },
      });
      const change: TpsStatusChange = {
        tahap: next.tahap,
        pemilih: next.pemilih,
        dari: { tahap: current.tahap, pemilih: current.pemilih },
        dpt: tps.dpt_total,
      };
      // The whole move, so that a board applies it to its counters without a refetch.
      events.push({
        type: 'tps_status',
        pemilihanId: item.pemilihan.id,
        kodeWilayah: tps.kode_wilayah,
        id: tps.id,
        at: item.now.toISOString(),
        data: change,
      });
      outcomes[index] = {
        ok: true,
        value: { tpsId: tps.id, ...next, applied: true, replayed: false, warnings },
      };
    }
    // One round trip for the statuses, the roll-up counters, the audit rows and the live events
    // (db/one-statement.ts).
    await writeAsOneStatement(
      trx,
      [
        repo.tpsStatusUpsertSql(
          [...moved.values()].map((m) => ({
            pemilihanId: m.pemilihanId,
            tpsId: m.tpsId,
            stage: m.next.tahap,
            pemilih: m.next.pemilih,
            updatedAt: m.at,
            updatedBy: m.by,
          })),
        ),
        repo.rollupDeltaSql(new Map([...moves].map(([id, m]) => [id, rollupDelta(m)]))),
        deps.audit.insertSql(audits),
      ],
      liveNotifySql(events),
    );
  });
  return outcomes;
}
