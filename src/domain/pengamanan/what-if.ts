/**
 * What-if: a scenario change to the planner's input (BKO added, a TPS's category changed, a unit
 * withdrawn), and the per-kecamatan difference between the plans before and after it.
 */
import type { Kategori } from '../kerawanan/score-tps';
import { cmp } from './lists';
import type { Plan } from './plan';
import type { PengamananInput } from './prepare';
import { KIND_OF_FORCE, type Force, type UnitPengamanan } from './unit';

export type WhatIf =
  | {
      kind: 'tambah_bko';
      count: number;
      force: Force;
      homeKabKota?: string | null;
      homeKecamatan?: string | null;
    }
  | { kind: 'ubah_kategori'; tpsId: string; kategori: Kategori }
  | { kind: 'tarik_unit'; unitId: string };

/** The input after a scenario change (pure): plan both and compare them with comparePlans. */
export function applyWhatIf(input: PengamananInput, change: WhatIf): PengamananInput {
  switch (change.kind) {
    case 'tambah_bko': {
      const n = input.units.filter((u) => u.id.startsWith('whatif-bko-')).length + 1;
      const unit: UnitPengamanan = {
        id: `whatif-bko-${n}`,
        force: change.force,
        kind: KIND_OF_FORCE[change.force],
        count: change.count,
        homeKecamatan: change.homeKecamatan ?? null,
        homeKabKota: change.homeKabKota ?? null,
        available: true,
      };
      return { ...input, units: [...input.units, unit] };
    }
    case 'ubah_kategori':
      return {
        ...input,
        tps: input.tps.map((t) => (t.id === change.tpsId ? { ...t, kategori: change.kategori } : t)),
      };
    case 'tarik_unit':
      return {
        ...input,
        units: input.units.map((u) => (u.id === change.unitId ? { ...u, available: false } : u)),
      };
  }
}

export interface KecamatanDelta {
  kodeKecamatan: string;
  kelompokTerjaga: { before: number; after: number; delta: number };
  polriShortfall: { before: number; after: number; delta: number };
  linmasShortfall: { before: number; after: number; delta: number };
}

/** Per-kecamatan change in covered groups and shortfall from plan `a` to plan `b`, with the total. */
export function comparePlans(
  a: Plan,
  b: Plan,
): { kecamatan: KecamatanDelta[]; total: Omit<KecamatanDelta, 'kodeKecamatan'> } {
  const before = new Map(a.coverageByKecamatan.map((c) => [c.kodeKecamatan, c]));
  const after = new Map(b.coverageByKecamatan.map((c) => [c.kodeKecamatan, c]));
  const codes = [...new Set([...before.keys(), ...after.keys()])].sort(cmp);
  const delta = (x: number, y: number) => ({ before: x, after: y, delta: y - x });
  const kecamatan = codes.map((kode) => {
    const x = before.get(kode);
    const y = after.get(kode);
    return {
      kodeKecamatan: kode,
      kelompokTerjaga: delta(x?.kelompokTerjaga ?? 0, y?.kelompokTerjaga ?? 0),
      polriShortfall: delta(x?.polri.shortfall ?? 0, y?.polri.shortfall ?? 0),
      linmasShortfall: delta(x?.linmas.shortfall ?? 0, y?.linmas.shortfall ?? 0),
    };
  });
  const sum = (pick: (d: KecamatanDelta) => { before: number; after: number }) =>
    delta(
      kecamatan.reduce((s, d) => s + pick(d).before, 0),
      kecamatan.reduce((s, d) => s + pick(d).after, 0),
    );
  return {
    kecamatan,
    total: {
      kelompokTerjaga: sum((d) => d.kelompokTerjaga),
      polriShortfall: sum((d) => d.polriShortfall),
      linmasShortfall: sum((d) => d.linmasShortfall),
    },
  };
}
