/**
 * Recapitulation venues (issue 13): where and when each PPK and the KPU kab/kota recapitulate, and
 * the forces that guard them (a duty of the pengamanan plan, ADR 0016).
 */
import { z } from 'zod';
import { TINGKAT_REKAP } from '../domain/pemilihan/rekapitulasi';
import { Instant, KodeWilayah, Teks, Version } from './common';
import { PemilihanQuery } from './pemilihan';
import { Tugas } from './pengamanan';

export const RekapParams = z.object({ kode: KodeWilayah });
export const RekapQuery = PemilihanQuery;

const Personel = z.number().int().min(0).max(5000);

export const RekapLokasiInput = z
  .object({
    tempat: Teks(200),
    alamat: z.string().trim().max(300).default(''),
    mulai: Instant,
    selesai: Instant,
    kebutuhan: z.object({ polri: Personel, tni: Personel, linmas: Personel, satpolPp: Personel }),
    /** The version read (absent when setting a venue for the first time). */
    version: Version.optional(),
  })
  .refine((v) => Date.parse(v.selesai) > Date.parse(v.mulai), {
    message: 'Waktu selesai harus sesudah waktu mulai',
    path: ['selesai'],
  });
export type RekapLokasiInput = z.infer<typeof RekapLokasiInput>;

const Stage = z.object({ kode: z.string(), nama: z.string(), mulaiOn: z.string(), selesaiOn: z.string() });

export const RekapVenue = z.object({
  kodeWilayah: z.string(),
  nama: z.string(),
  tingkat: z.enum(TINGKAT_REKAP),
  /** The stage it belongs to; null when the election has no recapitulation (a Pilkades). */
  tahapan: Stage.nullable(),
  lokasi: z
    .object({
      tempat: z.string(),
      alamat: z.string(),
      mulai: z.string(),
      selesai: z.string(),
      /** The window keeps to the stage's days (local time); false is shown as a warning. */
      dalamTahapan: z.boolean(),
      version: z.number().int(),
    })
    .nullable(),
  /** The guarding duty with its units and shortfall; null until a venue is set. */
  tugas: Tugas.nullable(),
});
export type RekapVenue = z.infer<typeof RekapVenue>;

export const RekapList = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  /** The KPU kab/kota first, then each kecamatan's PPK, in code order (only those in the reader's scope). */
  items: z.array(RekapVenue),
  kebutuhanDefault: z.record(
    z.enum(TINGKAT_REKAP),
    z.object({ polri: z.number(), tni: z.number(), linmas: z.number(), satpolPp: z.number() }),
  ),
});
export type RekapList = z.infer<typeof RekapList>;
