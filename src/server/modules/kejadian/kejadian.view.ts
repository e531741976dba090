/**
 * Incident rows → the contract's views: the escalation clock and the statutory deadlines are computed
 * here at read time from the injected `now`, so every screen shows the same clock the timer applies.
 */
import type {
  EskalasiClock,
  HasilRujukan,
  KejadianListItem,
  MilestoneKey,
  RujukanView,
  Tenggat,
} from '../../../contracts/kejadian';
import { MILESTONE_KEYS } from '../../../contracts/kejadian';
import {
  applyEscalation,
  escalationDue,
  type EscalationPolicy,
  type Kejadian,
  type LevelEskalasi,
  type StatusKejadian,
  type TujuanRujukan,
} from '../../../domain/kejadian/alur';
import {
  deadlineStatus,
  deadlines,
  type DasarHitung,
  type MilestoneGakkumdu,
  type RuleSet,
  type TenggatGakkumdu,
} from '../../../domain/kejadian/gakkumdu';
import type { KategoriKejadian, Keparahan } from '../../../domain/kejadian/kategori';
import { ZONA_OFFSET_HOURS, zonaOf } from '../../../domain/time/zona';
import { formatNamaTps } from '../../../domain/tps/kode-tps';

/** Warn this long before a statutory deadline lapses: a day for day counts, 6 hours for 1×24 jam (Siaga's default). */
export function warnBeforeHours(basis: DasarHitung): number {
  return basis === 'jam' ? 6 : 24;
}

/** The columns of a kejadian row the domain needs. */
export interface KejadianState {
  status: StatusKejadian;
  severity: Keparahan;
  level: LevelEskalasi;
  reported_at: Date;
  level_since: Date;
  verified_at: Date | null;
  assigned_at: Date | null;
  closed_at: Date | null;
  assigned_agency: string | null;
  merged_into: string | null;
}

export function toDomain(row: KejadianState, referredTo: TujuanRujukan | null = null): Kejadian {
  return {
    status: row.status,
    keparahan: row.severity,
    level: row.level,
    reportedAt: new Date(row.reported_at),
    levelSince: new Date(row.level_since),
    verifiedAt: row.verified_at === null ? null : new Date(row.verified_at),
    assignedAt: row.assigned_at === null ? null : new Date(row.assigned_at),
    closedAt: row.closed_at === null ? null : new Date(row.closed_at),
    penanggungJawab: row.assigned_agency,
    mergedIntoId: row.merged_into,
    referredTo: referredTo,
    catatan: null,
  };
}

/** Whole minutes from `now` to `at`, rounded toward "less time left" (negative when past). */
function minutesUntil(at: Date, now: Date): number {
  const ms = at.getTime() - now.getTime();
  return ms >= 0 ? Math.floor(ms / 60_000) : -Math.ceil(-ms / 60_000);
}

/** The incident as it stands at `now` (every due escalation applied) and its clock. */
export function effectiveState(
  incident: Kejadian,
  now: Date,
  policy: EscalationPolicy,
): { incident: Kejadian; clock: EskalasiClock } {
  const current = applyEscalation(incident, now, policy);
  const due = escalationDue(current, now, policy);
  return {
    incident: current,
    clock: {
      level: due.level,
      nextLevel: due.nextLevel,
      dueAt: due.dueAt?.toISOString() ?? null,
      isDue: due.isDue,
      minutesLeft: due.minutesLeft,
    },
  };
}

/** Stored milestones (ISO strings) as the domain's dates. */
export function parseMilestones(stored: unknown): Partial<Record<MilestoneKey, string>> {
  const source = (typeof stored === 'string' ? JSON.parse(stored) : stored) as Record<string, unknown> | null;
  const out: Partial<Record<MilestoneKey, string>> = {};
  for (const key of MILESTONE_KEYS) {
    const value = source?.[key];
    if (typeof value === 'string') out[key] = value;
  }
  return out;
}

function toMilestoneDates(milestones: Partial<Record<MilestoneKey, string>>): MilestoneGakkumdu {
  const out: Partial<Record<MilestoneKey, Date>> = {};
  for (const key of MILESTONE_KEYS) {
    const value = milestones[key];
    if (value !== undefined) out[key] = new Date(value);
  }
  return out as MilestoneGakkumdu;
}

/**
 * A statutory deadline as the API shows it at `now`: its status and the minutes left. One view for
 * every step counted by gakkumdu.ts, an incident's or a neutrality complaint's (netralitas.view.ts).
 */
export function tenggatView(d: Omit<TenggatGakkumdu, 'step'> & { step: string }, now: Date): Tenggat {
  return {
    step: d.step,
    label: d.label,
    startAt: d.startAt.toISOString(),
    dueAt: d.dueAt.toISOString(),
    basis: d.basis,
    jumlah: d.jumlah,
    doneAt: d.doneAt?.toISOString() ?? null,
    status: deadlineStatus(d, now, warnBeforeHours(d.basis)),
    minutesLeft: d.doneAt === null ? minutesUntil(d.dueAt, now) : null,
    source: d.source,
  };
}

/** Every deadline that applies so far, with its status and the time left at `now`. */
export function tenggatOf(input: {
  ruleSet: RuleSet;
  milestones: Partial<Record<MilestoneKey, string>>;
  kodeWilayah: string;
  now: Date;
  libur: readonly string[];
}): Tenggat[] {
  if (input.milestones.diketahuiAt === undefined) return [];
  const offset = ZONA_OFFSET_HOURS[zonaOf(input.kodeWilayah)];
  return deadlines(input.ruleSet, toMilestoneDates(input.milestones), offset, input.libur).map((d) =>
    tenggatView(d, input.now),
  );
}

/** The open deadline that lapses first, for the list's warning; null when none is open. */
export function nextTenggat(tenggat: readonly Tenggat[]): Tenggat | null {
  const open = tenggat.filter((t) => t.doneAt === null);
  open.sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
  return open[0] ?? null;
}

export interface ListRow extends KejadianState {
  id: string;
  kode_wilayah: string;
  nama_wilayah: string;
  tps_id: string | null;
  tps_nomor: number | null;
  kategori: KategoriKejadian;
  uraian: string;
  terjadi_at: Date;
  is_restricted: boolean;
  reporter_confidential: boolean;
  has_foto: boolean;
  version: number;
  rule_set: RuleSet | null;
  lembaga: TujuanRujukan | null;
  milestones: unknown;
  outcome: HasilRujukan | null;
  rujukan_updated_at: Date | null;
}

const RINGKASAN_CHARS = 160;

export function rujukanOf(row: ListRow, now: Date, libur: readonly string[]): RujukanView | null {
  if (row.rule_set === null || row.lembaga === null) return null;
  const milestones = parseMilestones(row.milestones);
  const ruleSet = row.rule_set;
  return {
    ruleSet,
    lembaga: row.lembaga,
    milestones,
    hasil: row.outcome,
    tenggat: tenggatOf({ ruleSet, milestones, kodeWilayah: row.kode_wilayah, now, libur }),
    updatedAt: new Date(row.rujukan_updated_at ?? row.reported_at).toISOString(),
  };
}

/** A report merged into another, as the other's detail lists it. */
export function toDuplikat(row: { id: string; kode_wilayah: string; reported_at: Date | string }) {
  return { id: row.id, kodeWilayah: row.kode_wilayah, reportedAt: new Date(row.reported_at).toISOString() };
}

export function toListItem(
  row: ListRow,
  context: { now: Date; policy: EscalationPolicy; libur: readonly string[] },
): KejadianListItem {
  const { incident, clock } = effectiveState(toDomain(row, row.lembaga), context.now, context.policy);
  const rujukan = rujukanOf(row, context.now, context.libur);
  const uraian = row.uraian;
  return {
    id: row.id,
    kategori: row.kategori,
    keparahan: row.severity,
    status: incident.status,
    level: incident.level,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    tps:
      row.tps_id === null || row.tps_nomor === null
        ? null
        : { id: row.tps_id, nomor: row.tps_nomor, nama: formatNamaTps(row.tps_nomor) },
    ringkasan: uraian.length > RINGKASAN_CHARS ? `${uraian.slice(0, RINGKASAN_CHARS - 1)}…` : uraian,
    terjadiAt: new Date(row.terjadi_at).toISOString(),
    reportedAt: new Date(row.reported_at).toISOString(),
    terbatas: row.is_restricted,
    pelaporRahasia: row.reporter_confidential,
    hasFoto: row.has_foto,
    eskalasi: clock,
    rujukan:
      rujukan === null
        ? null
        : {
            ruleSet: rujukan.ruleSet,
            lembaga: rujukan.lembaga,
            tenggatBerikut: nextTenggat(rujukan.tenggat),
          },
    version: row.version,
  };
}
