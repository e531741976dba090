/**
 * The summary in the form Bawaslu publishes: the number of TPS per indicator, per kecamatan and in
 * total, in three groups named as Bawaslu names them ("paling banyak terjadi", "banyak terjadi",
 * "tidak banyak terjadi namun perlu diantisipasi", pilkada-facts §2.1), with each kecamatan's top
 * risks. Bawaslu never published how it assigns the groups, and its releases do not follow one share
 * rule (the nation and Kota Kotamobagu both 6 / 16 / 3, Depok 3 "banyak" / 5 "tidak banyak"), so the
 * grouping here is Siaga's own: by share of assessed TPS, Siaga default, configurable. The summary
 * carries its cut-offs so that every screen can say whose rule it is (docs/domain/kerawanan.md).
 */
import type { IndicatorCatalogue } from './catalogue';

export type Frekuensi = 'paling_banyak' | 'banyak' | 'tidak_banyak';

export interface SummaryConfig {
  /** Share of TPS at or above which an indicator is "paling banyak terjadi". */
  palingBanyakFrom: number;
  /** Share of TPS at or above which an indicator is "banyak terjadi". */
  banyakFrom: number;
  /** Top risks listed per kecamatan. */
  topPerKecamatan: number;
}

export const DEFAULT_SUMMARY: SummaryConfig = { palingBanyakFrom: 0.1, banyakFrom: 0.01, topPerKecamatan: 3 };

export interface AssessedTps {
  kodeKecamatan: string;
  indicators: readonly string[];
}

export interface IndicatorCount {
  kode: string;
  label: string;
  tps: number;
  share: number;
  frekuensi: Frekuensi;
}

export interface KerawananSummary {
  /** The cut-offs the groups were made with: Siaga's, not Bawaslu's. */
  pengelompokan: { palingBanyakFrom: number; banyakFrom: number };
  totalTps: number;
  indicators: IndicatorCount[];
  kecamatan: {
    kodeKecamatan: string;
    totalTps: number;
    counts: Record<string, number>;
    top: IndicatorCount[];
  }[];
}

export function frekuensiOf(share: number, config: SummaryConfig = DEFAULT_SUMMARY): Frekuensi {
  if (share >= config.palingBanyakFrom) return 'paling_banyak';
  if (share >= config.banyakFrom) return 'banyak';
  return 'tidak_banyak';
}

/** The figures of one kecamatan: its assessed TPS and, per indicator code, the TPS where it held. */
export interface KecamatanCounts {
  kodeKecamatan: string;
  assessed: number;
  counts: Readonly<Record<string, number>>;
}

/**
 * The summary from figures already added up per kecamatan (the database keeps them, issue #15); codes
 * outside the catalogue and kecamatan without an assessed TPS are left out.
 */
export function summarizeCounts(
  kecamatan: readonly KecamatanCounts[],
  catalogue: IndicatorCatalogue,
  config: SummaryConfig = DEFAULT_SUMMARY,
): KerawananSummary {
  const labels = new Map(catalogue.indicators.map((i) => [i.kode, i.label]));
  const order = new Map(catalogue.indicators.map((i, index) => [i.kode, index]));
  const total = new Map<string, number>();
  let assessed = 0;
  const known = kecamatan
    .filter((k) => k.assessed > 0)
    .map((k) => {
      assessed += k.assessed;
      const counts = new Map<string, number>();
      for (const [kode, n] of Object.entries(k.counts)) {
        if (!labels.has(kode) || n <= 0) continue;
        counts.set(kode, n);
        total.set(kode, (total.get(kode) ?? 0) + n);
      }
      return { kodeKecamatan: k.kodeKecamatan, totalTps: k.assessed, counts };
    });
  const toCounts = (counts: Map<string, number>, of: number): IndicatorCount[] =>
    [...counts]
      .map(([kode, tps]) => {
        const share = of === 0 ? 0 : tps / of;
        return { kode, label: labels.get(kode)!, tps, share, frekuensi: frekuensiOf(share, config) };
      })
      .sort((a, b) => b.tps - a.tps || order.get(a.kode)! - order.get(b.kode)!);
  return {
    pengelompokan: { palingBanyakFrom: config.palingBanyakFrom, banyakFrom: config.banyakFrom },
    totalTps: assessed,
    indicators: toCounts(total, assessed),
    kecamatan: known
      .sort((a, b) => a.kodeKecamatan.localeCompare(b.kodeKecamatan))
      .map((k) => ({
        kodeKecamatan: k.kodeKecamatan,
        totalTps: k.totalTps,
        counts: Object.fromEntries(k.counts),
        top: toCounts(k.counts, k.totalTps).slice(0, config.topPerKecamatan),
      })),
  };
}

/** Counts every indicator that held at least once (once per TPS); those that never held are left out. */
export function summarizeKerawanan(
  assessed: readonly AssessedTps[],
  catalogue: IndicatorCatalogue,
  config: SummaryConfig = DEFAULT_SUMMARY,
): KerawananSummary {
  const perKecamatan = new Map<string, { assessed: number; counts: Record<string, number> }>();
  for (const tps of assessed) {
    const kecamatan = perKecamatan.get(tps.kodeKecamatan) ?? {
      assessed: 0,
      counts: Object.create(null) as Record<string, number>,
    };
    kecamatan.assessed += 1;
    for (const kode of new Set(tps.indicators)) kecamatan.counts[kode] = (kecamatan.counts[kode] ?? 0) + 1;
    perKecamatan.set(tps.kodeKecamatan, kecamatan);
  }
  return summarizeCounts(
    [...perKecamatan].map(([kodeKecamatan, k]) => ({ kodeKecamatan, ...k })),
    catalogue,
    config,
  );
}
