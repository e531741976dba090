import { z } from 'zod';
import { AKSES_TPS, LOKASI_KHUSUS, MAX_DPT_PER_TPS_PILKADA, isInsideIndonesia } from '../domain/tps/tps';
import { MAX_NOMOR_TPS } from '../domain/tps/kode-tps';
import { INT4_MAX, KodeWilayah, PageQuery, pageOf, Version } from './common';

export const Tps = z.object({
  id: z.string(),
  kode: z.string(),
  kodeWilayah: z.string(),
  nomor: z.number().int(),
  nama: z.string(),
  namaKelurahan: z.string(),
  namaKecamatan: z.string(),
  dptTotal: z.number().int(),
  dptLaki: z.number().int().nullable(),
  dptPerempuan: z.number().int().nullable(),
  alamat: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  akses: z.enum(AKSES_TPS),
  lokasiKhusus: z.enum(LOKASI_KHUSUS).nullable(),
  isGenerated: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
});
export type Tps = z.infer<typeof Tps>;

export const TPS_SORTS = ['kode', 'dpt_desc', 'dpt_asc'] as const;

export const TpsListQuery = PageQuery.extend({
  wilayah: KodeWilayah.optional(),
  q: z.string().trim().max(100).optional(),
  akses: z.enum(AKSES_TPS).optional(),
  lokasiKhusus: z.enum([...LOKASI_KHUSUS, 'ada', 'tidak']).optional(),
  tanpaKoordinat: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  sort: z.enum(TPS_SORTS).default('kode'),
  /**
   * Where to continue: a page's `nextCursor` or `prevCursor`, opaque to the caller (keyset paging,
   * issue 15: a national list does not count past the rows before it). Takes precedence over `page`.
   */
  cursor: z.string().trim().min(1).max(200).optional(),
});
export type TpsListQuery = z.infer<typeof TpsListQuery>;

export const TpsPage = pageOf(Tps).extend({
  dptTotal: z.number().int(),
  /** The page after this one in the same order, or null on the last page. */
  nextCursor: z.string().nullable(),
  /** The page before this one, or null on the first page. */
  prevCursor: z.string().nullable(),
});
export type TpsPage = z.infer<typeof TpsPage>;

const TpsFields = z
  .object({
    dptTotal: z.number().int().min(0).max(MAX_DPT_PER_TPS_PILKADA),
    dptLaki: z.number().int().min(0).max(INT4_MAX).nullable().default(null),
    dptPerempuan: z.number().int().min(0).max(INT4_MAX).nullable().default(null),
    alamat: z.string().trim().max(500).nullable().default(null),
    lat: z.number().min(-90).max(90).nullable().default(null),
    lon: z.number().min(-180).max(180).nullable().default(null),
    akses: z.enum(AKSES_TPS).default('darat'),
    lokasiKhusus: z.enum(LOKASI_KHUSUS).nullable().default(null),
  })
  .strict();

function checkTps(value: z.infer<typeof TpsFields>, ctx: z.RefinementCtx): void {
  if ((value.dptLaki === null) !== (value.dptPerempuan === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['dptPerempuan'],
      message: 'Isi DPT laki-laki dan perempuan bersama',
    });
  }
  if (
    value.dptLaki !== null &&
    value.dptPerempuan !== null &&
    value.dptLaki + value.dptPerempuan !== value.dptTotal
  ) {
    ctx.addIssue({
      code: 'custom',
      path: ['dptTotal'],
      message: 'DPT total harus sama dengan laki-laki + perempuan',
    });
  }
  if ((value.lat === null) !== (value.lon === null)) {
    ctx.addIssue({ code: 'custom', path: ['lon'], message: 'Isi latitude dan longitude bersama' });
  }
  if (value.lat !== null && value.lon !== null && !isInsideIndonesia(value.lat, value.lon)) {
    ctx.addIssue({ code: 'custom', path: ['lat'], message: 'Koordinat di luar wilayah Indonesia' });
  }
}

export const TpsCreateInput = TpsFields.extend({
  kodeWilayah: KodeWilayah,
  nomor: z.number().int().min(1).max(MAX_NOMOR_TPS),
}).superRefine(checkTps);
export type TpsCreateInput = z.infer<typeof TpsCreateInput>;

export const TpsUpdateInput = TpsFields.extend({
  /** The version the editor saw; a stale edit is refused instead of silently overwriting. */
  version: Version,
}).superRefine(checkTps);
export type TpsUpdateInput = z.infer<typeof TpsUpdateInput>;

export const TpsImportError = z.object({
  row: z.number().int(),
  column: z.string(),
  value: z.string(),
  reason: z.string(),
});
export type TpsImportError = z.infer<typeof TpsImportError>;

export const TpsImportResult = z.object({
  importId: z.string(),
  wilayah: z.string(),
  rows: z.number().int(),
  inserted: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
  replayed: z.boolean(),
});
export type TpsImportResult = z.infer<typeof TpsImportResult>;

/** One line of the NDJSON stream an import sends when the client asks for progress. */
export const TpsImportEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('progress'),
    phase: z.enum(['parse', 'validate', 'write']),
    done: z.number(),
    total: z.number(),
  }),
  z.object({ type: z.literal('done'), result: TpsImportResult }),
  z.object({
    type: z.literal('error'),
    error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
  }),
]);
export type TpsImportEvent = z.infer<typeof TpsImportEvent>;

/** The content type of each export format. */
export const TPS_EXPORT_CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json',
} as const;

export const TpsExportQuery = z.object({
  format: z.enum(['csv', 'xlsx', 'geojson']),
  wilayah: KodeWilayah.optional(),
});

export const MapQuery = z.object({ wilayah: KodeWilayah.optional() });
/** A point per TPS for small areas, or a point per child area (its TPS's centroid) for large ones. */
export const MapResponse = z.object({
  mode: z.enum(['tps', 'wilayah']),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]).nullable(),
  geojson: z.object({
    type: z.literal('FeatureCollection'),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]) }),
        properties: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
      }),
    ),
  }),
});
export type MapResponse = z.infer<typeof MapResponse>;
