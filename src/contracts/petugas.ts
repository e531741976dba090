/** Petugas: rosters of KPPS, PPS, PPK, Linmas and pengawas TPS; screening, check-ins, incidents. */
import { z } from 'zod';
import { JABATAN_PETUGAS, JENIS_PETUGAS } from '../domain/petugas/petugas';
import { FAKTOR_RISIKO, HASIL_SKRINING } from '../domain/petugas/kesehatan';
import {
  JENIS_SANTUNAN,
  KONDISI_INSIDEN,
  PENANGANAN_INSIDEN,
  STATUS_SANTUNAN,
} from '../domain/petugas/insiden';
import { KodeWilayah, Uuid, Version } from './common';
import { PemilihanQuery } from './pemilihan';
import { TpsImportResult } from './tps';

export const JenisPetugas = z.enum(JENIS_PETUGAS, {
  message: 'Jenis petugas harus kpps, pps, ppk, linmas atau pengawas_tps',
});
export const JabatanPetugas = z.enum(JABATAN_PETUGAS, {
  message: 'Jabatan harus ketua, anggota atau cadangan',
});
export const HasilSkrining = z.enum(HASIL_SKRINING, {
  message: 'Hasil harus layak, layak_catatan atau tidak_layak',
});
export const TingkatKelelahan = z.enum(['normal', 'peringatan', 'bahaya']);
export const KondisiInsiden = z.enum(KONDISI_INSIDEN, {
  message: 'Kondisi harus sakit, cedera atau meninggal',
});
export const PenangananInsiden = z.enum(PENANGANAN_INSIDEN, { message: 'Penanganan tidak dikenal' });

const Tanggal = z.iso.date({ message: 'Tanggal harus berformat YYYY-MM-DD' });
const Instant = z.iso.datetime({
  offset: true,
  message: 'Waktu harus berformat ISO 8601 dengan zona, mis. 2024-11-27T07:00:00+08:00',
});
const Nama = z
  .string({ message: 'Nama wajib diisi' })
  .trim()
  .min(2, { message: 'Nama minimal 2 karakter' })
  .max(120, { message: 'Nama paling banyak 120 karakter' });

const Nik = z.string({ message: 'NIK wajib diisi' }).regex(/^\d{16}$/, { message: 'NIK harus 16 angka' });
const Telepon = z.string().trim().max(20, { message: 'Nomor HP paling banyak 20 karakter' });
export const JenisKelamin = z.enum(['L', 'P'], { message: 'Jenis kelamin L atau P' });
export type JenisKelamin = z.infer<typeof JenisKelamin>;

export const PetugasCreateInput = z.object({
  jenis: JenisPetugas,
  jabatan: JabatanPetugas,
  /** The kelurahan/desa (PPK: the kecamatan) the officer serves. */
  kodeWilayah: KodeWilayah,
  /** The TPS of KPPS, Linmas and pengawas TPS (a reserve may have none). */
  tpsId: Uuid.nullable().default(null),
  nama: Nama,
  nik: Nik,
  telepon: Telepon.nullable().default(null),
  tanggalLahir: Tanggal.nullable().default(null),
  jenisKelamin: JenisKelamin.nullable().default(null),
});
export type PetugasCreateInput = z.infer<typeof PetugasCreateInput>;

/**
 * A change to one officer: the fields given change, the rest stay. Jenis and the place (wilayah,
 * TPS) are the officer's duty and stay; NIK, phone and birth date only by those who may see them.
 */
export const PetugasUpdateInput = z
  .object({
    version: Version,
    jabatan: JabatanPetugas.optional(),
    nama: Nama.optional(),
    nik: Nik.optional(),
    telepon: Telepon.nullable().optional(),
    tanggalLahir: Tanggal.nullable().optional(),
    jenisKelamin: JenisKelamin.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'Tidak ada yang diubah' });
export type PetugasUpdateInput = z.infer<typeof PetugasUpdateInput>;
export const PetugasChanged = z.object({ id: Uuid, version: z.number() });

export const Skrining = z.object({
  diperiksaOn: z.string(),
  fasilitas: z.string(),
  sistolik: z.number().nullable(),
  diastolik: z.number().nullable(),
  gulaDarah: z.number().nullable(),
  faktorRisiko: z.array(z.enum(FAKTOR_RISIKO)),
  hasil: HasilSkrining,
  catatan: z.string(),
});

export const Shift = z.object({ masuk: z.string(), keluar: z.string().nullable() });

export const PetugasView = z.object({
  id: Uuid,
  jenis: JenisPetugas,
  jabatan: JabatanPetugas,
  kodeWilayah: z.string(),
  tpsId: Uuid.nullable(),
  nama: z.string(),
  /** Masked ("************0012") unless the reader may see identity. */
  nik: z.string(),
  telepon: z.string().nullable(),
  /** Null when masked. */
  tanggalLahir: z.string().nullable(),
  usia: z.number().nullable(),
  jenisKelamin: JenisKelamin.nullable(),
  identitasTersamar: z.boolean(),
  /** Whether a screening is on record (everyone sees this); what it found only with health access. */
  skriningStatus: z.enum(['belum', 'sudah', 'dihapus']),
  skrining: Skrining.nullable(),
  shifts: z.array(Shift),
  jam: z.number(),
  sedangBertugas: z.boolean(),
  kelelahan: TingkatKelelahan,
  version: z.number(),
});
export type PetugasView = z.infer<typeof PetugasView>;

export const Susunan = z.object({
  kppsKetua: z.number(),
  kppsAnggota: z.number(),
  linmas: z.number(),
  pengawasTps: z.number(),
  cadangan: z.number(),
});
export const Kekurangan = z.enum(['ketua_kpps', 'anggota_kpps', 'linmas', 'pengawas_tps']);

export const Pengganti = z.object({
  id: Uuid,
  nama: z.string(),
  jabatan: JabatanPetugas,
  jam: z.number(),
});
export const Peringatan = z.object({
  petugasId: Uuid,
  nama: z.string(),
  tingkat: TingkatKelelahan.exclude(['normal']),
  jam: z.number(),
  pengganti: z.array(Pengganti),
});

export const Aturan = z.object({
  kodeWilayah: z.string().nullable(),
  jamPeringatan: z.number(),
  jamBahaya: z.number(),
  retensiHari: z.number(),
});

export const Insiden = z.object({
  id: Uuid,
  petugasId: Uuid,
  kejadianId: Uuid,
  /** Health data: null without health access. */
  kondisi: KondisiInsiden.nullable(),
  penanganan: PenangananInsiden.nullable(),
  fasilitas: z.string().nullable(),
  santunanJenis: z.enum(JENIS_SANTUNAN).nullable(),
  santunanStatus: z.enum(STATUS_SANTUNAN),
  santunanRupiah: z.number().nullable(),
  terjadiAt: z.string(),
  version: z.number(),
});

export const TpsRoster = z.object({
  tps: z.object({
    id: Uuid,
    kode: z.string(),
    nama: z.string(),
    kodeWilayah: z.string(),
    namaDesa: z.string(),
  }),
  susunan: Susunan,
  lengkap: z.boolean(),
  kekurangan: z.array(Kekurangan),
  petugas: z.array(PetugasView),
  peringatan: z.array(Peringatan),
  insiden: z.array(Insiden),
  aturan: Aturan,
  akses: z.object({
    identitas: z.boolean(),
    kesehatan: z.boolean(),
    hadir: z.boolean(),
    kelola: z.boolean(),
    insiden: z.boolean(),
  }),
});
export type TpsRoster = z.infer<typeof TpsRoster>;

export const WilayahQuery = z.object({ wilayah: KodeWilayah }).extend(PemilihanQuery.shape);

export const TpsPetugasRow = z.object({
  tpsId: Uuid,
  kode: z.string(),
  nama: z.string(),
  kodeWilayah: z.string(),
  namaDesa: z.string(),
  susunan: Susunan,
  lengkap: z.boolean(),
  kekurangan: z.array(Kekurangan),
  diskrining: z.number(),
  bertugas: z.number(),
  peringatan: z.number(),
});
export const TpsPetugasList = z.object({ items: z.array(TpsPetugasRow), truncated: z.boolean() });

export const DasborRow = z.object({
  kode: z.string(),
  nama: z.string(),
  tps: z.number(),
  tpsLengkap: z.number(),
  petugas: z.number(),
  diskrining: z.number(),
  tidakLayak: z.number(),
  bertugas: z.number(),
  peringatan: z.number(),
  bahaya: z.number(),
  insiden: z.number(),
});
export type DasborRow = z.infer<typeof DasborRow>;
export const Dasbor = z.object({
  kode: z.string(),
  nama: z.string(),
  aturan: Aturan,
  rows: z.array(DasborRow),
  total: DasborRow,
});
export type Dasbor = z.infer<typeof Dasbor>;

export const SkriningInput = z
  .object({
    diperiksaOn: Tanggal,
    fasilitas: z.string().trim().max(120).default(''),
    sistolik: z.number().int().min(50).max(300).nullable().default(null),
    diastolik: z.number().int().min(30).max(200).nullable().default(null),
    gulaDarah: z.number().int().min(20).max(1000).nullable().default(null),
    faktorRisiko: z
      .array(z.enum(FAKTOR_RISIKO, { message: 'Faktor risiko tidak dikenal' }))
      .max(8)
      .default([]),
    hasil: HasilSkrining,
    catatan: z.string().trim().max(1000).default(''),
  })
  .refine((v) => (v.sistolik === null) === (v.diastolik === null), {
    path: ['diastolik'],
    message: 'Isi tekanan sistolik dan diastolik bersama',
  });
export type SkriningInput = z.infer<typeof SkriningInput>;

export const HadirInput = z.object({
  clientId: z.uuid({ message: 'clientId harus UUID yang dibuat perangkat' }),
  petugasId: Uuid,
  jenis: z.enum(['masuk', 'keluar'], { message: 'Jenis harus masuk atau keluar' }),
  /** When it happened, as the phone says (the outbox may send it later). */
  pada: Instant,
});
export type HadirInput = z.infer<typeof HadirInput>;

export const HadirResult = z.object({
  petugasId: Uuid,
  replayed: z.boolean(),
  jam: z.number(),
  sedangBertugas: z.boolean(),
  kelelahan: TingkatKelelahan,
  pengganti: z.array(Pengganti),
});

export const InsidenInput = z.object({
  clientId: z.uuid({ message: 'clientId harus UUID yang dibuat perangkat' }),
  petugasId: Uuid,
  kondisi: KondisiInsiden,
  penanganan: PenangananInsiden,
  fasilitas: z.string().trim().max(120).default(''),
  terjadiAt: Instant,
  catatan: z.string().trim().max(2000).default(''),
});
export type InsidenInput = z.infer<typeof InsidenInput>;
export const InsidenResult = z.object({ id: Uuid, kejadianId: Uuid, replayed: z.boolean() });

export const InsidenUpdateInput = z
  .object({
    version: Version,
    penanganan: PenangananInsiden.optional(),
    fasilitas: z.string().trim().max(120).optional(),
    santunanJenis: z.enum(JENIS_SANTUNAN).nullable().optional(),
    santunanStatus: z.enum(STATUS_SANTUNAN).optional(),
    catatan: z.string().trim().max(2000).optional(),
  })
  .refine((v) => Object.keys(v).length > 1, { message: 'Tidak ada yang diubah' });
export type InsidenUpdateInput = z.infer<typeof InsidenUpdateInput>;

export const AturanInput = z
  .object({
    jamPeringatan: z.number().int().min(4).max(36),
    jamBahaya: z.number().int().min(4).max(36),
    retensiHari: z.number().int().min(0).max(3650),
  })
  .refine((v) => v.jamBahaya > v.jamPeringatan, {
    path: ['jamBahaya'],
    message: 'Batas bahaya harus lebih besar dari batas peringatan',
  });
export const AturanParams = z.object({ kode: KodeWilayah });

/** The same answer as a TPS import's (one shape for every sheet import). */
export const PetugasImportResult = TpsImportResult;
export type PetugasImportResult = z.infer<typeof PetugasImportResult>;

export const RetensiResult = z.object({ petugas: z.number().int() });

/**
 * The header of an answer that carries unmasked personal data (NIK, phone, health; UU 27/2022): a
 * phone never keeps such an answer for offline use (src/web/sw.ts). docs/domain/petugas.md.
 */
export const HEADER_DATA_PRIBADI = 'x-siaga-data-pribadi';

/** `?luring=1`: the copy of a TPS's roster a phone keeps for offline check-in (masked, no health). */
export const RosterQuery = PemilihanQuery.extend({ luring: z.enum(['1']).optional() });
