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
import type { PersonnelKind } from './planner';

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

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Every stretch of time in which a unit is asked for more personnel than it has. */
export function cariBentrok(
  units: readonly UnitKapasitas[],
  tugas: readonly TugasPengamanan[],
  penugasan: readonly PenugasanTugas[],
): Bentrok[] {
  const tugasById = new Map(tugas.map((t) => [t.id, t]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byUnit = new Map<string, PenugasanTugas[]>();
  for (const p of penugasan) {
    if (p.count <= 0 || !tugasById.has(p.tugasId)) continue;
    const list = byUnit.get(p.unitId);
    if (list) list.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  const out: Bentrok[] = [];
  for (const unitId of [...byUnit.keys()].sort(cmp)) {
    const unit = unitById.get(unitId);
    const kapasitas = unit && unit.available ? unit.count : 0;
    const list = byUnit.get(unitId) ?? [];
    const events: { at: number; delta: number; tugasId: string }[] = [];
    for (const p of list) {
      const t = tugasById.get(p.tugasId)!;
      events.push(
        { at: t.mulai, delta: p.count, tugasId: t.id },
        { at: t.selesai, delta: -p.count, tugasId: t.id },
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
  const tugasById = new Map(tugas.map((t) => [t.id, t]));
  const unitById = new Map(units.map((u) => [u.id, u]));
  const byUnit = new Map<string, PenugasanTugas[]>();
  for (const p of penugasan) {
    if (p.count <= 0 || !tugasById.has(p.tugasId) || !unitById.has(p.unitId)) continue;
    const list = byUnit.get(p.unitId);
    if (list) list.push(p);
    else byUnit.set(p.unitId, [p]);
  }
  const out: PenugasanTugas[] = [];
  for (const unitId of [...byUnit.keys()].sort(cmp)) {
    const unit = unitById.get(unitId)!;
    const kapasitas = unit.available ? unit.count : 0;
    const list = (byUnit.get(unitId) ?? []).sort((a, b) => {
      const ta = tugasById.get(a.tugasId)!;
      const tb = tugasById.get(b.tugasId)!;
      return ta.mulai - tb.mulai || cmp(a.tugasId, b.tugasId);
    });
    let kept: Interval[] = [];
    for (const p of list) {
      const t = tugasById.get(p.tugasId)!;
      // Duties come in order of start: one that ended by now overlaps neither this nor any later one.
      if (kept.length > 8) kept = kept.filter((k) => k.selesai > t.mulai);
      const free = kapasitas - pemakaianPuncak(kept, t);
      const count = Math.max(0, Math.min(p.count, free));
      if (count === 0) continue;
      kept.push({ mulai: t.mulai, selesai: t.selesai, count });
      out.push({ tugasId: p.tugasId, unitId, count });
    }
  }
  return out;
}

/** Personnel of each unit busy with duties at the busiest instant of `window` (e.g. voting day). */
export function terpakaiDalam(
  tugas: readonly TugasPengamanan[],
  efektif: readonly PenugasanTugas[],
  window: Jendela,
): Map<string, number> {
  const tugasById = new Map(tugas.map((t) => [t.id, t]));
  const byUnit = new Map<string, Interval[]>();
  for (const p of efektif) {
    const t = tugasById.get(p.tugasId);
    if (!t || !tumpangTindih(t, window)) continue;
    const list = byUnit.get(p.unitId) ?? [];
    list.push({ mulai: t.mulai, selesai: t.selesai, count: p.count });
    byUnit.set(p.unitId, list);
  }
  const out = new Map<string, number>();
  for (const [unitId, list] of byUnit) out.set(unitId, pemakaianPuncak(list, window));
  return out;
}

export interface CakupanKind {
  required: number;
  assigned: number;
  shortfall: number;
}

export interface CakupanTugas {
  tugasId: string;
  jenis: JenisTugasLain;
  kodeWilayah: string;
  polri: CakupanKind;
  tni: CakupanKind;
  linmas: CakupanKind;
  satpol_pp: CakupanKind;
  /** Every kind of the need is met. */
  terpenuhi: boolean;
}

/**
 * Each duty's need against what its units give (by the units' kind; personnel beyond the need of a
 * kind count as assigned but never lower another kind's shortfall).
 */
export function cakupanTugas(
  units: readonly UnitKapasitas[],
  tugas: readonly TugasPengamanan[],
  efektif: readonly PenugasanTugas[],
): CakupanTugas[] {
  const kindOf = new Map(units.map((u) => [u.id, u.kind]));
  const given = new Map<string, Kebutuhan>();
  for (const p of efektif) {
    const kind = kindOf.get(p.unitId);
    if (kind === undefined) continue;
    const g = given.get(p.tugasId) ?? { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
    g[kind] += p.count;
    given.set(p.tugasId, g);
  }
  return [...tugas]
    .sort((a, b) => a.mulai - b.mulai || cmp(a.id, b.id))
    .map((t) => {
      const g = given.get(t.id) ?? { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
      const c = (kind: PersonnelKind): CakupanKind => {
        const required = t.kebutuhan[kind] ?? 0;
        return { required, assigned: g[kind], shortfall: Math.max(0, required - g[kind]) };
      };
      const row = {
        tugasId: t.id,
        jenis: t.jenis,
        kodeWilayah: t.kodeWilayah,
        polri: c('polri'),
        tni: c('tni'),
        linmas: c('linmas'),
        satpol_pp: c('satpol_pp'),
      };
      return {
        ...row,
        terpenuhi: PERSONNEL_KINDS.every((k) => row[k].shortfall === 0),
      };
    });
}

/**
 * The voting-day window of TPS duty: from 06:00 on H-1 (logistics reach the TPS and are guarded
 * overnight) to 12:00 on H+1 (counting ends and ballot boxes leave for the PPK), local time.
 * Siaga default, configurable per plan input (PengamananInput.jendelaTps).
 */
export function jendelaTpsDefault(hariPemungutan: string, offsetHours: number): Jendela {
  const h = Date.parse(`${hariPemungutan}T00:00:00Z`) - offsetHours * 3_600_000;
  return { mulai: h - 18 * 3_600_000, selesai: h + 36 * 3_600_000 };
}
