/**
 * The planner's objective as an exact MILP in CPLEX-LP text, for checking the greedy on small
 * instances with any MILP solver (the bench uses HiGHS). Pure: the domain never runs a solver.
 *
 * Same preparation as the planner (groups, reserves set aside). Variables: y_g ∈ {0,1} (group g fully
 * staffed), x_u_g ∈ ℤ≥0 (officers of unit u at group g, same kab/kota only). Constraints: a unit gives
 * at most its capacity; a group gets at most its requirement R_g; Σ_u x_u_g ≥ R_g·y_g.
 * The lexicographic objective becomes one weighted sum to minimise:
 *   Σ_p W_p·(uncovered groups of priority p) + W_t·travel + shortfall,
 * with shortfall = Σ_g R_g − Σ x ≤ ΣR, travel ≤ 3·ΣR, W_t = ΣR + 1 (travel outranks shortfall), the
 * lowest priority's W = W_t·3·ΣR + ΣR + 1 and each higher W_p greater than everything below it
 * (W_p = W_q·(n_q + 1) + … ), so no trade across levels can pay off.
 */
import type { Kategori } from '../kerawanan/score-tps';
import { PRIORITAS } from './pola';
import type { PlanObjective } from './plan';
import { preparePengamanan, type PengamananInput } from './prepare';
import { travelCost } from './travel';

export interface ExactObjective {
  coveredByKategori: Record<Kategori, number>;
  travelCost: number;
  polriShortfall: number;
  /** The weighted objective (lower is better), comparable between the MILP and the greedy. */
  value: number;
  /** W_t·travel + shortfall: the part below coverage, where the greedy can differ. */
  tieBreakValue: number;
}

export interface ExactModel {
  /** CPLEX-LP text of the MILP. */
  lp: string;
  weights: { byKategori: Record<Kategori, number>; travel: number; shortfall: number };
  /** The objective of a solver's column values (`{ name: { Primal } }`). */
  decode(columns: Readonly<Record<string, { Primal: number }>>): ExactObjective;
  /** The same objective for a greedy plan's figures. */
  score(objective: PlanObjective): ExactObjective;
}

const term = (coef: number, name: string): string => `${coef < 0 ? '-' : '+'} ${Math.abs(coef)} ${name}`;
const lines = (terms: readonly string[]): string => {
  const out: string[] = [];
  for (let i = 0; i < terms.length; i += 8) out.push(`  ${terms.slice(i, i + 8).join(' ')}`);
  return out.join('\n');
};

/** Builds the exact model of planPengamanan's Polri objective for a small input. */
export function buildExactModel(input: PengamananInput): ExactModel {
  const { groups, units } = preparePengamanan(input);
  const polri = units
    .map((u, i) => ({ u, i }))
    .filter(({ u }) => u.kind === 'polri' && u.capacity > 0 && u.kodeKabKota !== null);
  const totalRequired = groups.reduce((s, g) => s + g.polri, 0);
  const count: Record<Kategori, number> = { kurang_rawan: 0, rawan: 0, sangat_rawan: 0, khusus: 0 };
  for (const g of groups) count[g.kategori]++;
  const wTravel = totalRequired + 1;
  const byKategori: Record<Kategori, number> = { kurang_rawan: 0, rawan: 0, sangat_rawan: 0, khusus: 0 };
  let acc = wTravel * 3 * totalRequired + totalRequired + 1;
  for (const kategori of [...PRIORITAS].reverse()) {
    byKategori[kategori] = acc;
    acc += acc * count[kategori];
  }

  const arcs = groups.flatMap((g, gi) =>
    polri
      .filter(({ u }) => u.kodeKabKota === g.kodeKecamatan.slice(0, 4))
      .map(({ u, i }) => ({
        name: `x_${i}_${gi}`,
        unit: i,
        group: gi,
        cost: travelCost(u, g),
        upper: Math.min(u.capacity, g.polri),
      })),
  );
  const objective = [
    ...arcs.map((a) => term(wTravel * a.cost - 1, a.name)),
    ...groups.map((g, gi) => term(-byKategori[g.kategori], `y_${gi}`)),
  ];
  const constraints: string[] = [];
  for (const { u, i } of polri) {
    const mine = arcs.filter((a) => a.unit === i);
    if (mine.length > 0)
      constraints.push(` cap_${i}:\n${lines(mine.map((a) => term(1, a.name)))} <= ${u.capacity}`);
  }
  groups.forEach((g, gi) => {
    const mine = arcs.filter((a) => a.group === gi).map((a) => term(1, a.name));
    if (mine.length > 0) constraints.push(` up_${gi}:\n${lines(mine)} <= ${g.polri}`);
    constraints.push(` cov_${gi}:\n${lines([...mine, term(-g.polri, `y_${gi}`)])} >= 0`);
  });
  const lp = [
    'Minimize',
    ` obj:\n${lines(objective)}`,
    'Subject To',
    ...constraints,
    'Bounds',
    ...arcs.map((a) => ` 0 <= ${a.name} <= ${a.upper}`),
    'Generals',
    ...(arcs.length > 0 ? [lines(arcs.map((a) => a.name))] : []),
    'Binaries',
    ...(groups.length > 0 ? [lines(groups.map((_, gi) => `y_${gi}`))] : []),
    'End',
    '',
  ].join('\n');

  const evaluate = (covered: Record<Kategori, number>, travel: number, shortfall: number): ExactObjective => {
    const tieBreakValue = wTravel * travel + shortfall;
    const value = PRIORITAS.reduce((s, k) => s + byKategori[k] * (count[k] - covered[k]), tieBreakValue);
    return {
      coveredByKategori: covered,
      travelCost: travel,
      polriShortfall: shortfall,
      value,
      tieBreakValue,
    };
  };
  return {
    lp,
    weights: { byKategori, travel: wTravel, shortfall: 1 },
    decode(columns) {
      const covered: Record<Kategori, number> = { kurang_rawan: 0, rawan: 0, sangat_rawan: 0, khusus: 0 };
      groups.forEach((g, gi) => {
        if (Math.round(columns[`y_${gi}`]?.Primal ?? 0) === 1) covered[g.kategori]++;
      });
      let travel = 0;
      let assigned = 0;
      for (const a of arcs) {
        const x = Math.round(columns[a.name]?.Primal ?? 0);
        travel += x * a.cost;
        assigned += x;
      }
      return evaluate(covered, travel, totalRequired - assigned);
    },
    score(objective) {
      return evaluate({ ...objective.coveredByKategori }, objective.travelCost, objective.polriShortfall);
    },
  };
}
