/**
 * applyWhatIf and comparePlans (what-if.ts): adding BKO never lowers coverage, withdrawing a unit never
 * raises it (on seeded random instances), a TPS made sangat rawan, and added units named apart.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_POLA, PRIORITAS } from './pola';
import { applyWhatIf, comparePlans, planPengamanan, type PengamananInput, type Plan } from './planner';
import {
  buildTps,
  buildUnit,
  KEC_1,
  KEC_2,
  KEL_A,
  KEL_C,
  NO_RESERVE,
  randomInstance,
  SEEDS,
} from './planner.fixtures';

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
