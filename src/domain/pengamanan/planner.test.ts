/**
 * planPengamanan on small hand-made cases, each naming the rule it shows: who covers a TPS first, in
 * which order of category and of unit, what is held back as patrol and reserve, bad rows. Invariants
 * on random instances: planner-invariants.test.ts; what-if changes: what-if.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { planPengamanan } from './planner';
import { buildTps, buildUnit, KEC_1, KEC_2, KEL_A, KEL_B, KEL_C, NO_RESERVE } from './planner.fixtures';

describe('planPengamanan › small cases', () => {
  it('covers both sangat rawan TPS from their own Polsek at travel 1 per officer', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'sangat_rawan'), buildTps(KEL_A, 2, 'sangat_rawan')],
      units: [buildUnit({ id: 'polsek', count: 4 })],
      reserve: NO_RESERVE,
    });
    expect(plan.groups.every((g) => g.covered)).toBe(true);
    expect(plan.objective).toMatchObject({ travelCost: 4, polriShortfall: 0 });
    expect(plan.suggestions).toEqual([]);
  });

  it('staffs the sangat rawan TPS before the kurang rawan group when only 2 officers exist', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'kurang_rawan'), buildTps(KEL_A, 2, 'sangat_rawan')],
      units: [buildUnit({ id: 'bhabin', count: 2, homeKodeKelurahan: KEL_A })],
      reserve: NO_RESERVE,
    });
    expect(plan.groups.find((g) => g.kategori === 'sangat_rawan')?.covered).toBe(true);
    expect(plan.uncovered).toEqual([
      {
        groupId: `${KEL_A}/kurang_rawan/1`,
        kodeKecamatan: KEC_1,
        kategori: 'kurang_rawan',
        polriShortfall: 2,
      },
    ]);
    expect(plan.suggestions.map((s) => s.code)).toEqual(['minta_bko', 'patroli_mobile']);
    expect(plan.suggestions[0]).toMatchObject({ count: 2, kodeKabKota: '7371' });
  });

  it('uses the kelurahan officer first, then the Polsek, then Polres, then another Polsek', () => {
    const plan = planPengamanan({
      tps: [1, 2, 3, 4].map((n) => buildTps(KEL_A, n, 'sangat_rawan')),
      units: [
        buildUnit({ id: 'a-bhabin', count: 2, homeKodeKelurahan: KEL_A }),
        buildUnit({ id: 'b-polsek-lain', count: 2, homeKecamatan: KEC_2 }),
        buildUnit({ id: 'c-polres', force: 'polres', count: 2, homeKecamatan: null }),
        buildUnit({ id: 'd-polsek', count: 2 }),
      ],
      reserve: NO_RESERVE,
    });
    const cost = new Map(plan.assignments.map((a) => [a.unitId, a.travelCost]));
    expect(Object.fromEntries(cost)).toEqual({
      'a-bhabin': 0,
      'd-polsek': 1,
      'c-polres': 2,
      'b-polsek-lain': 3,
    });
    expect(plan.objective.travelCost).toBe(12);
    expect(plan.suggestions).toEqual([
      expect.objectContaining({ code: 'rebalance', fromKecamatan: KEC_2, kodeKecamatan: KEC_1, count: 2 }),
    ]);
  });

  it('covers the groups whose own officers are at hand when not all can be covered', () => {
    const plan = planPengamanan({
      tps: [
        buildTps(KEL_A, 1, 'rawan'),
        buildTps(KEL_A, 2, 'rawan'),
        buildTps(KEL_B, 1, 'rawan'),
        buildTps(KEL_B, 2, 'rawan'),
      ].concat([buildTps(KEL_C, 1, 'rawan'), buildTps(KEL_C, 2, 'rawan')]),
      units: [buildUnit({ id: 'c-bhabin', count: 2, homeKecamatan: KEC_2, homeKodeKelurahan: KEL_C })],
      reserve: NO_RESERVE,
    });
    expect(plan.groups.filter((g) => g.covered).map((g) => g.kodeKelurahan)).toEqual([KEL_C]);
    expect(plan.objective.travelCost).toBe(0);
  });

  it('never uses an unavailable unit', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'sangat_rawan')],
      units: [buildUnit({ id: 'off', count: 10, available: false })],
      reserve: NO_RESERVE,
    });
    expect(plan.assignments).toEqual([]);
    expect(plan.reserves).toEqual([]);
    expect(plan.objective.polriShortfall).toBe(2);
  });

  it('keeps Linmas of a kelurahan in that kelurahan and places one Babinsa per kelurahan', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'rawan'), buildTps(KEL_B, 1, 'rawan')],
      units: [
        buildUnit({ id: 'linmas-a', force: 'linmas', kind: 'linmas', count: 6, homeKodeKelurahan: KEL_A }),
        buildUnit({ id: 'koramil', force: 'koramil', kind: 'tni', count: 3 }),
      ],
      reserve: NO_RESERVE,
    });
    const linmas = plan.assignments.filter((a) => a.kind === 'linmas');
    expect(linmas).toEqual([
      { groupId: `${KEL_A}/rawan/1`, unitId: 'linmas-a', kind: 'linmas', count: 2, travelCost: 0 },
    ]);
    expect(plan.coverageByKind.linmas).toEqual({ required: 4, assigned: 2, shortfall: 2 });
    expect(plan.kelurahanAssignments.map((a) => [a.kodeKelurahan, a.count])).toEqual([
      [KEL_A, 1],
      [KEL_B, 1],
    ]);
    expect(plan.coverageByKind.tni).toEqual({ required: 2, assigned: 2, shortfall: 0 });
    expect(plan.reserves).toContainEqual(
      expect.objectContaining({ unitId: 'linmas-a', ring: 'sisa', count: 4 }),
    );
  });

  it('holds 10% of each Polsek as patrol and 5% of the Polres as reserve, Brimob first', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'sangat_rawan')],
      units: [
        buildUnit({ id: 'polsek', count: 30 }),
        buildUnit({ id: 'brimob', force: 'brimob', count: 10, homeKecamatan: null }),
      ],
    });
    const rings = plan.reserves.filter((r) => r.ring !== 'sisa').map((r) => [r.ring, r.unitId, r.count]);
    expect(rings).toEqual([
      ['patroli', 'polsek', 3],
      ['cadangan', 'brimob', 2],
    ]);
    const force = Object.fromEntries(plan.coverageByForce.map((f) => [f.force, f]));
    expect(force.polsek).toEqual({ force: 'polsek', available: 30, assigned: 2, reserved: 3, idle: 25 });
  });

  it('keeps a Polres-level unit of an unknown kab/kota at Polda when the input spans several', () => {
    const plan = planPengamanan({
      tps: [buildTps(KEL_A, 1, 'sangat_rawan'), buildTps('7372011001', 1, 'sangat_rawan')],
      units: [buildUnit({ id: 'bko', force: 'bko_polda', count: 4, homeKecamatan: null })],
      reserve: NO_RESERVE,
    });
    expect(plan.reserves).toEqual([
      {
        ring: 'cadangan_polda',
        kodeKabKota: null,
        kodeKecamatan: null,
        unitId: 'bko',
        kind: 'polri',
        count: 4,
      },
    ]);
  });

  it('reports invalid and duplicate rows instead of throwing', () => {
    const plan = planPengamanan({
      tps: [buildTps('73710', 1), buildTps(KEL_A, 1), buildTps(KEL_A, 1)],
      units: [buildUnit({ id: 'x', count: -1 }), buildUnit({ id: 'y' }), buildUnit({ id: 'y' })],
    });
    expect(plan.problems.map((p) => p.code)).toEqual([
      'tps_tidak_valid',
      'tps_duplikat',
      'unit_tidak_valid',
      'unit_duplikat',
    ]);
    expect(plan.groups).toHaveLength(1);
  });
});
