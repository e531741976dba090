/**
 * What moving TPS statuses does to the voting-day counters of their wilayah and every wilayah above
 * (kelurahan, kecamatan, kab/kota, provinsi and the nation, kode ''). A counter per stage holds the
 * TPS that stand at that stage now; turnout sums the last count of each TPS; `dptPemilihDilaporkan`
 * sums the DPT of the TPS that have reported a count, the denominator of turnout in per cent
 * (docs/domain/laporan.md). The ingest computes these deltas beside its status decision and writes
 * them with it, so the counters stay equal to a scan of every TPS (tested against one).
 */
import { TAHAP_TPS, type StatusTps, type TahapTps } from './tps-status';

/** The stages that have a counter (every stage but "belum lapor"). */
export type TahapTerhitung = Exclude<TahapTps, 'belum_lapor'>;

export type RollupDelta = Record<TahapTerhitung, number> & {
  pemilih: number;
  dptPemilihDilaporkan: number;
};

export interface StatusMove {
  /** Kemendagri kode of the TPS's kelurahan/desa, e.g. 73.73.01.1001. */
  kodeWilayah: string;
  dptTotal: number;
  from: StatusTps;
  to: StatusTps;
}

/**
 * Turnout in per cent with one decimal: voters counted over the DPT of the TPS that reported a count
 * (docs/domain/laporan.md); null before any did.
 */
export function partisipasiPersen(pemilih: number, dptMelapor: number): number | null {
  return dptMelapor === 0 ? null : Math.round((pemilih / dptMelapor) * 1000) / 10;
}

/** The kode of a wilayah and of each wilayah above it, the nation ('') first. */
export function wilayahChain(kodeWilayah: string): string[] {
  const segments = kodeWilayah.split('.');
  return ['', ...segments.map((_, i) => segments.slice(0, i + 1).join('.'))];
}

/** Every field of a delta, in one fixed order (the loops below run once per report and wilayah). */
const FIELDS: readonly (keyof RollupDelta)[] = [
  ...TAHAP_TPS.filter((t): t is TahapTerhitung => t !== 'belum_lapor'),
  'pemilih',
  'dptPemilihDilaporkan',
];
const ZERO = Object.fromEntries(FIELDS.map((f) => [f, 0])) as RollupDelta;

/**
 * The net change per wilayah kode of these moves; wilayah whose counters do not change are left out.
 * Ordered by kode, the order in which the counter rows are locked (two writers never deadlock).
 */
export function rollupDelta(moves: readonly StatusMove[]): Map<string, RollupDelta> {
  // Per kelurahan first (a batch has many TPS in few kelurahan), then up the chain.
  const perDesa = new Map<string, RollupDelta>();
  for (const move of moves) {
    let d = perDesa.get(move.kodeWilayah);
    if (d === undefined) perDesa.set(move.kodeWilayah, (d = { ...ZERO }));
    if (move.from.tahap !== 'belum_lapor') d[move.from.tahap] -= 1;
    if (move.to.tahap !== 'belum_lapor') d[move.to.tahap] += 1;
    d.pemilih += (move.to.pemilih ?? 0) - (move.from.pemilih ?? 0);
    d.dptPemilihDilaporkan +=
      (move.to.pemilih === null ? 0 : move.dptTotal) - (move.from.pemilih === null ? 0 : move.dptTotal);
  }
  const all = new Map<string, RollupDelta>();
  for (const [kode, d] of perDesa) {
    for (const k of wilayahChain(kode)) {
      let sum = all.get(k);
      if (sum === undefined) all.set(k, (sum = { ...ZERO }));
      for (const f of FIELDS) sum[f] += d[f];
    }
  }
  const changed = [...all].filter(([, d]) => FIELDS.some((f) => d[f] !== 0));
  changed.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return new Map(changed);
}
