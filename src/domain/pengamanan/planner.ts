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
 * Method: the ring-3/4 reserves are set aside first (ReservePolicy; prepare.ts, reserve.ts). Personnel
 * of one kab/kota can serve any of its groups, so (1)-(2) are met exactly by counting: each category
 * in priority order covers as many groups as the remaining Polri allow (select.ts). Travel is a tree
 * metric (kelurahan ⊂ kecamatan ⊂ kab/kota), so for a fixed set of covered groups, matching bottom-up
 * (kelurahan, then kecamatan, then Polres units, then other kecamatan) is optimal and its cost has a
 * closed form (travel.ts; the matching in kab-kota.ts). Only the choice of which groups of a partially
 * covered category to cover is heuristic: greedy by marginal travel, then pairwise swaps while they
 * lower travel. O(n log n) overall; exact.ts states the same objective as a MILP for checking.
 *
 * The parts: unit.ts (forces and units), prepare.ts (input checked, duties and reserves taken out),
 * reserve.ts (rings 3-4), select.ts and travel.ts (which groups), pool.ts and kab-kota.ts (who stands
 * where), suggest.ts (advice), coverage.ts (shortfall and objective), plan.ts (the answer's shape),
 * what-if.ts (scenarios). This file runs them over every kab/kota and re-exports what a caller of
 * planPengamanan needs, so the planner's tests and callers need one import.
 */
import { planKabKota, type KabKotaResult } from './kab-kota';
import { groupBy, cmp } from './lists';
import type { KelompokTps } from './pola';
import type { Plan, PlanGroup, PlanState } from './plan';
import { preparePengamanan, type PengamananInput } from './prepare';
import type { ReserveAllocation } from './reserve';
import { sortSuggestions } from './suggest';
import { cakupanTugas } from './cakupan-tugas';
import type { PreparedUnit } from './unit';
import {
  addTugasCoverage,
  byKodeKecamatan,
  coverageByForce,
  coverageOfGroups,
  objectiveOf,
  onDutyByKind,
  totalByKind,
  uncoveredOf,
} from './coverage';

export type * from './plan';
export {
  preparePengamanan,
  type PengamananInput,
  type PlanProblem,
  type PreparedPengamanan,
} from './prepare';
export type { ReserveAllocation, Ring } from './reserve';
export { FORCES, type Force, type PersonnelKind, type PreparedUnit, type UnitPengamanan } from './unit';
export { travelCost } from './travel';
export { applyWhatIf, comparePlans, type KecamatanDelta, type WhatIf } from './what-if';

/** Plans voting-day security for every kab/kota of the input; same input, same plan. */
export function planPengamanan(input: PengamananInput): Plan {
  const prepared = preparePengamanan(input);
  const { groups } = prepared;
  const state: PlanState = {
    polri: groups.map(() => 0),
    linmas: groups.map(() => 0),
    covered: groups.map(() => false),
  };
  const unitsByKab = groupBy(prepared.units, (u) => u.kodeKabKota ?? '');
  const perKab = planEveryKabKota(groups, unitsByKab, state);
  const reserves = [...prepared.reserves, ...atPolda(unitsByKab.get('') ?? []), ...perKab.leftover];
  const planGroups: PlanGroup[] = groups.map((g, i) => ({
    ...g,
    polriAssigned: state.polri[i] ?? 0,
    linmasAssigned: state.linmas[i] ?? 0,
    covered: state.covered[i] ?? false,
  }));
  const byKec = coverageOfGroups(planGroups, perKab.kelurahanAssignments);
  const coverageTps = totalByKind([...byKec.values()]);
  // Other duties count in their kecamatan (a kab/kota-wide duty only in the totals).
  const tugas = cakupanTugas(prepared.units, prepared.tugas, prepared.penugasanTugas);
  const kabWide = addTugasCoverage(byKec, tugas);
  const coverageByKecamatan = byKodeKecamatan(byKec.values());
  return {
    groups: planGroups,
    assignments: perKab.assignments,
    kelurahanAssignments: perKab.kelurahanAssignments,
    reserves,
    coverageByKecamatan,
    coverageByKind: totalByKind([...coverageByKecamatan, kabWide]),
    coverageTps,
    coverageByForce: coverageByForce(
      prepared.units,
      perKab.assignments,
      perKab.kelurahanAssignments,
      reserves,
    ),
    uncovered: uncoveredOf(planGroups),
    suggestions: sortSuggestions(perKab.suggestions),
    objective: objectiveOf(planGroups, perKab.assignments),
    problems: prepared.problems,
    tugas,
    penugasanTugas: prepared.penugasanTugas,
    bentrok: prepared.bentrok,
    onDutyByKind: onDutyByKind(prepared.units),
  };
}

/** Units of no kab/kota (Polres-level, the input spanning several) stay with Polda. */
function atPolda(units: readonly PreparedUnit[]): ReserveAllocation[] {
  return units
    .filter((u) => u.capacity > 0)
    .map((u) => ({
      ring: 'cadangan_polda',
      kodeKabKota: null,
      kodeKecamatan: null,
      unitId: u.id,
      kind: u.kind,
      count: u.capacity,
    }));
}

/**
 * Plans each kab/kota of the groups or the units, in code order; the groups come sorted by
 * kecamatan (kelompokkanTps), so each kab/kota's groups are one run of them.
 */
function planEveryKabKota(
  groups: readonly KelompokTps[],
  unitsByKab: ReadonlyMap<string, PreparedUnit[]>,
  state: PlanState,
): KabKotaResult {
  const kabCodes = [...new Set([...groups.map((g) => g.kodeKecamatan.slice(0, 4)), ...unitsByKab.keys()])]
    .filter((k) => k !== '')
    .sort(cmp);
  const all: KabKotaResult = { assignments: [], kelurahanAssignments: [], leftover: [], suggestions: [] };
  let start = 0;
  for (const kab of kabCodes) {
    let end = start;
    while (end < groups.length && groups[end]?.kodeKecamatan.startsWith(kab) === true) end++;
    const result = planKabKota(kab, groups.slice(start, end), unitsByKab.get(kab) ?? [], state, start);
    all.assignments.push(...result.assignments);
    all.kelurahanAssignments.push(...result.kelurahanAssignments);
    all.leftover.push(...result.leftover);
    all.suggestions.push(...result.suggestions);
    start = end;
  }
  return all;
}
