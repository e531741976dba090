/** Joint patrols, their phone log and coverage (issue 18; src/domain/patroli/, docs/domain/patroli.md). */
import { z } from 'zod';
import { STATUS_PATROLI, TUJUAN_PATROLI, UNSUR_PATROLI } from '../domain/patroli/patroli';
import { Instant, KodeWilayah, LAT_RANGE, LON_RANGE, Teks, Uuid } from './common';
import { KategoriKejadian } from './kejadian';
import { Tugas } from './pengamanan';

export const UnsurPatroli = z.enum(UNSUR_PATROLI, {
  message: 'Unsur harus polri, tni, satpol_pp atau bawaslu',
});
export const TujuanPatroli = z.enum(TUJUAN_PATROLI, { message: 'Tujuan harus kamtibmas atau politik_uang' });
export const StatusPatroli = z.enum(STATUS_PATROLI);
export const AksiLog = z.enum(['mulai', 'titik', 'temuan', 'selesai'], {
  message: 'Aksi harus mulai, titik, temuan atau selesai',
});
export type AksiLog = z.infer<typeof AksiLog>;

export const PatroliQuery = z.object({ wilayah: KodeWilayah.optional() });
export const CakupanQuery = z.object({
  wilayah: KodeWilayah.optional(),
  /** Any day of the week wanted (default: today in the region). */
  minggu: z.iso.date({ message: 'Tanggal harus berbentuk YYYY-MM-DD' }).optional(),
});

export const PatroliInput = z
  .object({
    clientId: Uuid,
    nama: Teks(200, 'Nama patroli wajib diisi'),
    /** The area it covers: a kab/kota, kecamatan or kelurahan/desa. */
    kodeWilayah: KodeWilayah,
    unsur: z.array(UnsurPatroli).min(1, { message: 'Pilih unsur patroli' }).max(4),
    tujuan: TujuanPatroli,
    mulaiAt: Instant,
    selesaiAt: Instant,
    /** The kelurahan/desa it means to pass. */
    sasaran: z.array(KodeWilayah).max(100, { message: 'Paling banyak 100 kelurahan' }).default([]),
  })
  .superRefine((v, ctx) => {
    const span = Date.parse(v.selesaiAt) - Date.parse(v.mulaiAt);
    if (span <= 0)
      ctx.addIssue({
        code: 'custom',
        path: ['selesaiAt'],
        message: 'Waktu selesai harus setelah waktu mulai',
      });
    else if (span > 24 * 3_600_000)
      ctx.addIssue({ code: 'custom', path: ['selesaiAt'], message: 'Satu patroli paling lama 24 jam' });
  });
export type PatroliInput = z.infer<typeof PatroliInput>;

export const PatroliLogInput = z
  .object({
    clientId: Uuid,
    aksi: AksiLog,
    /** When the phone recorded it (an offline outbox sends it later). */
    dicatatAt: Instant,
    /** The kelurahan/desa where it was recorded. */
    kodeWilayah: KodeWilayah.nullish(),
    lat: z.number().min(LAT_RANGE[0]).max(LAT_RANGE[1]).nullish(),
    lon: z.number().min(LON_RANGE[0]).max(LON_RANGE[1]).nullish(),
    uraian: z.string().trim().max(2000, { message: 'Paling banyak 2000 karakter' }).nullish(),
    /** A finding's kind, as an incident's. */
    kategori: KategoriKejadian.nullish(),
    /** Make the finding an incident now (one tap). */
    jadikanKejadian: z.boolean().default(false),
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined || v.lat === null) !== (v.lon === undefined || v.lon === null))
      ctx.addIssue({ code: 'custom', path: ['lon'], message: 'Isi lintang dan bujur bersama' });
    if (v.aksi === 'temuan' && (v.uraian ?? '').length < 5)
      ctx.addIssue({ code: 'custom', path: ['uraian'], message: 'Uraikan temuan (minimal 5 karakter)' });
    if (v.aksi === 'titik' && !v.kodeWilayah)
      ctx.addIssue({ code: 'custom', path: ['kodeWilayah'], message: 'Pilih kelurahan/desa yang dilewati' });
    if (v.jadikanKejadian && v.aksi !== 'temuan')
      ctx.addIssue({
        code: 'custom',
        path: ['jadikanKejadian'],
        message: 'Hanya temuan yang dijadikan kejadian',
      });
    if (v.jadikanKejadian && (!v.kategori || !v.kodeWilayah))
      ctx.addIssue({ code: 'custom', path: ['kategori'], message: 'Pilih kategori dan kelurahan kejadian' });
  });
export type PatroliLogInput = z.infer<typeof PatroliLogInput>;

export const LogParams = z.object({ id: Uuid, logId: Uuid });

export const PatroliLogResult = z.object({
  id: Uuid,
  replayed: z.boolean(),
  status: StatusPatroli,
  kejadianId: Uuid.nullable(),
});
export type PatroliLogResult = z.infer<typeof PatroliLogResult>;

/** The incident a finding became (made once; the finding keeps its id). */
export const KejadianDariTemuan = z.object({ kejadianId: Uuid });

export const PatroliLogItem = z.object({
  id: Uuid,
  aksi: AksiLog,
  dicatatAt: z.string(),
  kodeWilayah: z.string().nullable(),
  namaWilayah: z.string().nullable(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  uraian: z.string().nullable(),
  kategori: z.string().nullable(),
  kejadianId: Uuid.nullable(),
});
export type PatroliLogItem = z.infer<typeof PatroliLogItem>;

export const Patroli = z.object({
  id: Uuid,
  nama: z.string(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  unsur: z.array(UnsurPatroli),
  tujuan: TujuanPatroli,
  mulaiAt: z.string(),
  selesaiAt: z.string(),
  status: StatusPatroli,
  /** 'penuh': the route and log below; 'ringkas': they are withheld (need-to-know). */
  akses: z.enum(['penuh', 'ringkas']),
  jumlahTitik: z.number().int(),
  jumlahTemuan: z.number().int(),
  sasaran: z.array(z.object({ kode: z.string(), nama: z.string() })).nullable(),
  log: z.array(PatroliLogItem).nullable(),
  /** Whether the actor may log this patrol from a phone. */
  bisaJalankan: z.boolean(),
  /** Its duty in the plan (ADR 0016), on need-to-know only. */
  tugas: Tugas.nullable(),
});
export type Patroli = z.infer<typeof Patroli>;
export const PatroliList = z.object({ items: z.array(Patroli.omit({ log: true })) });
export type PatroliList = z.infer<typeof PatroliList>;

export const Cakupan = z.object({
  mulaiOn: z.string(),
  selesaiOn: z.string(),
  dilewati: z.number().int(),
  total: z.number().int(),
  kelurahan: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      kategori: z.enum(['rawan', 'sangat_rawan']),
      patroli: z.number().int(),
      terakhirAt: z.string().nullable(),
    }),
  ),
});
export type Cakupan = z.infer<typeof Cakupan>;
