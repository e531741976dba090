/**
 * The kerawanan summary of an area (counts per category and per indicator, in total and per area
 * one level below, in Bawaslu's published form): the nation per provinsi, a provinsi per kab/kota, a
 * kab/kota per kecamatan, a kecamatan or desa its own kecamatan; a reader drills down rather than
 * receiving the nation's 7,285 kecamatan at once (2.8 MB). A kecamatan, kab/kota, provinsi or the
 * nation reads the figures the database keeps per kecamatan, summed per area in the database
 * (kerawanan-summary.repo.ts). A kelurahan/desa, below the kecamatan, scans its few TPS.
 * Both ways end in the same assembly, and the service test compares them after every kind of change.
 */
import type { SummaryResponse } from '../../../contracts/kerawanan';
import type { IndicatorCatalogue, Phase } from '../../../domain/kerawanan/catalogue';
import { KATEGORI, effectiveKategori, type Kategori } from '../../../domain/kerawanan/score-tps';
import { summarizeCounts } from '../../../domain/kerawanan/summary';
import type { Db } from '../../db/client';
import { findTpsWithKerawanan } from './kerawanan.repo';
import { findAreaFigures, findWilayahNames, rincianKodeOf, tingkatRincianOf } from './kerawanan-summary.repo';

/** One area's figures (a provinsi, kab/kota or kecamatan of the breakdown), however they were obtained. */
interface AreaFigures {
  kode: string;
  nama: string;
  /** TPS that vote in the election. */
  totalTps: number;
  /** TPS with a current assessment. */
  assessed: number;
  kategori: Record<Kategori, number>;
  /** Assessed TPS per indicator code. */
  counts: Record<string, number>;
}

export function emptyKategoriCounts(): Record<Kategori, number> {
  return Object.fromEntries(KATEGORI.map((k) => [k, 0])) as Record<Kategori, number>;
}

function assemble(
  scope: string | null,
  phase: Phase,
  catalogue: IndicatorCatalogue,
  figures: readonly AreaFigures[],
): SummaryResponse {
  const listed = figures.filter((k) => k.totalTps > 0).sort((a, b) => (a.kode < b.kode ? -1 : 1));
  // Bawaslu's form is per kecamatan; the same rule ranks an area's top risks at any level.
  const summary = summarizeCounts(
    listed.map((k) => ({ kodeKecamatan: k.kode, assessed: k.assessed, counts: k.counts })),
    catalogue,
  );
  const tops = new Map(summary.kecamatan.map((k) => [k.kodeKecamatan, k.top]));
  const kategori = emptyKategoriCounts();
  let totalTps = 0;
  let assessedTps = 0;
  for (const k of listed) {
    totalTps += k.totalTps;
    assessedTps += k.assessed;
    for (const name of KATEGORI) kategori[name] += k.kategori[name];
  }
  return {
    kodeWilayah: scope,
    phase,
    pengelompokan: summary.pengelompokan,
    totalTps,
    assessedTps,
    kategori,
    indicators: summary.indicators,
    tingkatRincian: tingkatRincianOf(scope),
    rincian: listed.map((k) => ({
      kode: k.kode,
      nama: k.nama,
      totalTps: k.totalTps,
      assessedTps: k.assessed,
      kategori: k.kategori,
      top: tops.get(k.kode) ?? [],
    })),
  };
}

/**
 * From the figures the database keeps per kecamatan, summed per area of the breakdown in the
 * database (scope: a kecamatan or above; null the nation).
 */
export async function summaryFromRollup(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  phase: Phase,
  catalogue: IndicatorCatalogue,
): Promise<SummaryResponse> {
  const rows = await findAreaFigures(
    db,
    pemilihanId,
    phase,
    scope,
    catalogue.indicators.map((i) => i.kode),
  );
  return assemble(
    scope,
    phase,
    catalogue,
    rows.map((r) => ({
      kode: r.kode,
      nama: r.nama,
      totalTps: r.tps,
      assessed: r.assessed,
      kategori: {
        kurang_rawan: r.kurang_rawan,
        rawan: r.rawan,
        sangat_rawan: r.sangat_rawan,
        khusus: r.khusus,
      },
      counts: r.indikator,
    })),
  );
}

/** By scanning every TPS of the area with its assessment and override: the reference, and a desa's way. */
export async function summaryFromScan(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  phase: Phase,
  catalogue: IndicatorCatalogue,
): Promise<SummaryResponse> {
  const tingkat = tingkatRincianOf(scope);
  const figures = new Map<string, AreaFigures>();
  for (const row of await findTpsWithKerawanan(db, pemilihanId, scope, phase)) {
    const kode = rincianKodeOf(row.kode_kecamatan!, tingkat);
    const k = figures.get(kode) ?? {
      kode,
      nama: row.nama_kecamatan,
      totalTps: 0,
      assessed: 0,
      kategori: emptyKategoriCounts(),
      counts: Object.create(null) as Record<string, number>,
    };
    figures.set(kode, k);
    k.totalTps += 1;
    if (row.kategori !== null) {
      k.assessed += 1;
      for (const indicator of new Set(row.indicators ?? [])) {
        k.counts[indicator] = (k.counts[indicator] ?? 0) + 1;
      }
    }
    const effective = effectiveKategoriOf(row);
    if (effective !== null) k.kategori[effective] += 1;
  }
  // Above the kecamatan the rows name the provinsi or kab/kota, not the kecamatan they came from.
  if (tingkat !== 'kecamatan' && figures.size > 0) {
    for (const w of await findWilayahNames(db, [...figures.keys()])) figures.get(w.kode)!.nama = w.nama;
  }
  return assemble(scope, phase, catalogue, [...figures.values()]);
}

/** A TPS's category in force: the planner's override, else the suggestion (null: neither). */
export function effectiveKategoriOf(row: {
  kategori: Kategori | null;
  override_kategori: Kategori | null;
}): Kategori | null {
  if (row.kategori === null) return row.override_kategori;
  return effectiveKategori(
    row.kategori,
    row.override_kategori === null ? null : { kategori: row.override_kategori },
  );
}
