/**
 * Sending a situation report (the lurah's, the camat's on top of the roll-up of its kelurahan, the
 * kab/kota's) and correcting one already sent for its period. The period is decided by the schedule
 * (domain/laporan/jadwal.ts); each report is written once per client id, durably, with audit and a
 * live event.
 */
import type { Laporan, LaporanSubmit } from '../../../contracts/laporan';
import type { Role } from '../../../domain/access/roles';
import type { Actor } from '../../../domain/access/scope';
import { currentSlot, dueSlots, GRACE_MINUTES, isLate, slotForReport } from '../../../domain/laporan/jadwal';
import {
  emptyHitungan,
  validateLaporanSituasi,
  type IsiLaporanSituasi,
  type RollUpSituasi,
} from '../../../domain/laporan/situasi';
import { isAheadOfClock } from '../../../domain/time/jam-ponsel';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { kabKotaOf, parseKodeWilayah, type WilayahLevel } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../../db/client';
import { notifyLive } from '../../db/notify';
import { authorize } from '../../cross-cutting/access';
import { createOnce } from '../../cross-cutting/create-once';
import { DomainError, forbidden } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import { jadwalOf, type LaporanDeps } from './laporan-context';
import { rollUpChecked } from './laporan-rollup';
import * as repo from './laporan.repo';
import { iso, isiOf, toLaporan } from './laporan.view';

const DAY_MS = 86_400_000;

/** Who writes the report of each level: the lurah, the camat, Kesbangpol (docs/domain/laporan.md). */
const REPORTER_ROLES: Record<Exclude<WilayahLevel, 'provinsi'>, readonly Role[]> = {
  desa: ['lurah'],
  kecamatan: ['camat'],
  kabkota: ['operator', 'forkopimda', 'admin'],
};

interface Written {
  isi: IsiLaporanSituasi;
  writtenAt: Date;
  now: Date;
  via: 'web' | 'sms';
}

/** The stored row of a report version (without its times and version number). */
function rowOf(
  actor: Actor,
  pemilihan: PemilihanContext,
  input: LaporanSubmit,
  v: { isi: IsiLaporanSituasi; slotAt: Date; rollup: RollUpSituasi | null; via: 'web' | 'sms' },
) {
  return {
    client_id: input.clientId,
    pemilihan_id: pemilihan.id,
    kode_wilayah: input.kodeWilayah,
    slot_at: v.slotAt,
    situasi: v.isi.level,
    uraian: v.isi.narasi,
    jumlah: v.isi.hitungan,
    rollup: v.rollup,
    via: v.via,
    submitted_by: actor.userId,
  };
}

export async function submitLaporan(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  input: LaporanSubmit,
  via: 'web' | 'sms' = 'web',
): Promise<Laporan & { replayed: boolean }> {
  const parsed = parseKodeWilayah(input.kodeWilayah);
  if (!parsed.ok || parsed.value.level === 'provinsi') {
    throw new DomainError(
      'validation',
      'Laporan situasi dibuat untuk kelurahan/desa, kecamatan atau kabupaten/kota',
      { field: 'kodeWilayah' },
    );
  }
  authorize(actor, 'laporan:submit', input.kodeWilayah);
  if (actor.kodeWilayah !== input.kodeWilayah || !REPORTER_ROLES[parsed.value.level].includes(actor.role)) {
    throw forbidden('Laporan wilayah ini dikirim oleh pejabatnya sendiri (lurah, camat, atau Kesbangpol)');
  }
  const { db } = deps;
  /** The period the write decided, for the answer to a lost race. */
  const period: { slotAt: Date | null } = { slotAt: null };
  // A resend answers with its first copy before anything else is judged: the period it was written
  // for may have closed since, and the phone must still learn that it landed.
  const { made, replayed } = await createOnce({
    find: () => repo.findLaporanByClientId(db, input.clientId),
    pemilihan,
    replay: toLaporan,
    write: async () => {
      const written = contentOf(input, deps.clock.now(), via);
      return input.menggantikan === undefined
        ? writeNew(deps, actor, pemilihan, input, written, period)
        : correct(deps, actor, pemilihan, { ...input, menggantikan: input.menggantikan }, written, period);
    },
    // Another client id took the area's period (or its current version) first.
    conflict: async () => {
      const slotAt = period.slotAt === null ? {} : { slotAt: iso(period.slotAt) };
      if (input.menggantikan !== undefined) {
        throw new DomainError(
          'conflict',
          'Laporan ini baru saja dikoreksi; buka versi terakhir lalu koreksi lagi',
          slotAt,
        );
      }
      const other =
        period.slotAt === null
          ? undefined
          : await repo.findLaporanForSlot(db, pemilihan.id, input.kodeWilayah, period.slotAt);
      throw new DomainError(
        'conflict',
        `Laporan periode ini sudah dikirim${other ? ` oleh ${other.pelapor}` : ''}`,
        slotAt,
      );
    },
  });
  return { ...made, replayed };
}

/** The report's content and the time it was written, refused before anything about its period. */
function contentOf(input: LaporanSubmit, now: Date, via: 'web' | 'sms'): Written {
  const writtenAt = input.dibuatAt === undefined ? now : new Date(input.dibuatAt);
  if (isAheadOfClock(writtenAt, now)) {
    throw new DomainError('validation', 'Waktu pembuatan laporan ada di masa depan; periksa jam ponsel', {
      field: 'dibuatAt',
    });
  }
  const isi: IsiLaporanSituasi = {
    level: input.level,
    narasi: input.narasi,
    hitungan: { ...emptyHitungan(), ...input.hitungan },
  };
  const problems = validateLaporanSituasi(isi);
  if (problems.length > 0) {
    throw new DomainError('validation', problems[0]!.message, { field: problems[0]!.field, problems });
  }
  return { isi, writtenAt, now, via };
}

/** The period a new report answers: the one it names, or the one the schedule gives its time. */
async function slotOf(
  deps: LaporanDeps,
  pemilihan: PemilihanContext,
  input: LaporanSubmit,
  writtenAt: Date,
): Promise<Date> {
  const jadwal = await jadwalOf(deps.db, pemilihan, kabKotaOf(input.kodeWilayah)!);
  const offset = ZONA_OFFSET_HOURS[zonaOf(input.kodeWilayah)];
  if (input.slotAt !== undefined) {
    const slotAt = new Date(input.slotAt);
    if (dueSlots(jadwal, pemilihan.hariPemungutan, offset, slotAt, slotAt).length !== 1) {
      throw new DomainError('validation', 'Waktu itu bukan jadwal laporan', { field: 'slotAt' });
    }
    return slotAt;
  }
  const current = currentSlot(jadwal, pemilihan.hariPemungutan, offset, writtenAt);
  const submitted = await repo.findSubmittedSlots(
    deps.db,
    pemilihan.id,
    input.kodeWilayah,
    new Date(writtenAt.getTime() - 2 * DAY_MS),
    new Date(writtenAt.getTime() + 2 * DAY_MS),
  );
  const slotAt = slotForReport(current, submitted, writtenAt, GRACE_MINUTES);
  if (slotAt === null) {
    const noSchedule = current.previous === null && current.next === null;
    throw new DomainError(
      noSchedule ? 'validation' : 'invalid_state',
      noSchedule
        ? 'Tidak ada jadwal laporan situasi pada waktu ini'
        : 'Laporan periode ini dan berikutnya sudah dikirim',
    );
  }
  return slotAt;
}

/** Tells the live picture about the version just written and reads it back, in its transaction. */
async function announced(
  trx: Db,
  pemilihan: PemilihanContext,
  input: LaporanSubmit,
  now: Date,
  version: { id: string; level: string; slotAt: Date; versi?: number },
) {
  const { id, slotAt, ...data } = version;
  await notifyLive(trx, {
    type: 'laporan',
    pemilihanId: pemilihan.id,
    kodeWilayah: input.kodeWilayah,
    id,
    at: now.toISOString(),
    data: { ...data, slotAt: iso(slotAt) },
  });
  return (await repo.findLaporanByClientId(trx, input.clientId))!;
}

async function writeNew(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  input: LaporanSubmit,
  { isi, writtenAt, now, via }: Written,
  period: { slotAt: Date | null },
): Promise<Laporan> {
  const { db } = deps;
  const slotAt = await slotOf(deps, pemilihan, input, writtenAt);
  period.slotAt = slotAt;
  const rollup = await rollUpChecked(db, pemilihan, input.kodeWilayah, slotAt, now, isi);
  const row = await db.transaction().execute(async (trx) => {
    const inserted = await repo.insertLaporan(trx, {
      ...rowOf(actor, pemilihan, input, { isi, slotAt, rollup, via }),
      dibuat_at: writtenAt,
    });
    await deps.audit.record(trx, actor, {
      action: 'submit',
      entity: 'laporan_situasi',
      entityId: inserted.id,
      kodeWilayah: input.kodeWilayah,
      before: null,
      after: { ...isi, slotAt: iso(slotAt), via },
    });
    return announced(trx, pemilihan, input, now, { id: inserted.id, level: isi.level, slotAt });
  });
  return toLaporan(row);
}

/**
 * A correction or escalation of a report already sent for its period: a new version that counts
 * from now on, written while the period is still open on the phone (by its deadline plus the grace;
 * docs/domain/laporan.md). It must name the version that counts now; naming an older one means
 * someone corrected it meanwhile, answered as a conflict, never applied over their version.
 */
async function correct(
  deps: LaporanDeps,
  actor: Actor,
  pemilihan: PemilihanContext,
  input: LaporanSubmit & { menggantikan: string },
  { isi, writtenAt, now, via }: Written,
  period: { slotAt: Date | null },
): Promise<Laporan> {
  const { db } = deps;
  // Only a version of the same election can be corrected: another election's is not found.
  const replaced = await repo.findLaporanByIdOrClientId(db, pemilihan.id, input.menggantikan);
  if (!replaced || replaced.kode_wilayah !== input.kodeWilayah) {
    throw new DomainError('validation', 'Laporan yang dikoreksi tidak ditemukan untuk wilayah ini', {
      field: 'menggantikan',
    });
  }
  const slotAt = new Date(replaced.slot_at);
  period.slotAt = slotAt;
  if (isLate(slotAt, writtenAt)) {
    throw new DomainError(
      'conflict',
      'Periode laporan ini sudah ditutup; sampaikan perubahan situasi di laporan periode berikutnya',
      { slotAt: iso(slotAt) },
    );
  }
  const rollup = await rollUpChecked(db, pemilihan, input.kodeWilayah, slotAt, now, isi);
  const row = await db.transaction().execute(async (trx) => {
    const current = await repo.lockCurrentVersion(trx, pemilihan.id, input.kodeWilayah, slotAt);
    if (!current || current.id !== replaced.id) {
      throw new DomainError(
        'conflict',
        `Laporan ini sudah dikoreksi (versi ${current?.versi ?? '?'}); buka versi terakhir lalu koreksi lagi`,
        { slotAt: iso(slotAt), versi: current?.versi ?? null },
      );
    }
    await repo.markReplaced(trx, current.id, now);
    const inserted = await repo.insertLaporan(trx, {
      ...rowOf(actor, pemilihan, input, { isi, slotAt, rollup, via }),
      // The first version's time decides lateness; this version's own time is dikoreksi_at.
      dibuat_at: new Date(current.dibuat_at),
      versi: current.versi + 1,
      dikoreksi_at: writtenAt,
    });
    await deps.audit.record(trx, actor, {
      action: 'correct',
      entity: 'laporan_situasi',
      entityId: inserted.id,
      kodeWilayah: input.kodeWilayah,
      before: { ...isiOf(replaced), versi: replaced.versi, id: replaced.id },
      after: { ...isi, versi: current.versi + 1, slotAt: iso(slotAt), via },
    });
    return announced(trx, pemilihan, input, now, {
      id: inserted.id,
      level: isi.level,
      slotAt,
      versi: current.versi + 1,
    });
  });
  return toLaporan(row);
}
