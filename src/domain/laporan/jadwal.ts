/**
 * When tiered situation reports (laporan berjenjang) fall due. The Pjs Wali Kota of Balikpapan asked
 * every kecamatan to "membuat laporan secara berkala" with every lurah reporting upward (seed 004);
 * no official schedule exists, so the phases follow the KPU stages (PKPU 2/2024,
 * ../shared/domain/pilkada-facts.md §4.2: kampanye H-63..H-4, masa tenang H-3..H-1, voting H) and
 * the times are Siaga's defaults (issue #5's own examples). Times are local wall-clock times in the
 * region's zone (WIB/WITA/WIT, `time/zona.ts`), so "18:00" in Palopo is 10:00 UTC.
 */
import { REKAPITULASI_KABKOTA, TAHAPAN_PILKADA_2024, type TahapanTemplate } from '../koordinasi/tahapan';
import { addDays, daysBetween } from '../time/hari';
import { awalHariPadaOffset, hariPadaOffset } from '../time/zona';

export const FASE_LAPORAN = [
  'pra_kampanye',
  'persiapan',
  'kampanye',
  'masa_tenang',
  'hari_h',
  'pasca',
] as const;
export type FaseLaporan = (typeof FASE_LAPORAN)[number];

export const LABEL_FASE_LAPORAN: Record<FaseLaporan, string> = {
  pra_kampanye: 'Sebelum kampanye',
  persiapan: 'Persiapan pemungutan suara',
  kampanye: 'Masa kampanye',
  masa_tenang: 'Masa tenang',
  hari_h: 'Hari pemungutan suara',
  pasca: 'Pasca pemungutan suara',
};

interface AturanDasar {
  phase: FaseLaporan;
  /** First day the rule applies, as a day offset from voting day (-3 = H-3). */
  fromOffset: number;
  /** Last day the rule applies (inclusive). */
  toOffset: number;
}

/** One report a day at a local time. */
export interface AturanHarian extends AturanDasar {
  kind: 'harian';
  at: string;
}

/** Reports every `everyHours` from `startAt` up to and including `endAt` (local time). */
export interface AturanInterval extends AturanDasar {
  kind: 'interval';
  everyHours: number;
  startAt: string;
  endAt: string;
}

export type AturanLaporan = AturanHarian | AturanInterval;
export type JadwalLaporan = readonly AturanLaporan[];

/**
 * Siaga's default schedule for an election, from its stages (issue #5's times, Siaga default,
 * configurable per kab/kota): daily 18:00 through its campaign (`kampanye`) and its quiet period
 * (`masa_tenang`), every 2 hours 06:00-22:00 on H (TPS open in the morning, counting runs into the
 * night), and daily 18:00 after voting until its KPU kab/kota recapitulation ends
 * (`rekapitulasi_kabkota`: H+9 in 2024, pilkada-facts §4.2, the stage that closes the pasca mapping
 * window too), else for a week. An election without a campaign (a PSU, a lanjutan) reports daily
 * through its preparation instead, from its first stage (H-10 for a PSU).
 */
export function jadwalBawaan(tahapan: readonly TahapanTemplate[]): JadwalLaporan {
  const stage = (kode: string) => tahapan.find((t) => t.kode === kode);
  const tenang = stage('masa_tenang');
  const kampanye = stage('kampanye');
  const rekap = stage(REKAPITULASI_KABKOTA);
  const lastBefore = (to: number, limit: number) => Math.min(to, limit);
  const jadwal: AturanLaporan[] = [];
  const beforeTenang = (tenang?.fromOffset ?? 0) - 1;
  if (kampanye !== undefined) {
    const to = lastBefore(kampanye.toOffset, beforeTenang);
    if (kampanye.fromOffset <= to) {
      jadwal.push({
        phase: 'kampanye',
        fromOffset: kampanye.fromOffset,
        toOffset: to,
        kind: 'harian',
        at: '18:00',
      });
    }
  } else {
    // No campaign (a PSU, a lanjutan): daily through its preparation, from its first stage.
    const from = Math.min(0, ...tahapan.map((t) => t.fromOffset));
    if (from <= beforeTenang) {
      jadwal.push({
        phase: 'persiapan',
        fromOffset: from,
        toOffset: beforeTenang,
        kind: 'harian',
        at: '18:00',
      });
    }
  }
  if (tenang !== undefined && tenang.fromOffset <= -1) {
    jadwal.push({
      phase: 'masa_tenang',
      fromOffset: tenang.fromOffset,
      toOffset: lastBefore(tenang.toOffset, -1),
      kind: 'harian',
      at: '18:00',
    });
  }
  jadwal.push({
    phase: 'hari_h',
    fromOffset: 0,
    toOffset: 0,
    kind: 'interval',
    everyHours: 2,
    startAt: '06:00',
    endAt: '22:00',
  });
  jadwal.push({
    phase: 'pasca',
    fromOffset: 1,
    toOffset: Math.max(1, rekap?.toOffset ?? PASCA_TANPA_REKAP),
    kind: 'harian',
    at: '18:00',
  });
  return jadwal;
}

/** Days of reports after voting for an election without a kab/kota recapitulation (Siaga default). */
const PASCA_TANPA_REKAP = 7;

/** The default for a Pilkada on the PKPU 2/2024 stages: H-63..H-4, H-3..H-1, H, H+1..H+9. */
export const DEFAULT_JADWAL: JadwalLaporan = jadwalBawaan(TAHAPAN_PILKADA_2024);

const MINUTE_MS = 60_000;
const HHMM = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** Minutes after local midnight of an 'HH:MM' time, or null when malformed. */
function minutesOf(hhmm: string): number | null {
  const m = HHMM.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

/** The instant of a local date (YYYY-MM-DD) plus minutes after its midnight, in a UTC+offset zone. */
function localInstant(day: string, minutes: number, zoneOffsetHours: number): Date {
  return new Date(awalHariPadaOffset(day, zoneOffsetHours).getTime() + minutes * MINUTE_MS);
}

/** Local minutes after midnight at which a rule's reports fall due on one of its days. */
function slotMinutes(rule: AturanLaporan): number[] {
  if (rule.kind === 'harian') {
    const at = minutesOf(rule.at);
    return at === null ? [] : [at];
  }
  const start = minutesOf(rule.startAt);
  const end = minutesOf(rule.endAt);
  const step = Math.round(rule.everyHours * 60);
  if (start === null || end === null || step <= 0) return [];
  const out: number[] = [];
  for (let m = start; m <= end; m += step) out.push(m);
  return out;
}

/** Every slot on one local day, sorted and without duplicates. */
function slotsOnDay(
  jadwal: JadwalLaporan,
  votingDayOn: string,
  day: string,
  zoneOffsetHours: number,
): Date[] {
  const offset = daysBetween(votingDayOn, day);
  const minutes = new Set<number>();
  for (const rule of jadwal) {
    if (offset < rule.fromOffset || offset > rule.toOffset) continue;
    for (const m of slotMinutes(rule)) minutes.add(m);
  }
  return [...minutes].sort((a, b) => a - b).map((m) => localInstant(day, m, zoneOffsetHours));
}

function offsetRange(jadwal: JadwalLaporan): { min: number; max: number } | null {
  if (jadwal.length === 0) return null;
  return {
    min: Math.min(...jadwal.map((r) => r.fromOffset)),
    max: Math.max(...jadwal.map((r) => r.toOffset)),
  };
}

/** The instants reports fall due between `from` and `to` (both inclusive), oldest first. */
export function dueSlots(
  jadwal: JadwalLaporan,
  votingDayOn: string,
  zoneOffsetHours: number,
  from: Date,
  to: Date,
): Date[] {
  const range = offsetRange(jadwal);
  if (range === null || to.getTime() < from.getTime()) return [];
  // Only days the schedule covers, so a wide window never walks years of empty days.
  const first = Math.max(daysBetween(votingDayOn, hariPadaOffset(from, zoneOffsetHours)), range.min);
  const last = Math.min(daysBetween(votingDayOn, hariPadaOffset(to, zoneOffsetHours)), range.max);
  const out: Date[] = [];
  for (let offset = first; offset <= last; offset += 1) {
    for (const slot of slotsOnDay(jadwal, votingDayOn, addDays(votingDayOn, offset), zoneOffsetHours)) {
      if (slot.getTime() >= from.getTime() && slot.getTime() <= to.getTime()) out.push(slot);
    }
  }
  return out;
}

/**
 * The slot that has most recently fallen due (at or before `now`) and the next one (after `now`);
 * null before the schedule starts or after it ends. "Next report due at …" comes from `next`.
 */
export function currentSlot(
  jadwal: JadwalLaporan,
  votingDayOn: string,
  zoneOffsetHours: number,
  now: Date,
): { previous: Date | null; next: Date | null } {
  const range = offsetRange(jadwal);
  if (range === null) return { previous: null, next: null };
  const today = daysBetween(votingDayOn, hariPadaOffset(now, zoneOffsetHours));
  let previous: Date | null = null;
  for (let offset = Math.min(today, range.max); offset >= range.min && previous === null; offset -= 1) {
    const slots = slotsOnDay(jadwal, votingDayOn, addDays(votingDayOn, offset), zoneOffsetHours);
    previous = slots.filter((s) => s.getTime() <= now.getTime()).at(-1) ?? null;
  }
  let next: Date | null = null;
  for (let offset = Math.max(today, range.min); offset <= range.max && next === null; offset += 1) {
    const slots = slotsOnDay(jadwal, votingDayOn, addDays(votingDayOn, offset), zoneOffsetHours);
    next = slots.find((s) => s.getTime() > now.getTime()) ?? null;
  }
  return { previous, next };
}

/**
 * A report written more than this after its deadline is late; within it, a report still answers that
 * deadline (Siaga default, docs/domain/laporan.md).
 */
export const GRACE_MINUTES = 30;

/** Whether a report written at `writtenAt` for the deadline `slotAt` is late (at exactly the grace: on time). */
export function isLate(slotAt: Date, writtenAt: Date, graceMinutes = GRACE_MINUTES): boolean {
  return writtenAt.getTime() > slotAt.getTime() + graceMinutes * MINUTE_MS;
}

/**
 * Which slot a report covers (Siaga's rule): a report answers the **next** deadline (a lurah writes
 * the 18:00 report in the afternoon), except one written within the grace period after a deadline
 * nobody covered yet, which answers that deadline (a few minutes late, still on time). When the next
 * slot is already covered, a report fills the slot that fell due last, if open (a late report fills
 * its own gap). Older missed slots stay missed: a report never silently covers a period it was not
 * written for.
 */
export function slotForReport(
  current: { previous: Date | null; next: Date | null },
  submittedFor: readonly Date[],
  writtenAt: Date,
  graceMinutes: number,
): Date | null {
  const covered = new Set(submittedFor.map((d) => d.getTime()));
  const open = (slot: Date | null): slot is Date => slot !== null && !covered.has(slot.getTime());
  const withinGrace =
    current.previous !== null && writtenAt.getTime() <= current.previous.getTime() + graceMinutes * MINUTE_MS;
  if (open(current.previous) && withinGrace) return current.previous;
  if (open(current.next)) return current.next;
  if (open(current.previous)) return current.previous;
  return null;
}

/**
 * Slots that are late: not covered by a report and `now` strictly after due + grace. A slot is never
 * guessed late early: at exactly due + grace it is still on time.
 */
export function overdue(input: {
  slots: readonly Date[];
  submittedFor: readonly Date[];
  now: Date;
  graceMinutes: number;
}): Date[] {
  const covered = new Set(input.submittedFor.map((d) => d.getTime()));
  const graceMs = Math.max(0, input.graceMinutes) * MINUTE_MS;
  return input.slots.filter(
    (slot) => !covered.has(slot.getTime()) && input.now.getTime() > slot.getTime() + graceMs,
  );
}

export type JadwalProblemCode =
  | 'jadwal_kosong'
  | 'fase_tidak_dikenal'
  | 'offset_tidak_valid'
  | 'rentang_terbalik'
  | 'jam_tidak_valid'
  | 'interval_tidak_valid'
  | 'jam_akhir_sebelum_awal'
  | 'tumpang_tindih';

export interface JadwalProblem {
  code: JadwalProblemCode;
  /** Index of the offending rule, or null for the schedule as a whole. */
  index: number | null;
  message: string;
}

/**
 * Checks a schedule before it is stored. Rules must not overlap in days (two rules for one day
 * would make its phase ambiguous); everyHours must be a whole number of minutes, at least 15.
 */
export function validateJadwal(jadwal: JadwalLaporan): JadwalProblem[] {
  const problems: JadwalProblem[] = [];
  if (jadwal.length === 0) {
    return [{ code: 'jadwal_kosong', index: null, message: 'Jadwal laporan belum berisi aturan.' }];
  }
  jadwal.forEach((rule, index) => {
    const add = (code: JadwalProblemCode, message: string): void => {
      problems.push({ code, index, message: `Aturan ${index + 1}: ${message}` });
    };
    if (!(FASE_LAPORAN as readonly string[]).includes(rule.phase))
      add('fase_tidak_dikenal', 'fase tidak dikenal.');
    if (!Number.isInteger(rule.fromOffset) || !Number.isInteger(rule.toOffset)) {
      add('offset_tidak_valid', 'hari awal dan akhir harus bilangan bulat (misalnya -3 untuk H-3).');
    } else if (rule.fromOffset > rule.toOffset) {
      add('rentang_terbalik', 'hari awal harus sebelum atau sama dengan hari akhir.');
    }
    if (rule.kind === 'harian') {
      if (minutesOf(rule.at) === null)
        add('jam_tidak_valid', `jam "${rule.at}" harus berformat JJ:MM (00:00-23:59).`);
      return;
    }
    const start = minutesOf(rule.startAt);
    const end = minutesOf(rule.endAt);
    if (start === null) add('jam_tidak_valid', `jam mulai "${rule.startAt}" harus berformat JJ:MM.`);
    if (end === null) add('jam_tidak_valid', `jam selesai "${rule.endAt}" harus berformat JJ:MM.`);
    if (start !== null && end !== null && end < start) {
      add('jam_akhir_sebelum_awal', 'jam selesai harus setelah jam mulai pada hari yang sama.');
    }
    const minutes = rule.everyHours * 60;
    if (!Number.isFinite(minutes) || !Number.isInteger(minutes) || minutes < 15) {
      add('interval_tidak_valid', 'selang laporan minimal 15 menit dan dalam menit bulat.');
    }
  });
  const sorted = jadwal
    .map((rule, index) => ({ rule, index }))
    .sort((a, b) => a.rule.fromOffset - b.rule.fromOffset);
  for (let i = 1; i < sorted.length; i += 1) {
    const prev = sorted[i - 1]!;
    const cur = sorted[i]!;
    if (cur.rule.fromOffset <= prev.rule.toOffset) {
      problems.push({
        code: 'tumpang_tindih',
        index: cur.index,
        message: `Aturan ${cur.index + 1} tumpang tindih dengan aturan ${prev.index + 1} pada hari yang sama.`,
      });
    }
  }
  return problems;
}

/** The rule in force on a day offset, or null when no report is scheduled that day. */
export function aturanOn(jadwal: JadwalLaporan, dayOffsetFromVoting: number): AturanLaporan | null {
  return jadwal.find((r) => dayOffsetFromVoting >= r.fromOffset && dayOffsetFromVoting <= r.toOffset) ?? null;
}

/**
 * Report timeliness of one reporting area, for the anev: of the slots that fell due (and whose grace
 * has passed), how many a report covered on time. `firstWritten` is, per slot instant (ms), when its
 * first version was written: a later correction does not make a late report timely, nor a timely one
 * late. A report written within the grace after its deadline is on time, as `overdue` counts it.
 */
export function ketepatanWaktu(
  slots: readonly Date[],
  firstWritten: ReadonlyMap<number, Date>,
  graceMinutes: number,
): { jatuhTempo: number; tepatWaktu: number } {
  const graceMs = Math.max(0, graceMinutes) * MINUTE_MS;
  let tepatWaktu = 0;
  for (const slot of slots) {
    const written = firstWritten.get(slot.getTime());
    if (written !== undefined && written.getTime() <= slot.getTime() + graceMs) tepatWaktu += 1;
  }
  return { jatuhTempo: slots.length, tepatWaktu };
}
