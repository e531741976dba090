/**
 * The TPS (polling station) as Siaga keeps it. Fields follow what KPU publishes per TPS (DPT by sex)
 * plus what security planning needs (place, access mode, special location); docs/domain/tps.md.
 */

/** How a TPS is reached; river, sea and air access change logistics and deployment. */
export const AKSES_TPS = ['darat', 'sungai', 'laut', 'udara'] as const;
export type AksesTps = (typeof AKSES_TPS)[number];

/**
 * Special locations (TPS lokasi khusus, Bawaslu indicator 23): TPS inside a prison, a hospital or a
 * company site, which need their own arrangements. Kota Palopo had 2 TPS at Lapas IIA in 2024.
 */
export const LOKASI_KHUSUS = [
  'lapas',
  'rutan',
  'rumah_sakit',
  'panti_sosial',
  'perkebunan',
  'pertambangan',
  'pesantren',
  'relokasi_bencana',
  'lainnya',
] as const;
export type LokasiKhusus = (typeof LOKASI_KHUSUS)[number];

/**
 * Most voters one TPS may serve in a Pilkada (600; 300 for a Pemilu). Source:
 * ../shared/domain/pilkada-facts.md §0, cited in docs/domain/tps.md.
 */
export const MAX_DPT_PER_TPS_PILKADA = 600;

/** Indonesia's extent with a margin, to catch swapped or mistyped coordinates. */
export const INDONESIA_BOUNDS = { minLat: -11.5, maxLat: 6.5, minLon: 94.5, maxLon: 141.5 } as const;

export function isInsideIndonesia(lat: number, lon: number): boolean {
  const b = INDONESIA_BOUNDS;
  return lat >= b.minLat && lat <= b.maxLat && lon >= b.minLon && lon <= b.maxLon;
}
