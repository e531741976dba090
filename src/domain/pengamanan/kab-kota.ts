/**
 * One kab/kota's plan, in the steps of the objective in planner.ts: choose the groups to cover
 * (select.ts), staff them with Polri bottom-up (kelurahan, kecamatan, Polres-level, other kecamatan),
 * let leftover officers stand at their kelurahan's uncovered groups, then Linmas per group and TNI
 * (Babinsa) per kelurahan, and what is left joins the patrol. Units never cross kab/kota lines.
 */
import { cmp } from './lists';
import { PRIORITAS, PRIORITY_INDEX, TNI_PER_KELURAHAN, type KelompokTps } from './pola';
import type { Assignment, KelurahanAssignment, PlanState, Suggestion } from './plan';
import { Pool } from './pool';
import type { ReserveAllocation } from './reserve';
import { chooseGroups } from './select';
import { suggest } from './suggest';
import type { PersonnelKind, PreparedUnit } from './unit';

export interface KabKotaResult {
  assignments: Assignment[];
  kelurahanAssignments: KelurahanAssignment[];
  leftover: ReserveAllocation[];
  suggestions: Suggestion[];
}

/** A kab/kota being planned: its wilayah as indices and the personnel left per unit. */
interface KabKota {
  groups: readonly KelompokTps[];
  units: readonly PreparedUnit[];
  state: PlanState;
  /** Where this kab/kota's groups start in `state`. */
  offset: number;
  kelCodes: string[];
  kecCodes: string[];
  kelIndex: Map<string, number>;
  kecIndex: Map<string, number>;
  /** Each kelurahan's kecamatan index. */
  kelKec: number[];
  /** Each group's kelurahan index. */
  groupKel: number[];
  /** Personnel left per unit, shared by every Pool of the kab/kota. */
  left: number[];
  assignments: Assignment[];
}

/** Unit indices of one kind by level: per kelurahan, per kecamatan, Polres-level. */
interface Pools {
  kel: number[][];
  kec: number[][];
  floating: number[];
}

/** Plans the groups `groups` (at `groupOffset` in `state`) with the kab/kota's own units. */
export function planKabKota(
  kodeKabKota: string,
  groups: readonly KelompokTps[],
  units: readonly PreparedUnit[],
  state: PlanState,
  groupOffset: number,
): KabKotaResult {
  const k = openKabKota(groups, units, state, groupOffset);
  const polri = poolsOf(k, 'polri');
  const supply = (list: readonly number[]): number => list.reduce((s, i) => s + (k.left[i] ?? 0), 0);
  const selected = chooseGroups(groups, k.groupKel, k.kelKec, {
    kel: polri.kel.map(supply),
    kec: polri.kec.map(supply),
    floating: supply(polri.floating),
  });
  const loans = staffPolri(k, polri, selected);
  staffLinmas(k);
  const kelurahanAssignments = placeTni(k);
  return {
    assignments: k.assignments,
    kelurahanAssignments,
    leftover: leftoverOf(k, kodeKabKota),
    suggestions: suggest(kodeKabKota, groups, state, groupOffset, loans),
  };
}

/** Indexes the kelurahan and kecamatan of the groups and the units' homes, in code order. */
function openKabKota(
  groups: readonly KelompokTps[],
  units: readonly PreparedUnit[],
  state: PlanState,
  offset: number,
): KabKota {
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
  return {
    groups,
    units,
    state,
    offset,
    kelCodes,
    kecCodes,
    kelIndex,
    kecIndex,
    kelKec: kelCodes.map((k) => kecIndex.get(k.slice(0, 6)) ?? 0),
    groupKel: groups.map((g) => kelIndex.get(g.kodeKelurahan) ?? 0),
    left: units.map((u) => u.capacity),
    assignments: [],
  };
}

/** The kab/kota's units of one kind with personnel, by level. */
function poolsOf(k: KabKota, kind: PersonnelKind): Pools {
  const kel: number[][] = k.kelCodes.map(() => []);
  const kec: number[][] = k.kecCodes.map(() => []);
  const floating: number[] = [];
  k.units.forEach((u, i) => {
    if (u.kind !== kind || u.capacity <= 0) return;
    if (u.homeKodeKelurahan !== null) kel[k.kelIndex.get(u.homeKodeKelurahan) ?? -1]?.push(i);
    else if (u.homeKecamatan !== null) kec[k.kecIndex.get(u.homeKecamatan) ?? -1]?.push(i);
    else floating.push(i);
  });
  return { kel, kec, floating };
}

/** Draws up to `want` personnel of `kind` from `pool` to group `gi` at `cost` per person. */
function draw(k: KabKota, gi: number, kind: PersonnelKind, want: number, pool: Pool, cost: number): number {
  const g = k.groups[gi];
  if (g === undefined || want <= 0) return 0;
  return pool.draw(want, (u, n) => {
    k.assignments.push({ groupId: g.id, unitId: k.units[u]?.id ?? '', kind, count: n, travelCost: cost });
  });
}

/** Gives group `gi` Polri from `pool` up to what it still needs; returns how many it got. */
function givePolri(k: KabKota, gi: number, needLeft: number[], pool: Pool, cost: number): number {
  const got = draw(k, gi, 'polri', needLeft[gi] ?? 0, pool, cost);
  needLeft[gi] = (needLeft[gi] ?? 0) - got;
  k.state.polri[k.offset + gi] = (k.state.polri[k.offset + gi] ?? 0) + got;
  return got;
}

function giveLinmas(k: KabKota, gi: number, pool: Pool, cost: number): void {
  const want = (k.groups[gi]?.linmas ?? 0) - (k.state.linmas[k.offset + gi] ?? 0);
  const got = draw(k, gi, 'linmas', want, pool, cost);
  k.state.linmas[k.offset + gi] = (k.state.linmas[k.offset + gi] ?? 0) + got;
}

/**
 * (3) Bottom-up matching of the chosen groups: own kelurahan, own kecamatan, Polres-level units,
 * then the nearest other kecamatan (a loan between Polsek). (4) Leftover officers of a kelurahan
 * stand at its uncovered groups (no travel). Returns the loans by "from>to" kecamatan.
 */
function staffPolri(k: KabKota, polri: Pools, selected: readonly boolean[]): Map<string, number> {
  const { groups, groupKel, kelKec } = k;
  const none = new Pool([], k.left);
  const needLeft = groups.map((g, i) => (selected[i] ? g.polri : 0));
  const kelPools = polri.kel.map((list) => new Pool(list, k.left));
  groups.forEach((_, gi) => {
    if (selected[gi]) givePolri(k, gi, needLeft, kelPools[groupKel[gi] ?? 0] ?? none, 0);
  });
  const kecPools = kecamatanPools(k, polri, selected);
  groups.forEach((_, gi) => {
    if ((needLeft[gi] ?? 0) > 0)
      givePolri(k, gi, needLeft, kecPools[kelKec[groupKel[gi] ?? 0] ?? 0] ?? none, 1);
  });
  const floatPool = new Pool(polri.floating, k.left);
  groups.forEach((_, gi) => {
    if ((needLeft[gi] ?? 0) > 0) givePolri(k, gi, needLeft, floatPool, 2);
  });
  const loans = borrowAcross(k, needLeft, kecPools);
  groups.forEach((_, gi) => {
    if (!selected[gi]) {
      needLeft[gi] = groups[gi]?.polri ?? 0;
      givePolri(k, gi, needLeft, kelPools[groupKel[gi] ?? 0] ?? none, 0);
    }
  });
  groups.forEach((g, gi) => {
    k.state.covered[k.offset + gi] = (k.state.polri[k.offset + gi] ?? 0) >= g.polri;
  });
  return loans;
}

/**
 * Each kecamatan's pool after its kelurahan have served their own groups: Polsek units before other
 * kelurahan's officers, and officers of a kelurahan with uncovered groups last (they can still stand
 * there at no travel).
 */
function kecamatanPools(k: KabKota, polri: Pools, selected: readonly boolean[]): Pool[] {
  const hasUnselected = k.kelCodes.map(() => false);
  k.groupKel.forEach((l, gi) => {
    if (!selected[gi]) hasUnselected[l] = true;
  });
  return k.kecCodes.map((_, kec) => {
    const kels = k.kelCodes
      .map((_, l) => l)
      .filter((l) => k.kelKec[l] === kec)
      .sort((a, b) => Number(hasUnselected[a]) - Number(hasUnselected[b]) || a - b);
    return new Pool(
      [
        ...(polri.kec[kec] ?? []),
        ...kels.flatMap((l) => (polri.kel[l] ?? []).filter((u) => (k.left[u] ?? 0) > 0)),
      ],
      k.left,
    );
  });
}

/** Groups still short take officers of other kecamatan, nearest index first, counted as loans. */
function borrowAcross(k: KabKota, needLeft: number[], kecPools: readonly Pool[]): Map<string, number> {
  const loans = new Map<string, number>();
  k.groups.forEach((g, gi) => {
    const own = k.kelKec[k.groupKel[gi] ?? 0] ?? 0;
    for (let d = 1; (needLeft[gi] ?? 0) > 0 && d < k.kecCodes.length; d++) {
      for (const other of [own - d, own + d]) {
        const pool = kecPools[other];
        if (pool === undefined || pool.empty) continue;
        const lent = givePolri(k, gi, needLeft, pool, 3);
        if (lent === 0) continue;
        const key = `${k.kecCodes[other] ?? ''}>${g.kodeKecamatan}`;
        loans.set(key, (loans.get(key) ?? 0) + lent);
      }
    }
  });
  return loans;
}

/** Linmas: kelurahan Linmas serve only their kelurahan; then the kecamatan's, then the kab/kota's. */
function staffLinmas(k: KabKota): void {
  const { groups, groupKel, kelKec } = k;
  const none = new Pool([], k.left);
  const linmas = poolsOf(k, 'linmas');
  const byPriority = groups
    .map((g, i) => i)
    .sort(
      (a, b) =>
        PRIORITY_INDEX[groups[a]?.kategori ?? 'kurang_rawan'] -
          PRIORITY_INDEX[groups[b]?.kategori ?? 'kurang_rawan'] || a - b,
    );
  const kel = linmas.kel.map((list) => new Pool(list, k.left));
  const kec = linmas.kec.map((list) => new Pool(list, k.left));
  const floating = new Pool(linmas.floating, k.left);
  for (const gi of byPriority) giveLinmas(k, gi, kel[groupKel[gi] ?? 0] ?? none, 0);
  for (const gi of byPriority) giveLinmas(k, gi, kec[kelKec[groupKel[gi] ?? 0] ?? 0] ?? none, 1);
  for (const gi of byPriority) giveLinmas(k, gi, floating, 2);
}

/** TNI (tiga pilar): one Babinsa per kelurahan with TPS, most vulnerable kelurahan first. */
function placeTni(k: KabKota): KelurahanAssignment[] {
  const { kelCodes, kelKec } = k;
  const none = new Pool([], k.left);
  const placed: KelurahanAssignment[] = [];
  const tni = poolsOf(k, 'tni');
  const bestPriority = kelCodes.map(() => PRIORITAS.length);
  k.groups.forEach((g, gi) => {
    const l = k.groupKel[gi] ?? 0;
    bestPriority[l] = Math.min(bestPriority[l] ?? 0, PRIORITY_INDEX[g.kategori]);
  });
  const kelOrder = kelCodes
    .map((_, l) => l)
    .filter((l) => (bestPriority[l] ?? 0) < PRIORITAS.length)
    .sort((a, b) => (bestPriority[a] ?? 0) - (bestPriority[b] ?? 0) || a - b);
  const tniLeft = kelCodes.map(() => TNI_PER_KELURAHAN);
  const place = (l: number, pool: Pool, cost: number): void => {
    const want = tniLeft[l] ?? 0;
    if (want <= 0) return;
    tniLeft[l] =
      want -
      pool.draw(want, (u, n) =>
        placed.push({
          kodeKelurahan: kelCodes[l] ?? '',
          unitId: k.units[u]?.id ?? '',
          count: n,
          travelCost: cost,
        }),
      );
  };
  const kel = tni.kel.map((list) => new Pool(list, k.left));
  const kec = tni.kec.map((list) => new Pool(list, k.left));
  const floating = new Pool(tni.floating, k.left);
  for (const l of kelOrder) place(l, kel[l] ?? none, 0);
  for (const l of kelOrder) place(l, kec[kelKec[l] ?? 0] ?? none, 1);
  for (const l of kelOrder) place(l, floating, 2);
  return placed;
}

/** What no TPS took stays with its unit as ring 'sisa' (it joins the patrol of its area). */
function leftoverOf(k: KabKota, kodeKabKota: string): ReserveAllocation[] {
  const leftover: ReserveAllocation[] = [];
  k.units.forEach((u, i) => {
    const n = k.left[i] ?? 0;
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
  return leftover;
}
