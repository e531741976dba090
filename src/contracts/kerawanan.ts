import { z } from 'zod';
import { IKP_KATEGORI, INDEKS_KERAWANAN } from '../domain/kerawanan/area-factors';
import { PHASES, TPS_VARIABLES } from '../domain/kerawanan/catalogue';
import { KATEGORI } from '../domain/kerawanan/score-tps';
import { LOKASI_KHUSUS } from '../domain/tps/tps';
import { KodeWilayah } from './common';

export const Phase = z.enum(PHASES);
export const Kategori = z.enum(KATEGORI);
/** An observation's state: baru, taken up by Bawaslu (diambil) or set aside (dikesampingkan). */
export const StatusPengamatan = z.enum(['baru', 'diambil', 'dikesampingkan']);
export type StatusPengamatan = z.infer<typeof StatusPengamatan>;

export const CatalogueIndicator = z.object({
  kode: z.string(),
  nomor: z.number().int().nullable(),
  variable: z.enum(TPS_VARIABLES),
  label: z.string(),
  weight: z.number(),
});

export const Contribution = z.object({
  kode: z.string(),
  label: z.string(),
  variable: z.string(),
  weight: z.number(),
});

export const CollectionWindow = z.object({
  opensOn: z.string(),
  closesOn: z.string(),
  status: z.enum(['belum_dibuka', 'berjalan', 'ditutup']),
  label: z.string(),
});

export const ChecklistTps = z.object({
  id: z.string(),
  kode: z.string(),
  nomor: z.number().int(),
  nama: z.string(),
  lokasiKhusus: z.enum(LOKASI_KHUSUS).nullable(),
  assessment: z
    .object({
      indicators: z.array(z.string()),
      notes: z.record(z.string(), z.string()),
      score: z.number(),
      kategori: Kategori,
      contributions: z.array(Contribution),
      assessedAt: z.string(),
      assessedBy: z.string().nullable(),
    })
    .nullable(),
  override: z
    .object({
      kategori: Kategori,
      reason: z.string(),
      decidedAt: z.string(),
      decidedBy: z.string().nullable(),
    })
    .nullable(),
  kategori: Kategori.nullable(),
  /** What the lurah, camat and tiga pilar observed at this TPS, for Bawaslu to take up. */
  pengamatan: z.array(
    z.object({
      id: z.string(),
      indikator: z.string().nullable(),
      catatan: z.string(),
      oleh: z.string().nullable(),
      olehRole: z.string().nullable(),
      at: z.string(),
      status: StatusPengamatan,
      tanggapan: z.string().nullable(),
      ditanggapiOleh: z.string().nullable(),
    }),
  ),
});
export type ChecklistTps = z.infer<typeof ChecklistTps>;

export const ChecklistQuery = z.object({ phase: Phase.default('pra') });

export const ChecklistResponse = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  phase: Phase,
  window: CollectionWindow,
  catalogue: z.object({
    id: z.string(),
    version: z.number().int(),
    nama: z.string(),
    indicators: z.array(CatalogueIndicator),
  }),
  tps: z.array(ChecklistTps),
});
export type ChecklistResponse = z.infer<typeof ChecklistResponse>;

export const ChecklistSubmit = z
  .object({
    phase: Phase,
    /** Made by the client once per submission: a retry after a dropped connection is not a duplicate. */
    submissionId: z.string().min(8).max(100),
    entries: z
      .array(
        z
          .object({
            tpsId: z.uuid(),
            indicators: z.array(z.string().max(80)).max(100),
            notes: z.record(z.string().max(80), z.string().trim().max(500)).default({}),
          })
          .strict(),
      )
      .min(1)
      .max(999),
  })
  .strict();
export type ChecklistSubmit = z.infer<typeof ChecklistSubmit>;

export const ChecklistSubmitResult = z.object({ saved: z.number().int(), replayed: z.boolean() });

export const CompletionQuery = z.object({ phase: Phase.default('pra') });
export const CompletionResponse = z.object({
  kodeWilayah: z.string(),
  phase: Phase,
  window: CollectionWindow,
  items: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      tps: z.number().int(),
      assessed: z.number().int(),
      complete: z.boolean(),
    }),
  ),
});

export const OverrideInput = z
  .object({
    phase: Phase,
    /** null withdraws the override: the suggestion counts again. */
    kategori: Kategori.nullable(),
    reason: z.string().trim().min(5, 'Alasan minimal 5 karakter').max(1000),
  })
  .strict();
export type OverrideInput = z.infer<typeof OverrideInput>;

export const SummaryQuery = z.object({ wilayah: KodeWilayah.optional(), phase: Phase.default('pra') });
const IndicatorCount = z.object({
  kode: z.string(),
  label: z.string(),
  tps: z.number().int(),
  share: z.number(),
  frekuensi: z.enum(['paling_banyak', 'banyak', 'tidak_banyak']),
});
export const SummaryResponse = z.object({
  kodeWilayah: z.string().nullable(),
  /** Siaga's cut-offs for the three groups (shares of assessed TPS); Bawaslu published none. */
  pengelompokan: z.object({ palingBanyakFrom: z.number(), banyakFrom: z.number() }),
  phase: Phase,
  totalTps: z.number().int(),
  assessedTps: z.number().int(),
  kategori: z.record(Kategori, z.number().int()),
  indicators: z.array(IndicatorCount),
  /**
   * The level of `rincian`: one below the area read and never below the kecamatan (the nation per
   * provinsi, a provinsi per kab/kota, a kab/kota per kecamatan, a kecamatan or desa its kecamatan).
   */
  tingkatRincian: z.enum(['provinsi', 'kabkota', 'kecamatan']),
  /** The area broken down at `tingkatRincian`, each with its top risks; a reader drills down by code. */
  rincian: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      totalTps: z.number().int(),
      assessedTps: z.number().int(),
      kategori: z.record(Kategori, z.number().int()),
      top: z.array(IndicatorCount),
    }),
  ),
});
export type SummaryResponse = z.infer<typeof SummaryResponse>;

export const AREA_FACTOR_KODES = [
  'riwayat_konflik',
  'rute_kampanye_akbar',
  'akses_sungai_laut',
  'musim_banjir',
  'ketegangan_media_sosial',
  'basis_massa_paslon',
  'sarana_keamanan_minim',
] as const;

export const AreaFactor = z.object({
  id: z.string(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  factor: z.enum(AREA_FACTOR_KODES),
  label: z.string(),
  phase: Phase.nullable(),
  note: z.string(),
  createdAt: z.string(),
  createdBy: z.string().nullable(),
});
export type AreaFactor = z.infer<typeof AreaFactor>;

export const AreaFactorInput = z
  .object({
    kodeWilayah: KodeWilayah,
    factor: z.enum(AREA_FACTOR_KODES),
    phase: Phase.nullable().default(null),
    note: z.string().trim().min(3, 'Keterangan minimal 3 karakter').max(1000),
  })
  .strict();
export type AreaFactorInput = z.infer<typeof AreaFactorInput>;

const IkpKategori = z.enum(IKP_KATEGORI);

export const Ikp = z.object({
  kodeWilayah: z.string(),
  indeks: z.enum(INDEKS_KERAWANAN),
  /** The index's name and release date, so a score is never read on another index's scale. */
  indeksLabel: z.string(),
  score: z.number(),
  year: z.number().int(),
  source: z.string(),
  /** Null when the index has no published cut-offs and Bawaslu released no category. */
  kategori: IkpKategori.nullable(),
  kategoriDari: z.enum(['batas_ikp_2024', 'rilis_bawaslu']).nullable(),
});

export const IkpInput = z
  .object({
    indeks: z.enum(INDEKS_KERAWANAN, { message: 'Pilih indeks: IKP 2024 atau pemetaan kerawanan 2024' }),
    score: z.number().min(0).max(100),
    year: z.number().int().min(2000).max(2100),
    source: z.string().trim().min(3).max(500),
    /** Only for the Aug 2024 mapping: the category Bawaslu released with the score. */
    kategoriRilis: IkpKategori.nullable().default(null),
  })
  .strict()
  .refine((v) => v.kategoriRilis === null || v.indeks === 'pemetaan_pilkada_2024', {
    message: 'Kategori IKP 2024 dihitung dari skornya; kategori rilis hanya untuk pemetaan 2024',
    path: ['kategoriRilis'],
  });
export type IkpInput = z.infer<typeof IkpInput>;

export const AreaFactorsResponse = z.object({ items: z.array(AreaFactor), ikp: z.array(Ikp) });

export const PhaseChangesQuery = z.object({
  wilayah: KodeWilayah,
  from: Phase.default('pra'),
  to: Phase.default('saat'),
});
export const PhaseChangesResponse = z.object({
  from: Phase,
  to: Phase,
  items: z.array(
    z.object({
      tpsId: z.string(),
      kode: z.string(),
      nama: z.string(),
      kelurahan: z.string(),
      added: z.array(z.string()),
      cleared: z.array(z.string()),
      fromKategori: Kategori.nullable(),
      toKategori: Kategori.nullable(),
    }),
  ),
});

export const RegionSettingInput = z
  .object({
    extraIndicators: z
      .array(
        z
          .object({
            kode: z.string().regex(/^[a-z0-9_]+\.[a-z0-9_]+$/, 'Kode indikator seperti lokasi.perbatasan'),
            label: z.string().trim().min(3).max(300),
            variable: z.enum(TPS_VARIABLES),
            weight: z.number().min(0).max(10),
            floor: z.enum(['rawan', 'sangat_rawan']).optional(),
          })
          .strict(),
      )
      .max(50),
    scoring: z
      .object({
        rawanFrom: z.number().min(0).max(100),
        sangatRawanFrom: z.number().min(0).max(100),
        keamananCountForSangatRawan: z.number().int().min(1).max(3),
      })
      .partial()
      .strict()
      .default({}),
  })
  .strict();
export type RegionSettingInput = z.infer<typeof RegionSettingInput>;

export const RegionSettingResponse = z.object({
  kodeWilayah: z.string(),
  catalogue: z.object({
    id: z.string(),
    version: z.number().int(),
    nama: z.string(),
    indicators: z.array(CatalogueIndicator),
  }),
  scoring: z.object({
    rawanFrom: z.number(),
    sangatRawanFrom: z.number(),
    keamananCountForSangatRawan: z.number(),
  }),
});

export const PengamatanInput = z
  .object({
    clientId: z.uuid(),
    tpsId: z.uuid(),
    phase: Phase,
    indikator: z.string().max(80).nullable().default(null),
    catatan: z.string().trim().min(3, 'Catatan minimal 3 karakter').max(1000),
  })
  .strict();
export type PengamatanInput = z.infer<typeof PengamatanInput>;

export const PengamatanAnswer = z
  .object({
    status: StatusPengamatan.exclude(['baru']),
    tanggapan: z.string().trim().max(1000).nullable().default(null),
  })
  .strict();
export type PengamatanAnswer = z.infer<typeof PengamatanAnswer>;
