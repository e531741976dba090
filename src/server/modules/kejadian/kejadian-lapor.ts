/**
 * A field report of an incident (lapor), idempotent by client id and committed before the answer.
 * Reports that arrive together are group-committed (src/server/db/group-commit.ts,
 * docs/decisions/0008-ingest-group-commit.md): the retries, the wilayah and the TPS read at once,
 * then one statement that inserts the new incidents with their steps, audit rows and live events and
 * commits. Every report is still checked and answered on its own.
 */
import type { AuditLog } from '../../cross-cutting/audit-log';
import { randomUUID } from 'node:crypto';
import type { KejadianReportInput } from '../../../contracts/kejadian';
import type { Actor } from '../../../domain/access/scope';
import {
  newKejadian,
  type Kejadian,
  type LevelEskalasi,
  type StatusKejadian,
} from '../../../domain/kejadian/alur';
import { KATEGORI } from '../../../domain/kejadian/kategori';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import { isWithinWilayah, parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { createGroupCommit, type Outcome } from '../../db/group-commit';
import { isUniqueViolation } from '../../db/pg-errors';
import { DomainError } from '../../errors';
import { authorize } from '../../cross-cutting/access';
import { sameElection, type PemilihanContext } from '../pemilihan/pemilihan.service';
import type { WilayahService } from '../wilayah/wilayah.service';
import { actorLevel } from './kejadian-access';
import { CLOCK_SKEW_MS, recordChanges, validation } from './kejadian-change';
import * as repo from './kejadian.repo';

/** Reports per batch: enough to amortise a commit, few enough to keep lock spans short. */
const MAX_BATCH = 200;

export type LaporAnswer = {
  id: string;
  replayed: boolean;
  status: Kejadian['status'];
  level: LevelEskalasi;
};
type LaporItem = {
  actor: Actor;
  pemilihan: PemilihanContext;
  input: KejadianReportInput;
  via: 'web' | 'sms';
  now: Date;
};
type Existing = {
  id: string;
  pemilihan_id: string;
  reported_by: string;
  status: StatusKejadian;
  level: LevelEskalasi;
};
type Prepared = { index: number; item: LaporItem; row: repo.NewKejadian; incident: Kejadian };

/**
 * A retry answers with the first copy; a client id that someone else used, or that was first used in
 * another election, is a conflict (never answered with a record of another election).
 */
function replayOf(actor: Actor, pemilihan: PemilihanContext, existing: Existing): LaporAnswer {
  if (existing.reported_by !== actor.userId) {
    throw new DomainError('conflict', 'clientId ini sudah dipakai untuk laporan lain', {
      field: 'clientId',
      code: 'client_id_dipakai',
    });
  }
  sameElection(existing, pemilihan);
  return {
    id: existing.id,
    replayed: true,
    status: existing.status,
    level: existing.level,
  };
}

/** The checks of one report against what the batch read; the row to insert when it passes. */
function prepare(
  { actor, pemilihan, input, via, now }: LaporItem,
  wilayah: { nama: string } | undefined,
  tps: { id: string; kode_wilayah: string; nomor: number } | null | undefined,
): { row: repo.NewKejadian; incident: Kejadian } {
  const parsed = parseKodeWilayah(input.kodeWilayah);
  if (!parsed.ok || parsed.value.level === 'provinsi') {
    throw validation(
      'Pilih kelurahan/desa, kecamatan atau kabupaten/kota tempat kejadian',
      'kodeWilayah',
      'wilayah_terlalu_luas',
    );
  }
  if (!wilayah) {
    throw validation(
      `Wilayah ${input.kodeWilayah} tidak ditemukan`,
      'kodeWilayah',
      'wilayah_tidak_ditemukan',
    );
  }
  let kodeWilayah = input.kodeWilayah;
  if (tps === undefined) throw validation('TPS tidak ditemukan', 'tpsId', 'tps_tidak_ditemukan');
  if (tps !== null) {
    if (!isWithinWilayah(tps.kode_wilayah, input.kodeWilayah)) {
      throw validation(
        `${formatNamaTps(tps.nomor)} (${tps.kode_wilayah}) tidak berada di ${wilayah.nama} (${input.kodeWilayah})`,
        'tpsId',
        'tps_di_luar_wilayah',
      );
    }
    // The TPS's own kelurahan, so its lurah and Babinsa see it.
    kodeWilayah = tps.kode_wilayah;
  }
  const terjadiAt = new Date(input.terjadiAt);
  if (terjadiAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validation('Waktu kejadian tidak boleh di masa depan', 'terjadiAt', 'waktu_di_masa_depan');
  }
  const diketahuiAt = input.diketahuiAt === undefined ? null : new Date(input.diketahuiAt);
  if (diketahuiAt !== null && diketahuiAt.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw validation('Waktu diketahui tidak boleh di masa depan', 'diketahuiAt', 'waktu_di_masa_depan');
  }
  const keparahan = input.keparahan ?? KATEGORI[input.kategori].keparahanDefault;
  const incident = newKejadian({ keparahan, reporterLevel: actorLevel(actor), reportedAt: now });
  const hasPoint =
    input.lat !== undefined && input.lat !== null && input.lon !== undefined && input.lon !== null;
  return {
    incident,
    row: {
      id: randomUUID(),
      client_id: input.clientId,
      pemilihan_id: pemilihan.id,
      kode_wilayah: kodeWilayah,
      tps_id: tps?.id ?? null,
      lat: hasPoint ? input.lat! : null,
      lon: hasPoint ? input.lon! : null,
      kategori: input.kategori,
      severity: keparahan,
      uraian: input.uraian,
      terjadi_at: terjadiAt,
      diketahui_at: diketahuiAt ?? new Date(Math.max(now.getTime(), terjadiAt.getTime())),
      level: incident.level,
      level_since: now,
      is_restricted: input.terbatas,
      reporter_confidential: input.pelaporRahasia,
      reported_by: actor.userId,
      reported_at: now,
      via,
    },
  };
}

/** What is recorded of a new incident beside it: the "lapor" step, its audit row and live event. */
function changeOf({ item, row, incident }: Prepared): Parameters<typeof recordChanges>[2][number] {
  return {
    actor: item.actor,
    row: {
      id: row.id,
      pemilihan_id: row.pemilihan_id,
      kode_wilayah: row.kode_wilayah,
      is_restricted: row.is_restricted,
      kategori: row.kategori,
    },
    now: item.now,
    change: {
      aksi: 'lapor',
      before: { ...incident, status: 'baru' },
      after: incident,
      catatan: item.via === 'sms' ? 'via SMS' : '',
      audit: {
        kategori: row.kategori,
        keparahan: row.severity,
        kodeWilayah: row.kode_wilayah,
        tpsId: row.tps_id,
        level: incident.level,
        terbatas: row.is_restricted,
        pelaporRahasia: row.reporter_confidential,
        via: item.via,
      },
    },
  };
}

export function createLaporUseCase(deps: {
  audit: AuditLog;
  db: Db;
  wilayah: WilayahService;
  clock: { now: () => Date };
}) {
  const { db } = deps;

  async function writeBatch(items: readonly LaporItem[]): Promise<Outcome<LaporAnswer>[]> {
    const outcomes = new Array<Outcome<LaporAnswer>>(items.length);
    const settle = (index: number, answer: () => LaporAnswer): void => {
      try {
        outcomes[index] = { ok: true, value: answer() };
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    };
    // Permission first: a refusal is answered before anything is read.
    const allowed: number[] = [];
    items.forEach((item, index) => {
      try {
        authorize(item.actor, 'kejadian:report', item.input.kodeWilayah);
        allowed.push(index);
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    });
    if (allowed.length === 0) return outcomes;

    // The three reads at once (a round trip each): retries, wilayah, TPS. A retry's wilayah and TPS
    // are read for nothing, which costs less than waiting for the retries first.
    const [known, wilayah, tps] = await Promise.all([
      repo.findByClientIds(
        db,
        allowed.map((i) => items[i]!.input.clientId),
      ),
      deps.wilayah.findMany(allowed.map((i) => items[i]!.input.kodeWilayah)),
      repo.findTpsForKejadianMany(
        db,
        allowed.flatMap((i) => items[i]!.input.tpsId ?? []),
      ),
    ]);
    const existing = new Map(known.map((r) => [r.client_id, r]));
    const fresh = allowed.filter((i) => !existing.has(items[i]!.input.clientId));
    for (const i of allowed) {
      const replayed = existing.get(items[i]!.input.clientId);
      if (replayed) settle(i, () => replayOf(items[i]!.actor, items[i]!.pemilihan, replayed));
    }
    const tpsById = new Map(tps.map((t) => [t.id, t]));

    // The first copy of a client id in the batch is written; later copies answer as its retries.
    const firstOf = new Map<string, number>();
    const copies: number[] = [];
    const prepared: Prepared[] = [];
    for (const index of fresh) {
      const item = items[index]!;
      if (firstOf.has(item.input.clientId)) {
        copies.push(index);
        continue;
      }
      firstOf.set(item.input.clientId, index);
      try {
        const tpsId = item.input.tpsId;
        const p = prepare(
          item,
          wilayah.get(item.input.kodeWilayah),
          tpsId === undefined || tpsId === null ? null : tpsById.get(tpsId),
        );
        prepared.push({ index, item, ...p });
      } catch (error) {
        outcomes[index] = { ok: false, error };
      }
    }

    // The incidents, their steps, audit rows and live events as one statement, which commits on its
    // own: one round trip. A client id that another batch (another app node) committed since the
    // read above fails it with a unique violation and nothing is written; the reports that lost the
    // race are answered with the winner just read, and the rest are written again, once.
    const write = (batch: readonly Prepared[]) =>
      recordChanges(db, deps.audit, batch.map(changeOf), repo.kejadianInsertSql(batch.map((p) => p.row)));
    let written = prepared;
    try {
      await write(written);
    } catch (error) {
      if (!isUniqueViolation(error)) throw error;
      const taken = new Map(
        (
          await repo.findByClientIds(
            db,
            written.map((p) => p.row.client_id),
          )
        ).map((r) => [r.client_id, r]),
      );
      for (const p of written) {
        const winner = taken.get(p.row.client_id);
        if (winner) settle(p.index, () => replayOf(p.item.actor, p.item.pemilihan, winner));
      }
      written = written.filter((p) => !taken.has(p.row.client_id));
      if (written.length > 0) await write(written);
    }
    for (const p of written) {
      outcomes[p.index] = {
        ok: true,
        value: { id: p.row.id, replayed: false, status: p.incident.status, level: p.incident.level },
      };
    }
    // Copies within the batch: the answer of their first copy, as a retry of it.
    if (copies.length > 0) {
      const winners = new Map(
        (
          await repo.findByClientIds(
            db,
            copies.map((i) => items[i]!.input.clientId),
          )
        ).map((r) => [r.client_id, r]),
      );
      for (const index of copies) {
        const winner = winners.get(items[index]!.input.clientId);
        if (winner) settle(index, () => replayOf(items[index]!.actor, items[index]!.pemilihan, winner));
        else if (!outcomes[index]) {
          // The first copy was refused (bad input): the copy gets the same answer.
          const first = outcomes[firstOf.get(items[index]!.input.clientId)!];
          outcomes[index] = first ?? {
            ok: false,
            error: new DomainError('internal', 'Laporan gagal disimpan'),
          };
        }
      }
    }
    return outcomes;
  }

  const ingest = createGroupCommit<LaporItem, LaporAnswer>({
    run: writeBatch,
    maxBatch: MAX_BATCH,
  });

  return {
    /** A field report; a retry with the same clientId answers with the first copy and writes nothing. */
    report: (
      actor: Actor,
      pemilihan: PemilihanContext,
      input: KejadianReportInput,
      via: 'web' | 'sms' = 'web',
    ): Promise<LaporAnswer> => ingest.submit({ actor, pemilihan, input, via, now: deps.clock.now() }),
  };
}
