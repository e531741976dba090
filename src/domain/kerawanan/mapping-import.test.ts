import { describe, expect, it } from 'vitest';
import { BAWASLU_TPS_2024 } from './catalogue';
import { parseMappingSheet } from './mapping-import';

const tps = new Map([
  ['7373011001001', 'a'],
  ['7373011001002', 'b'],
]);

describe('parseMappingSheet', () => {
  it('reads codes and Bawaslu numbers, under a title block', () => {
    const { rows, errors } = parseMappingSheet(
      [
        ['PEMETAAN TPS RAWAN'],
        [],
        ['KODE TPS', 'Indikator'],
        ['7373011001001', '7; lokasi.rawan_bencana'],
        ['7373011001002', ''],
      ],
      tps,
      BAWASLU_TPS_2024,
    );
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      { row: 4, tpsId: 'a', indicators: ['keamanan.kekerasan', 'lokasi.rawan_bencana'] },
      { row: 5, tpsId: 'b', indicators: [] },
    ]);
  });

  it.each([
    [[['tps', 'indikator']], 'kode_tps', 'Kolom kode_tps tidak ditemukan'],
    [[['kode_tps']], 'indikator', 'Kolom indikator tidak ditemukan'],
    [
      [
        ['kode_tps', 'indikator'],
        ['737301100100', '1'],
      ],
      'kode_tps',
      'Kode TPS harus 13 digit (kode kelurahan + nomor TPS)',
    ],
    [
      [
        ['kode_tps', 'indikator'],
        ['7373011001009', '1'],
      ],
      'kode_tps',
      'TPS tidak ada di wilayah impor ini',
    ],
    [
      [
        ['kode_tps', 'indikator'],
        ['7373011001001', '26'],
      ],
      'indikator',
      'Indikator tidak dikenal (pakai kode atau nomor 1-25 Bawaslu)',
    ],
    [
      [
        ['kode_tps', 'indikator'],
        ['7373011001001', '1'],
        ['7373011001001', '2'],
      ],
      'kode_tps',
      'TPS ini sudah ada di baris 2',
    ],
  ])('reports %j: %s', (cells, column, reason) => {
    const { errors } = parseMappingSheet(cells, tps, BAWASLU_TPS_2024);
    expect(errors).toContainEqual(expect.objectContaining({ column, reason }));
  });
});
