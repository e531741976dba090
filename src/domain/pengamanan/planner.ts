/**
 * Rencana pengamanan: which units guard which TPS groups on voting day, what stays in patrol and
 * reserve, and what is missing. Pure and deterministic; see docs/domain/pengamanan.md.
 *
 * Objective (lexicographic, per kab/kota; a Polres plans its own wilayah):
 *  1. cover groups in priority order sangat_rawan > khusus > rawan > kurang_rawan: a group of a later
 *     category is never covered while a group of an earlier one that could be covered is not;
 *  2. maximise the number of groups covered within each priority;
 *  3. minimise travel, in personnel × cost: same kelurahan 0, same kecamatan 1, a Polres-level unit
 *     (no home kecamatan) 2, another kecamatan of the kab/kota 3. Units never cross kab/kota lines;
 *  4. minimise Polri shortfall (required − assigned), so leftover officers of a kelurahan stand at
 *     its uncovered groups when that costs no travel.
 * A group is covered only when it has all its Polri; partial staffing counts as shortfall.
 *
 * Method: the ring-3/4 reserves are set aside first (ReservePolicy). Personnel of one kab/kota can
 * serve any of its groups, so (1)-(2) are met exactly by counting: each category in priority order
 * covers as many groups as the remaining Polri allow. Travel is a tree metric (kelurahan ⊂ kecamatan ⊂
 * kab/kota), so for a fixed set of covered groups, matching bottom-up (kelurahan, then kecamatan,
 * then Polres units, then other kecamatan) is optimal and its cost has a closed form. Only the choice
 * of which groups of a partially covered category to cover is heuristic: greedy by marginal travel,
 * then pairwise swaps while they lower travel. O(n log n) overall; exact.ts states the same objective
 * as a MILP for checking.
 */
import { KATEGORI, type Kategori } from '../kerawanan/score-tps';
import {
  DEFAULT_POLA,
  DEFAULT_RESERVE,
  PRIORITAS,
  TNI_PER_KELURAHAN,
  kelompokkanTps,
  labelKategori,
  type KelompokTps,
  type PolaPengamanan,
  type ReservePolicy,
  type TpsPengamanan,
} from './pola';
import {
  cakupanTugas,
  jendelaValid,
  nilaiPenugasan,
  type Bentrok,
  type CakupanTugas,
  type Jendela,
  type PenugasanTugas,
  type TugasPengamanan,
} from './tugas';

export type Force =
  'polres' | 'polsek' | 'bko_polda' | 'brimob' | 'kodim' | 'koramil' | 'lanal' | 'satpol_pp' | 'linmas';
export const FORCES: readonly Force[] = [
  'polres',
  'polsek',
  'bko_polda',
  'brimob',
  'kodim',
  'koramil',
  'lanal',
  'satpol_pp',
  'linmas',
];
export type PersonnelKind = 'polri' | 'tni' | 'linmas' | 'satpol_pp';

/** A unit of `count` personnel, or one named person (count 1). */
export interface UnitPengamanan {
  id: string;
  force: Force;
  kind: PersonnelKind;
  count: number;
  /** 6 digits; null for Polres-level units (Mapolres, Brimob, BKO Polda, Kodim). */
  homeKecamatan: string | null;
  /** 10 digits: a Bhabinkamtibmas, Babinsa or Linmas of one kelurahan. Linmas then serve only there. */
  homeKodeKelurahan?: string | null;
  /** 4 digits: where a unit without home kecamatan serves when the input spans several kab/kota. */
  homeKabKota?: string | null;
  available: boolean;
}

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

export interface PreparedUnit {
  id: string;
  force: Force;
  kind: PersonnelKind;
  kodeKabKota: string | null;
  homeKecamatan: string | null;
  homeKodeKelurahan: string | null;
  /** Personnel left for TPS duty after the reserves. */
  capacity: number;
  /** Personnel on other duties during the TPS window (taken before the reserves). */
  onDuty: number;
}

export type Ring = 'patroli' | 'cadangan' | 'cadangan_polda' | 'sisa';

/** Personnel kept off the TPS: ring 3 patrol, ring 4 reserve, Polda-level, or left over after staffing. */
export interface ReserveAllocation {
  ring: Ring;
  kodeKabKota: string | null;
  kodeKecamatan: string | null;
  unitId: string;
  kind: PersonnelKind;
  count: number;
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
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Travel cost per person from a unit's home to a group (see the objective above). */
export function travelCost(
  unit: { homeKecamatan: string | null; homeKodeKelurahan: string | null },
  group: { kodeKelurahan: string; kodeKecamatan: string },
): number {
  if (unit.homeKodeKelurahan !== null && unit.homeKodeKelurahan === group.kodeKelurahan) return 0;
  if (unit.homeKecamatan === null) return 2;
  return unit.homeKecamatan === group.kodeKecamatan ? 1 : 3;
}

const RESERVE_FORCE_ORDER: Record<Force, number> = {
  brimob: 0,
  polres: 1,
  bko_polda: 2,
  polsek: 3,
  kodim: 4,
  koramil: 5,
  lanal: 6,
  satpol_pp: 7,
  linmas: 8,
};

/** Validates the input, groups the TPS and sets the ring-3/4 reserves aside; shared with exact.ts. */
export function preparePengamanan(input: PengamananInput): PreparedPengamanan {
  const pola = input.pola ?? DEFAULT_POLA;
  const policy = input.reserve ?? DEFAULT_RESERVE;
  const problems: PlanProblem[] = [];
  const seenTps = new Set<string>();
  const tps: TpsPengamanan[] = [];
  for (const t of input.tps) {
    if (!isDigits(t.kodeKelurahan, 10) || !Number.isFinite(t.nomor) || !KATEGORI.includes(t.kategori)) {
      problems.push({
        code: 'tps_tidak_valid',
        id: t.id,
        message: `TPS ${t.id}: kode kelurahan atau kategori tidak valid`,
      });
    } else if (seenTps.has(t.id)) {
      problems.push({ code: 'tps_duplikat', id: t.id, message: `TPS ${t.id} tercantum lebih dari sekali` });
    } else {
      seenTps.add(t.id);
      tps.push(t);
    }
  }
  const groups = kelompokkanTps(tps, pola);
  const kabKotaOfTps = [...new Set(groups.map((g) => g.kodeKecamatan.slice(0, 4)))].sort(cmp);
  const onlyKabKota = kabKotaOfTps.length === 1 ? (kabKotaOfTps[0] ?? null) : null;

  const units: PreparedUnit[] = [];
  const seenUnits = new Set<string>();
  for (const u of [...input.units].sort((a, b) => cmp(a.id, b.id))) {
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
    if (seenUnits.has(u.id)) {
      problems.push({ code: 'unit_duplikat', id: u.id, message: `Unit ${u.id} tercantum lebih dari sekali` });
      continue;
    }
    seenUnits.add(u.id);
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
  const tugas: TugasPengamanan[] = [];
  const tugasById = new Map<string, TugasPengamanan>();
  for (const t of input.tugas ?? []) {
    const kode = t.kodeWilayah;
    if (
      !jendelaValid(t) ||
      !(isDigits(kode, 4) || isDigits(kode, 6) || isDigits(kode, 10)) ||
      tugasById.has(t.id)
    ) {
      problems.push({
        code: 'tugas_tidak_valid',
        id: t.id,
        message: `Tugas ${t.id}: waktu atau wilayah tidak valid`,
      });
      continue;
    }
    tugasById.set(t.id, t);
    tugas.push(t);
  }
  const raw = input.penugasanTugas ?? [];
  let efektif: PenugasanTugas[] = [];
  let bentrok: Bentrok[] = [];
  if (tugas.length > 0 && raw.length > 0) {
    const window = input.jendelaTps ?? { mulai: -Infinity, selesai: Infinity };
    const nilai = nilaiPenugasan(units, (u) => u.capacity, tugasById, raw, window);
    efektif = nilai.efektif;
    bentrok = nilai.bentrok;
    const busy = nilai.terpakai;
    if (busy.size > 0)
      for (const u of units) {
        u.onDuty = Math.min(u.capacity, busy.get(u.id) ?? 0);
        u.capacity -= u.onDuty;
      }
  }
  return {
    pola,
    groups,
    units,
    reserves: carveReserves(units, policy),
    problems,
    tugas,
    penugasanTugas: efektif,
    bentrok,
  };
}

/** Sets ring 3 (per Polsek) and ring 4 (Kapolres) aside from Polri capacities, in place. */
function carveReserves(units: PreparedUnit[], policy: ReservePolicy): ReserveAllocation[] {
  const reserves: ReserveAllocation[] = [];
  const take = (
    list: readonly PreparedUnit[],
    amount: number,
    ring: Ring,
    kodeKecamatan: string | null,
  ): void => {
    let left = amount;
    for (const u of list) {
      if (left <= 0) break;
      const n = Math.min(left, u.capacity);
      if (n <= 0) continue;
      u.capacity -= n;
      left -= n;
      reserves.push({
        ring,
        kodeKabKota: u.kodeKabKota,
        kodeKecamatan,
        unitId: u.id,
        kind: u.kind,
        count: n,
      });
    }
  };
  const polri = units.filter((u) => u.kind === 'polri' && u.capacity > 0 && u.kodeKabKota !== null);
  const byKabKota = groupBy(polri, (u) => u.kodeKabKota ?? '');
  const totalOfKabKota = new Map<string, number>();
  for (const [kab, list] of byKabKota)
    totalOfKabKota.set(
      kab,
      list.reduce((s, u) => s + u.capacity, 0),
    );
  // Ring 3: each Polsek keeps a share of its own officers; kecamatan-level units go first so that
  // a kelurahan's Bhabinkamtibmas stays at home.
  const byKecamatan = groupBy(
    polri.filter((u) => u.homeKecamatan !== null),
    (u) => u.homeKecamatan ?? '',
  );
  const level = (u: PreparedUnit): number =>
    u.homeKecamatan === null ? 0 : u.homeKodeKelurahan === null ? 1 : 2;
  for (const kec of [...byKecamatan.keys()].sort(cmp)) {
    const list = (byKecamatan.get(kec) ?? []).sort(
      (a, b) => level(a) - level(b) || b.capacity - a.capacity || cmp(a.id, b.id),
    );
    const total = list.reduce((s, u) => s + u.capacity, 0);
    take(list, Math.floor(total * policy.patroliShare), 'patroli', kec);
  }
  // Ring 4: a share of the kab/kota's Polri, from Brimob and Polres-level units first.
  for (const kab of [...byKabKota.keys()].sort(cmp)) {
    const list = (byKabKota.get(kab) ?? []).sort(
      (a, b) =>
        level(a) - level(b) ||
        RESERVE_FORCE_ORDER[a.force] - RESERVE_FORCE_ORDER[b.force] ||
        b.capacity - a.capacity ||
        cmp(a.id, b.id),
    );
    take(list, Math.floor((totalOfKabKota.get(kab) ?? 0) * policy.cadanganShare), 'cadangan', null);
  }
  return reserves;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list === undefined) map.set(k, [item]);
    else list.push(item);
  }
  return map;
}

export interface PlanGroup extends KelompokTps {
  polriAssigned: number;
  linmasAssigned: number;
  /** True when every Polri of the pattern is assigned. */
  covered: boolean;
}

/** `count` personnel of unit `unitId` stand at group `groupId`; travel is per person. */
export interface Assignment {
  groupId: string;
  unitId: string;
  kind: PersonnelKind;
  count: number;
  travelCost: number;
}

/** TNI (Babinsa) of tiga pilar, placed per kelurahan rather than per TPS group. */
export interface KelurahanAssignment {
  kodeKelurahan: string;
  unitId: string;
  count: number;
  travelCost: number;
}

export interface Coverage {
  required: number;
  assigned: number;
  /** required − assigned. */
  shortfall: number;
}

export interface KecamatanCoverage {
  kodeKecamatan: string;
  kelompok: number;
  kelompokTerjaga: number;
  polri: Coverage;
  linmas: Coverage;
  tni: Coverage;
}

export interface ForceCoverage {
  force: Force;
  available: number;
  assigned: number;
  /** Ring 3-4 and Polda-level reserve. */
  reserved: number;
  /** Left over after staffing (joins the patrol of its area). */
  idle: number;
}

export type SuggestionCode = 'minta_bko' | 'rebalance' | 'patroli_mobile';

export interface Suggestion {
  code: SuggestionCode;
  message: string;
  kodeKabKota: string;
  kodeKecamatan: string | null;
  /** For rebalance: the kecamatan whose Polsek lends the personnel. */
  fromKecamatan: string | null;
  count: number;
}

export interface PlanObjective {
  coveredByKategori: Record<Kategori, number>;
  kelompokByKategori: Record<Kategori, number>;
  /** Σ personnel × travel cost over Polri assignments. */
  travelCost: number;
  polriShortfall: number;
}

export interface Plan {
  groups: PlanGroup[];
  assignments: Assignment[];
  kelurahanAssignments: KelurahanAssignment[];
  reserves: ReserveAllocation[];
  coverageByKecamatan: KecamatanCoverage[];
  /** Every duty: the TPS and the others (tugas), so the shortfall counts them all. */
  coverageByKind: Record<'polri' | 'linmas' | 'tni', Coverage>;
  /** The TPS alone. */
  coverageTps: Record<'polri' | 'linmas' | 'tni', Coverage>;
  coverageByForce: ForceCoverage[];
  /** Each other duty's need and what its units give; assignments as kept; double bookings. */
  tugas: CakupanTugas[];
  penugasanTugas: PenugasanTugas[];
  bentrok: Bentrok[];
  uncovered: { groupId: string; kodeKecamatan: string; kategori: Kategori; polriShortfall: number }[];
  suggestions: Suggestion[];
  objective: PlanObjective;
  problems: PlanProblem[];
  /** Personnel on other duties during the TPS window, by kind (neither at a TPS nor in a ring). */
  onDutyByKind: Record<PersonnelKind, number>;
}

const PRIORITY_INDEX: Record<Kategori, number> = { sangat_rawan: 0, khusus: 1, rawan: 2, kurang_rawan: 3 };

/** A list of unit indices drawn in order; exhausted units are skipped once. */
class Pool {
  private pos = 0;
  constructor(
    readonly units: number[],
    private readonly left: number[],
  ) {}
  draw(want: number, take: (unit: number, n: number) => void): number {
    let rest = want;
    while (rest > 0 && this.pos < this.units.length) {
      const u = this.units[this.pos] ?? 0;
      const n = Math.min(rest, this.left[u] ?? 0);
      if (n > 0) {
        take(u, n);
        rest -= n;
        this.left[u] = (this.left[u] ?? 0) - n;
      }
      if ((this.left[u] ?? 0) === 0) this.pos++;
    }
    return want - rest;
  }
  get empty(): boolean {
    while (this.pos < this.units.length && (this.left[this.units[this.pos] ?? 0] ?? 0) === 0) this.pos++;
    return this.pos >= this.units.length;
  }
}

/**
 * Closed-form travel of the bottom-up matching for a demand vector per kelurahan: same kelurahan
 * free, then the kecamatan at 1, then Polres-level units at 2, then other kecamatan at 3.
 */
class TravelState {
  readonly demand: number[];
  private readonly def: number[];
  private readonly sup: number[];
  private sumMatch = 0;
  private excess = 0;
  constructor(
    private readonly kelSupply: readonly number[],
    private readonly kelKec: readonly number[],
    kecSupply: readonly number[],
    private readonly floating: number,
  ) {
    this.demand = kelSupply.map(() => 0);
    this.def = kecSupply.map(() => 0);
    this.sup = [...kecSupply];
    kelSupply.forEach((s, l) => {
      const k = kelKec[l] ?? 0;
      this.sup[k] = (this.sup[k] ?? 0) + s;
    });
  }
  cost(): number {
    const f = Math.min(this.excess, this.floating);
    return this.sumMatch + 2 * f + 3 * (this.excess - f);
  }
  /** Adds `delta` to the demand of kelurahan `l`. */
  add(l: number, delta: number): void {
    const k = this.kelKec[l] ?? 0;
    const s = this.kelSupply[l] ?? 0;
    const before = this.demand[l] ?? 0;
    const after = before + delta;
    this.demand[l] = after;
    let def = this.def[k] ?? 0;
    let sup = this.sup[k] ?? 0;
    this.sumMatch -= Math.min(def, sup);
    this.excess -= Math.max(0, def - sup);
    def += Math.max(0, after - s) - Math.max(0, before - s);
    sup += Math.max(0, s - after) - Math.max(0, s - before);
    this.def[k] = def;
    this.sup[k] = sup;
    this.sumMatch += Math.min(def, sup);
    this.excess += Math.max(0, def - sup);
  }
  costWith(changes: readonly (readonly [number, number])[]): number {
    for (const [l, d] of changes) this.add(l, d);
    const c = this.cost();
    for (let i = changes.length - 1; i >= 0; i--) {
      const [l, d] = changes[i] ?? [0, 0];
      this.add(l, -d);
    }
    return c;
  }
}

/** Pairwise swaps tried per partially covered category of one kab/kota before settling. */
const SWAP_BUDGET = 400_000;

interface KabKotaResult {
  assignments: Assignment[];
  kelurahanAssignments: KelurahanAssignment[];
  leftover: ReserveAllocation[];
  suggestions: Suggestion[];
}

function planKabKota(
  kodeKabKota: string,
  groups: readonly KelompokTps[],
  units: readonly PreparedUnit[],
  state: { polri: number[]; linmas: number[]; covered: boolean[] },
  groupOffset: number,
): KabKotaResult {
  const kelCodes = [
    ...new Set([
      ...groups.map((g) => g.kodeKelurahan),
      ...units.flatMap((u) => (u.homeKodeKelurahan === null ? [] : [u.homeKodeKelurahan])),
    ]),
  ].sort(cmp);
  const kecCodes = [
    ...new Set([
      ...kelCodes.map((k) => k.slice(0, 6)),
      ...units.flatMap((u) => (u.homeKecamatan === null ? [] : [u.homeKecamatan])),
    ]),
  ].sort(cmp);
  const kelIndex = new Map(kelCodes.map((k, i) => [k, i]));
  const kecIndex = new Map(kecCodes.map((k, i) => [k, i]));
  const kelKec = kelCodes.map((k) => kecIndex.get(k.slice(0, 6)) ?? 0);
  const left = units.map((u) => u.capacity);
  const kelOf = (u: PreparedUnit): number => kelIndex.get(u.homeKodeKelurahan ?? '') ?? -1;
  const kecOf = (u: PreparedUnit): number => kecIndex.get(u.homeKecamatan ?? '') ?? -1;

  // Unit indices by kind and level.
  const pools = (kind: PersonnelKind) => {
    const kel: number[][] = kelCodes.map(() => []);
    const kec: number[][] = kecCodes.map(() => []);
    const floating: number[] = [];
    units.forEach((u, i) => {
      if (u.kind !== kind || u.capacity <= 0) return;
      if (u.homeKodeKelurahan !== null) kel[kelOf(u)]?.push(i);
      else if (u.homeKecamatan !== null) kec[kecOf(u)]?.push(i);
      else floating.push(i);
    });
    return { kel, kec, floating };
  };
  const sum = (list: readonly number[]): number => list.reduce((s, i) => s + (left[i] ?? 0), 0);

  const assignments: Assignment[] = [];
  const polri = pools('polri');
  const kelSupply = polri.kel.map(sum);
  const kecSupply = polri.kec.map(sum);
  const floatSupply = sum(polri.floating);

  // Groups by kelurahan and category, in order.
  const groupKel = groups.map((g) => kelIndex.get(g.kodeKelurahan) ?? 0);
  const byKelCat: number[][][] = kelCodes.map(() => PRIORITAS.map(() => []));
  groups.forEach((g, i) => byKelCat[groupKel[i] ?? 0]?.[PRIORITY_INDEX[g.kategori]]?.push(i));

  // (1)-(2): how many groups of each category, in priority order, the kab/kota's Polri can cover.
  let supply = kelSupply.reduce((a, b) => a + b, 0) + kecSupply.reduce((a, b) => a + b, 0) + floatSupply;
  const selected = groups.map(() => false);
  const travel = new TravelState(kelSupply, kelKec, kecSupply, floatSupply);
  for (const [p, kategori] of PRIORITAS.entries()) {
    const members = groups.flatMap((g, i) => (g.kategori === kategori ? [i] : []));
    if (members.length === 0) continue;
    const need = groups[members[0] ?? 0]?.polri ?? 1;
    const quota = Math.min(members.length, Math.floor(supply / need));
    supply -= quota * need;
    if (quota === members.length) {
      for (const i of members) {
        selected[i] = true;
        travel.add(groupKel[i] ?? 0, need);
      }
    } else if (quota > 0) {
      selectPartial(p, need, quota, byKelCat, selected, travel);
    }
  }

  // (3) Bottom-up matching of the chosen groups.
  const hasUnselected = kelCodes.map((_, l) =>
    (byKelCat[l] ?? []).some((list) => list.some((i) => !selected[i])),
  );
  const needLeft = groups.map((g, i) => (selected[i] ? g.polri : 0));
  const give = (gi: number, kind: PersonnelKind, pool: Pool, cost: number): void => {
    const g = groups[gi];
    const want =
      kind === 'polri' ? (needLeft[gi] ?? 0) : (g?.linmas ?? 0) - (state.linmas[groupOffset + gi] ?? 0);
    if (g === undefined || want <= 0) return;
    const got = pool.draw(want, (u, n) => {
      assignments.push({ groupId: g.id, unitId: units[u]?.id ?? '', kind, count: n, travelCost: cost });
    });
    if (kind === 'polri') {
      needLeft[gi] = (needLeft[gi] ?? 0) - got;
      state.polri[groupOffset + gi] = (state.polri[groupOffset + gi] ?? 0) + got;
    } else {
      state.linmas[groupOffset + gi] = (state.linmas[groupOffset + gi] ?? 0) + got;
    }
  };
  const kelPools = polri.kel.map((list) => new Pool(list, left));
  groups.forEach((_, gi) => {
    if (selected[gi]) give(gi, 'polri', kelPools[groupKel[gi] ?? 0] ?? new Pool([], left), 0);
  });
  // Within a kecamatan, Polsek units go before other kelurahan's officers, and officers of a
  // kelurahan with uncovered groups go last (they can still stand there at no travel).
  const kecPools = kecCodes.map((_, k) => {
    const kels = kelCodes
      .map((_, l) => l)
      .filter((l) => kelKec[l] === k)
      .sort((a, b) => Number(hasUnselected[a]) - Number(hasUnselected[b]) || a - b);
    return new Pool(
      [
        ...(polri.kec[k] ?? []),
        ...kels.flatMap((l) => (polri.kel[l] ?? []).filter((u) => (left[u] ?? 0) > 0)),
      ],
      left,
    );
  });
  groups.forEach((_, gi) => {
    if ((needLeft[gi] ?? 0) > 0)
      give(gi, 'polri', kecPools[kelKec[groupKel[gi] ?? 0] ?? 0] ?? new Pool([], left), 1);
  });
  const floatPool = new Pool(polri.floating, left);
  groups.forEach((_, gi) => {
    if ((needLeft[gi] ?? 0) > 0) give(gi, 'polri', floatPool, 2);
  });
  const loans: Map<string, number> = new Map();
  groups.forEach((g, gi) => {
    const k = kelKec[groupKel[gi] ?? 0] ?? 0;
    for (let d = 1; (needLeft[gi] ?? 0) > 0 && d < kecCodes.length; d++) {
      for (const other of [k - d, k + d]) {
        const pool = kecPools[other];
        if (pool === undefined || pool.empty) continue;
        const before = assignments.length;
        give(gi, 'polri', pool, 3);
        const lent = assignments.slice(before).reduce((s, a) => s + a.count, 0);
        if (lent === 0) continue;
        const key = `${kecCodes[other] ?? ''}>${g.kodeKecamatan}`;
        loans.set(key, (loans.get(key) ?? 0) + lent);
      }
    }
  });
  // (4) Leftover officers of a kelurahan stand at its uncovered groups (no travel).
  groups.forEach((_, gi) => {
    if (!selected[gi]) {
      needLeft[gi] = groups[gi]?.polri ?? 0;
      give(gi, 'polri', kelPools[groupKel[gi] ?? 0] ?? new Pool([], left), 0);
    }
  });
  groups.forEach((g, gi) => {
    state.covered[groupOffset + gi] = (state.polri[groupOffset + gi] ?? 0) >= g.polri;
  });

  // Linmas: kelurahan Linmas serve only their kelurahan; then the kecamatan's, then the kab/kota's.
  const linmas = pools('linmas');
  const byPriority = groups
    .map((g, i) => i)
    .sort(
      (a, b) =>
        PRIORITY_INDEX[groups[a]?.kategori ?? 'kurang_rawan'] -
          PRIORITY_INDEX[groups[b]?.kategori ?? 'kurang_rawan'] || a - b,
    );
  const linmasKel = linmas.kel.map((list) => new Pool(list, left));
  const linmasKec = linmas.kec.map((list) => new Pool(list, left));
  const linmasFloat = new Pool(linmas.floating, left);
  for (const gi of byPriority) give(gi, 'linmas', linmasKel[groupKel[gi] ?? 0] ?? new Pool([], left), 0);
  for (const gi of byPriority)
    give(gi, 'linmas', linmasKec[kelKec[groupKel[gi] ?? 0] ?? 0] ?? new Pool([], left), 1);
  for (const gi of byPriority) give(gi, 'linmas', linmasFloat, 2);

  // TNI (tiga pilar): one Babinsa per kelurahan with TPS, most vulnerable kelurahan first.
  const kelurahanAssignments: KelurahanAssignment[] = [];
  const tni = pools('tni');
  const bestPriority = kelCodes.map(() => PRIORITAS.length);
  groups.forEach((g, gi) => {
    const l = groupKel[gi] ?? 0;
    bestPriority[l] = Math.min(bestPriority[l] ?? 0, PRIORITY_INDEX[g.kategori]);
  });
  const kelOrder = kelCodes
    .map((_, l) => l)
    .filter((l) => (bestPriority[l] ?? 0) < PRIORITAS.length)
    .sort((a, b) => (bestPriority[a] ?? 0) - (bestPriority[b] ?? 0) || a - b);
  const tniLeft = kelCodes.map(() => TNI_PER_KELURAHAN);
  const placeTni = (l: number, pool: Pool, cost: number): void => {
    const want = tniLeft[l] ?? 0;
    if (want <= 0) return;
    tniLeft[l] =
      want -
      pool.draw(want, (u, n) =>
        kelurahanAssignments.push({
          kodeKelurahan: kelCodes[l] ?? '',
          unitId: units[u]?.id ?? '',
          count: n,
          travelCost: cost,
        }),
      );
  };
  const tniKel = tni.kel.map((list) => new Pool(list, left));
  const tniKec = tni.kec.map((list) => new Pool(list, left));
  const tniFloat = new Pool(tni.floating, left);
  for (const l of kelOrder) placeTni(l, tniKel[l] ?? new Pool([], left), 0);
  for (const l of kelOrder) placeTni(l, tniKec[kelKec[l] ?? 0] ?? new Pool([], left), 1);
  for (const l of kelOrder) placeTni(l, tniFloat, 2);

  const leftover: ReserveAllocation[] = [];
  units.forEach((u, i) => {
    const n = left[i] ?? 0;
    if (n > 0)
      leftover.push({
        ring: 'sisa',
        kodeKabKota,
        kodeKecamatan: u.homeKecamatan,
        unitId: u.id,
        kind: u.kind,
        count: n,
      });
  });

  return {
    assignments,
    kelurahanAssignments,
    leftover,
    suggestions: suggest(kodeKabKota, groups, state, groupOffset, loans),
  };
}

/**
 * Chooses `quota` groups of one partially coverable category: greedy by marginal travel (ties to
 * the lower kelurahan code), then pairwise swaps between kelurahan while they lower travel.
 */
function selectPartial(
  p: number,
  need: number,
  quota: number,
  byKelCat: readonly (readonly (readonly number[])[])[],
  selected: boolean[],
  travel: TravelState,
): void {
  const lists = byKelCat.map((cats) => cats[p] ?? []);
  const taken = lists.map(() => 0);
  const candidates = lists.flatMap((list, l) => (list.length > 0 ? [l] : []));
  for (let pick = 0; pick < quota; pick++) {
    let best = -1;
    let bestCost = Infinity;
    for (const l of candidates) {
      if ((taken[l] ?? 0) >= (lists[l]?.length ?? 0)) continue;
      const c = travel.costWith([[l, need]]);
      if (c < bestCost) {
        bestCost = c;
        best = l;
      }
    }
    if (best < 0) break;
    taken[best] = (taken[best] ?? 0) + 1;
    travel.add(best, need);
  }
  let budget = SWAP_BUDGET;
  let improved = true;
  while (improved && budget > 0) {
    improved = false;
    let current = travel.cost();
    for (const a of candidates) {
      if ((taken[a] ?? 0) === 0) continue;
      for (const b of candidates) {
        if (b === a || (taken[b] ?? 0) >= (lists[b]?.length ?? 0)) continue;
        if (--budget < 0) break;
        const c = travel.costWith([
          [a, -need],
          [b, need],
        ]);
        if (c < current) {
          travel.add(a, -need);
          travel.add(b, need);
          taken[a] = (taken[a] ?? 0) - 1;
          taken[b] = (taken[b] ?? 0) + 1;
          current = c;
          improved = true;
          if ((taken[a] ?? 0) === 0) break;
        }
      }
    }
  }
  lists.forEach((list, l) => {
    for (let i = 0; i < (taken[l] ?? 0); i++) selected[list[i] ?? 0] = true;
  });
}

function suggest(
  kodeKabKota: string,
  groups: readonly KelompokTps[],
  state: { polri: number[]; covered: boolean[] },
  offset: number,
  loans: ReadonlyMap<string, number>,
): Suggestion[] {
  const suggestions: Suggestion[] = [];
  let shortfall = 0;
  let uncovered = 0;
  const kurangRawanOpen = new Map<string, number>();
  groups.forEach((g, i) => {
    shortfall += g.polri - (state.polri[offset + i] ?? 0);
    if (state.covered[offset + i] === true) return;
    uncovered++;
    if (g.kategori === 'kurang_rawan')
      kurangRawanOpen.set(g.kodeKecamatan, (kurangRawanOpen.get(g.kodeKecamatan) ?? 0) + 1);
  });
  if (shortfall > 0) {
    suggestions.push({
      code: 'minta_bko',
      message: `Kab/kota ${kodeKabKota} kekurangan ${shortfall} personel Polri untuk ${uncovered} kelompok TPS: ajukan BKO dari Polda atau lepaskan sebagian cadangan.`,
      kodeKabKota,
      kodeKecamatan: null,
      fromKecamatan: null,
      count: shortfall,
    });
  }
  for (const key of [...loans.keys()].sort(cmp)) {
    const count = loans.get(key) ?? 0;
    const [from = '', to = ''] = key.split('>');
    if (count <= 0) continue;
    suggestions.push({
      code: 'rebalance',
      message: `Polsek kecamatan ${from} berlebih dan kecamatan ${to} kurang: ${count} personel digeser (BKO antar-Polsek).`,
      kodeKabKota,
      kodeKecamatan: to,
      fromKecamatan: from,
      count,
    });
  }
  for (const kec of [...kurangRawanOpen.keys()].sort(cmp)) {
    const count = kurangRawanOpen.get(kec) ?? 0;
    suggestions.push({
      code: 'patroli_mobile',
      message: `${count} kelompok TPS ${labelKategori('kurang_rawan')} di kecamatan ${kec} tanpa personel tetap: amankan dengan patroli mobile (ring 3).`,
      kodeKabKota,
      kodeKecamatan: kec,
      fromKecamatan: null,
      count,
    });
  }
  return suggestions;
}

const zeroByKategori = (): Record<Kategori, number> => ({
  kurang_rawan: 0,
  rawan: 0,
  sangat_rawan: 0,
  khusus: 0,
});
const coverage = (required: number, assigned: number): Coverage => ({
  required,
  assigned,
  shortfall: required - assigned,
});

/** Plans voting-day security for every kab/kota of the input; same input, same plan. */
export function planPengamanan(input: PengamananInput): Plan {
  const prepared = preparePengamanan(input);
  const { groups } = prepared;
  const state = {
    polri: groups.map(() => 0),
    linmas: groups.map(() => 0),
    covered: groups.map(() => false),
  };
  const unitsByKab = groupBy(prepared.units, (u) => u.kodeKabKota ?? '');
  const reserves = [...prepared.reserves];
  for (const u of unitsByKab.get('') ?? []) {
    if (u.capacity > 0)
      reserves.push({
        ring: 'cadangan_polda',
        kodeKabKota: null,
        kodeKecamatan: null,
        unitId: u.id,
        kind: u.kind,
        count: u.capacity,
      });
  }
  const kabCodes = [...new Set([...groups.map((g) => g.kodeKecamatan.slice(0, 4)), ...unitsByKab.keys()])]
    .filter((k) => k !== '')
    .sort(cmp);
  const assignments: Assignment[] = [];
  const kelurahanAssignments: KelurahanAssignment[] = [];
  const suggestions: Suggestion[] = [];
  let start = 0;
  for (const kab of kabCodes) {
    let end = start;
    while (end < groups.length && groups[end]?.kodeKecamatan.startsWith(kab) === true) end++;
    const result = planKabKota(kab, groups.slice(start, end), unitsByKab.get(kab) ?? [], state, start);
    assignments.push(...result.assignments);
    kelurahanAssignments.push(...result.kelurahanAssignments);
    reserves.push(...result.leftover);
    suggestions.push(...result.suggestions);
    start = end;
  }

  const planGroups: PlanGroup[] = groups.map((g, i) => ({
    ...g,
    polriAssigned: state.polri[i] ?? 0,
    linmasAssigned: state.linmas[i] ?? 0,
    covered: state.covered[i] ?? false,
  }));
  const tniByKel = new Map<string, number>();
  for (const a of kelurahanAssignments)
    tniByKel.set(a.kodeKelurahan, (tniByKel.get(a.kodeKelurahan) ?? 0) + a.count);
  const byKec = new Map<string, KecamatanCoverage>();
  const seenKel = new Set<string>();
  for (const g of planGroups) {
    let c = byKec.get(g.kodeKecamatan);
    if (c === undefined) {
      c = {
        kodeKecamatan: g.kodeKecamatan,
        kelompok: 0,
        kelompokTerjaga: 0,
        polri: coverage(0, 0),
        linmas: coverage(0, 0),
        tni: coverage(0, 0),
      };
      byKec.set(g.kodeKecamatan, c);
    }
    c.kelompok++;
    if (g.covered) c.kelompokTerjaga++;
    c.polri = coverage(c.polri.required + g.polri, c.polri.assigned + g.polriAssigned);
    c.linmas = coverage(c.linmas.required + g.linmas, c.linmas.assigned + g.linmasAssigned);
    if (!seenKel.has(g.kodeKelurahan)) {
      seenKel.add(g.kodeKelurahan);
      c.tni = coverage(
        c.tni.required + TNI_PER_KELURAHAN,
        c.tni.assigned + (tniByKel.get(g.kodeKelurahan) ?? 0),
      );
    }
  }
  const totalOf = (rows: readonly KecamatanCoverage[], pick: (c: KecamatanCoverage) => Coverage): Coverage =>
    rows.reduce(
      (s, c) => coverage(s.required + pick(c).required, s.assigned + pick(c).assigned),
      coverage(0, 0),
    );
  const tpsRows = [...byKec.values()];
  const coverageTps = {
    polri: totalOf(tpsRows, (c) => c.polri),
    linmas: totalOf(tpsRows, (c) => c.linmas),
    tni: totalOf(tpsRows, (c) => c.tni),
  };
  // Other duties count in their kecamatan (a kab/kota-wide duty only in the totals). Assigned
  // personnel beyond a duty's need do not lower the shortfall of another.
  const tugas = cakupanTugas(prepared.units, prepared.tugas, prepared.penugasanTugas);
  const kabWide: KecamatanCoverage = {
    kodeKecamatan: '',
    kelompok: 0,
    kelompokTerjaga: 0,
    polri: coverage(0, 0),
    linmas: coverage(0, 0),
    tni: coverage(0, 0),
  };
  const capped = (c: { required: number; assigned: number }) => Math.min(c.required, c.assigned);
  // A nation holds about a million duties: each place is resolved to its kecamatan once and the
  // sums are written once per kecamatan, not a new Coverage per duty.
  const tempat = new Map<string, KecamatanCoverage>();
  const jumlah = new Map<KecamatanCoverage, [number, number, number, number, number, number]>();
  for (const t of tugas) {
    let c = tempat.get(t.kodeWilayah);
    if (c === undefined) {
      c = kabWide;
      if (t.kodeWilayah.length >= 6) {
        const kec = t.kodeWilayah.slice(0, 6);
        c = byKec.get(kec) ?? {
          kodeKecamatan: kec,
          kelompok: 0,
          kelompokTerjaga: 0,
          polri: coverage(0, 0),
          linmas: coverage(0, 0),
          tni: coverage(0, 0),
        };
        byKec.set(kec, c);
      }
      tempat.set(t.kodeWilayah, c);
    }
    let sum = jumlah.get(c);
    if (sum === undefined) {
      sum = [0, 0, 0, 0, 0, 0];
      jumlah.set(c, sum);
    }
    sum[0] += t.polri.required;
    sum[1] += capped(t.polri);
    sum[2] += t.linmas.required;
    sum[3] += capped(t.linmas);
    sum[4] += t.tni.required;
    sum[5] += capped(t.tni);
  }
  for (const [c, [pr, pa, lr, la, tr, ta]] of jumlah) {
    c.polri = coverage(c.polri.required + pr, c.polri.assigned + pa);
    c.linmas = coverage(c.linmas.required + lr, c.linmas.assigned + la);
    c.tni = coverage(c.tni.required + tr, c.tni.assigned + ta);
  }
  const coverageByKecamatan = [...byKec.values()].sort((a, b) => cmp(a.kodeKecamatan, b.kodeKecamatan));
  const total = (pick: (c: KecamatanCoverage) => Coverage): Coverage =>
    totalOf([...coverageByKecamatan, kabWide], pick);

  const forceOf = new Map(prepared.units.map((u) => [u.id, u.force]));
  const byForce = new Map<Force, ForceCoverage>(
    FORCES.map((force) => [force, { force, available: 0, assigned: 0, reserved: 0, idle: 0 }]),
  );
  const tally = (unitId: string, field: 'assigned' | 'reserved' | 'idle', n: number): void => {
    const f = byForce.get(forceOf.get(unitId) ?? 'polres');
    if (f === undefined) return;
    f[field] += n;
    f.available += n;
  };
  for (const a of assignments) tally(a.unitId, 'assigned', a.count);
  for (const a of kelurahanAssignments) tally(a.unitId, 'assigned', a.count);
  for (const r of reserves) tally(r.unitId, r.ring === 'sisa' ? 'idle' : 'reserved', r.count);
  // Voting-day personnel on other duties (a leg or an event on another day leaves them free for the TPS).
  for (const u of prepared.units) if (u.onDuty > 0) tally(u.id, 'assigned', u.onDuty);

  const objective: PlanObjective = {
    coveredByKategori: zeroByKategori(),
    kelompokByKategori: zeroByKategori(),
    travelCost: assignments.reduce((s, a) => s + (a.kind === 'polri' ? a.count * a.travelCost : 0), 0),
    polriShortfall: 0,
  };
  for (const g of planGroups) {
    objective.kelompokByKategori[g.kategori]++;
    if (g.covered) objective.coveredByKategori[g.kategori]++;
    objective.polriShortfall += g.polri - g.polriAssigned;
  }
  const codeOrder: Record<SuggestionCode, number> = { minta_bko: 0, rebalance: 1, patroli_mobile: 2 };
  const onDutyByKind: Record<PersonnelKind, number> = { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
  for (const u of prepared.units) onDutyByKind[u.kind] += u.onDuty;
  return {
    groups: planGroups,
    assignments,
    kelurahanAssignments,
    reserves,
    coverageByKecamatan,
    coverageByKind: {
      polri: total((c) => c.polri),
      linmas: total((c) => c.linmas),
      tni: total((c) => c.tni),
    },
    coverageTps,
    coverageByForce: [...byForce.values()].filter((f) => f.available > 0),
    uncovered: planGroups
      .filter((g) => !g.covered)
      .sort((a, b) => PRIORITY_INDEX[a.kategori] - PRIORITY_INDEX[b.kategori] || cmp(a.id, b.id))
      .map((g) => ({
        groupId: g.id,
        kodeKecamatan: g.kodeKecamatan,
        kategori: g.kategori,
        polriShortfall: g.polri - g.polriAssigned,
      })),
    suggestions: suggestions.sort(
      (a, b) =>
        codeOrder[a.code] - codeOrder[b.code] ||
        cmp(a.kodeKabKota, b.kodeKabKota) ||
        cmp(a.kodeKecamatan ?? '', b.kodeKecamatan ?? '') ||
        cmp(a.fromKecamatan ?? '', b.fromKecamatan ?? ''),
    ),
    objective,
    problems: prepared.problems,
    tugas,
    penugasanTugas: prepared.penugasanTugas,
    bentrok: prepared.bentrok,
    onDutyByKind,
  };
}

export type WhatIf =
  | {
      kind: 'tambah_bko';
      count: number;
      force: Force;
      homeKabKota?: string | null;
      homeKecamatan?: string | null;
    }
  | { kind: 'ubah_kategori'; tpsId: string; kategori: Kategori }
  | { kind: 'tarik_unit'; unitId: string };

const KIND_OF_FORCE: Record<Force, PersonnelKind> = {
  polres: 'polri',
  polsek: 'polri',
  bko_polda: 'polri',
  brimob: 'polri',
  kodim: 'tni',
  koramil: 'tni',
  lanal: 'tni',
  satpol_pp: 'satpol_pp',
  linmas: 'linmas',
};

/** The input after a scenario change (pure): plan both and compare them with comparePlans. */
export function applyWhatIf(input: PengamananInput, change: WhatIf): PengamananInput {
  switch (change.kind) {
    case 'tambah_bko': {
      const n = input.units.filter((u) => u.id.startsWith('whatif-bko-')).length + 1;
      const unit: UnitPengamanan = {
        id: `whatif-bko-${n}`,
        force: change.force,
        kind: KIND_OF_FORCE[change.force],
        count: change.count,
        homeKecamatan: change.homeKecamatan ?? null,
        homeKabKota: change.homeKabKota ?? null,
        available: true,
      };
      return { ...input, units: [...input.units, unit] };
    }
    case 'ubah_kategori':
      return {
        ...input,
        tps: input.tps.map((t) => (t.id === change.tpsId ? { ...t, kategori: change.kategori } : t)),
      };
    case 'tarik_unit':
      return {
        ...input,
        units: input.units.map((u) => (u.id === change.unitId ? { ...u, available: false } : u)),
      };
  }
}

export interface KecamatanDelta {
  kodeKecamatan: string;
  kelompokTerjaga: { before: number; after: number; delta: number };
  polriShortfall: { before: number; after: number; delta: number };
  linmasShortfall: { before: number; after: number; delta: number };
}

/** Per-kecamatan change in covered groups and shortfall from plan `a` to plan `b`, with the total. */
export function comparePlans(
  a: Plan,
  b: Plan,
): { kecamatan: KecamatanDelta[]; total: Omit<KecamatanDelta, 'kodeKecamatan'> } {
  const before = new Map(a.coverageByKecamatan.map((c) => [c.kodeKecamatan, c]));
  const after = new Map(b.coverageByKecamatan.map((c) => [c.kodeKecamatan, c]));
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort(cmp);
  const delta = (x: number, y: number) => ({ before: x, after: y, delta: y - x });
  const kecamatan = codes.map((kode) => {
    const x = before.get(kode);
    const y = after.get(kode);
    return {
      kodeKecamatan: kode,
      kelompokTerjaga: delta(x?.kelompokTerjaga ?? 0, y?.kelompokTerjaga ?? 0),
      polriShortfall: delta(x?.polri.shortfall ?? 0, y?.polri.shortfall ?? 0),
      linmasShortfall: delta(x?.linmas.shortfall ?? 0, y?.linmas.shortfall ?? 0),
    };
  });
  const sum = (pick: (d: KecamatanDelta) => { before: number; after: number }) =>
    delta(
      kecamatan.reduce((s, d) => s + pick(d).before, 0),
      kecamatan.reduce((s, d) => s + pick(d).after, 0),
    );
  return {
    kecamatan,
    total: {
      kelompokTerjaga: sum((d) => d.kelompokTerjaga),
      polriShortfall: sum((d) => d.polriShortfall),
      linmasShortfall: sum((d) => d.linmasShortfall),
    },
  };
}
