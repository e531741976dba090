/**
 * Where a leg's points sit on the map. Siaga keeps no coordinates for the KPU warehouse, a PPK or a
 * PPS, only for TPS: a TPS is its own point, and an area's depot is drawn at the mean of its TPS
 * (Siaga default: the warehouse and the PPK/PPS offices are usually in the area's centre; an address
 * field would replace this). A point with no TPS located below it has no place (null).
 */
import type { Titik } from './logistik';

export interface TpsTitik {
  kodeWilayah: string;
  nomor: number;
  lat: number;
  lon: number;
}

export type Koordinat = { lat: number; lon: number };

/** A lookup for points of one kab/kota, from its located TPS. */
export function petaTitik(tps: readonly TpsTitik[]) {
  const sums = new Map<string, { lat: number; lon: number; n: number }>();
  const exact = new Map<string, Koordinat>();
  for (const t of tps) {
    exact.set(`${t.kodeWilayah}#${t.nomor}`, { lat: t.lat, lon: t.lon });
    const parts = t.kodeWilayah.split('.');
    // Every area the TPS lies in, from the kab/kota (two segments) down to its kelurahan.
    for (let depth = 2; depth <= parts.length; depth += 1) {
      const area = parts.slice(0, depth).join('.');
      const s = sums.get(area) ?? { lat: 0, lon: 0, n: 0 };
      s.lat += t.lat;
      s.lon += t.lon;
      s.n += 1;
      sums.set(area, s);
    }
  }
  return (p: { titik: Titik; kodeWilayah: string; tpsNomor: number | null }): Koordinat | null => {
    if (p.titik === 'tps' && p.tpsNomor !== null) {
      const own = exact.get(`${p.kodeWilayah}#${p.tpsNomor}`);
      if (own) return own;
    }
    const s = sums.get(p.kodeWilayah);
    return s ? { lat: s.lat / s.n, lon: s.lon / s.n } : null;
  };
}
