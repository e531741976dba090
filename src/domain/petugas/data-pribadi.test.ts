import { describe, expect, it } from 'vitest';
import { aksesDataPribadi, checkNik, maskNik, maskTelepon, normalizeTelepon, usiaPada } from './data-pribadi';

describe('identity numbers', () => {
  it.each([
    ['7373014107900001', true], // a woman born 1 July 1990 (day + 40)
    ['7373010107900001', true],
    ['737301010790000', false], // 15 digits
    ['7373013207900001', false], // day 32
    ['7373010113900001', false], // month 13
    ['73730101079000a1', false],
  ])('checkNik(%s) ok=%s', (nik, ok) => {
    expect(checkNik(nik).ok).toBe(ok);
  });
  it('normalises phone numbers and refuses what is not a mobile number', () => {
    expect(normalizeTelepon('+62 812-3456-7890')).toBe('081234567890');
    expect(normalizeTelepon('6281234567890')).toBe('081234567890');
    expect(normalizeTelepon('0471 21234')).toBeNull();
  });
  it('counts age on the day, a day before the birthday one less', () => {
    expect(usiaPada('1969-11-27', '2024-11-27')).toBe(55);
    expect(usiaPada('1969-11-28', '2024-11-27')).toBe(54);
  });
});

describe('masking', () => {
  it('shows only the last four digits of a NIK', () => {
    expect(maskNik('7373014107900012')).toBe('************0012');
    expect(maskNik(null)).toBeNull();
  });
  it('shows the prefix and last two digits of a phone', () => {
    expect(maskTelepon('081234567890')).toBe('0812******90');
    expect(maskTelepon('12345')).toBe('*****');
  });
  const reader = (role: string, agency: string, identitas: boolean, kesehatan: boolean) => ({
    role,
    agency,
    bolehIdentitas: identitas,
    bolehKesehatan: kesehatan,
  });
  it.each([
    ['KPU operator', reader('operator', 'kpu', true, true), false, { identitas: true, kesehatan: true }],
    [
      'Kesbangpol operator',
      reader('operator', 'kesbangpol', true, true),
      false,
      { identitas: false, kesehatan: false },
    ],
    ['Dinas Kesehatan', reader('dinkes', 'dinkes', true, true), false, { identitas: true, kesehatan: true }],
    ['KPPS chair, own TPS', reader('kpps', 'kpu', true, true), true, { identitas: true, kesehatan: true }],
    [
      'KPPS chair, other TPS',
      reader('kpps', 'kpu', true, true),
      false,
      { identitas: false, kesehatan: false },
    ],
    ['camat', reader('camat', 'pemda', false, false), false, { identitas: false, kesehatan: false }],
  ])('%s', (_name, r, own, expected) => {
    expect(aksesDataPribadi(r, { isTpsSendiri: own })).toEqual(expected);
  });
});
