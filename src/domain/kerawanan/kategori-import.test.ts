import { describe, expect, it } from 'vitest';
import { kategoriFromText, parseKategoriSheet } from './kategori-import';

const tps = new Map([
  ['6408011001001', 'a'],
  ['6408011001002', 'b'],
  ['6408011001003', 'c'],
]);
const ALASAN = 'Daftar TPS rawan Polres Kutai Timur, Baintelkam';

describe('parseKategoriSheet', () => {
  it("reads a Polres's own categories with a reason per row or for the file, under a title block", () => {
    const { rows, errors } = parseKategoriSheet(
      [
        ['DAFTAR TPS RAWAN POLRES KUTAI TIMUR'],
        [],
        ['Kode TPS', 'Kategori', 'Alasan'],
        ['6408011001001', 'Sangat Rawan', 'Riwayat bentrok pendukung 2020'],
        ['6408011001002', 'kurang rawan', ''],
        ['6408011001003', 'TPS khusus', null],
      ],
      tps,
      ALASAN,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 4, tpsId: 'a', kategori: 'sangat_rawan', alasan: 'Riwayat bentrok pendukung 2020' },
      { row: 5, tpsId: 'b', kategori: 'kurang_rawan', alasan: ALASAN },
      { row: 6, tpsId: 'c', kategori: 'khusus', alasan: ALASAN },
    ]);
  });

  it('reports every bad row and keeps none of them', () => {
    const { rows, errors } = parseKategoriSheet(
      [
        ['kode_tps', 'kategori'],
        ['6408011001001', 'waspada'],
        ['6408011001009', 'rawan'],
        ['6408011001002', 'rawan'],
        ['6408011001002', 'rawan'],
      ],
      tps,
      'ok?',
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [2, 'kategori'],
      [2, 'alasan'],
      [3, 'kode_tps'],
      [3, 'alasan'],
      [4, 'alasan'],
      [5, 'kode_tps'],
      [5, 'alasan'],
    ]);
  });

  it('needs the kategori column', () => {
    expect(parseKategoriSheet([['kode_tps', 'indikator']], tps, ALASAN).errors[0]?.reason).toBe(
      'Kolom kategori tidak ditemukan',
    );
  });

  it.each([
    ['Sangat Rawan', 'sangat_rawan'],
    ['SANGAT-RAWAN', 'sangat_rawan'],
    ['kurang_rawan', 'kurang_rawan'],
    ['Rawan', 'rawan'],
    ['TPS Khusus', 'khusus'],
    ['aman', null],
  ] as const)('%s → %s', (text, kategori) => {
    expect(kategoriFromText(text)).toBe(kategori);
  });
});
