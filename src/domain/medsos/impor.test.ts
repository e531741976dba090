import { describe, expect, it } from 'vitest';
import { parseImporMedsos, parseWaktu, type ImporAreas } from './impor';

const areas: ImporAreas = {
  kodeKabKota: '73.73',
  kecamatan: new Map([
    ['73.73.01', 'Wara'],
    ['73.73.02', 'Wara Utara'],
  ]),
  kelurahanOf: new Map([
    ['73.73.01.1001', '73.73.01'],
    ['73.73.02.1002', '73.73.02'],
  ]),
  byName: new Map([
    ['wara', ['73.73.01']],
    ['tompotikka', ['73.73.01.1001']],
  ]),
};
const context = { offsetHours: 8, now: new Date('2024-11-20T12:00:00Z') };
const HEADER = ['URL', 'Akun', 'Platform', 'Teks', 'Dilihat', 'Kecamatan', 'Kelurahan', 'Klasifikasi'];

describe('parseWaktu', () => {
  it.each([
    ['2024-11-20 08:15', '2024-11-20T00:15:00.000Z'],
    ['20/11/2024 08.15', '2024-11-20T00:15:00.000Z'],
    ['2024-11-20T08:15:00+08:00', '2024-11-20T00:15:00.000Z'],
    ['2024-11-20 07:00', '2024-11-19T23:00:00.000Z'],
  ])('reads %s in WITA as %s', (value, iso) => {
    expect(parseWaktu(value, 8)?.toISOString()).toBe(iso);
  });
  it.each(['31/02/2024 08:00', '2024-11-20 24:00', 'kemarin', '2024-11-20'])('refuses %s', (value) => {
    expect(parseWaktu(value, 8)).toBeNull();
  });
});

describe('parseImporMedsos', () => {
  it('reads every row, with areas by name or code and platforms from the address', () => {
    const { rows, errors } = parseImporMedsos(
      [
        HEADER,
        [
          'https://m.facebook.com/groups/a/posts/1?fbclid=x',
          'Akun A',
          '',
          'teks',
          '2024-11-20 08:15',
          'Wara',
          'Tompotikka',
          'Hoaks',
        ],
        [
          'https://berita.example.id/a',
          'Portal B',
          'lainnya',
          '',
          '20/11/2024 09:00',
          '',
          '',
          'kampanye hitam',
        ],
        [],
      ],
      areas,
      context,
    );
    expect(errors).toEqual([]);
    expect(rows).toMatchObject([
      {
        row: 2,
        platform: 'facebook',
        urlNormal: 'https://facebook.com/groups/a/posts/1',
        kodeWilayah: '73.73.01.1001',
        kategori: 'hoaks',
      },
      { row: 3, platform: 'lainnya', kodeWilayah: '73.73', kategori: 'kampanye_hitam' },
    ]);
  });

  it('names every bad row and keeps none', () => {
    const { rows, errors } = parseImporMedsos(
      [
        HEADER,
        ['https://x.com/a/status/1', 'Akun', '', '', '2024-11-20 08:15', '', '', 'hoaks'],
        ['javascript:alert(1)', '', 'myspace', '', 'besok', 'Kendari', '', 'fitnah'],
        ['https://x.com/a/status/2', 'Akun', '', '', '2024-11-21 08:15', '73.73.02', '73.73.01.1001', 'sara'],
      ],
      areas,
      context,
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'url'],
      [3, 'akun'],
      [3, 'platform'],
      [3, 'dilihat'],
      [3, 'klasifikasi'],
      [3, 'kecamatan'],
      [4, 'dilihat'],
      [4, 'kelurahan'],
    ]);
  });

  it('refuses a sheet without its required columns', () => {
    expect(parseImporMedsos([['url', 'akun']], areas, context).errors.map((e) => e.column)).toEqual([
      'dilihat',
      'klasifikasi',
    ]);
  });
});
