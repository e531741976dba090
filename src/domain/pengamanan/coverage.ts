/**
 * Coverage and shortfall (required − assigned) of a plan: per kecamatan for the TPS (Polri and Linmas
 * per group, TNI once per kelurahan with TPS) and for the other duties, in total, per force, and the
 * objective's figures. Pure sums over what the kab/kota planners placed.
 */
import { FORCES, type Force, type PersonnelKind, type PreparedUnit } from './unit';
import { PRIORITY_INDEX, TNI_PER_KELURAHAN } from './pola';
import type {
  Assignment,
  Coverage,
  ForceCoverage,
  KecamatanCoverage,
  KelurahanAssignment,
  Plan,
  PlanGroup,
  PlanObjective,
} from './plan';
import type { Kategori } from '../kerawanan/score-tps';
import { cmp } from './lists';
import type { ReserveAllocation } from './reserve';
import type { CakupanTugas } from './cakupan-tugas';

export const coverage = (required: number, assigned: number): Coverage => ({
  required,
  assigned,
  shortfall: required - assigned,
});

const emptyKecamatan = (kodeKecamatan: string): KecamatanCoverage => ({
  kodeKecamatan,
  kelompok: 0,
  kelompokTerjaga: 0,
  polri: coverage(0, 0),
  linmas: coverage(0, 0),
  tni: coverage(0, 0),
});

/** The TPS's coverage per kecamatan, in the groups' order. */
export function coverageOfGroups(
  groups: readonly PlanGroup[],
  kelurahanAssignments: readonly KelurahanAssignment[],
): Map<string, KecamatanCoverage> {
  const tniByKel = new Map<string, number>();
  for (const a of kelurahanAssignments)
    tniByKel.set(a.kodeKelurahan, (tniByKel.get(a.kodeKelurahan) ?? 0) + a.count);
  const byKec = new Map<string, KecamatanCoverage>();
  const seenKel = new Set<string>();
  for (const g of groups) {
    let c = byKec.get(g.kodeKecamatan);
    if (c === undefined) {
      c = emptyKecamatan(g.kodeKecamatan);
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
  return byKec;
}

/** The sum of the rows' Polri, Linmas and TNI coverage. */
export function totalByKind(rows: readonly KecamatanCoverage[]): Plan['coverageTps'] {
  const totalOf = (pick: (c: KecamatanCoverage) => Coverage): Coverage =>
    rows.reduce(
      (s, c) => coverage(s.required + pick(c).required, s.assigned + pick(c).assigned),
      coverage(0, 0),
    );
  return { polri: totalOf((c) => c.polri), linmas: totalOf((c) => c.linmas), tni: totalOf((c) => c.tni) };
}

/**
 * Adds the other duties to `byKec` in their kecamatan (a new row where the kecamatan has no TPS) and
 * returns the kab/kota-wide duties' row, which counts only in the totals. Assigned personnel beyond a
 * duty's need do not lower the shortfall of another.
 */
export function addTugasCoverage(
  byKec: Map<string, KecamatanCoverage>,
  tugas: readonly CakupanTugas[],
): KecamatanCoverage {
  const kabWide = emptyKecamatan('');
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
        c = byKec.get(kec) ?? emptyKecamatan(kec);
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
  return kabWide;
}

/** The rows in kecamatan code order. */
export const byKodeKecamatan = (rows: Iterable<KecamatanCoverage>): KecamatanCoverage[] =>
  [...rows].sort((a, b) => cmp(a.kodeKecamatan, b.kodeKecamatan));

/** Each force's personnel: at a TPS or on another duty, in a ring, or left over; forces with none left out. */
export function coverageByForce(
  units: readonly PreparedUnit[],
  assignments: readonly Assignment[],
  kelurahanAssignments: readonly KelurahanAssignment[],
  reserves: readonly ReserveAllocation[],
): ForceCoverage[] {
  const forceOf = new Map(units.map((u) => [u.id, u.force]));
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
  for (const u of units) if (u.onDuty > 0) tally(u.id, 'assigned', u.onDuty);
  return [...byForce.values()].filter((f) => f.available > 0);
}

const zeroByKategori = (): Record<Kategori, number> => ({
  kurang_rawan: 0,
  rawan: 0,
  sangat_rawan: 0,
  khusus: 0,
});

/** The objective's figures: groups covered per category, Polri travel and shortfall. */
export function objectiveOf(groups: readonly PlanGroup[], assignments: readonly Assignment[]): PlanObjective {
  const objective: PlanObjective = {
    coveredByKategori: zeroByKategori(),
    kelompokByKategori: zeroByKategori(),
    travelCost: assignments.reduce((s, a) => s + (a.kind === 'polri' ? a.count * a.travelCost : 0), 0),
    polriShortfall: 0,
  };
  for (const g of groups) {
    objective.kelompokByKategori[g.kategori]++;
    if (g.covered) objective.coveredByKategori[g.kategori]++;
    objective.polriShortfall += g.polri - g.polriAssigned;
  }
  return objective;
}

/** The groups left uncovered, most vulnerable first, with their Polri shortfall. */
export function uncoveredOf(groups: readonly PlanGroup[]): Plan['uncovered'] {
  return groups
    .filter((g) => !g.covered)
    .sort((a, b) => PRIORITY_INDEX[a.kategori] - PRIORITY_INDEX[b.kategori] || cmp(a.id, b.id))
    .map((g) => ({
      groupId: g.id,
      kodeKecamatan: g.kodeKecamatan,
      kategori: g.kategori,
      polriShortfall: g.polri - g.polriAssigned,
    }));
}

/** Personnel on other duties during the TPS window, by kind. */
export function onDutyByKind(units: readonly PreparedUnit[]): Record<PersonnelKind, number> {
  const byKind: Record<PersonnelKind, number> = { polri: 0, tni: 0, linmas: 0, satpol_pp: 0 };
  for (const u of units) byKind[u.kind] += u.onDuty;
  return byKind;
}
