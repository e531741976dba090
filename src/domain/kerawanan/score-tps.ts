/**
 * From the indicators that hold at a TPS to a suggested category, with the reasons. Polri plans
 * by kurang rawan / rawan / sangat rawan, plus TPS khusus for prisons and other special locations
 * (pilkada-facts §2.3); Bawaslu's instrument records which indicators hold (§2.1). The rule is Siaga's,
 * documented with its defaults in docs/domain/kerawanan.md: the weights of the held indicators add up
 * to a score compared against two thresholds, and some indicators set a floor on their own.
 */
import type { IndicatorCatalogue, TpsVariable } from './catalogue';

export const KATEGORI = ['kurang_rawan', 'rawan', 'sangat_rawan', 'khusus'] as const;
export type Kategori = (typeof KATEGORI)[number];

const RANK: Record<Exclude<Kategori, 'khusus'>, number> = { kurang_rawan: 0, rawan: 1, sangat_rawan: 2 };

export interface ScoringConfig {
  /** Score at or above which a TPS is rawan. */
  rawanFrom: number;
  /** Score at or above which a TPS is sangat rawan. */
  sangatRawanFrom: number;
  /** Held indicators of the keamanan variable at or above which a TPS is sangat rawan. */
  keamananCountForSangatRawan: number;
}

/** Siaga's defaults: see docs/domain/kerawanan.md §Thresholds for the reasoning. */
export const DEFAULT_SCORING: ScoringConfig = {
  rawanFrom: 4,
  sangatRawanFrom: 9,
  keamananCountForSangatRawan: 2,
};

export interface Contribution {
  kode: string;
  label: string;
  variable: TpsVariable;
  weight: number;
}

export interface TpsScore {
  kategori: Kategori;
  score: number;
  /** Every held indicator with its weight, heaviest first: the "why" behind the colour. */
  contributions: Contribution[];
  /** Short Indonesian sentences naming the rule that decided the category. */
  reasons: string[];
  /** Held codes the catalogue does not know (kept, never silently dropped). */
  unknown: string[];
}

/** Scores one TPS; `isLokasiKhusus` comes from the TPS registry (lapas, rumah sakit…). */
export function scoreTps(
  held: readonly string[],
  catalogue: IndicatorCatalogue,
  options: { config?: ScoringConfig; isLokasiKhusus?: boolean } = {},
): TpsScore {
  const config = options.config ?? DEFAULT_SCORING;
  const byKode = new Map(catalogue.indicators.map((i) => [i.kode, i]));
  const unique = [...new Set(held)];
  const unknown = unique.filter((kode) => !byKode.has(kode));
  const indicators = unique.flatMap((kode) => byKode.get(kode) ?? []);
  const contributions = indicators
    .map((i) => ({ kode: i.kode, label: i.label, variable: i.variable, weight: i.weight }))
    .sort((a, b) => b.weight - a.weight || a.kode.localeCompare(b.kode));
  const score = contributions.reduce((sum, c) => sum + c.weight, 0);
  const reasons: string[] = [];

  if (options.isLokasiKhusus === true || indicators.some((i) => i.marksKhusus === true)) {
    reasons.push('TPS di lokasi khusus: pengamanan tersendiri (pola TPS khusus)');
    return { kategori: 'khusus', score, contributions, reasons, unknown };
  }

  let kategori: Exclude<Kategori, 'khusus'> = 'kurang_rawan';
  const raise = (to: Exclude<Kategori, 'khusus'>, reason: string): void => {
    if (RANK[to] > RANK[kategori]) kategori = to;
    reasons.push(reason);
  };
  if (score >= config.sangatRawanFrom) raise('sangat_rawan', `Skor ${score} ≥ ${config.sangatRawanFrom}`);
  else if (score >= config.rawanFrom) raise('rawan', `Skor ${score} ≥ ${config.rawanFrom}`);
  const keamanan = indicators.filter((i) => i.variable === 'keamanan').length;
  if (keamanan >= config.keamananCountForSangatRawan) {
    raise('sangat_rawan', `${keamanan} indikator keamanan terpenuhi`);
  }
  for (const indicator of indicators) {
    if (indicator.floor)
      raise(indicator.floor, `${indicator.label}: minimal ${indicator.floor.replace('_', ' ')}`);
  }
  if (reasons.length === 0)
    reasons.push(score === 0 ? 'Tidak ada indikator terpenuhi' : `Skor ${score} < ${config.rawanFrom}`);
  return { kategori, score, contributions, reasons, unknown };
}

/** The category that counts: a planner's override when there is one, else the suggestion. */
export function effectiveKategori(suggested: Kategori, override: { kategori: Kategori } | null): Kategori {
  return override?.kategori ?? suggested;
}
