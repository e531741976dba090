/**
 * Distribusi logistik: legs (gudang KPU → PPK → PPS → TPS and back to the PPK), their escort through
 * the pengamanan duty model, the berita acara serah terima of each leg (append-only; a correction is a
 * new record), weather and disaster warnings, the board with its flags. Codes are dotted Kemendagri codes.
 */
import { z } from 'zod';
import { ARAH, MODA, TITIK } from '../domain/logistik/logistik';
import { KodeWilayah, Uuid, Version } from './common';

export const Titik = z.enum(TITIK);
export const Moda = z.enum(MODA);
export const Arah = z.enum(ARAH);
export const STATUS_LEG = ['rencana', 'dalam_perjalanan', 'terlambat', 'tiba', 'tiba_terlambat'] as const;
export const StatusLeg = z.enum(STATUS_LEG);
export const BENDERA = [
  'tanpa_pengawal',
  'terlambat',
  'rantai_tidak_cocok',
  'tps_belum_tiba_h1',
  'risiko_cuaca',
  'rawan_jalur',
] as const;
export const Bendera = z.enum(BENDERA);
export const JENIS_PERINGATAN = [
  'hujan_lebat',
  'banjir',
  'longsor',
  'gelombang_tinggi',
  'angin_kencang',
  'jalan_putus',
  'lainnya',
] as const;
export const TINGKAT_PERINGATAN = ['waspada', 'siaga', 'awas'] as const;

const Teks = (max: number) => z.string().trim().min(1, { message: 'Wajib diisi' }).max(max);
const Waktu = z.iso.datetime({ offset: true, message: 'Waktu harus ISO 8601 dengan zona' });
const Bulat = (max: number) =>
  z.number({ message: 'Harus angka' }).int({ message: 'Harus bilangan bulat' }).min(0).max(max);

export const TitikInput = z.object({
  titik: Titik,
  kodeWilayah: KodeWilayah,
  tpsNomor: z.number().int().min(1).max(9999).nullable().default(null),
});

const LegFields = {
  dari: TitikInput,
  ke: TitikInput,
  sebelumnyaId: Uuid.nullable().default(null),
  berangkat: Waktu,
  tiba: Waktu,
  moda: Moda,
  jarakKm: z.number().min(0).max(5000),
  waktuTempuhMenit: Bulat(20_160),
  kotak: Bulat(1_000_000),
  suratSuara: Bulat(100_000_000),
  kebutuhanPengawal: Bulat(1000).default(2),
  keterangan: z.string().trim().max(1000).default(''),
};
export const LegCreate = z.object({ clientId: Uuid, wilayah: KodeWilayah, ...LegFields });
export type LegCreate = z.infer<typeof LegCreate>;
export const LegUpdate = z.object({ version: Version, ...LegFields });
export type LegUpdate = z.infer<typeof LegUpdate>;

export const SerahTerima = z.object({
  id: Uuid,
  legId: Uuid,
  koreksiAtas: Uuid.nullable(),
  alasanKoreksi: z.string().nullable(),
  pemberiNama: z.string(),
  pemberiJabatan: z.string(),
  penerimaNama: z.string(),
  penerimaJabatan: z.string(),
  kotak: z.number().int(),
  suratSuara: z.number().int(),
  segel: z.array(z.string()),
  diterimaPada: z.string(),
  tempat: z.string(),
  lat: z.number().nullable(),
  lon: z.number().nullable(),
  hasFoto: z.boolean(),
  hasTtd: z.boolean(),
  dicatatPada: z.string(),
  /** A later record corrects this one. */
  dikoreksi: z.boolean(),
});
export type SerahTerima = z.infer<typeof SerahTerima>;

export const SerahTerimaCreate = z.object({
  clientId: Uuid,
  legId: Uuid,
  koreksiAtas: Uuid.nullable().default(null),
  alasanKoreksi: z.string().trim().min(3).max(1000).nullable().default(null),
  pemberiNama: Teks(200),
  pemberiJabatan: z.string().trim().max(200).default(''),
  penerimaNama: Teks(200),
  penerimaJabatan: z.string().trim().max(200).default(''),
  kotak: Bulat(1_000_000),
  suratSuara: Bulat(100_000_000),
  segel: z.array(z.string().trim().min(1).max(60)).max(500),
  diterimaPada: Waktu,
  tempat: Teks(300),
  lat: z.number().min(-90).max(90).nullable().default(null),
  lon: z.number().min(-180).max(180).nullable().default(null),
});
export type SerahTerimaCreate = z.infer<typeof SerahTerimaCreate>;

const TitikView = z.object({
  titik: Titik,
  kodeWilayah: z.string(),
  nama: z.string(),
  tpsNomor: z.number().int().nullable(),
  /** Where the map draws it: a TPS's own point, a depot at the mean of its area's TPS; null unknown. */
  lat: z.number().nullable(),
  lon: z.number().nullable(),
});
export const LegView = z.object({
  id: Uuid,
  arah: Arah,
  dari: TitikView,
  ke: TitikView,
  sebelumnyaId: Uuid.nullable(),
  berangkat: z.string(),
  tiba: z.string(),
  moda: Moda,
  jarakKm: z.number(),
  waktuTempuhMenit: z.number().int(),
  kotak: z.number().int(),
  suratSuara: z.number().int(),
  kebutuhanPengawal: z.number().int(),
  keterangan: z.string(),
  status: StatusLeg,
  bendera: z.array(z.object({ kode: Bendera, message: z.string() })),
  /** The handover that counts (the last correction), or null. */
  serahTerima: SerahTerima.nullable(),
  pengawal: z.object({
    tugasId: Uuid.nullable(),
    tugasVersion: z.number().int().nullable(),
    petugas: z.array(z.object({ unitId: Uuid, nama: z.string(), jumlah: z.number().int() })),
    kurang: z.number().int(),
  }),
  version: z.number().int(),
});
export type LegView = z.infer<typeof LegView>;

export const LogistikBoard = z.object({
  kodeKabKota: z.string(),
  namaKabKota: z.string(),
  wilayah: z.string(),
  legs: z.array(LegView),
  ringkasan: z.object({
    total: z.number().int(),
    perStatus: z.record(StatusLeg, z.number().int()),
    perBendera: z.record(Bendera, z.number().int()),
  }),
  canPlan: z.boolean(),
  canHandover: z.boolean(),
});
export type LogistikBoard = z.infer<typeof LogistikBoard>;

export const LegDetail = LegView.extend({ riwayat: z.array(SerahTerima) });
export type LegDetail = z.infer<typeof LegDetail>;

export const Peringatan = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  jenis: z.enum(JENIS_PERINGATAN),
  tingkat: z.enum(TINGKAT_PERINGATAN),
  mulai: z.string(),
  selesai: z.string(),
  sumber: z.string(),
  keterangan: z.string(),
});
export type Peringatan = z.infer<typeof Peringatan>;
export const PeringatanCreate = z.object({
  clientId: Uuid,
  kodeWilayah: KodeWilayah,
  jenis: z.enum(JENIS_PERINGATAN),
  tingkat: z.enum(TINGKAT_PERINGATAN),
  mulai: Waktu,
  selesai: Waktu,
  sumber: Teks(200),
  keterangan: z.string().trim().max(1000).default(''),
});
export type PeringatanCreate = z.infer<typeof PeringatanCreate>;
export const PeringatanList = z.object({ items: z.array(Peringatan) });

export const LogistikQuery = z.object({ wilayah: KodeWilayah });
export const LaporanQuery = z.object({ wilayah: KodeWilayah, format: z.enum(['pdf', 'xlsx']) });
export const ImportResult = z.object({ rows: z.number().int() });
export const BerkasResult = z.object({ sha256: z.string(), mime: z.string(), bytes: z.number().int() });
