/**
 * Incidents (kejadian): report, triage, escalation clock, referral to Bawaslu/Gakkumdu with its
 * statutory deadlines, photo. Rules live in src/domain/kejadian/; docs/domain/laporan.md.
 */
import { z } from 'zod';
import { LEVEL_ESKALASI, STATUS_KEJADIAN, TUJUAN_RUJUKAN } from '../domain/kejadian/alur';
import { RULE_SETS, type MilestoneGakkumdu } from '../domain/kejadian/gakkumdu';
import { JENIS_PELANGGARAN, KATEGORI_KEJADIAN, KEPARAHAN } from '../domain/kejadian/kategori';
import { Instant, KodeWilayah, LAT_RANGE, LON_RANGE, PageQuery, pageOf, Teks, Uuid, Version } from './common';

/** A phone photo after the form's downscaling fits easily; a raw 12 MP photo may not (Siaga's default). */
export const FOTO_MAX_BYTES = 5 * 1024 * 1024;
export const FOTO_MIME = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type FotoMime = (typeof FOTO_MIME)[number];
/**
 * Photos an incident may gather: each is kept as evidence and never replaced (ADR 0017), so a
 * reporter who sends a better photo adds one; the bound keeps a looping upload from filling the
 * store (Siaga's default).
 */
export const FOTO_PER_KEJADIAN_MAKS = 10;

/** One photo of an incident, kept by its SHA-256 in the evidence store. */
export const FotoKejadian = z.object({
  id: Uuid,
  mime: z.enum(FOTO_MIME),
  bytes: z.number().int(),
  sha256: z.string(),
  dikirimAt: z.string(),
});
export type FotoKejadian = z.infer<typeof FotoKejadian>;

/** Outcomes of a referral as Bawaslu, DKPP or the court decide them (Siaga's vocabulary). */
export const HASIL_RUJUKAN = [
  'tidak_diregistrasi',
  'bukan_pelanggaran',
  'rekomendasi_administratif',
  'diteruskan_dkpp',
  'diteruskan_instansi_lain',
  'dihentikan',
  'putusan_bersalah',
  'putusan_bebas',
] as const;
export type HasilRujukan = (typeof HASIL_RUJUKAN)[number];
/** The outcomes' names in printed reports (the web's own words are in its i18n files). */
export const LABEL_HASIL_RUJUKAN: Record<HasilRujukan, string> = {
  tidak_diregistrasi: 'Tidak diregistrasi',
  bukan_pelanggaran: 'Bukan pelanggaran',
  rekomendasi_administratif: 'Rekomendasi administratif',
  diteruskan_dkpp: 'Diteruskan ke DKPP',
  diteruskan_instansi_lain: 'Diteruskan ke instansi lain',
  dihentikan: 'Dihentikan',
  putusan_bersalah: 'Putusan bersalah',
  putusan_bebas: 'Putusan bebas',
};

/** The milestones of gakkumdu.ts a user records, in path order (diketahuiAt starts the first window). */
export const MILESTONE_KEYS = [
  'diketahuiAt',
  'dilaporkanAt',
  'keteranganTambahanAt',
  'ditindaklanjutiAt',
  'diputuskanPidanaAt',
  'diteruskanPenyidikAt',
  'dilimpahkanPenuntutAt',
  'berkasDikembalikanAt',
  'berkasDilengkapiAt',
  'dilimpahkanPengadilanAt',
  'diputusPnAt',
  'bandingAt',
  'diputusPtAt',
] as const satisfies readonly (keyof MilestoneGakkumdu)[];
export type MilestoneKey = (typeof MILESTONE_KEYS)[number];

export const AKSI_KEJADIAN = ['verifikasi', 'gabung', 'tolak', 'tangani', 'selesaikan', 'eskalasi'] as const;
export type AksiKejadianType = (typeof AKSI_KEJADIAN)[number];

export const KategoriKejadian = z.enum(KATEGORI_KEJADIAN, {
  message: 'Kategori kejadian tidak dikenal; pilih salah satu dari daftar',
});
export const Keparahan = z.enum(KEPARAHAN, { message: 'Keparahan harus rendah, sedang, tinggi atau kritis' });
export const StatusKejadian = z.enum(STATUS_KEJADIAN, { message: 'Status kejadian tidak dikenal' });
export const LevelEskalasi = z.enum(LEVEL_ESKALASI, {
  message: 'Level harus kelurahan, kecamatan atau kabkota',
});
export const TujuanRujukan = z.enum(TUJUAN_RUJUKAN, { message: 'Lembaga tujuan rujukan tidak dikenal' });
export const RuleSet = z.enum(RULE_SETS, { message: 'Aturan harus pilkada atau pemilu' });
export type RuleSet = z.infer<typeof RuleSet>;
export const HasilRujukanSchema = z.enum(HASIL_RUJUKAN, { message: 'Hasil rujukan tidak dikenal' });

const OptionalVersion = Version.optional();

export const KejadianReportInput = z
  .object({
    clientId: z.uuid({ message: 'clientId harus UUID yang dibuat perangkat' }),
    kategori: KategoriKejadian,
    /** The kelurahan/desa (or kecamatan, kab/kota) where it happened; a TPS must lie inside it. */
    kodeWilayah: KodeWilayah,
    tpsId: z.uuid({ message: 'TPS tidak valid' }).nullish(),
    lat: z.number({ message: 'Lintang harus angka' }).nullish(),
    lon: z.number({ message: 'Bujur harus angka' }).nullish(),
    terjadiAt: Instant,
    /** When it became known (starts the reporting window of a violation); defaults to receipt. */
    diketahuiAt: Instant.optional(),
    uraian: z
      .string({ message: 'Uraian wajib diisi' })
      .trim()
      .min(5, { message: 'Uraian minimal 5 karakter' })
      .max(4000, { message: 'Uraian paling banyak 4000 karakter' }),
    /** The reporter's estimate; defaults to the category's (kategori.ts), re-graded on verification. */
    keparahan: Keparahan.optional(),
    terbatas: z.boolean().default(false),
    pelaporRahasia: z.boolean().default(false),
  })
  .superRefine((value, ctx) => {
    const hasLat = value.lat !== undefined && value.lat !== null;
    const hasLon = value.lon !== undefined && value.lon !== null;
    if (hasLat !== hasLon) {
      ctx.addIssue({
        code: 'custom',
        path: [hasLat ? 'lon' : 'lat'],
        message: 'Isi lintang dan bujur bersama',
      });
    }
    if (hasLat && (value.lat! < LAT_RANGE[0] || value.lat! > LAT_RANGE[1])) {
      ctx.addIssue({ code: 'custom', path: ['lat'], message: 'Titik peta di luar wilayah Indonesia' });
    }
    if (hasLon && (value.lon! < LON_RANGE[0] || value.lon! > LON_RANGE[1])) {
      ctx.addIssue({ code: 'custom', path: ['lon'], message: 'Titik peta di luar wilayah Indonesia' });
    }
    if (value.diketahuiAt !== undefined && Date.parse(value.diketahuiAt) < Date.parse(value.terjadiAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['diketahuiAt'],
        message: 'Waktu diketahui tidak boleh sebelum waktu kejadian',
      });
    }
  });
export type KejadianReportInput = z.infer<typeof KejadianReportInput>;

export const KejadianReportResult = z.object({
  id: Uuid,
  replayed: z.boolean(),
  status: StatusKejadian,
  level: LevelEskalasi,
});

export const KejadianAksiInput = z.discriminatedUnion(
  'aksi',
  [
    z.object({ aksi: z.literal('verifikasi'), keparahan: Keparahan.optional(), version: OptionalVersion }),
    z.object({
      aksi: z.literal('gabung'),
      intoId: z.uuid({ message: 'Pilih kejadian induk' }),
      version: OptionalVersion,
    }),
    z.object({
      aksi: z.literal('tolak'),
      alasan: Teks(1000, 'Alasan penolakan wajib diisi'),
      version: OptionalVersion,
    }),
    z.object({
      aksi: z.literal('tangani'),
      penanggungJawab: Teks(200, 'Penanggung jawab wajib diisi'),
      version: OptionalVersion,
    }),
    z.object({
      aksi: z.literal('selesaikan'),
      catatan: Teks(2000, 'Catatan penyelesaian wajib diisi'),
      version: OptionalVersion,
    }),
    z.object({
      aksi: z.literal('eskalasi'),
      catatan: z.string().trim().max(1000).optional(),
      version: OptionalVersion,
    }),
  ],
  { message: 'Aksi harus verifikasi, gabung, tolak, tangani, selesaikan atau eskalasi' },
);
export type KejadianAksiInput = z.infer<typeof KejadianAksiInput>;

export const RujukanInput = z.object({
  /** Defaults to the election's own rules (a Pemilu's or a Pilkada's); a Pilkades has none. */
  ruleSet: RuleSet.optional(),
  lembaga: TujuanRujukan,
  /** Received and registered by Bawaslu, when already known. */
  dilaporkanAt: Instant.optional(),
  catatan: z.string().trim().max(2000).optional(),
  version: OptionalVersion,
});
export type RujukanInput = z.infer<typeof RujukanInput>;

export const RujukanUpdateInput = z
  .object({
    /** Set a milestone with an instant, clear it with null; absent keys stay as they are. */
    milestones: z
      .object(
        Object.fromEntries(MILESTONE_KEYS.map((k) => [k, Instant.nullable().optional()])) as {
          [K in MilestoneKey]: z.ZodOptional<z.ZodNullable<typeof Instant>>;
        },
      )
      .strict()
      .default({}),
    hasil: HasilRujukanSchema.nullable().optional(),
    catatan: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v.milestones).length > 0 || v.hasil !== undefined, {
    message: 'Tidak ada yang diubah',
  });
export type RujukanUpdateInput = z.infer<typeof RujukanUpdateInput>;

export const AksesInput = z
  .object({ terbatas: z.boolean().optional(), pelaporRahasia: z.boolean().optional() })
  .refine((v) => v.terbatas !== undefined || v.pelaporRahasia !== undefined, {
    message: 'Tidak ada yang diubah',
  });
export type AksesInput = z.infer<typeof AksesInput>;

export const KejadianParams = z.object({ id: z.uuid({ message: 'ID kejadian tidak valid' }) });

export const KejadianListQuery = PageQuery.extend({
  kode: KodeWilayah.optional(),
  status: StatusKejadian.optional(),
  kategori: KategoriKejadian.optional(),
  level: LevelEskalasi.optional(),
});
export type KejadianListQuery = z.infer<typeof KejadianListQuery>;

/** The escalation clock everyone on the chain sees (alur.ts escalationDue), computed at read time. */
export const EskalasiClock = z.object({
  level: LevelEskalasi,
  nextLevel: LevelEskalasi.nullable(),
  dueAt: z.string().nullable(),
  isDue: z.boolean(),
  minutesLeft: z.number().int().nullable(),
});
export type EskalasiClock = z.infer<typeof EskalasiClock>;

export const StatusTenggat = z.enum(['aman', 'segera', 'lewat', 'terpenuhi']);
export const Tenggat = z.object({
  step: z.string(),
  label: z.string(),
  startAt: z.string(),
  dueAt: z.string(),
  basis: z.enum(['kalender', 'kerja', 'jam']),
  jumlah: z.number(),
  doneAt: z.string().nullable(),
  status: StatusTenggat,
  /** Whole minutes until dueAt (negative when past); null once the step is done. */
  minutesLeft: z.number().int().nullable(),
  source: z.string(),
});
export type Tenggat = z.infer<typeof Tenggat>;

const TpsRef = z.object({ id: Uuid, nomor: z.number().int(), nama: z.string() });

export const KejadianListItem = z.object({
  id: Uuid,
  kategori: KategoriKejadian,
  keparahan: Keparahan,
  status: StatusKejadian,
  /** The level after every escalation due now (the stored one may lag the timer by a minute). */
  level: LevelEskalasi,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  tps: TpsRef.nullable(),
  ringkasan: z.string(),
  terjadiAt: z.string(),
  reportedAt: z.string(),
  terbatas: z.boolean(),
  pelaporRahasia: z.boolean(),
  hasFoto: z.boolean(),
  eskalasi: EskalasiClock,
  rujukan: z
    .object({ ruleSet: RuleSet, lembaga: TujuanRujukan, tenggatBerikut: Tenggat.nullable() })
    .nullable(),
  version: z.number().int(),
});
export type KejadianListItem = z.infer<typeof KejadianListItem>;
export const KejadianPage = pageOf(KejadianListItem);

export const Langkah = z.object({
  aksi: z.string(),
  dariStatus: StatusKejadian.nullable(),
  keStatus: StatusKejadian,
  catatan: z.string(),
  /** Who took the step; null for the timer, or for the report of a confidential reporter. */
  aktor: z.string().nullable(),
  at: z.string(),
});

export const RujukanView = z.object({
  ruleSet: RuleSet,
  lembaga: TujuanRujukan,
  milestones: z.partialRecord(z.enum(MILESTONE_KEYS), z.string()),
  hasil: HasilRujukanSchema.nullable(),
  tenggat: z.array(Tenggat),
  updatedAt: z.string(),
});
export type RujukanView = z.infer<typeof RujukanView>;

export const KejadianDetail = KejadianListItem.extend({
  uraian: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  diketahuiAt: z.string(),
  /** Null when the reporter is confidential and the reader may not know them. */
  pelapor: z.object({ nama: z.string(), agency: z.string() }).nullable(),
  pelanggaran: z
    .object({
      jenis: z.enum(JENIS_PELANGGARAN),
      label: z.string(),
      penangan: z.string(),
      tujuan: TujuanRujukan,
    })
    .nullable(),
  /** Further routes the same facts may take (e.g. the criminal one of Pasal 71 jo. 188), and when. */
  jalurLain: z.array(
    z.object({
      jenis: z.enum(JENIS_PELANGGARAN),
      label: z.string(),
      penangan: z.string(),
      tujuan: TujuanRujukan,
      bila: z.string(),
    }),
  ),
  mergedInto: Uuid.nullable(),
  /**
   * Reports merged into this one, each with its own area, whose clock its time is read on. The area
   * is optional: a phone may hold a detail cached before it was added and read it offline.
   */
  duplikat: z.array(z.object({ id: Uuid, kodeWilayah: z.string().optional(), reportedAt: z.string() })),
  penanggungJawab: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  assignedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The newest photo, which the incident shows; null when none was sent. */
  foto: FotoKejadian.nullable(),
  /** Every photo sent, oldest first (the newest is `foto`); none is ever replaced or removed. */
  fotoSemua: z.array(FotoKejadian),
  langkah: z.array(Langkah),
  rujukanDetail: RujukanView.nullable(),
  /** What this reader may do now (permission, scope, level and state); the server checks again. */
  aksiTersedia: z.array(z.enum(AKSI_KEJADIAN)),
  bisaRujuk: z.boolean(),
  bisaUbahRujukan: z.boolean(),
  bisaUbahAkses: z.boolean(),
  bisaUnggahFoto: z.boolean(),
});
export type KejadianDetail = z.infer<typeof KejadianDetail>;

/** The photo added; `replayed` when the incident already had these exact bytes (a retried upload). */
export const FotoResult = FotoKejadian.extend({ replayed: z.boolean() });
export const FotoParams = KejadianParams.extend({ fotoId: z.uuid({ message: 'ID foto tidak valid' }) });
export const EscalateResult = z.object({ escalated: z.number().int() });
