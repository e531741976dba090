/** Campaign events, paslon and posko (issue 18; rules in src/domain/kampanye/, docs/domain/kampanye.md). */
import { z } from 'zod';
import { FLAG_KEGIATAN, JENIS_KEGIATAN } from '../domain/kampanye/kampanye';
import { Tugas } from './pengamanan';
import { INT4_MAX, Instant, KodeWilayah, LAT_RANGE, LON_RANGE, Teks, Uuid, Version } from './common';

export const JenisKegiatan = z.enum(JENIS_KEGIATAN, { message: 'Jenis kegiatan kampanye tidak dikenal' });
export const FlagKegiatan = z.enum(FLAG_KEGIATAN);

/** [lon, lat] inside Indonesia (GeoJSON order). */
export const Titik = z.tuple([
  z
    .number()
    .min(LON_RANGE[0], { message: 'Bujur di luar Indonesia' })
    .max(LON_RANGE[1], { message: 'Bujur di luar Indonesia' }),
  z
    .number()
    .min(LAT_RANGE[0], { message: 'Lintang di luar Indonesia' })
    .max(LAT_RANGE[1], { message: 'Lintang di luar Indonesia' }),
]);
/** A point (one) or a route (two to 500 points). */
const Tempat = z.array(Titik).max(500, { message: 'Rute paling banyak 500 titik' });
const TeksOpsional = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { message: `Paling banyak ${max} karakter` })
    .nullish();

export const KampanyeQuery = z.object({
  /** The area (default: the actor's scope). */
  wilayah: KodeWilayah.optional(),
});
export type KampanyeQuery = z.infer<typeof KampanyeQuery>;

export const PaslonInput = z.object({
  clientId: Uuid,
  /** The contest's region: the kab/kota (bupati, wali kota) or the provinsi (gubernur). */
  kodeWilayah: KodeWilayah,
  nomorUrut: z.number().int().min(1, { message: 'Nomor urut mulai 1' }).max(99),
  nama: Teks(300, 'Nama pasangan calon wajib diisi'),
});
export type PaslonInput = z.infer<typeof PaslonInput>;

export const Paslon = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  nomorUrut: z.number().int(),
  nama: z.string(),
});
export type Paslon = z.infer<typeof Paslon>;
export const PaslonList = z.object({ items: z.array(Paslon) });

export const KegiatanInput = z
  .object({
    clientId: Uuid,
    jenis: JenisKegiatan,
    /** null: an event of every paslon (the KPU's debat). */
    paslonId: Uuid.nullable(),
    judul: Teks(200, 'Nama kegiatan wajib diisi'),
    /** The kelurahan/desa (or kecamatan) where it gathers. */
    kodeWilayah: KodeWilayah,
    tempat: Tempat.default([]),
    alamat: TeksOpsional(300),
    mulaiAt: Instant,
    selesaiAt: Instant,
    /** Polri's notice receipt (Surat Tanda Terima Pemberitahuan). */
    sttpNomor: TeksOpsional(100),
    perkiraanMassa: z.number().int().min(0).max(INT4_MAX).nullish(),
    kontak: TeksOpsional(200),
  })
  .superRefine((v, ctx) => {
    if (Date.parse(v.selesaiAt) <= Date.parse(v.mulaiAt)) {
      ctx.addIssue({
        code: 'custom',
        path: ['selesaiAt'],
        message: 'Waktu selesai harus setelah waktu mulai',
      });
    }
    if (Date.parse(v.selesaiAt) - Date.parse(v.mulaiAt) > 7 * 86_400_000) {
      ctx.addIssue({ code: 'custom', path: ['selesaiAt'], message: 'Satu kegiatan paling lama 7 hari' });
    }
  });
export type KegiatanInput = z.infer<typeof KegiatanInput>;

export const BatalInput = z.object({ version: Version, alasan: Teks(500, 'Alasan pembatalan wajib diisi') });
export type BatalInput = z.infer<typeof BatalInput>;

export const Kegiatan = z.object({
  id: Uuid,
  jenis: JenisKegiatan,
  paslon: Paslon.pick({ id: true, nomorUrut: true, nama: true }).nullable(),
  judul: z.string(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  tempat: z.array(z.tuple([z.number(), z.number()])),
  alamat: z.string().nullable(),
  mulaiAt: z.string(),
  selesaiAt: z.string(),
  sttpNomor: z.string().nullable(),
  perkiraanMassa: z.number().int().nullable(),
  kontak: z.string().nullable(),
  dibatalkan: z.boolean(),
  /** Forces assigned to the event's duty in the security plan. */
  personel: z.number().int(),
  /** The event's duty in the plan (ADR 0016): its units, shortfall and overlaps; assigned by the Polres. */
  tugas: Tugas.nullable(),
  flags: z.array(FlagKegiatan),
  /** The events it clashes with. */
  bentrokDengan: z.array(z.object({ id: Uuid, judul: z.string() })),
  version: z.number().int(),
});
export type Kegiatan = z.infer<typeof Kegiatan>;

export const KegiatanList = z.object({
  items: z.array(Kegiatan),
  /** Counts of the live (not cancelled) events per flag. */
  ringkasan: z.record(FlagKegiatan, z.number().int()),
});
export type KegiatanList = z.infer<typeof KegiatanList>;

/**
 * The guard of a posko (its duty in the plan, ADR 0016): the window it is guarded, by default the
 * campaign stage (docs/domain/kampanye.md), and the Polri it asks, by default one. Both ends or none.
 */
const PoskoJagaFields = {
  jagaMulai: Instant.nullish(),
  jagaSelesai: Instant.nullish(),
  kebutuhanPolri: z
    .number()
    .int()
    .min(0, { message: 'Kebutuhan personel tidak boleh negatif' })
    .max(100, { message: 'Paling banyak 100 personel untuk satu posko' })
    .nullish(),
};

function checkJaga(
  v: { jagaMulai?: string | null; jagaSelesai?: string | null },
  ctx: z.RefinementCtx,
): void {
  const mulai = v.jagaMulai ?? null;
  const selesai = v.jagaSelesai ?? null;
  if ((mulai === null) !== (selesai === null)) {
    ctx.addIssue({
      code: 'custom',
      path: ['jagaSelesai'],
      message: 'Isi waktu mulai dan selesai penjagaan bersama',
    });
  } else if (mulai !== null && selesai !== null && Date.parse(selesai) <= Date.parse(mulai)) {
    ctx.addIssue({
      code: 'custom',
      path: ['jagaSelesai'],
      message: 'Waktu selesai penjagaan harus setelah waktu mulai',
    });
  }
}

export const PoskoInput = z
  .object({
    clientId: Uuid,
    paslonId: Uuid,
    nama: Teks(200, 'Nama posko wajib diisi'),
    kodeWilayah: KodeWilayah,
    lat: z.number().min(LAT_RANGE[0]).max(LAT_RANGE[1]).nullish(),
    lon: z.number().min(LON_RANGE[0]).max(LON_RANGE[1]).nullish(),
    alamat: Teks(300, 'Alamat posko wajib diisi'),
    kontakNama: Teks(200, 'Nama penanggung jawab wajib diisi'),
    kontakTelepon: z
      .string({ message: 'Nomor telepon wajib diisi' })
      .trim()
      .regex(/^\+?[0-9][0-9 -]{5,19}$/, { message: 'Nomor telepon tidak valid (contoh: 0812 3456 7890)' }),
    ...PoskoJagaFields,
  })
  .superRefine((v, ctx) => {
    if ((v.lat === undefined || v.lat === null) !== (v.lon === undefined || v.lon === null)) {
      ctx.addIssue({ code: 'custom', path: ['lon'], message: 'Isi lintang dan bujur bersama' });
    }
    checkJaga(v, ctx);
  });
export type PoskoInput = z.infer<typeof PoskoInput>;

/** A posko's guard changed: its window and the Polri it asks (the duty follows). */
export const PoskoJagaInput = z
  .object({ version: Version, ...PoskoJagaFields })
  .superRefine((v, ctx) => checkJaga(v, ctx));
export type PoskoJagaInput = z.infer<typeof PoskoJagaInput>;

export const Posko = z.object({
  id: Uuid,
  paslon: Paslon.pick({ id: true, nomorUrut: true, nama: true }),
  nama: z.string(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  alamat: z.string(),
  kontakNama: z.string(),
  kontakTelepon: z.string(),
  /** The window it is guarded; null for a posko registered before guards were recorded. */
  jagaMulai: z.string().nullable(),
  jagaSelesai: z.string().nullable(),
  kebutuhanPolri: z.number().int(),
  /** Forces assigned to its duty in the plan. */
  personel: z.number().int(),
  /** Its duty in the plan (ADR 0016): units, shortfall and overlaps; assigned by the Polres. */
  tugas: Tugas.nullable(),
  version: z.number().int(),
});
export type Posko = z.infer<typeof Posko>;
export const PoskoList = z.object({ items: z.array(Posko) });

export const ImporJadwalResult = z.object({ imported: z.number().int() });
