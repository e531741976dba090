import { describe, expect, it } from 'vitest';
import type { Cell } from '../sheet/cells';
import {
  desaDirectory,
  mapHeaders,
  normalizeName,
  parseTpsRows,
  type KelurahanDirectory,
} from './tps-import';

const directory: KelurahanDirectory = {
  byKode: new Map([
    ['73.73.01.1001', { kode: '73.73.01.1001' }],
    ['73.73.02.1002', { kode: '73.73.02.1002' }],
  ]),
  byNames: new Map<string, { kode: string } | 'ambiguous'>([
    ['wara|tompotikka', { kode: '73.73.01.1001' }],
    ['wara utara|batupasi', { kode: '73.73.02.1002' }],
    ['wara|dua nama', 'ambiguous'],
  ]),
};

function parse(headers: Cell[], rows: Cell[][]) {
  const mapped = mapHeaders(headers);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
  return parseTpsRows(mapped.columns, rows, directory);
}

const HEADERS = [
  'kode_wilayah',
  'tps',
  'L',
  'P',
  'L+P',
  'alamat',
  'latitude',
  'longitude',
  'akses',
  'lokasi_khusus',
];
const row = (overrides: Partial<Record<string, Cell>> = {}): Cell[] => {
  const base: Record<string, Cell> = {
    kode_wilayah: '73.73.01.1001',
    tps: '1',
    L: 200,
    P: 210,
    'L+P': 410,
    alamat: 'Jl. Andi Djemma',
    latitude: '-2.99',
    longitude: '120.19',
    akses: '',
    lokasi_khusus: '',
    ...overrides,
  };
  return HEADERS.map((h) => base[h]);
};

describe('mapHeaders', () => {
  it('recognises KPU-style headers whatever their case and punctuation', () => {
    const mapped = mapHeaders(['KECAMATAN', 'KELURAHAN/DESA', 'NO. TPS', 'L', 'P', 'L+P']);
    expect(mapped.ok).toBe(true);
    if (mapped.ok)
      expect([...mapped.columns.keys()]).toEqual([
        'kecamatan',
        'kelurahan',
        'nomor',
        'dptLaki',
        'dptPerempuan',
        'dptTotal',
      ]);
  });

  it.each([
    [['kode_wilayah', 'dpt_total'], 'Kolom nomor TPS (tps) tidak ditemukan'],
    [['tps', 'dpt_total'], 'Perlu kolom kode_wilayah, atau kolom kecamatan dan kelurahan'],
    [['kode_wilayah', 'tps', 'L'], 'Perlu kolom DPT: dpt_total, atau dpt_laki_laki dan dpt_perempuan'],
    [['kode_wilayah', 'tps', 'dpt_total', 'jumlah'], 'Kolom dpt_total muncul lebih dari sekali'],
  ])('%j is refused: %s', (headers, reason) => {
    const mapped = mapHeaders(headers);
    expect(mapped.ok).toBe(false);
    if (!mapped.ok) expect(mapped.errors.map((e) => e.reason)).toContain(reason);
  });
});

describe('parseTpsRows', () => {
  it('reads a good row', () => {
    const { rows, errors } = parse(HEADERS, [row()]);
    expect(errors).toEqual([]);
    expect(rows).toEqual([
      {
        row: 2,
        kodeWilayah: '73.73.01.1001',
        nomor: 1,
        dptLaki: 200,
        dptPerempuan: 210,
        dptTotal: 410,
        alamat: 'Jl. Andi Djemma',
        lat: -2.99,
        lon: 120.19,
        akses: 'darat',
        lokasiKhusus: null,
      },
    ]);
  });

  it.each([
    ['nomor 0', { tps: '0' }, 'tps', 'Nomor TPS harus bilangan bulat 1 sampai 999'],
    ['nomor 1000', { tps: '1000' }, 'tps', 'Nomor TPS harus bilangan bulat 1 sampai 999'],
    ['nomor text', { tps: 'satu' }, 'tps', 'Nomor TPS harus bilangan bulat 1 sampai 999'],
    ['DPT 601', { L: 300, P: 301, 'L+P': 601 }, 'dpt_total', 'DPT per TPS Pilkada paling banyak 600 pemilih'],
    [
      'L+P mismatch',
      { 'L+P': 400 },
      'dpt_total',
      'Jumlah DPT (400) tidak sama dengan laki-laki + perempuan (410)',
    ],
    ['negative count', { L: '-5' }, 'dpt_laki_laki', 'Harus bilangan bulat 0 atau lebih'],
    [
      'kode not a desa',
      { kode_wilayah: '73.73.01' },
      'kode_wilayah',
      'Kode wilayah harus kode kelurahan/desa 10 digit, mis. 73.73.01.1001',
    ],
    [
      'kode outside the import',
      { kode_wilayah: '64.08.01.2001' },
      'kode_wilayah',
      'Kelurahan/desa tidak ada di wilayah impor ini',
    ],
    [
      'coordinates swapped',
      { latitude: '120.19', longitude: '-2.99' },
      'latitude',
      'Koordinat di luar wilayah Indonesia (lintang/bujur tertukar?)',
    ],
    ['latitude text', { latitude: 'utara' }, 'latitude', 'Latitude harus angka desimal, mis. -2.9927'],
    ['unknown access', { akses: 'kuda' }, 'akses', 'Akses harus salah satu dari: darat, sungai, laut, udara'],
    [
      'unknown special location',
      { lokasi_khusus: 'bandara' },
      'lokasi_khusus',
      'Lokasi khusus harus salah satu dari: lapas, rutan, rumah_sakit, panti_sosial, perkebunan, pertambangan, pesantren, relokasi_bencana, lainnya',
    ],
  ])('%s is reported in its column with an Indonesian reason', (_, overrides, column, reason) => {
    const { rows, errors } = parse(HEADERS, [row(overrides)]);
    expect(rows).toEqual([]);
    expect(errors).toContainEqual(expect.objectContaining({ row: 2, column, reason }));
  });

  it('accepts the boundaries: nomor 999, DPT 600, DPT 0', () => {
    const { rows, errors } = parse(HEADERS, [
      row({ tps: '999', L: 300, P: 300, 'L+P': 600 }),
      row({ tps: '2', L: 0, P: 0, 'L+P': 0 }),
    ]);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.nomor, r.dptTotal])).toEqual([
      [999, 600],
      [2, 0],
    ]);
  });

  it('reads "TPS 012", padded numbers, decimal commas and special locations', () => {
    const { rows, errors } = parse(HEADERS, [
      row({ tps: 'TPS 012', L: ' 200 ', latitude: '-2,99', lokasi_khusus: 'Rumah Sakit', akses: 'Sungai' }),
    ]);
    expect(errors).toEqual([]);
    expect(rows[0]).toMatchObject({ nomor: 12, lat: -2.99, lokasiKhusus: 'rumah_sakit', akses: 'sungai' });
  });

  it('keeps a total without a split by sex, and derives the total from L and P', () => {
    const onlyTotal = parse(['kode_wilayah', 'tps', 'dpt_total'], [['73.73.01.1001', 1, 450]]);
    expect(onlyTotal.rows[0]).toMatchObject({ dptTotal: 450, dptLaki: null, dptPerempuan: null });
    const onlySplit = parse(['kode_wilayah', 'tps', 'L', 'P'], [['73.73.01.1001', 1, 220, 230]]);
    expect(onlySplit.rows[0]).toMatchObject({ dptTotal: 450, dptLaki: 220, dptPerempuan: 230 });
  });

  it('resolves kelurahan by names, and refuses unknown or ambiguous ones', () => {
    const headers = ['kecamatan', 'kelurahan', 'tps', 'jumlah'];
    const { rows, errors } = parse(headers, [
      ['WARA UTARA', 'Batupasi', 1, 300],
      ['Wara', 'Tidak Ada', 1, 300],
      ['Wara', 'Dua Nama', 1, 300],
      ['', 'Batupasi', 2, 300],
    ]);
    expect(rows.map((r) => r.kodeWilayah)).toEqual(['73.73.02.1002']);
    expect(errors.map((e) => [e.row, e.reason])).toEqual([
      [3, 'Kecamatan/kelurahan tidak ditemukan di wilayah impor ini'],
      [4, 'Nama kelurahan ganda di kecamatan ini; gunakan kode_wilayah'],
      [5, 'Isi kode_wilayah, atau nama kecamatan dan kelurahan'],
    ]);
  });

  it('reports a TPS listed twice with the row of its first appearance, and skips blank rows', () => {
    const { rows, errors } = parse(HEADERS, [row(), HEADERS.map(() => ''), row()]);
    expect(rows).toHaveLength(1);
    expect(errors).toEqual([{ row: 4, column: 'tps', value: '1', reason: 'TPS ini sudah ada di baris 2' }]);
  });

  it('reports every problem of every row at once', () => {
    const { errors } = parse(HEADERS, [row({ tps: '0', akses: 'kuda' }), row({ tps: '5', L: 'x' })]);
    expect(errors.map((e) => `${e.row}:${e.column}`)).toEqual(['2:tps', '2:akses', '3:dpt_laki_laki']);
  });
});

describe('normalizeName', () => {
  it('ignores case and punctuation', () => {
    expect(normalizeName('  WARA-UTARA ')).toBe('wara utara');
  });
});

describe('desaDirectory', () => {
  it('finds a desa by code and by its kecamatan and desa names, whatever their case and punctuation', () => {
    const directory = desaDirectory([
      { kode: '73.73.01.1001', nama: 'Wara', nama_kecamatan: 'Wara' },
      { kode: '73.73.02.1001', nama: 'Ponjalae', nama_kecamatan: 'Wara Timur' },
    ]);
    expect(directory.byKode.get('73.73.02.1001')).toEqual({ kode: '73.73.02.1001' });
    expect(directory.byKode.has('73.73.03.1001')).toBe(false);
    expect(directory.byNames.get('wara timur|ponjalae')).toEqual({ kode: '73.73.02.1001' });
  });

  it('marks a kecamatan and desa name two desa share as ambiguous', () => {
    const directory = desaDirectory([
      { kode: '73.73.01.1001', nama: 'Salobulo', nama_kecamatan: 'Wara' },
      { kode: '73.73.01.1002', nama: 'SALOBULO', nama_kecamatan: 'Wara.' },
      { kode: '73.73.01.1003', nama: 'Boting', nama_kecamatan: 'Wara' },
    ]);
    expect(directory.byNames.get('wara|salobulo')).toBe('ambiguous');
    expect(directory.byNames.get('wara|boting')).toEqual({ kode: '73.73.01.1003' });
    expect(directory.byKode.size).toBe(3);
  });
});
