import { describe, expect, it } from 'vitest';
import { checkHasilSkrining, faktorRisikoSkrining, isRetensiLewat } from './kesehatan';

const H = 3_600_000;

describe('screening', () => {
  it('adds age as a risk at 50, not at 49', () => {
    expect(faktorRisikoSkrining(['hipertensi'], 50)).toEqual(['hipertensi', 'usia_lanjut']);
    expect(faktorRisikoSkrining(['hipertensi'], 49)).toEqual(['hipertensi']);
    expect(faktorRisikoSkrining([], null)).toEqual([]);
  });
  it('refuses "layak" with stage-2 blood pressure or diabetic blood sugar', () => {
    const base = { sistolik: 130, diastolik: 85, gulaDarah: 120 };
    expect(checkHasilSkrining({ hasil: 'layak', ...base })).toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, sistolik: 160 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, sistolik: 159 })).toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, diastolik: 100 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak', ...base, gulaDarah: 200 })).not.toBeNull();
    expect(checkHasilSkrining({ hasil: 'layak_catatan', ...base, sistolik: 170 })).toBeNull();
  });
});

describe('retention', () => {
  const closed = Date.parse('2024-12-10T00:00:00Z');
  it('deletes health data on the day the retention ends, not the day before', () => {
    expect(isRetensiLewat(closed, 90, closed + 90 * 24 * H)).toBe(true);
    expect(isRetensiLewat(closed, 90, closed + 90 * 24 * H - 1)).toBe(false);
    expect(isRetensiLewat(null, 0, closed)).toBe(false);
  });
});
