import { describe, expect, it } from 'vitest';
import {
  checkSusunanImport,
  mapPetugasHeaders,
  parseJabatan,
  parseJenis,
  parsePetugasRows,
  parseTanggal,
  type PetugasDirectory,
} from './petugas-import';

const directory: PetugasDirectory = {
  byKode: new Map([['73.73.01.1001', { kode: '73.73.01.1001' }]]),
  byNames: new Map([['wara|tompotikka', { kode: '73.73.01.1001' }]]),
  kecamatanByKode: new Set(['73.73.01']),
  kecamatanByName: new Map([['wara', '73.73.01']]),
  tps: new Map([['73.73.01.1001#1', 'tps-1']]),
};

function parse(header: string[], rows: string[][], jenisDefault: 'kpps' | null = null) {
  const mapped = mapPetugasHeaders(header, jenisDefault);
  if (!mapped.ok) throw new Error(JSON.stringify(mapped.errors));
  return parsePetugasRows(mapped.columns, rows, directory, { jenisDefault, hariPemungutan: '2024-11-27' });
}

describe('reading a roster sheet', () => {
  it.each([
    ['KPPS', 'kpps'],
    ['Anggota KPPS', 'kpps'],
    ['PTPS', 'pengawas_tps'],
    ['Pengawas TPS', 'pengawas_tps'],
    ['Satlinmas', 'linmas'],
    ['PPK', 'ppk'],
    ['PPS', 'pps'],
    ['Saksi', null],
  ])('jenis %s is %s', (raw, jenis) => {
    expect(parseJenis(raw)).toBe(jenis);
  });
  it.each([
    ['Ketua KPPS', 'ketua'],
    ['Anggota 3', 'anggota'],
    ['', 'anggota'],
    ['Pengganti', 'cadangan'],
    ['Sekretaris', null],
  ])('jabatan %s is %s', (raw, jabatan) => {
    expect(parseJabatan(raw)).toBe(jabatan);
  });
  it('reads dates as ISO, XLSX instants and dd/mm/yyyy, refusing impossible ones', () => {
    expect(parseTanggal('1990-07-01')).toBe('1990-07-01');
    expect(parseTanggal('1990-07-01T00:00:00.000Z')).toBe('1990-07-01');
    expect(parseTanggal('01/07/1990')).toBe('1990-07-01');
    expect(parseTanggal('31/02/1990')).toBeNull();
  });
  it('needs nama, NIK, a place and a kind (or a kind chosen for the file)', () => {
    const bad = mapPetugasHeaders(['tps', 'jabatan'], null);
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors.map((e) => e.column)).toEqual(['nama', 'nik', 'jenis', 'kode_wilayah']);
    expect(mapPetugasHeaders(['kecamatan', 'kelurahan', 'tps', 'nama', 'nik'], 'kpps').ok).toBe(true);
  });
  it('places rows by names and TPS number; reports each bad cell with its row', () => {
    const header = ['kecamatan', 'kelurahan', 'tps', 'jabatan', 'nama', 'nik', 'no hp', 'tgl lahir'];
    const { rows, errors } = parse(
      header,
      [
        [
          'Wara',
          'Tompotikka',
          '001',
          'Ketua',
          'Andi Baso',
          '7373990101900001',
          '0812 3456 7890',
          '01/01/1990',
        ],
        ['Wara', 'Tompotikka', '1', 'Anggota', 'Sitti', '7373990101900001', '', ''],
        ['Wara', 'Tompotikka', '2', 'Anggota', 'Rahmat', '7373990202900002', '12345', '01/01/1960'],
        ['Wara', 'Lagaligo', '1', 'Anggota', 'Irwan', '7373990303900003', '', ''],
      ],
      'kpps',
    );
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        jenis: 'kpps',
        jabatan: 'ketua',
        tpsId: 'tps-1',
        telepon: '081234567890',
      }),
    ]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([
      [3, 'nik'],
      [4, 'tps'],
      [4, 'telepon'],
      [4, 'tanggal_lahir'],
      [5, 'kelurahan'],
    ]);
    // The NIK never appears whole in an error (an error list is shown and may be shared).
    expect(JSON.stringify(errors)).not.toContain('7373990101900001');
  });
  it('places a PPK in its kecamatan and refuses a TPS number for PPS', () => {
    const { rows, errors } = parse(
      ['kode_wilayah', 'tps', 'jenis', 'nama', 'nik'],
      [
        ['73.73.01', '', 'PPK', 'Hasanuddin', '7373990404800004'],
        ['73.73.01.1001', '3', 'PPS', 'Hartati', '7373994505800005'],
      ],
    );
    expect(rows).toEqual([expect.objectContaining({ jenis: 'ppk', kodeWilayah: '73.73.01', tpsId: null })]);
    expect(errors.map((e) => [e.row, e.column])).toEqual([[3, 'tps']]);
  });
  it('refuses a second KPPS chair at a TPS, counting officers already on record', () => {
    const row = { jenis: 'kpps' as const, kodeWilayah: '73.73.01.1001', tpsId: 'tps-1', nama: 'X' };
    const errors = checkSusunanImport(
      [
        { ...row, row: 2, jabatan: 'ketua', nik: '1', telepon: null, tanggalLahir: null, jenisKelamin: null },
        {
          ...row,
          row: 3,
          jabatan: 'anggota',
          nik: '2',
          telepon: null,
          tanggalLahir: null,
          jenisKelamin: null,
        },
      ],
      [
        { nik: '9', jenis: 'kpps', jabatan: 'ketua', tpsId: 'tps-1' },
        // Replaced by row 3 (same NIK): not counted twice.
        { nik: '2', jenis: 'kpps', jabatan: 'anggota', tpsId: 'tps-1' },
      ],
    );
    expect(errors.map((e) => e.row)).toEqual([2]);
  });
});
