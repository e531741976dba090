/** Laporan berjenjang: periodic situation reports from kelurahan up to kab/kota. */
import { z } from 'zod';
import { FASE_LAPORAN } from '../domain/laporan/jadwal';
import { HITUNGAN_SITUASI, LEVEL_SITUASI } from '../domain/laporan/situasi';
import { KodeWilayah, PageQuery, Uuid, pageOf } from './common';

export const LevelSituasi = z.enum(LEVEL_SITUASI);
export const Hitungan = z.object(
  Object.fromEntries(
    HITUNGAN_SITUASI.map((k) => [k, z.number().int().min(0).max(100_000).default(0)]),
  ) as Record<(typeof HITUNGAN_SITUASI)[number], z.ZodDefault<z.ZodNumber>>,
);

/** A kab/kota's own words for the three levels (docs/domain/laporan.md); null returns to Siaga's. */
const Sebutan = z
  .string()
  .trim()
  .min(3, { message: 'Sebutan level 3-30 huruf' })
  .max(30, { message: 'Sebutan level 3-30 huruf' });
export const SebutanLevel = z.object({ kondusif: Sebutan, waspada: Sebutan, genting: Sebutan });
export const SebutanLevelInput = z.object({ sebutan: SebutanLevel.nullable() });
export const SebutanLevelResponse = z.object({
  kodeWilayah: z.string(),
  sebutan: SebutanLevel,
  isDefault: z.boolean(),
});
export type SebutanLevelResponse = z.infer<typeof SebutanLevelResponse>;

export const LaporanSubmit = z.object({
  clientId: Uuid,
  kodeWilayah: KodeWilayah,
  level: LevelSituasi,
  narasi: z.string().trim().max(2000).default(''),
  hitungan: Hitungan.default({ kejadian: 0, unjukRasa: 0, hoaks: 0, politikUang: 0, gangguanTps: 0 }),
  /** The schedule slot this report answers; by default the one current when it was written. */
  slotAt: z.iso.datetime({ offset: true }).optional(),
  /** When the phone wrote it (an offline outbox sends it later); defaults to receipt. */
  dibuatAt: z.iso.datetime({ offset: true }).optional(),
  /**
   * A correction or escalation within the period: the id, or the client id, of the version it
   * replaces (a phone that filed the first version offline knows only its client id).
   */
  menggantikan: Uuid.optional(),
});
export type LaporanSubmit = z.infer<typeof LaporanSubmit>;

export const Laporan = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  slotAt: z.string(),
  level: LevelSituasi,
  narasi: z.string(),
  hitungan: z.record(z.string(), z.number()),
  status: z.enum(['dikirim', 'disetujui', 'diterbitkan']),
  via: z.enum(['web', 'sms']),
  dibuatAt: z.string(),
  diterimaAt: z.string(),
  pelapor: z.string(),
  terlambat: z.boolean(),
  /** 1 for the first report of the period; each correction adds one. */
  versi: z.number().int(),
  /** When this version (a correction) was written; null for the first. */
  dikoreksiAt: z.string().nullable(),
  /** A newer version replaced this one (only in the list of versions). */
  diganti: z.boolean(),
});
export type Laporan = z.infer<typeof Laporan>;

/** Every version of one area's report for one period, newest first. */
export const LaporanVersi = z.object({ items: z.array(Laporan) });

export const LaporanSubmitResult = Laporan.extend({ replayed: z.boolean() });

export const RollUp = z.object({
  level: LevelSituasi.nullable(),
  hitungan: z.record(z.string(), z.number()),
  perLevel: z.record(LevelSituasi, z.number()),
  melapor: z.array(z.string()),
  belumMelapor: z.array(z.string()),
  terlambat: z.array(z.string()),
  penentuLevel: z.array(z.string()),
  jumlahAnak: z.number(),
  porsiMelapor: z.number(),
});

export const StatusLaporan = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  slotAt: z.string().nullable(),
  nextSlotAt: z.string().nullable(),
  fase: z.enum(FASE_LAPORAN).nullable(),
  graceMinutes: z.number(),
  own: Laporan.nullable(),
  children: z.array(
    z.object({
      kodeWilayah: z.string(),
      nama: z.string(),
      laporan: Laporan.nullable(),
      terlambat: z.boolean(),
    }),
  ),
  rollup: RollUp.nullable(),
  draft: z.object({
    level: LevelSituasi.nullable(),
    narasi: z.string(),
    hitungan: z.record(z.string(), z.number()),
  }),
  canApprove: z.boolean(),
});

export const LaporanListQuery = PageQuery.extend({ kode: KodeWilayah.optional() });
export const LaporanPage = pageOf(Laporan);

export const StatusQuery = z.object({ slot: z.iso.datetime({ offset: true }).optional() });
