import { describe, expect, it } from 'vitest';
import { DEFAULT_POLA, kelompokkanTps } from './pola';
import { sortSuggestions, suggest } from './suggest';

describe('suggest', () => {
  // Three groups of 2 Polri: a sangat rawan one in kecamatan 737101, two kurang rawan in 737102.
  const groups = kelompokkanTps(
    [
      { id: 'a', kodeKelurahan: '7371011001', nomor: 1, kategori: 'sangat_rawan' },
      { id: 'b', kodeKelurahan: '7371021001', nomor: 1, kategori: 'kurang_rawan' },
      { id: 'c', kodeKelurahan: '7371021002', nomor: 1, kategori: 'kurang_rawan' },
    ],
    DEFAULT_POLA,
  );

  it('asks for BKO for the shortfall, names each loan and sends patrols to open kurang rawan groups', () => {
    // Offset 1: this kab/kota's groups start at index 1 of the plan's state.
    const state = { polri: [9, 2, 1, 0], covered: [true, true, false, false] };
    const loans = new Map([
      ['737101>737102', 1],
      ['737103>737102', 0],
    ]);
    const suggestions = suggest('7371', groups, state, 1, loans);
    expect(suggestions.map((s) => [s.code, s.kodeKecamatan, s.fromKecamatan, s.count])).toEqual([
      ['minta_bko', null, null, 3],
      ['rebalance', '737102', '737101', 1],
      ['patroli_mobile', '737102', null, 2],
    ]);
    expect(suggestions[0]?.message).toBe(
      'Kab/kota 7371 kekurangan 3 personel Polri untuk 2 kelompok TPS: ajukan BKO dari Polda atau lepaskan sebagian cadangan.',
    );
  });

  it('has nothing to say of a kab/kota fully staffed', () => {
    const state = { polri: [2, 2, 2], covered: [true, true, true] };
    expect(suggest('7371', groups, state, 0, new Map())).toEqual([]);
  });
});

describe('sortSuggestions', () => {
  it('orders by kind, then kab/kota, kecamatan and lending kecamatan', () => {
    const s = (code: 'minta_bko' | 'rebalance' | 'patroli_mobile', kab: string, kec: string | null) => ({
      code,
      message: '',
      kodeKabKota: kab,
      kodeKecamatan: kec,
      fromKecamatan: null,
      count: 1,
    });
    const sorted = sortSuggestions([
      s('patroli_mobile', '7371', '737101'),
      s('rebalance', '7372', '737201'),
      s('minta_bko', '7372', null),
      s('rebalance', '7371', '737102'),
      s('minta_bko', '7371', null),
    ]);
    expect(sorted.map((x) => `${x.code} ${x.kodeKabKota}`)).toEqual([
      'minta_bko 7371',
      'minta_bko 7372',
      'rebalance 7371',
      'rebalance 7372',
      'patroli_mobile 7371',
    ]);
  });
});
