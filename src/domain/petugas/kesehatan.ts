/**
 * Officers' health: the Puskesmas check before voting day (risk factors, results, the values a "layak"
 * may not carry) and how long health data is kept after an election closes. Pure; rules and sources:
 * docs/domain/petugas.md.
 */

/**
 * Risk factors a Puskesmas check records: the comorbidities KPU listed for its ad hoc officers
 * (hypertension, diabetes, TB, stroke, cancer, heart disease; pilkada-facts §7), plus age over 50
 * (2019's deaths were mostly aged 50-59, §7) and pregnancy.
 */
export const FAKTOR_RISIKO = [
  'hipertensi',
  'diabetes',
  'jantung',
  'stroke',
  'tbc',
  'kanker',
  'hamil',
  'usia_lanjut',
] as const;
export type FaktorRisiko = (typeof FAKTOR_RISIKO)[number];

/** The result of the Puskesmas check: fit, fit with a note (watch on H), or not fit to serve. */
export const HASIL_SKRINING = ['layak', 'layak_catatan', 'tidak_layak'] as const;
export type HasilSkrining = (typeof HASIL_SKRINING)[number];

/** Age from which the screening marks "usia_lanjut" as a risk (Siaga default, configurable in code). */
export const USIA_RISIKO = 50;

/**
 * The risk factors a screening records: those the examiner ticked, and age itself when the officer is
 * at or over USIA_RISIKO on voting day.
 */
export function faktorRisikoSkrining(
  dicentang: readonly FaktorRisiko[],
  usia: number | null,
): FaktorRisiko[] {
  const set = new Set(dicentang);
  if (usia !== null && usia >= USIA_RISIKO) set.add('usia_lanjut');
  return FAKTOR_RISIKO.filter((f) => set.has(f));
}

/**
 * Blood pressure and blood sugar values the check records; a result "layak" with systolic ≥ 160 or
 * diastolic ≥ 100 (hypertension stage 2) or random blood sugar ≥ 200 mg/dL (diabetes) is refused:
 * the examiner must say "layak_catatan" or "tidak_layak" (Siaga default: the thresholds of
 * hypertension stage 2 and of diabetes by random glucose, Kemenkes/WHO; docs/domain/petugas.md).
 */
export function checkHasilSkrining(input: {
  hasil: HasilSkrining;
  sistolik: number | null;
  diastolik: number | null;
  gulaDarah: number | null;
}): string | null {
  if (input.hasil !== 'layak') return null;
  if ((input.sistolik ?? 0) >= 160 || (input.diastolik ?? 0) >= 100) {
    return 'Tekanan darah setinggi ini tidak bisa berhasil "layak" tanpa catatan';
  }
  if ((input.gulaDarah ?? 0) >= 200) {
    return 'Gula darah setinggi ini tidak bisa berhasil "layak" tanpa catatan';
  }
  return null;
}

/** Milliseconds in a day, for the retention counted in days. */
const DAY_MS = 86_400_000;

/**
 * Days after an election closes that its officers' health data is kept (for compensation claims and
 * disputes), then deleted: Siaga default, configurable per kab/kota by an admin (UU 27/2022 Pasal 43:
 * personal data is deleted when its purpose has ended).
 */
export const RETENSI_HARI_DEFAULT = 90;

/** True when health data of an election closed at `ditutupAt` is due for deletion at `now`. */
export function isRetensiLewat(ditutupAt: number | null, retensiHari: number, now: number): boolean {
  return ditutupAt !== null && now >= ditutupAt + retensiHari * DAY_MS;
}
