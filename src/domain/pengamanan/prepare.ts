/**
 * The planner's input made ready: rows checked (a bad row is reported, never thrown), TPS grouped by
 * the staffing pattern, each unit's kab/kota resolved, personnel busy on other duties during the TPS
 * window taken out, and the ring-3/4 reserves set aside. Shared by the planner and exact.ts.
 */
import { KATEGORI } from '../kerawanan/score-tps';
import { cmp } from './lists';
import {
  DEFAULT_POLA,
  DEFAULT_RESERVE,
  kelompokkanTps,
  type KelompokTps,
  type PolaPengamanan,
  type ReservePolicy,
  type TpsPengamanan,
} from './pola';
import { carveReserves, type ReserveAllocation } from './reserve';
import {
  jendelaValid,
  nilaiPenugasan,
  type Bentrok,
  type Jendela,
  type PenugasanTugas,
  type TugasPengamanan,
} from './tugas';
import type { PreparedUnit, UnitPengamanan } from './unit';

export interface PengamananInput {
  tps: readonly TpsPengamanan[];
  units: readonly UnitPengamanan[];
  pola?: PolaPengamanan;
  reserve?: ReservePolicy;
  /**
   * Duties other than the TPS (tugas.ts) and the units assigned to them by hand. Their personnel
   * leave the TPS pool for as many as they are busy at the busiest instant of `jendelaTps`.
   */
  tugas?: readonly TugasPengamanan[];
  penugasanTugas?: readonly PenugasanTugas[];
  /** The TPS duty's window (tugas.ts jendelaTpsDefault); without it every duty counts as overlapping. */
  jendelaTps?: Jendela | null;
}

export interface PlanProblem {
  code: 'tps_tidak_valid' | 'tps_duplikat' | 'unit_tidak_valid' | 'unit_duplikat' | 'tugas_tidak_valid';
  id: string;
  message: string;
}

export interface PreparedPengamanan {
  pola: PolaPengamanan;
  groups: KelompokTps[];
  units: PreparedUnit[];
  reserves: ReserveAllocation[];
  problems: PlanProblem[];
  tugas: TugasPengamanan[];
  /** The hand assignments as they can be kept (tugas.ts penugasanEfektif). */
  penugasanTugas: PenugasanTugas[];
  bentrok: Bentrok[];
}

const isDigits = (s: unknown, n: number): s is string =>
  typeof s === 'string' && s.length === n && /^\d+$/.test(s);

/** Validates the input, groups the TPS and sets the ring-3/4 reserves aside; shared with exact.ts. */
export function preparePengamanan(input: PengamananInput): PreparedPengamanan {
  const pola = input.pola ?? DEFAULT_POLA;
  const problems: PlanProblem[] = [];
  const groups = kelompokkanTps(validTps(input.tps, problems), pola);
  const kabKotaOfTps = [...new Set(groups.map((g) => g.kodeKecamatan.slice(0, 4)))].sort(cmp);
  const onlyKabKota = kabKotaOfTps.length === 1 ? (kabKotaOfTps[0] ?? null) : null;
  const units = prepareUnits(input.units, onlyKabKota, problems);
  const tugas = validTugas(input.tugas ?? [], problems);
  const { efektif, bentrok } = takeOnDuty(units, tugas, input.penugasanTugas ?? [], input.jendelaTps);
  return {
    pola,
    groups,
    units,
    reserves: carveReserves(units, input.reserve ?? DEFAULT_RESERVE),
    problems,
    tugas,
    penugasanTugas: efektif,
    bentrok,
  };
}

/** The TPS with a valid kelurahan and category, each once. */
function validTps(rows: readonly TpsPengamanan[], problems: PlanProblem[]): TpsPengamanan[] {
  const seen = new Set<string>();
  const tps: TpsPengamanan[] = [];
  for (const t of rows) {
    if (!isDigits(t.kodeKelurahan, 10) || !Number.isFinite(t.nomor) || !KATEGORI.includes(t.kategori)) {
      problems.push({
        code: 'tps_tidak_valid',
        id: t.id,
        message: `TPS ${t.id}: kode kelurahan atau kategori tidak valid`,
      });
    } else if (seen.has(t.id)) {
      problems.push({ code: 'tps_duplikat', id: t.id, message: `TPS ${t.id} tercantum lebih dari sekali` });
    } else {
      seen.add(t.id);
      tps.push(t);
    }
  }
  return tps;
}

/**
 * The valid units in id order, each once. A unit without home kecamatan serves its `homeKabKota`,
 * or the input's one kab/kota when there is only one (otherwise it stays at Polda).
 */
function prepareUnits(
  rows: readonly UnitPengamanan[],
  onlyKabKota: string | null,
  problems: PlanProblem[],
): PreparedUnit[] {
  const units: PreparedUnit[] = [];
  const seen = new Set<string>();
  for (const u of [...rows].sort((a, b) => cmp(a.id, b.id))) {
    const kel = u.homeKodeKelurahan ?? null;
    const valid =
      Number.isInteger(u.count) &&
      u.count >= 0 &&
      (u.homeKecamatan === null || isDigits(u.homeKecamatan, 6)) &&
      (kel === null || isDigits(kel, 10));
    if (!valid) {
      problems.push({
        code: 'unit_tidak_valid',
        id: u.id,
        message: `Unit ${u.id}: jumlah atau kode wilayah tidak valid`,
      });
      continue;
    }
    if (seen.has(u.id)) {
      problems.push({ code: 'unit_duplikat', id: u.id, message: `Unit ${u.id} tercantum lebih dari sekali` });
      continue;
    }
    seen.add(u.id);
    const homeKecamatan = kel !== null ? kel.slice(0, 6) : u.homeKecamatan;
    const kodeKabKota =
      homeKecamatan !== null
        ? homeKecamatan.slice(0, 4)
        : isDigits(u.homeKabKota, 4)
          ? u.homeKabKota
          : onlyKabKota;
    units.push({
      id: u.id,
      force: u.force,
      kind: u.kind,
      kodeKabKota,
      homeKecamatan,
      homeKodeKelurahan: kel,
      capacity: u.available ? u.count : 0,
      onDuty: 0,
    });
  }
  return units;
}

/** The duties with a valid window and wilayah (kab/kota, kecamatan or kelurahan), each once. */
function validTugas(rows: readonly TugasPengamanan[], problems: PlanProblem[]): TugasPengamanan[] {
  const tugas: TugasPengamanan[] = [];
  const seen = new Set<string>();
  for (const t of rows) {
    const kode = t.kodeWilayah;
    if (
      !jendelaValid(t) ||
      !(isDigits(kode, 4) || isDigits(kode, 6) || isDigits(kode, 10)) ||
      seen.has(t.id)
    ) {
      problems.push({
        code: 'tugas_tidak_valid',
        id: t.id,
        message: `Tugas ${t.id}: waktu atau wilayah tidak valid`,
      });
      continue;
    }
    seen.add(t.id);
    tugas.push(t);
  }
  return tugas;
}

/**
 * Keeps the hand assignments that can be kept and moves each unit's personnel busy at the busiest
 * instant of the TPS window from `capacity` to `onDuty`, in place.
 */
function takeOnDuty(
  units: PreparedUnit[],
  tugas: readonly TugasPengamanan[],
  raw: readonly PenugasanTugas[],
  jendelaTps: Jendela | null | undefined,
): { efektif: PenugasanTugas[]; bentrok: Bentrok[] } {
  if (tugas.length === 0 || raw.length === 0) return { efektif: [], bentrok: [] };
  const tugasById = new Map(tugas.map((t) => [t.id, t]));
  const window = jendelaTps ?? { mulai: -Infinity, selesai: Infinity };
  const nilai = nilaiPenugasan(units, (u) => u.capacity, tugasById, raw, window);
  const busy = nilai.terpakai;
  if (busy.size > 0)
    for (const u of units) {
      u.onDuty = Math.min(u.capacity, busy.get(u.id) ?? 0);
      u.capacity -= u.onDuty;
    }
  return { efektif: nilai.efektif, bentrok: nilai.bentrok };
}
