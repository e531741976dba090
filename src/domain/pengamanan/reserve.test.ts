import { describe, expect, it } from 'vitest';
import { carveReserves } from './reserve';
import type { PreparedUnit } from './unit';

function unit(overrides: Partial<PreparedUnit> & { id: string; capacity: number }): PreparedUnit {
  return {
    force: 'polsek',
    kind: 'polri',
    kodeKabKota: '7371',
    homeKecamatan: '737101',
    homeKodeKelurahan: null,
    onDuty: 0,
    ...overrides,
  };
}

describe('carveReserves', () => {
  it("takes ring 3 from the Polsek's own units before its Bhabinkamtibmas, ring 4 from Brimob first", () => {
    const units = [
      unit({ id: 'bhabin', capacity: 10, homeKodeKelurahan: '7371011001' }),
      unit({ id: 'polsek', capacity: 10 }),
      unit({ id: 'polres', force: 'polres', capacity: 40, homeKecamatan: null }),
      unit({ id: 'brimob', force: 'brimob', capacity: 40, homeKecamatan: null }),
      unit({ id: 'koramil', force: 'koramil', kind: 'tni', capacity: 50 }),
    ];
    const reserves = carveReserves(units, { patroliShare: 0.5, cadanganShare: 0.05 });
    expect(reserves).toEqual([
      {
        ring: 'patroli',
        kodeKabKota: '7371',
        kodeKecamatan: '737101',
        unitId: 'polsek',
        kind: 'polri',
        count: 10,
      },
      {
        ring: 'cadangan',
        kodeKabKota: '7371',
        kodeKecamatan: null,
        unitId: 'brimob',
        kind: 'polri',
        count: 5,
      },
    ]);
    expect(units.map((u) => u.capacity)).toEqual([10, 0, 40, 35, 50]);
  });

  it('rounds shares down and leaves units of no kab/kota alone', () => {
    const units = [
      unit({ id: 'a', capacity: 9 }),
      unit({ id: 'polda', force: 'bko_polda', capacity: 100, homeKecamatan: null, kodeKabKota: null }),
    ];
    expect(carveReserves(units, { patroliShare: 0.1, cadanganShare: 0.1 })).toEqual([]);
    expect(units.map((u) => u.capacity)).toEqual([9, 100]);
  });
});
