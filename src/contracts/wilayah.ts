import { z } from 'zod';
import { KodeWilayah } from './common';

export const WILAYAH_JENIS = [
  'provinsi',
  'kabupaten',
  'kota',
  'kecamatan',
  'kelurahan',
  'desa',
  'desa_adat',
] as const;

export const WilayahSummary = z.object({
  kode: z.string(),
  nama: z.string(),
  level: z.number().int().min(1).max(4),
  jenis: z.enum(WILAYAH_JENIS),
  parentKode: z.string().nullable(),
});
export type WilayahSummary = z.infer<typeof WilayahSummary>;

export const WilayahStats = z.object({
  children: z.number().int(),
  tps: z.number().int(),
  dpt: z.number().int(),
});

export const WilayahDetail = WilayahSummary.extend({
  ancestors: z.array(WilayahSummary),
  stats: WilayahStats,
});
export type WilayahDetail = z.infer<typeof WilayahDetail>;

export const WilayahChild = WilayahSummary.extend({ stats: WilayahStats });
export type WilayahChild = z.infer<typeof WilayahChild>;

export const WilayahChildrenQuery = z.object({ parent: KodeWilayah.optional() });
export const WilayahChildrenResponse = z.object({ items: z.array(WilayahChild) });

export const WilayahSearchQuery = z.object({
  q: z.string().trim().min(2, 'Minimal 2 huruf').max(100),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
export const WilayahSearchResult = WilayahSummary.extend({ path: z.string() });
export const WilayahSearchResponse = z.object({ items: z.array(WilayahSearchResult) });
export type WilayahSearchResult = z.infer<typeof WilayahSearchResult>;
