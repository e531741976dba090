/**
 * Voting day (hari H): the tiga pilar report each TPS's stage and turnout; Siaga keeps the current
 * status per TPS, counters per wilayah maintained in the same transaction (a database trigger), and
 * sends a live event to every screen that may see the TPS. Stage rules are pure domain code
 * (src/domain/hari-h/tps-status.ts); docs/domain/laporan.md.
 */
import type { Rollup, TpsStatusChange, TpsStatusInput } from '../../../contracts/hari-h';
import type { Actor } from '../../../domain/access/scope';
import { isInScope } from '../../../domain/access/scope';
import {
  TAHAP_TPS,
  nextStatus,
  validatePemilih,
  type StatusTps,
  type TahapTps,
} from '../../../domain/hari-h/tps-status';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import type { LevelSituasi } from '../../../domain/laporan/situasi';
import { partisipasiPersen, rollupDelta, type StatusMove } from '../../../domain/hari-h/rollup';
import type { Db } from '../../db/client';
import { createGroupCommit, type Outcome } from '../../db/group-commit';
import { liveNotifySql, notifyLive } from '../../db/notify';
import { writeAsOneStatement } from '../../db/one-statement';
import { readWithSnapshot } from '../../db/snapshot';
import { DomainError, forbidden, notFound } from '../../errors';
import type { Clock } from '../../cross-cutting/clock';
import type { AuditEntry, AuditLog } from '../../cross-cutting/audit-log';
import { authorize } from '../../cross-cutting/access';
import type { WilayahService } from '../wilayah/wilayah.service';
import { sameElection, type PemilihanContext } from '../pemilihan/pemilihan.service';
import * as repo from './hari-h.repo';

/** Stages at which a turnout count makes sense: voting has started. */
const COUNTING_FROM = TAHAP_TPS.indexOf('pemungutan');
const MAP_LIMIT = 20_000;
/** Reports per batch: enough to amortise a commit, few enough to keep lock spans short. */
const INGEST_MAX_BATCH = 200;

export function toRollup(row: repo.RollupRow): Rollup {
  const perTahap = {
    petugas_hadir: row.petugas_hadir,
    logistik_lengkap: row.logistik_lengkap,
    dibuka: row.dibuka,
    pemungutan: row.pemungutan,
    ditutup: row.ditutup,
    penghitungan_selesai: row.penghitungan_selesai,
  };
  const reported = Object.values(perTahap).reduce((a, b) => a + b, 0);
  return {
    jumlahTps: row.tps,
    perTahap: { belum_lapor: row.tps - reported, ...perTahap },
    dpt: row.dpt,
    pemilih: row.pemilih,
    dptMelapor: row.dpt_pemilih_dilaporkan,
    partisipasi: partisipasiPersen(row.pemilih, row.dpt_pemilih_dilaporkan),
  };
}

type StatusAnswer = {
  tpsId: string;
  tahap: TahapTps;
  pemilih: number | null;
  applied: boolean;
  replayed: boolean;
  warnings: { code: string; message: string }[];
};
type StatusItem = {
  actor: Actor;
  pemilihan: PemilihanContext;
  input: TpsStatusInput;
  via: 'web' | 'sms';
  now: Date;
};
type TpsForStatus = { id: string; kode_wilayah: string; dpt_total: number };
/** A TPS's status in one election (a TPS voting in a PSU and its Pilkada has one in each). */
const statusKey = (pemilihanId: string, tpsId: string) => `${pemilihanId}|${tpsId}`;
type Warning = { code: string; message: string };

/** When a report was written, as its phone says: never ahead of the server's clock (laporan and kejadian alike). */
function checkWrittenAt(dibuatAt: string | undefined, now: Date): void {
  if (dibuatAt !== undefined && isAheadOfClock(new Date(dibuatAt), now)) {
    throw new DomainError('validation', 'Waktu pembuatan laporan ada di masa depan; periksa jam ponsel', {
      field: 'dibuatAt',
    });
  }
}

/** Scope, permission and turnout checks of one report; the warnings it carries when accepted. */
/** The TPS a field officer may report on: outside their scope it does not exist for them. */
function reportableTps<T extends { kode_wilayah: string }>(
  actor: Actor,
  tps: T | undefined,
  dalamPemilihan: boolean,
): T {
  if (!tps || !isInScope(actor, tps.kode_wilayah)) throw notFound('TPS');
  authorize(actor, 'hari_h:report', tps.kode_wilayah);
  // A TPS that does not vote in this election (outside a PSU's few TPS, or a Pilkades's desa).
  if (!dalamPemilihan) {
    throw new DomainError('validation', 'TPS ini tidak ikut dalam pemilihan yang dipilih', {
      field: 'tpsId',
      code: 'tps_bukan_peserta',
    });
  }
  return tps;
}

function checkStatusReport(
  actor: Actor,
  pemilihan: PemilihanContext,
  input: TpsStatusInput,
  found: (TpsForStatus & { pemilihan: string[] }) | undefined,
  now: Date,
): { tps: TpsForStatus; warnings: { code: string; message: string }[] } {
  const tps = reportableTps(actor, found, found?.pemilihan.includes(pemilihan.id) ?? false);
  checkWrittenAt(input.dibuatAt, now);
  const warnings: { code: string; message: string }[] = [];
  if (input.pemilih !== null) {
    if (TAHAP_TPS.indexOf(input.tahap) < COUNTING_FROM) {
      throw new DomainError('validation', 'Jumlah pemilih dilaporkan setelah pemungutan suara dimulai', {
        field: 'pemilih',
      });
    }
    // The ballots a TPS holds follow the election's own law (Pemilu 2 %, Pilkada 2.5 %; docs/domain/laporan.md).
    const problems = validatePemilih({
      dpt: tps.dpt_total,
      pemilih: input.pemilih,
      aturan: pemilihan.aturanPelanggaran,
    });
    const blocking = problems.find((p) => p.severity === 'error');
    if (blocking)
      throw new DomainError('validation', blocking.message, { field: 'pemilih', code: blocking.code });
    warnings.push(...problems.map((p) => ({ code: p.code, message: p.message })));
  }
  return { tps, warnings };
}

export function createHariHService(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: Clock;
  /** Batches written at once (group-commit.ts); more than one only pays on a server engine. */
  ingestConcurrency?: number;
}) {
  const { db } = deps;

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
  async function writeStatusBatch(items: readonly StatusItem[]): Promise<Outcome<StatusAnswer>[]> {
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
            ...checkStatusReport(
              item.actor,
              item.pemilihan,
              item.input,
              byId.get(item.input.tpsId),
              item.now,
            ),
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
        current.map((r) => [
          statusKey(r.pemilihan_id, r.tps_id),
          { tahap: r.stage as TahapTps, pemilih: r.pemilih },
        ]),
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
            before:
              current.tahap === 'belum_lapor' ? null : { stage: current.tahap, pemilih: current.pemilih },
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

  const statusIngest = createGroupCommit<StatusItem, StatusAnswer>({
    run: writeStatusBatch,
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
      pemilihan: PemilihanContext,
      input: TpsStatusInput,
      via: 'web' | 'sms' = 'web',
    ): Promise<StatusAnswer> {
      return statusIngest.submit({ actor, pemilihan, input, via, now: deps.clock.now() });
    },

    /** The tiga pilar's view of one TPS's security (aman / waspada / genting), kept as history. */
    async reportSituasi(
      actor: Actor,
      pemilihan: PemilihanContext,
      input: {
        clientId: string;
        tpsId: string;
        situasi: LevelSituasi;
        catatan: string;
        dibuatAt?: string | undefined;
      },
      via: 'web' | 'sms' = 'web',
    ): Promise<{ tpsId: string; situasi: LevelSituasi; replayed: boolean }> {
      const found = await repo.findTpsForStatus(db, pemilihan.id, input.tpsId);
      const tps = reportableTps(actor, found, found?.dalam_pemilihan === true);
      if (input.situasi !== 'kondusif' && input.catatan.trim() === '') {
        throw new DomainError('validation', 'Situasi waspada atau genting perlu keterangan singkat', {
          field: 'catatan',
        });
      }
      const now = deps.clock.now();
      checkWrittenAt(input.dibuatAt, now);
      return db.transaction().execute(async (trx) => {
        const inserted = await repo.insertSituasi(trx, {
          client_id: input.clientId,
          pemilihan_id: pemilihan.id,
          tps_id: tps.id,
          situasi: input.situasi,
          catatan: input.catatan.trim(),
          via,
          dibuat_at: input.dibuatAt === undefined ? now : new Date(input.dibuatAt),
          created_by: actor.userId,
        });
        if (inserted) {
          await deps.audit.record(trx, actor, {
            action: 'situasi',
            entity: 'tps_situasi',
            entityId: tps.id,
            kodeWilayah: tps.kode_wilayah,
            before: null,
            after: { situasi: input.situasi, catatan: input.catatan, via, pemilihanId: pemilihan.id },
          });
          await notifyLive(trx, {
            type: 'tps_status',
            pemilihanId: pemilihan.id,
            kodeWilayah: tps.kode_wilayah,
            id: tps.id,
            at: now.toISOString(),
            data: { situasi: input.situasi },
          });
        } else {
          // A retry answers as the first copy; a client id first used in another election is refused.
          const first = await repo.findSituasiByClientId(trx, input.clientId);
          if (first) sameElection(first, pemilihan);
        }
        return { tpsId: tps.id, situasi: input.situasi, replayed: !inserted };
      });
    },

    /** The TPS with this KPU code, for reports that name a TPS by its code (SMS). */
    async tpsIdByKode(kodeTps: string): Promise<string | null> {
      return (await repo.findTpsIdByKode(db, kodeTps))?.id ?? null;
    },

    /** A wilayah's counters and its children's, from the maintained roll-up (no TPS scan). */
    async rekap(actor: Actor, pemilihan: PemilihanContext, kode: string | null) {
      authorize(actor, 'laporan:read', kode);
      const nama = kode === null ? 'Indonesia' : (await deps.wilayah.require(kode)).nama;
      // The board applies later events to this answer: it needs the snapshot it was read in.
      return readWithSnapshot(db, async (trx) => {
        const [self, children] = await Promise.all([
          repo.findRollup(trx, pemilihan.id, kode ?? ''),
          repo.findChildRollups(trx, pemilihan.id, kode),
        ]);
        return {
          kode,
          nama,
          rollup: toRollup(self),
          children: children.map((c) => ({ kode: c.kode, nama: c.nama, rollup: toRollup(c) })),
        };
      });
    },

    /** Every TPS of a wilayah with its status, for the board's list and map. */
    async tpsStatus(actor: Actor, pemilihan: PemilihanContext, kode: string) {
      authorize(actor, 'laporan:read', kode);
      const { rows, snapshot } = await readWithSnapshot(db, async (trx) => ({
        rows: await repo.findTpsStatusWithin(trx, pemilihan.id, kode, MAP_LIMIT),
      }));
      if (rows.length === 0 && !(await deps.wilayah.require(kode))) throw notFound('Wilayah');
      return {
        snapshot,
        items: rows.slice(0, MAP_LIMIT).map((r) => ({
          tpsId: r.id,
          kode: r.kode,
          nomor: r.nomor,
          nama: formatNamaTps(r.nomor),
          kodeWilayah: r.kode_wilayah,
          dpt: r.dpt_total,
          lat: r.lat,
          lon: r.lon,
          tahap: (r.stage ?? 'belum_lapor') as TahapTps,
          pemilih: r.pemilih,
          updatedAt: r.updated_at === null ? null : new Date(r.updated_at).toISOString(),
          situasi: (r.situasi ?? null) as LevelSituasi | null,
          situasiAt: r.situasi_at === null ? null : new Date(r.situasi_at).toISOString(),
        })),
        truncated: rows.length > MAP_LIMIT,
      };
    },

    /** The roll-up recomputed by a scan: for consistency checks and the benchmark's ratio. */
    async scan(actor: Actor, pemilihan: PemilihanContext, kode: string | null) {
      if (actor.role !== 'admin') throw forbidden();
      return toRollup(await repo.scanRollup(db, pemilihan.id, kode));
    },
  };
}
export type HariHService = ReturnType<typeof createHariHService>;
