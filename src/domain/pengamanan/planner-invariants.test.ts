/**
 * planPengamanan's invariants on seeded random instances (planner.fixtures.ts): nobody placed twice or
 * beyond their unit, categories covered in order, the exact model agreeing, and the same plan for the
 * same input in any order.
 */
import { describe, expect, it } from 'vitest';
import { buildExactModel } from './exact';
import { PRIORITAS } from './pola';
import { planPengamanan, preparePengamanan, type Plan } from './planner';
import { randomInstance, SEEDS } from './planner.fixtures';

/** Personnel of each unit used anywhere in the plan (TPS, kelurahan, reserve, left over). */
function usedByUnit(plan: Plan): Map<string, { placed: number; total: number }> {
  const used = new Map<string, { placed: number; total: number }>();
  const add = (id: string, n: number, placed: boolean): void => {
    const u = used.get(id) ?? { placed: 0, total: 0 };
    used.set(id, { placed: u.placed + (placed ? n : 0), total: u.total + n });
  };
  for (const a of plan.assignments) add(a.unitId, a.count, true);
  for (const a of plan.kelurahanAssignments) add(a.unitId, a.count, true);
  for (const r of plan.reserves) add(r.unitId, r.count, false);
  return used;
}

describe('planPengamanan › invariants on seeded random instances', () => {
  it.each(SEEDS)(
    'seed %i: no double booking, unavailable units unused, every person accounted for',
    (seed) => {
      const input = randomInstance(seed);
      const plan = planPengamanan(input);
      const used = usedByUnit(plan);
      for (const unit of input.units) {
        const u = used.get(unit.id) ?? { placed: 0, total: 0 };
        expect(u.total).toBe(unit.available ? unit.count : 0);
        expect(u.placed).toBeLessThanOrEqual(unit.count);
      }
      for (const a of plan.assignments) expect(a.count).toBeGreaterThan(0);
      for (const g of plan.groups) expect(g.polriAssigned).toBeLessThanOrEqual(g.polri);
    },
  );

  it.each(SEEDS)('seed %i: a later category is covered only when every earlier one is', (seed) => {
    const plan = planPengamanan(randomInstance(seed));
    for (const kab of ['7371', '7372']) {
      const groups = plan.groups.filter((g) => g.kodeKecamatan.startsWith(kab));
      PRIORITAS.forEach((kategori, p) => {
        if (!groups.some((g) => g.kategori === kategori && g.covered)) return;
        const earlier = groups.filter((g) => PRIORITAS.indexOf(g.kategori) < p);
        expect(earlier.every((g) => g.covered)).toBe(true);
      });
    }
  });

  it.each(SEEDS)(
    'seed %i: shortfall = required − assigned per kecamatan and adds up to the totals',
    (seed) => {
      const plan = planPengamanan(randomInstance(seed));
      for (const kind of ['polri', 'linmas', 'tni'] as const) {
        let required = 0;
        let assigned = 0;
        for (const c of plan.coverageByKecamatan) {
          expect(c[kind].shortfall).toBe(c[kind].required - c[kind].assigned);
          expect(c[kind].shortfall).toBeGreaterThanOrEqual(0);
          required += c[kind].required;
          assigned += c[kind].assigned;
        }
        expect(plan.coverageByKind[kind]).toEqual({ required, assigned, shortfall: required - assigned });
      }
      expect(plan.coverageByKind.polri.shortfall).toBe(plan.objective.polriShortfall);
      expect(plan.uncovered.length).toBe(plan.groups.filter((g) => !g.covered).length);
      const covered = plan.groups.filter((g) => g.polriAssigned === g.polri).length;
      expect(plan.coverageByKecamatan.reduce((s, c) => s + c.kelompokTerjaga, 0)).toBe(covered);
    },
  );

  it.each(SEEDS.slice(0, 20))('seed %i: the same input, in any order, gives the identical plan', (seed) => {
    const input = randomInstance(seed);
    const shuffled = { ...input, tps: [...input.tps].reverse(), units: [...input.units].reverse() };
    const plan = planPengamanan(input);
    expect(planPengamanan(input)).toEqual(plan);
    expect(planPengamanan(shuffled)).toEqual(plan);
  });

  it.each(SEEDS.slice(0, 20))(
    'seed %i: the exact model scores the greedy plan as the plan reports',
    (seed) => {
      const input = randomInstance(seed);
      const plan = planPengamanan(input);
      const model = buildExactModel(input);
      const index = new Map(preparePengamanan(input).units.map((u, i) => [u.id, i]));
      const groupIndex = new Map(plan.groups.map((g, i) => [g.id, i]));
      const columns: Record<string, { Primal: number }> = {};
      plan.groups.forEach((g, i) => (columns[`y_${i}`] = { Primal: g.covered ? 1 : 0 }));
      for (const a of plan.assignments.filter((x) => x.kind === 'polri')) {
        const name = `x_${index.get(a.unitId)}_${groupIndex.get(a.groupId)}`;
        expect(model.lp).toContain(name);
        columns[name] = { Primal: (columns[name]?.Primal ?? 0) + a.count };
      }
      expect(model.decode(columns)).toEqual(model.score(plan.objective));
      expect(model.lp).toMatch(/^Minimize\n[\s\S]*Subject To[\s\S]*Binaries[\s\S]*End\n$/);
    },
  );
});
