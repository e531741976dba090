/**
 * Tugas pengamanan: one model of a duty in the plan. A duty is work at a place for a time window
 * that needs personnel of some kinds (Polri, TNI, Linmas, Satpol PP): guarding a TPS on voting day,
 * escorting a logistics leg, securing a campaign event, a patrol, a posko, a recapitulation venue.
 * The TPS duties are the planner's groups (planner.ts); every other duty is recorded by the module
 * that owns its record (logistik, kampanye, …) and staffed with units of the plan by hand.
 *
 * The one rule: a unit of `count` personnel never stands at more than `count` places at one instant,
 * so a named person (count 1) is never at two duties whose windows overlap. Windows are half-open
 * [mulai, selesai) in epoch milliseconds: a leg that ends at 10:00 and an event that starts at 10:00
 * do not overlap. See docs/domain/pengamanan.md ("Tugas").
 */
import type { PersonnelKind } from './unit';
import { awalHariPadaOffset } from '../time/zona';
import { cmp } from './lists';

export const JENIS_TUGAS = ['tps', 'logistik', 'kampanye', 'patroli', 'posko', 'rekapitulasi'] as const;
export type JenisTugas = (typeof JENIS_TUGAS)[number];
/** Duties that are recorded one by one (the TPS duties come from the planner). */
export const JENIS_TUGAS_LAIN = ['logistik', 'kampanye', 'patroli', 'posko', 'rekapitulasi'] as const;
export type JenisTugasLain = (typeof JENIS_TUGAS_LAIN)[number];

export const PERSONNEL_KINDS: readonly PersonnelKind[] = ['polri', 'tni', 'linmas', 'satpol_pp'];

export type Kebutuhan = Record<PersonnelKind, number>;

export interface Jendela {
  /** Epoch ms, inclusive. */
  mulai: number;
  /** Epoch ms, exclusive. */
  selesai: number;
}

export interface TugasPengamanan extends Jendela {
  id: string;
  jenis: JenisTugasLain;
  /** Compact code (4, 6 or 10 digits) of the place: a kecamatan or kelurahan counts in its kecamatan. */
  kodeWilayah: string;
  kebutuhan: Partial<Kebutuhan>;
}

/** `count` personnel of unit `unitId` serve duty `tugasId`. */
export interface PenugasanTugas {
  tugasId: string;
  unitId: string;
  count: number;
}

/** What the rule needs of a unit. */
export interface UnitKapasitas {
  id: string;
  kind: PersonnelKind;
  count: number;
  available: boolean;
}

/** Personnel of one unit asked for at more places than it has, during [mulai, selesai). */
export interface Bentrok extends Jendela {
  unitId: string;
  /** Personnel asked for at the busiest instant of the window. */
  dipakai: number;
  /** Personnel the unit has (0 when withdrawn). */
  kapasitas: number;
  /** The duties overlapping in the window, in id order. */
  tugasIds: string[];
}

export function tumpangTindih(a: Jendela, b: Jendela): boolean {
  return a.mulai < b.selesai && b.mulai < a.selesai;
}

export function jendelaValid(j: Jendela): boolean {
  return Number.isFinite(j.mulai) && Number.isFinite(j.selesai) && j.mulai < j.selesai;
}

interface Interval extends Jendela {
  count: number;
}

/** The largest sum of counts of intervals overlapping at one instant, within `window` if given. */
export function pemakaianPuncak(intervals: readonly Interval[], window?: Jendela): number {
  const events: [number, number][] = [];
  for (const iv of intervals) {
    const mulai = window ? Math.max(iv.mulai, window.mulai) : iv.mulai;
    const selesai = window ? Math.min(iv.selesai, window.selesai) : iv.selesai;
    if (mulai >= selesai || iv.count <= 0) continue;
    events.push([mulai, iv.count], [selesai, -iv.count]);
  }
  // Ends before starts at the same instant: half-open windows that touch do not overlap.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let peak = 0;
  for (const [, delta] of events) {
    now += delta;
    if (now > peak) peak = now;
  }
  return peak;
}

/** One hand assignment with its duty's window read once (comparators then look nothing up). */
interface Baris extends Interval {
  tugasId: string;
}

const indeks = (tugas: readonly TugasPengamanan[]): Map<string, TugasPengamanan> => {
  const byId = new Map<string, TugasPengamanan>();
  for (const t of tugas) byId.set(t.id, t);
  return byId;
};

/**
 * The assignments of each unit: units in id order, each unit's in order of start (then duty id, then
 * as given), leaving out those with no personnel or of an unknown duty. A nation holds about a
 * million duties, so nothing is looked up per comparison and each index is built once per call.
 */
function perUnit(
  tugasById: ReadonlyMap<string, TugasPengamanan>,
  penugasan: readonly PenugasanTugas[],
): { unitIds: string[]; byUnit: Map<string, Baris[]> } {
  const byUnit = new Map<string, Baris[]>();
  for (const p of penugasan) {
    if (p.count <= 0) continue;
    const t = tugasById.get(p.tugasId);
    if (t === undefined) continue;
    const row: Baris = { tugasId: t.id, mulai: t.mulai, selesai: t.selesai, count: p.count };
    const list = byUnit.get(p.unitId);
    if (list) list.push(row);
    else byUnit.set(p.unitId, [row]);
  }
  const unitIds = [...byUnit.keys()].sort(cmp);
  for (const list of byUnit.values())
    if (list.length > 1) list.sort((a, b) => a.mulai - b.mulai || cmp(a.tugasId, b.tugasId));
  return { unitIds, byUnit };
}

/** Personnel of each unit named in `wanted`, read in one pass over `units` (absent: unknown unit). */
function kapasitasOf<U extends { id: string }>(
  units: readonly U[],
  personel: (u: U) => number,
  wanted: ReadonlyMap<string, unknown>,
): Map<string, number> {
  const out = new Map<string, number>();
  for (const u of units) if (wanted.has(u.id)) out.set(u.id, personel(u));
  return out;
}

const personelOf = (u: UnitKapasitas): number => (u.available ? u.count : 0);

const total = (list: readonly Interval[]): number => {
  let n = 0;
  for (const iv of list) n += iv.count;
  return n;
};

/** The stretches in which one unit's duties (in order of start) ask for more than `kapasitas`. */
function bentrokUnit(unitId: string, list: readonly Baris[], kapasitas: number, out: Bentrok[]): void {
  // Asked for no more than it has even if every duty were at once: nothing to find.
  if (total(list) <= kapasitas) return;
  const events: { at: number; delta: number; tugasId: string }[] = [];
  for (const row of list) {
    events.push(
      { at: row.mulai, delta: row.count, tugasId: row.tugasId },
      { at: row.selesai, delta: -row.count, tugasId: row.tugasId },
    );
  }
  events.sort((a, b) => a.at - b.at || a.delta - b.delta);
  let now = 0;
  const active = new Map<string, number>();
  let open: Bentrok | null = null;
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    now += e.delta;
    active.set(e.tugasId, (active.get(e.tugasId) ?? 0) + e.delta);
    if ((active.get(e.tugasId) ?? 0) === 0) active.delete(e.tugasId);
    // Decide only once every event of this instant is applied.
    const next = events[i + 1];
    if (next !== undefined && next.at === e.at) continue;
    if (now > kapasitas) {
      const ids = [...active.keys()].sort(cmp);
      if (open === null) {
        open = { unitId, mulai: e.at, selesai: e.at, dipakai: now, kapasitas, tugasIds: ids };
      } else {
        open.dipakai = Math.max(open.dipakai, now);
        open.tugasIds = [...new Set([...open.tugasIds, ...ids])].sort(cmp);
      }
    } else if (open !== null) {
      open.selesai = e.at;
      out.push(open);
      open = null;
    }
  }
}

/** What one unit's duties (in order of start) keep of what they asked for. */
function simpanUnit(list: readonly Baris[], kapasitas: number): readonly Baris[] {
  // Enough for every duty at once: each keeps all it asked for (the common case by far).
  if (total(list) <= kapasitas) return list;
  const out: Baris[] = [];
  let kept: Interval[] = [];
  for (const row of list) {
    // Duties come in order of start: one that ended by now overlaps neither this nor any later one.
    if (kept.length > 8) kept = kept.filter((k) => k.selesai > row.mulai);
    const free = kapasitas - pemakaianPuncak(kept, row);
    const count = Math.max(0, Math.min(row.count, free));
    if (count === 0) continue;
    kept.push({ mulai: row.mulai, selesai: row.selesai, count });
    out.push({ tugasId: row.tugasId, mulai: row.mulai, selesai: row.selesai, count });
  }
  return out;
}

/** Personnel of one unit's kept duties at the busiest instant of `window`. */
function puncakUnit(kept: readonly Interval[], window: Jendela): number {
  if (kept.length === 1) {
    const only = kept[0]!;
    return tumpangTindih(only, window) ? Math.max(0, only.count) : 0;
  }
  return pemakaianPuncak(kept, window);
}

/** Every stretch of time in which a unit is asked for more personnel than it has. */
export function cariBentrok(
  units: readonly UnitKapasitas[],
  tugas: readonly TugasPengamanan[],
  penugasan: readonly PenugasanTugas[],
): Bentrok[] {
  const { unitIds, byUnit } = perUnit(indeks(tugas), penugasan);
  const kapasitasById = kapasitasOf(units, personelOf, byUnit);
  const out: Bentrok[] = [];
  for (const unitId of unitIds)
    bentrokUnit(unitId, byUnit.get(unitId) ?? [], kapasitasById.get(unitId) ?? 0, out);
  return out;
}

/**
 * The assignments as they can be kept: each unit's duties in order of start (then id) keep what the
 * unit still has free over their whole window, so no one is counted at two places at once. What is
 * cut shows as the duty's shortfall and in cariBentrok; a withdrawn unit keeps nothing.
 */
export function penugasanEfektif(
  units: readonly UnitKapasitas[],
  tugas: readonly TugasPengamanan[],
  penugasan: readonly PenugasanTugas[],
): PenugasanTugas[] {
  const { unitIds, byUnit } = perUnit(indeks(tugas), penugasan);
  const kapasitasById = kapasitasOf(units, personelOf, byUnit);
  const out: PenugasanTugas[] = [];
  for (const unitId of unitIds) {
    const kapasitas = kapasitasById.get(unitId);
    if (kapasitas === undefined) continue;
    for (const row of simpanUnit(byUnit.get(unitId) ?? [], kapasitas))
      out.push({ tugasId: row.tugasId, unitId, count: row.count });
  }
  return out;
}

/** Personnel of each unit busy with duties at the busiest instant of `window` (e.g. voting day). */
export function terpakaiDalam(
  tugas: readonly TugasPengamanan[],
  efektif: readonly PenugasanTugas[],
  window: Jendela,
): Map<string, number> {
  const tugasById = indeks(tugas);
  const byUnit = new Map<string, Interval[]>();
  for (const p of efektif) {
    const t = tugasById.get(p.tugasId);
    if (t === undefined || !tumpangTindih(t, window)) continue;
    const iv = { mulai: t.mulai, selesai: t.selesai, count: p.count };
    const list = byUnit.get(p.unitId);
    if (list) list.push(iv);
    else byUnit.set(p.unitId, [iv]);
  }
  const out = new Map<string, number>();
  for (const [unitId, list] of byUnit) out.set(unitId, puncakUnit(list, window));
  return out;
}

export interface NilaiPenugasan {
  /** As penugasanEfektif. */
  efektif: PenugasanTugas[];
  /** As cariBentrok. */
  bentrok: Bentrok[];
  /** As terpakaiDalam of `efektif`: only units busy in the window at all. */
  terpakai: Map<string, number>;
}

/**
 * penugasanEfektif, cariBentrok and terpakaiDalam of the same input in one pass over each unit's
 * duties, for the planner: a nation's million legs are indexed and grouped once instead of three
 * times. `tugasById` holds each duty once (the planner's validated duties).
 */
export function nilaiPenugasan<U extends { id: string }>(
  units: readonly U[],
  personel: (u: U) => number,
  tugasById: ReadonlyMap<string, TugasPengamanan>,
  penugasan: readonly PenugasanTugas[],
  window: Jendela,
): NilaiPenugasan {
  const { unitIds, byUnit } = perUnit(tugasById, penugasan);
  const kapasitasById = kapasitasOf(units, personel, byUnit);
  const efektif: PenugasanTugas[] = [];
  const bentrok: Bentrok[] = [];
  const terpakai = new Map<string, number>();
  for (const unitId of unitIds) {
    const list = byUnit.get(unitId) ?? [];
    const kapasitas = kapasitasById.get(unitId);
    bentrokUnit(unitId, list, kapasitas ?? 0, bentrok);
    if (kapasitas === undefined) continue;
    const kept = simpanUnit(list, kapasitas);
    let inWindow = 0;
    for (const row of kept) {
      efektif.push({ tugasId: row.tugasId, unitId, count: row.count });
      if (tumpangTindih(row, window)) inWindow++;
    }
    if (inWindow === 0) continue;
    terpakai.set(
      unitId,
      puncakUnit(inWindow === kept.length ? kept : kept.filter((row) => tumpangTindih(row, window)), window),
    );
  }
  return { efektif, bentrok, terpakai };
}

/**
 * The voting-day window of TPS duty: from 06:00 on H-1 (logistics reach the TPS and are guarded
 * overnight) to 12:00 on H+1 (counting ends and ballot boxes leave for the PPK), local time.
 * Siaga default, configurable per plan input (PengamananInput.jendelaTps).
 */
export function jendelaTpsDefault(hariPemungutan: string, offsetHours: number): Jendela {
  const h = awalHariPadaOffset(hariPemungutan, offsetHours).getTime();
  return { mulai: h - 18 * 3_600_000, selesai: h + 36 * 3_600_000 };
}
