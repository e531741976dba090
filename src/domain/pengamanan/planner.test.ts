import { describe, expect, it } from 'vitest';
import type { Kategori } from '../kerawanan/score-tps';
import { buildExactModel } from './exact';
import { DEFAULT_POLA, PRIORITAS, type TpsPengamanan } from './pola';
import {
  applyWhatIf,
  comparePlans,
  planPengamanan,
  preparePengamanan,
  type PengamananInput,
  type Plan,
  type UnitPengamanan,
} from './planner';

const KEC_1 = '737101';
const KEC_2 = '737102';
const KEL_A = '7371011001';
const KEL_B = '7371011002';
const KEL_C = '7371021001';
const NO_RESERVE = { patroliShare: 0, cadanganShare: 0 };

function buildTps(kodeKelurahan: string, nomor: number, kategori: Kategori = 'kurang_rawan'): TpsPengamanan {
  return { id: `${kodeKelurahan}-${nomor}`, kodeKelurahan, nomor, kategori };
}

function buildUnit(overrides: Partial<UnitPengamanan> & { id: string }): UnitPengamanan {
  return { force: 'polsek', kind: 'polri', count: 1, homeKecamatan: KEC_1, available: true, ...overrides };
}

/** mulberry32: seeded, so failing instances can be replayed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Two kab/kota, a few kecamatan and kelurahan each, every kind of unit, some unavailable. */
function randomInstance(seed: number): PengamananInput {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const kels: string[] = [];
  for (const kab of ['7371', '7372'])
    for (let k = 1; k <= 3; k++) for (let l = 1; l <= 3; l++) kels.push(`${kab}0${k}100${l}`);
  const tps: TpsPengamanan[] = [];
  const nomor = new Map<string, number>();
  for (let i = 0; i < 20 + Math.floor(random() * 60); i++) {
    const kel = pick(kels);
    const n = (nomor.get(kel) ?? 0) + 1;
    nomor.set(kel, n);
    const r = random();
    tps.push(
      buildTps(kel, n, r < 0.15 ? 'sangat_rawan' : r < 0.2 ? 'khusus' : r < 0.45 ? 'rawan' : 'kurang_rawan'),
    );
  }
  const units: UnitPengamanan[] = [];
  for (let i = 0; i < 10 + Math.floor(random() * 30); i++) {
    const kel = pick(kels);
    const r = random();
    const base = {
      id: `u${String(i).padStart(3, '0')}`,
      available: random() > 0.15,
      count: 1 + Math.floor(random() * 6),
    };
    if (r < 0.3) units.push(buildUnit({ ...base, homeKecamatan: kel.slice(0, 6), homeKodeKelurahan: kel }));
    else if (r < 0.55) units.push(buildUnit({ ...base, homeKecamatan: kel.slice(0, 6) }));
    else if (r < 0.7)
      units.push(buildUnit({ ...base, force: 'brimob', homeKecamatan: null, homeKabKota: kel.slice(0, 4) }));
    else if (r < 0.85)
      units.push(
        buildUnit({
          ...base,
          force: 'linmas',
          kind: 'linmas',
          homeKecamatan: kel.slice(0, 6),
          homeKodeKelurahan: random() < 0.5 ? kel : null,
        }),
      );
    else units.push(buildUnit({ ...base, force: 'koramil', kind: 'tni', homeKecamatan: kel.slice(0, 6) }));
  }
  return { tps, units };
}

const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);

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

const coveredVector = (plan: Plan): number[] => PRIORITAS.map((k) => plan.objective.coveredByKategori[k]);
const lexGreaterOrEqual = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < a.length; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

describe('applyWhatIf', () => {
  it.each(SEEDS.slice(0, 30))('seed %i: adding BKO never lowers coverage', (seed) => {
    const input = randomInstance(seed);
    const before = planPengamanan(input);
    const after = planPengamanan(
      applyWhatIf(input, { kind: 'tambah_bko', count: 4, force: 'bko_polda', homeKabKota: '7371' }),
    );
    expect(lexGreaterOrEqual(coveredVector(after), coveredVector(before))).toBe(true);
    const diff = comparePlans(before, after);
    expect(diff.total.kelompokTerjaga.delta).toBeGreaterThanOrEqual(0);
    expect(diff.total.polriShortfall.delta).toBeLessThanOrEqual(0);
  });

  it.each(SEEDS.slice(0, 30))('seed %i: withdrawing a unit never raises coverage', (seed) => {
    const input = randomInstance(seed);
    const unit = input.units.find((u) => u.available && u.kind === 'polri');
    if (unit === undefined) return;
    const before = planPengamanan(input);
    const after = planPengamanan(applyWhatIf(input, { kind: 'tarik_unit', unitId: unit.id }));
    expect(lexGreaterOrEqual(coveredVector(before), coveredVector(after))).toBe(true);
    expect(comparePlans(before, after).total.kelompokTerjaga.delta).toBeLessThanOrEqual(0);
  });

  it('makes a TPS changed to sangat rawan covered when supply allows, and compares per kecamatan', () => {
    const input: PengamananInput = {
      tps: [
        ...[1, 2, 3, 4, 5, 6].map((n) => buildTps(KEL_A, n, 'kurang_rawan')),
        buildTps(KEL_C, 1, 'sangat_rawan'),
      ],
      units: [buildUnit({ id: 'polsek', count: 4, homeKecamatan: KEC_2 })],
      reserve: NO_RESERVE,
    };
    const before = planPengamanan(input);
    expect(before.groups.every((g) => g.covered)).toBe(true);
    const changed = applyWhatIf(input, {
      kind: 'ubah_kategori',
      tpsId: `${KEL_A}-3`,
      kategori: 'sangat_rawan',
    });
    const after = planPengamanan(changed);
    const group = after.groups.find((g) => g.tpsIds.includes(`${KEL_A}-3`));
    expect(group).toMatchObject({ kategori: 'sangat_rawan', covered: true });
    // Three groups now need 6 Polri; the kurang rawan group of kelurahan A goes to patrol.
    expect(after.uncovered.map((u) => u.kategori)).toEqual(['kurang_rawan']);
    expect(comparePlans(before, after).kecamatan).toEqual([
      {
        kodeKecamatan: KEC_1,
        kelompokTerjaga: { before: 1, after: 1, delta: 0 },
        polriShortfall: { before: 0, after: 2, delta: 2 },
        linmasShortfall: { before: 12, after: 12, delta: 0 },
      },
      {
        kodeKecamatan: KEC_2,
        kelompokTerjaga: { before: 1, after: 1, delta: 0 },
        polriShortfall: { before: 0, after: 0, delta: 0 },
        linmasShortfall: { before: 2, after: 2, delta: 0 },
      },
    ]);
    expect(input.tps.find((t) => t.id === `${KEL_A}-3`)?.kategori).toBe('kurang_rawan');
  });

  it('names added BKO units so that two additions do not collide', () => {
    const once = applyWhatIf({ tps: [], units: [] }, { kind: 'tambah_bko', count: 5, force: 'brimob' });
    const twice = applyWhatIf(once, { kind: 'tambah_bko', count: 5, force: 'bko_polda' });
    expect(twice.units.map((u) => [u.id, u.kind, u.count])).toEqual([
      ['whatif-bko-1', 'polri', 5],
      ['whatif-bko-2', 'polri', 5],
    ]);
    expect(DEFAULT_POLA.sangat_rawan.polri).toBe(2);
  });
});
