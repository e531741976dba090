/**
 * What the planner's tests share (planner.test.ts, planner-invariants.test.ts, what-if.test.ts,
 * plan-tetap.test.ts): codes of two kecamatan and three kelurahan, TPS and unit builders with valid
 * defaults, and seeded random instances so that a failing one can be replayed.
 */
import type { Kategori } from '../kerawanan/score-tps';
import type { TpsPengamanan } from './pola';
import type { PengamananInput, UnitPengamanan } from './planner';
import { createRng } from '../random/rng';

export const KEC_1 = '737101';
export const KEC_2 = '737102';
export const KEL_A = '7371011001';
export const KEL_B = '7371011002';
export const KEL_C = '7371021001';
export const NO_RESERVE = { patroliShare: 0, cadanganShare: 0 };

/** A TPS of a kelurahan, kurang rawan unless said otherwise. */
export function buildTps(
  kodeKelurahan: string,
  nomor: number,
  kategori: Kategori = 'kurang_rawan',
): TpsPengamanan {
  return { id: `${kodeKelurahan}-${nomor}`, kodeKelurahan, nomor, kategori };
}

/** One available Polsek officer of KEC_1 unless `overrides` say otherwise. */
export function buildUnit(overrides: Partial<UnitPengamanan> & { id: string }): UnitPengamanan {
  return { force: 'polsek', kind: 'polri', count: 1, homeKecamatan: KEC_1, available: true, ...overrides };
}

/** Two kab/kota, a few kecamatan and kelurahan each, every kind of unit, some unavailable. */
export function randomInstance(seed: number): PengamananInput {
  const random = createRng(seed);
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

/** The seeds of the random instances the invariants are checked on. */
export const SEEDS = Array.from({ length: 60 }, (_, i) => i + 1);
