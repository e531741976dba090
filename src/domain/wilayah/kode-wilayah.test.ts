import { describe, expect, it } from 'vitest';
import { compactKode, isWithinWilayah, normalizeKodeWilayah, parseKodeWilayah } from './kode-wilayah';

describe('parseKodeWilayah', () => {
  it.each([
    ['73', 'provinsi', 'provinsi', null],
    ['73.73', 'kabkota', 'kota', '73'],
    ['73.71', 'kabkota', 'kota', '73'],
    ['73.69', 'kabkota', 'kabupaten', '73'],
    ['64.08', 'kabkota', 'kabupaten', '64'],
    ['73.73.01', 'kecamatan', 'kecamatan', '73.73'],
    ['73.73.01.1001', 'desa', 'kelurahan', '73.73.01'],
    ['64.08.11.2001', 'desa', 'desa', '64.08.11'],
    ['11.01.01.3001', 'desa', 'desa_adat', '11.01.01'],
    ['7373011001', 'desa', 'kelurahan', '73.73.01'],
  ])('%s is a %s (%s) under %s', (input, level, jenis, parentKode) => {
    const parsed = parseKodeWilayah(input);
    expect(parsed).toMatchObject({ ok: true, value: { level, jenis, parentKode } });
  });

  it('lists every ancestor from provinsi down', () => {
    const parsed = parseKodeWilayah('73.73.01.1001');
    expect(parsed.ok && parsed.value.ancestorKodes).toEqual(['73', '73.73', '73.73.01']);
  });

  it.each([
    ['', 'empty'],
    ['  ', 'empty'],
    ['73.73.01.1001.1', 'format'],
    ['abc', 'format'],
    ['737301100', 'format'],
    ['73.7', 'segment'],
    ['73.00', 'segment'],
    ['73.73.01.0000', 'segment'],
    ['73.73.01.4001', 'segment'],
    ['73.73.1.1001', 'segment'],
  ])('rejects %j (%s)', (input, error) => {
    expect(parseKodeWilayah(input)).toEqual({ ok: false, error });
  });
});

describe('normalizeKodeWilayah', () => {
  it.each([
    ['7373011001', '73.73.01.1001'],
    ['737301', '73.73.01'],
    ['7373', '73.73'],
    [' 73.73.01 ', '73.73.01'],
    ['73 73', '73.73'],
    ['73-73', null],
    ['12345', null],
  ])('%j → %j', (input, expected) => {
    expect(normalizeKodeWilayah(input)).toBe(expected);
  });
});

describe('isWithinWilayah', () => {
  it.each([
    ['73.73.01.1001', '73.73', true],
    ['73.73', '73.73', true],
    ['73.73.01', '73', true],
    ['73.7', '73.73', false],
    ['73.71.01', '73.7', false],
    ['73.73', '73.73.01', false],
    ['64.08.01', '73', false],
  ])('%s within %s: %s', (kode, scope, expected) => {
    expect(isWithinWilayah(kode, scope)).toBe(expected);
  });
});

describe('compactKode', () => {
  it('drops the dots, as KPU writes codes', () => {
    expect(compactKode('73.73.01.1001')).toBe('7373011001');
  });
});
