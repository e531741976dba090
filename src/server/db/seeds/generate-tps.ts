/**
 * Generates TPS for demo and benchmark data that add up exactly to a region's real TPS count and DPT
 * total, spread over its real kelurahan/desa with plausible sizes and coordinates inside its extent.
 * Deterministic for a seed. Every row is marked is_generated.
 */
import { formatKodeTps } from '../../../domain/tps/kode-tps';
import { MAX_DPT_PER_TPS_PILKADA, type AksesTps, type LokasiKhusus } from '../../../domain/tps/tps';
import type { NewTps } from '../schema';
import { createRng } from '../../../domain/random/rng';

export interface DesaRef {
  kode: string;
  kecamatanNama: string;
}

export interface GenerateTpsInput {
  desa: readonly DesaRef[];
  tps: number;
  dpt: number;
  maleShare: number;
  bbox: { minLat: number; maxLat: number; minLon: number; maxLon: number };
  tpsPerKecamatan?: Record<string, number> | undefined;
  lokasiKhusus?: readonly { jenis: LokasiKhusus; count: number }[] | undefined;
  akses?: Record<string, { akses: AksesTps; share: number }> | undefined;
  seed: number;
}

/** Splits `total` into parts proportional to `weights` (largest remainder), each at least `min`. */
export function apportion(total: number, weights: readonly number[], min = 0): number[] {
  const n = weights.length;
  if (n === 0) return [];
  const base = Math.min(min, Math.floor(total / n));
  const rest = total - base * n;
  const sum = weights.reduce((a, b) => a + b, 0) || 1;
  const exact = weights.map((w) => (w / sum) * rest);
  const parts = exact.map((x) => Math.floor(x));
  let left = rest - parts.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((p, q) => q[0] - p[0]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]! += 1;
  return parts.map((p) => p + base);
}

/** DPT per TPS around the mean, each within 80..600, summing exactly to `total`. */
function spreadDpt(total: number, count: number, rng: () => number): number[] {
  const low = Math.min(80, Math.floor(total / count));
  const values = Array.from({ length: count }, () => (0.8 + 0.4 * rng()) * (total / count));
  const capped = values.map((v) => Math.max(low, Math.min(MAX_DPT_PER_TPS_PILKADA, Math.round(v))));
  let diff = total - capped.reduce((a, b) => a + b, 0);
  for (let i = 0; diff !== 0; i = (i + 1) % count) {
    const step = diff > 0 ? 1 : -1;
    const next = capped[i]! + step;
    if (next >= low && next <= MAX_DPT_PER_TPS_PILKADA) {
      capped[i] = next;
      diff -= step;
    }
  }
  return capped;
}

export function generateTps(input: GenerateTpsInput): NewTps[] {
  const rng = createRng(input.seed);
  const { desa, bbox } = input;
  const kecamatanNames = [...new Set(desa.map((d) => d.kecamatanNama))];

  // TPS per desa: known per-kecamatan counts first, then weights for desa sizes.
  const special = (input.lokasiKhusus ?? []).reduce((sum, s) => sum + s.count, 0);
  const regular = input.tps - special;
  const desaWeights = desa.map(() => 0.4 + rng() * 1.6);
  let perDesa: number[];
  if (input.tpsPerKecamatan) {
    const known = input.tpsPerKecamatan;
    // Special TPS are counted inside their kecamatan's published total (the first kecamatan's).
    perDesa = new Array<number>(desa.length).fill(0);
    for (const [k, name] of kecamatanNames.entries()) {
      const idx = desa.flatMap((d, i) => (d.kecamatanNama === name ? [i] : []));
      const count = (known[name] ?? 0) - (k === 0 ? special : 0);
      apportion(
        count,
        idx.map((i) => desaWeights[i]!),
        1,
      ).forEach((n, j) => (perDesa[idx[j]!] = n));
    }
  } else {
    perDesa = apportion(regular, desaWeights, 1);
  }

  // Where each kecamatan sits: a jittered grid over the extent.
  const cols = Math.ceil(Math.sqrt(kecamatanNames.length));
  const rows = Math.ceil(kecamatanNames.length / cols);
  const cellLat = (bbox.maxLat - bbox.minLat) / rows;
  const cellLon = (bbox.maxLon - bbox.minLon) / cols;
  const centers = new Map(
    kecamatanNames.map((name, i) => [
      name,
      {
        lat: bbox.minLat + (Math.floor(i / cols) + 0.25 + 0.5 * rng()) * cellLat,
        lon: bbox.minLon + ((i % cols) + 0.25 + 0.5 * rng()) * cellLon,
      },
    ]),
  );
  const clamp = (v: number, lo: number, hi: number): number => Math.max(lo, Math.min(hi, v));

  const slots: {
    desa: DesaRef;
    nomor: number;
    lat: number;
    lon: number;
    lokasiKhusus: LokasiKhusus | null;
  }[] = [];
  desa.forEach((d, i) => {
    const center = centers.get(d.kecamatanNama)!;
    const desaLat = center.lat + (rng() - 0.5) * cellLat * 0.6;
    const desaLon = center.lon + (rng() - 0.5) * cellLon * 0.6;
    for (let n = 1; n <= perDesa[i]!; n++) {
      slots.push({
        desa: d,
        nomor: n,
        lat: clamp(desaLat + (rng() - 0.5) * cellLat * 0.15, bbox.minLat, bbox.maxLat),
        lon: clamp(desaLon + (rng() - 0.5) * cellLon * 0.15, bbox.minLon, bbox.maxLon),
        lokasiKhusus: null,
      });
    }
  });
  let nomorKhusus = 901;
  // With published per-kecamatan counts, special TPS sit in the kecamatan that counted them.
  const hosts = input.tpsPerKecamatan
    ? slots.filter((s) => s.desa.kecamatanNama === kecamatanNames[0])
    : slots;
  for (const s of input.lokasiKhusus ?? []) {
    for (let k = 0; k < s.count; k++) {
      const host = hosts[Math.floor(rng() * hosts.length)] ?? {
        desa: desa[0]!,
        lat: bbox.minLat,
        lon: bbox.minLon,
      };
      slots.push({
        desa: host.desa,
        nomor: nomorKhusus++,
        lat: host.lat,
        lon: host.lon,
        lokasiKhusus: s.jenis,
      });
    }
  }

  const dpt = spreadDpt(input.dpt, slots.length, rng);
  return slots.map((slot, i) => {
    const total = dpt[i]!;
    const laki = Math.round(total * clamp(input.maleShare + (rng() - 0.5) * 0.06, 0, 1));
    const rule = input.akses?.[slot.desa.kecamatanNama];
    const akses: AksesTps = rule && rng() < rule.share ? rule.akses : 'darat';
    return {
      kode_wilayah: slot.desa.kode,
      nomor: slot.nomor,
      kode: formatKodeTps(slot.desa.kode, slot.nomor),
      dpt_total: total,
      dpt_laki: laki,
      dpt_perempuan: total - laki,
      alamat: null,
      lat: Math.round(slot.lat * 1e6) / 1e6,
      lon: Math.round(slot.lon * 1e6) / 1e6,
      akses,
      lokasi_khusus: slot.lokasiKhusus,
      is_generated: true,
    };
  });
}
