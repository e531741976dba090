/** The election (pemilihan) as a record, its stages and TPS, and the holiday list. */
import { z } from 'zod';
import { JENIS_PEMILIHAN } from '../domain/pemilihan/pemilihan';
import { JENIS_LIBUR } from '../domain/time/hari-libur';
import { KodeWilayah, Uuid } from './common';

export const JenisPemilihan = z.enum(JENIS_PEMILIHAN);
const Tanggal = z.iso.date({ message: 'Tanggal harus berbentuk YYYY-MM-DD' });

/**
 * The election every operational request names explicitly (`?pemilihan=<id>`): the server never
 * takes it from hidden state, so two elections in one region never mix.
 */
export const PemilihanQuery = z.object({ pemilihan: Uuid });
export type PemilihanQuery = z.infer<typeof PemilihanQuery>;

export const TahapanInput = z.object({
  kode: z.string().regex(/^[a-z0-9_]{2,60}$/, 'Kode tahapan: huruf kecil, angka dan garis bawah'),
  nama: z.string().trim().min(2).max(200),
  mulaiOn: Tanggal,
  selesaiOn: Tanggal,
});
export type TahapanInput = z.infer<typeof TahapanInput>;

export const PemilihanTahapan = TahapanInput.extend({
  status: z.enum(['akan_datang', 'berjalan', 'selesai']),
  pasca: z.boolean(),
});

export const FasePemilihan = z.enum(['persiapan', 'hari_h', 'pasca', 'ditutup']);

export const Pemilihan = z.object({
  id: Uuid,
  nama: z.string(),
  jenis: JenisPemilihan,
  hariPemungutan: z.string(),
  kodeWilayah: z.string().nullable(),
  namaWilayah: z.string().nullable(),
  indukId: Uuid.nullable(),
  ditutupAt: z.string().nullable(),
  fase: FasePemilihan,
  /** "H-10" today in the election's own area. */
  hari: z.object({
    offset: z.number().int(),
    label: z.string(),
    arah: z.enum(['menuju', 'hari_h', 'setelah']),
  }),
  aturanPelanggaran: z.enum(['pilkada', 'pemilu', 'pilkades']),
  jumlahWilayahPeserta: z.number().int(),
  jumlahTps: z.number().int(),
  isGenerated: z.boolean(),
  /** The signed-in user may change or close it. */
  bisaKelola: z.boolean(),
  version: z.number().int(),
});
export type Pemilihan = z.infer<typeof Pemilihan>;

export const PemilihanList = z.object({
  items: z.array(Pemilihan),
  /** The one the user lands in (domain/pemilihan pilihPemilihanAktif); null when there is none. */
  aktifId: Uuid.nullable(),
});
export type PemilihanList = z.infer<typeof PemilihanList>;

export const PemilihanDetail = Pemilihan.extend({
  catatan: z.string(),
  induk: z.object({ id: Uuid, nama: z.string(), hariPemungutan: z.string() }).nullable(),
  anak: z.array(z.object({ id: Uuid, nama: z.string(), jenis: JenisPemilihan, hariPemungutan: z.string() })),
  tahapanSendiri: z.boolean(),
  tahapan: z.array(PemilihanTahapan),
  wilayahPeserta: z.array(z.object({ kode: z.string(), nama: z.string() })),
  tps: z.array(
    z.object({
      id: Uuid,
      kode: z.string(),
      nomor: z.number().int(),
      kodeWilayah: z.string(),
      alasan: z.string(),
    }),
  ),
});
export type PemilihanDetail = z.infer<typeof PemilihanDetail>;

const MAX_PESERTA = 10_000;

export const PemilihanCreateInput = z
  .object({
    clientId: Uuid,
    nama: z.string().trim().min(3).max(200),
    jenis: JenisPemilihan,
    hariPemungutan: Tanggal,
    /** The area that holds it; null for a national election (admins only). */
    kodeWilayah: KodeWilayah.nullable(),
    /** The desa of a Pilkades or the kab/kota of a lanjutan; empty: the whole area votes. */
    wilayahPeserta: z.array(KodeWilayah).max(MAX_PESERTA).default([]),
    indukId: Uuid.nullable().default(null),
    /** The TPS of a PSU. */
    tps: z
      .array(z.object({ tpsId: Uuid, alasan: z.string().trim().max(500).default('') }))
      .max(MAX_PESERTA)
      .default([]),
    /** A schedule of its own (a Pilkades); omitted: the template of its kind. */
    tahapan: z.array(TahapanInput).min(1).max(100).optional(),
    catatan: z.string().trim().max(2000).default(''),
  })
  .strict();
export type PemilihanCreateInput = z.infer<typeof PemilihanCreateInput>;

export const PemilihanUpdateInput = z
  .object({
    version: z.number().int().min(1).max(2_147_483_647),
    nama: z.string().trim().min(3).max(200).optional(),
    hariPemungutan: Tanggal.optional(),
    /** A schedule of its own; null returns to the template of its kind. */
    tahapan: z.array(TahapanInput).min(1).max(100).nullable().optional(),
    catatan: z.string().trim().max(2000).optional(),
    /** Close (archive) or reopen. */
    ditutup: z.boolean().optional(),
  })
  .strict();
export type PemilihanUpdateInput = z.infer<typeof PemilihanUpdateInput>;

export const HariLibur = z.object({
  tanggal: Tanggal,
  nama: z.string().trim().min(2).max(200),
  jenis: z.enum(JENIS_LIBUR),
  sumber: z.string().trim().max(500).default(''),
});
export type HariLibur = z.infer<typeof HariLibur>;
export const HariLiburList = z.object({ items: z.array(HariLibur) });
export const HariLiburQuery = z.object({ tahun: z.coerce.number().int().min(2000).max(2100).optional() });
export const TanggalParams = z.object({ tanggal: Tanggal });
