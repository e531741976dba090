import { describe, expect, it } from 'vitest';
import {
  bagianKelompok,
  DEFAULT_POLA,
  DEFAULT_RESERVE,
  kebutuhan,
  kelompokkanTps,
  validatePola,
  validateReservePolicy,
  type PolaPengamanan,
  type TpsPengamanan,
} from './pola';
import type { Kategori } from '../kerawanan/score-tps';

const KEL_A = '7371011001';
const KEL_B = '7371012002';

function buildTps(kodeKelurahan: string, nomor: number, kategori: Kategori): TpsPengamanan {
  return { id: `${kodeKelurahan}-${nomor}`, kodeKelurahan, nomor, kategori };
}

const withPola = (kategori: Kategori, change: Partial<PolaPengamanan[Kategori]>): PolaPengamanan => ({
  ...DEFAULT_POLA,
  [kategori]: { ...DEFAULT_POLA[kategori], ...change },
});

describe('DEFAULT_POLA', () => {
  it('encodes the 2024 reading of pilkada-facts §3.2 (Polri : TPS : Linmas)', () => {
    expect(DEFAULT_POLA.sangat_rawan).toEqual({ polri: 2, tps: 1, linmasPerTps: 2 });
    expect(DEFAULT_POLA.rawan).toEqual({ polri: 2, tps: 2, linmasPerTps: 2 });
    expect(DEFAULT_POLA.kurang_rawan).toEqual({ polri: 2, tps: 8, linmasPerTps: 2 });
    expect(DEFAULT_POLA.khusus).toEqual({ polri: 2, tps: 1, linmasPerTps: 2 });
    expect(validatePola(DEFAULT_POLA)).toEqual([]);
  });
});

describe('validatePola', () => {
  it.each([
    ['kurang_rawan at 20 TPS per group (the upper end reported)', withPola('kurang_rawan', { tps: 20 }), []],
    ['kurang_rawan at 21 TPS per group', withPola('kurang_rawan', { tps: 21 }), ['tps_terlalu_banyak']],
    [
      'no Polri for rawan',
      withPola('rawan', { polri: 0 }),
      ['polri_minimal_satu', 'lebih_longgar_dari_kategori_bawah'],
    ],
    ['an empty group', withPola('khusus', { tps: 0 }), ['tps_minimal_satu']],
    ['a fractional ratio', withPola('rawan', { tps: 1.5 }), ['bukan_bilangan_bulat']],
    ['negative Linmas', withPola('sangat_rawan', { linmasPerTps: -1 }), ['linmas_negatif']],
    [
      'sangat rawan lighter than rawan',
      withPola('sangat_rawan', { polri: 2, tps: 4 }),
      ['lebih_longgar_dari_kategori_bawah'],
    ],
  ])('%s', (_name, pola, codes) => {
    const problems = validatePola(pola);
    expect(problems.map((p) => p.code)).toEqual(codes);
    for (const p of problems) expect(p.message).toMatch(/^Pola /);
  });
});

describe('kelompokkanTps', () => {
  it('groups a kelurahan category in nomor order, across TPS of other categories', () => {
    const tps = [
      buildTps(KEL_A, 3, 'rawan'),
      buildTps(KEL_A, 1, 'rawan'),
      buildTps(KEL_A, 2, 'kurang_rawan'),
      buildTps(KEL_A, 4, 'rawan'),
    ];
    const groups = kelompokkanTps(tps, DEFAULT_POLA);
    expect(groups.map((g) => [g.id, g.tpsIds, g.polri, g.linmas])).toEqual([
      [`${KEL_A}/rawan/1`, [`${KEL_A}-1`, `${KEL_A}-3`], 2, 4],
      [`${KEL_A}/rawan/2`, [`${KEL_A}-4`], 2, 2],
      [`${KEL_A}/kurang_rawan/1`, [`${KEL_A}-2`], 2, 2],
    ]);
    expect(groups[0]?.kodeKecamatan).toBe('737101');
  });
});

describe('kebutuhan', () => {
  const tps = [
    ...[1, 2, 3].map((n) => buildTps(KEL_A, n, 'sangat_rawan')),
    ...[4, 5, 6, 7, 8].map((n) => buildTps(KEL_A, n, 'rawan')),
    ...Array.from({ length: 9 }, (_, i) => buildTps(KEL_A, 9 + i, 'kurang_rawan')),
    buildTps(KEL_A, 18, 'khusus'),
    ...Array.from({ length: 8 }, (_, i) => buildTps(KEL_B, 1 + i, 'kurang_rawan')),
  ];

  it('counts Polri per group, Linmas per TPS and one Babinsa per kelurahan', () => {
    const k = kebutuhan(tps, DEFAULT_POLA);
    expect(k.perKategori.sangat_rawan).toEqual({ tps: 3, kelompok: 3, polri: 6, linmas: 6 });
    expect(k.perKategori.rawan).toEqual({ tps: 5, kelompok: 3, polri: 6, linmas: 10 });
    // 9 in A → 2 groups (8 + 1), 8 in B → 1 group.
    expect(k.perKategori.kurang_rawan).toEqual({ tps: 17, kelompok: 3, polri: 6, linmas: 34 });
    expect(k.perKategori.khusus).toEqual({ tps: 1, kelompok: 1, polri: 2, linmas: 2 });
    expect(k.total).toEqual({ tps: 26, kelompok: 10, polri: 20, linmas: 52, tni: 2, kelurahan: 2 });
  });

  it('follows the configured kurang rawan group size (2 Polri per 20 TPS)', () => {
    const k = kebutuhan(tps, withPola('kurang_rawan', { tps: 20 }));
    expect(k.perKategori.kurang_rawan).toMatchObject({ kelompok: 2, polri: 4 });
  });

  it('needs nothing for no TPS', () => {
    expect(kebutuhan([], DEFAULT_POLA).total).toEqual({
      tps: 0,
      kelompok: 0,
      polri: 0,
      linmas: 0,
      tni: 0,
      kelurahan: 0,
    });
  });
});

describe('validateReservePolicy', () => {
  it.each([
    ['the default 10% patrol, 5% reserve', DEFAULT_RESERVE, []],
    ['no reserve at all', { patroliShare: 0, cadanganShare: 0 }, []],
    ['a negative share', { patroliShare: -0.1, cadanganShare: 0 }, ['porsi_tidak_valid']],
    ['shares adding to 100%', { patroliShare: 0.5, cadanganShare: 0.5 }, ['porsi_terlalu_besar']],
  ])('%s', (_name, policy, codes) => {
    expect(validateReservePolicy(policy).map((p) => p.code)).toEqual(codes);
  });
});

describe('bagianKelompok', () => {
  it.each([
    [2, 8, [0, 0, 0, 1, 0, 0, 0, 1]],
    [2, 1, [2]],
    [2, 2, [1, 1]],
    [4, 3, [1, 1, 2]],
    [0, 4, [0, 0, 0, 0]],
  ])('spreads %i Polri over %i TPS as %j, summing to the group', (total, size, shares) => {
    const got = Array.from({ length: size }, (_, i) => bagianKelompok(total, size, i));
    expect(got).toEqual(shares);
    expect(got.reduce((s, n) => s + n, 0)).toBe(total);
  });
});
