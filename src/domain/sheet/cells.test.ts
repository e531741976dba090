import { describe, expect, it } from 'vitest';
import { cellText, findColumns, normalizeHeader, underscoreKey, type Cell } from './cells';

describe('cellText', () => {
  it.each([
    [null, ''],
    [undefined, ''],
    ['  Wara ', 'Wara'],
    [250, '250'],
    [true, 'true'],
    ['', ''],
  ] as [Cell, string][])('%j reads as %j', (cell, text) => {
    expect(cellText(cell)).toBe(text);
  });
});

describe('normalizeHeader and underscoreKey: the two ways an import keys its headers', () => {
  it.each([
    ['No. Urut', 'nourut', 'no._urut'],
    ['Waktu Berangkat', 'waktuberangkat', 'waktu_berangkat'],
    ['Kelurahan/Desa', 'kelurahandesa', 'kelurahan_desa'],
    [' Gudang - KPU ', 'gudangkpu', 'gudang_kpu'],
    ['KODE_TPS', 'kodetps', 'kode_tps'],
  ])('%j: %j and %j', (header, letters, underscored) => {
    expect(normalizeHeader(header)).toBe(letters);
    expect(underscoreKey(header)).toBe(underscored);
  });
});

describe('findColumns', () => {
  const aliases = { url: ['url', 'link'], waktu: ['waktu', 'dilihat'], akun: ['akun'] } as const;

  it('finds each column by any alias, the first header that names it, and leaves out the absent', () => {
    const columns = findColumns(['Link', ' Dilihat ', 'URL', null, 'Teks'], aliases, underscoreKey);
    expect([...columns]).toEqual([
      ['url', 0],
      ['waktu', 1],
    ]);
  });

  it('keys the header as the import does', () => {
    expect(findColumns(['Nomor Urut'], { nomor: ['nomorurut'] }, normalizeHeader).get('nomor')).toBe(0);
    expect(findColumns(['Nomor Urut'], { nomor: ['nomorurut'] }, underscoreKey).has('nomor')).toBe(false);
  });
});
