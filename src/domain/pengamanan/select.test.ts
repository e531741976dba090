import { describe, expect, it } from 'vitest';
import type { Kategori } from '../kerawanan/score-tps';
import type { KelompokTps } from './pola';
import { chooseGroups } from './select';

function group(kodeKelurahan: string, kategori: Kategori, polri: number): KelompokTps {
  return {
    id: `${kodeKelurahan}/${kategori}`,
    kodeKelurahan,
    kodeKecamatan: kodeKelurahan.slice(0, 6),
    kategori,
    tpsIds: [],
    polri,
    linmas: 0,
  };
}

describe('chooseGroups', () => {
  it('covers categories in priority order as far as the Polri go', () => {
    const groups = [
      group('7371011001', 'kurang_rawan', 2),
      group('7371011001', 'sangat_rawan', 2),
      group('7371011002', 'rawan', 2),
      group('7371011002', 'sangat_rawan', 2),
    ];
    const selected = chooseGroups(groups, [0, 0, 1, 1], [0, 0], { kel: [0, 0], kec: [6], floating: 0 });
    expect(selected).toEqual([false, true, true, true]);
  });

  it("of a partly coverable category, takes the groups where the officers' own kelurahan is", () => {
    const groups = [group('7371011001', 'rawan', 2), group('7371021001', 'rawan', 2)];
    const selected = chooseGroups(groups, [0, 1], [0, 1], { kel: [0, 2], kec: [0, 0], floating: 0 });
    expect(selected).toEqual([false, true]);
  });

  it('covers nothing without Polri', () => {
    const groups = [group('7371011001', 'sangat_rawan', 2)];
    expect(chooseGroups(groups, [0], [0], { kel: [1], kec: [0], floating: 0 })).toEqual([false]);
  });
});
