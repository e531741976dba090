import { describe, expect, it } from 'vitest';
import { angka, nilai, persen, selisih, tanggal } from './indonesia';

describe('numbers and dates the Indonesian way', () => {
  it('writes decimals with a comma and thousands with a dot', () => {
    expect(angka(2837)).toBe('2.837');
    expect(angka(435_000)).toBe('435.000');
    expect(angka(77.46)).toBe('77,5');
    expect(angka(1234.567, 2)).toBe('1.234,57');
    expect(angka(-3)).toBe('-3');
  });

  it('writes a percentage right after its number', () => {
    expect(persen(77.5)).toBe('77,5%');
    expect(persen(100)).toBe('100%');
    expect(persen(29.44)).toBe('29,4%');
  });

  it('writes a day in words', () => {
    expect(tanggal('2026-12-07')).toBe('7 Desember 2026');
    expect(tanggal('2024-11-27')).toBe('27 November 2024');
  });

  it("writes a percentage as Intl id-ID's percent style does, with no space before the sign", () => {
    const intl = new Intl.NumberFormat('id-ID', { style: 'percent', maximumFractionDigits: 1 });
    expect(persen(99.06)).toBe(intl.format(0.9906));
    expect(persen(99.06)).toBe('99,1%');
  });

  it('writes a figure that may be missing in its unit, and a change with its sign', () => {
    expect(nilai(99.06, 'persen')).toBe('99,1%');
    expect(nilai(2837)).toBe('2.837');
    expect(nilai(2837, 'jumlah')).toBe('2.837');
    expect(nilai(null, 'persen')).toBe('–');
    expect(selisih(1.46, 'persen')).toBe('+1,5%');
    expect(selisih(-3)).toBe('-3');
    expect(selisih(0)).toBe('0');
    expect(selisih(null)).toBe('–');
  });
});
