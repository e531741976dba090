/**
 * Media sosial: posts a monitoring officer records, their evidence (screenshots by SHA-256), triage,
 * the incidents they cause, takedown requests and the rakor's weekly picture. Rules live in
 * src/domain/medsos/; docs/domain/medsos.md.
 */
import { z } from 'zod';
import {
  AKSI_MEDSOS,
  KATEGORI_MEDSOS,
  STATUS_MEDSOS,
  STATUS_TAKEDOWN,
  TUJUAN_TAKEDOWN,
} from '../domain/medsos/medsos';
import { PLATFORM } from '../domain/medsos/url';
import { FOTO_MIME, StatusKejadian, KategoriKejadian } from './kejadian';
import { KodeWilayah, PageQuery, pageOf, Uuid, Version } from './common';

export { FOTO_MAX_BYTES as BUKTI_MAX_BYTES, FOTO_MIME as BUKTI_MIME } from './kejadian';

export const KategoriMedsos = z.enum(KATEGORI_MEDSOS, {
  message: 'Klasifikasi harus hoaks, SARA, ujaran kebencian, provokasi, kampanye hitam atau politik uang',
});
export const Platform = z.enum(PLATFORM, { message: 'Platform tidak dikenal; pilih dari daftar' });
export const StatusMedsos = z.enum(STATUS_MEDSOS, { message: 'Status unggahan tidak dikenal' });
export const TujuanTakedown = z.enum(TUJUAN_TAKEDOWN, { message: 'Tujuan harus platform atau komdigi' });
export const StatusTakedown = z.enum(STATUS_TAKEDOWN, {
  message: 'Status harus diajukan, diproses, diturunkan atau ditolak',
});

const Instant = z.iso.datetime({
  offset: true,
  message: 'Waktu harus berformat ISO 8601 dengan zona, mis. 2024-11-20T10:30:00+08:00',
});
const Teks = (max: number, required: string) =>
  z
    .string({ message: required })
    .trim()
    .min(1, { message: required })
    .max(max, { message: `Paling banyak ${max} karakter` });

export const MedsosPostInput = z.object({
  clientId: z.uuid({ message: 'clientId harus UUID yang dibuat perangkat' }),
  url: Teks(2000, 'Alamat unggahan wajib diisi'),
  /** Read from the address when absent (url.ts); given, it wins only over "lainnya". */
  platform: Platform.optional(),
  akun: Teks(200, 'Nama akun wajib diisi'),
  /** The text as captured, word for word (may be empty for an image-only post). */
  teks: z.string().trim().max(10000, { message: 'Paling banyak 10000 karakter' }).default(''),
  dilihatAt: Instant,
  /** The kecamatan, kelurahan or kab/kota the post concerns. */
  kodeWilayah: KodeWilayah,
  kategori: KategoriMedsos,
});
export type MedsosPostInput = z.infer<typeof MedsosPostInput>;

export const MedsosParams = z.object({ id: z.uuid({ message: 'ID unggahan tidak valid' }) });
export const BuktiParams = MedsosParams.extend({ buktiId: z.uuid({ message: 'ID bukti tidak valid' }) });
export const TakedownParams = MedsosParams.extend({
  takedownId: z.uuid({ message: 'ID permintaan takedown tidak valid' }),
});

export const MedsosListQuery = PageQuery.extend({
  kode: KodeWilayah.optional(),
  status: StatusMedsos.optional(),
  kategori: KategoriMedsos.optional(),
  platform: Platform.optional(),
});
export type MedsosListQuery = z.infer<typeof MedsosListQuery>;

export const MedsosAksiInput = z.discriminatedUnion(
  'aksi',
  [
    z.object({ aksi: z.literal('verifikasi'), version: Version.optional() }),
    z.object({
      aksi: z.literal('gabung'),
      intoId: z.uuid({ message: 'Pilih unggahan induk' }),
      version: Version.optional(),
    }),
    z.object({
      aksi: z.literal('abaikan'),
      alasan: Teks(1000, 'Alasan wajib diisi'),
      version: Version.optional(),
    }),
    z.object({
      aksi: z.literal('eskalasi'),
      catatan: z.string().trim().max(1000).optional(),
      version: Version.optional(),
    }),
    z.object({ aksi: z.literal('klasifikasi'), kategori: KategoriMedsos, version: Version.optional() }),
  ],
  { message: 'Aksi harus verifikasi, gabung, abaikan, eskalasi atau klasifikasi' },
);
export type MedsosAksiInput = z.infer<typeof MedsosAksiInput>;

export const BuktiQuery = z.object({
  /** When the screenshot was taken; defaults to its arrival. */
  diambilAt: Instant.optional(),
  nama: z.string().trim().max(200, { message: 'Nama berkas paling banyak 200 karakter' }).optional(),
});
export type BuktiQuery = z.infer<typeof BuktiQuery>;

export const BuktiItem = z.object({
  id: Uuid,
  sha256: z.string(),
  mime: z.enum(FOTO_MIME),
  sizeBytes: z.number().int(),
  namaBerkas: z.string(),
  diambilOleh: z.string(),
  diambilAt: z.string(),
  uploadedAt: z.string(),
});
export type BuktiItem = z.infer<typeof BuktiItem>;
export const BuktiResult = BuktiItem.extend({ replayed: z.boolean() });

export const KaitKejadianInput = z.object({ kejadianId: z.uuid({ message: 'Pilih kejadian' }) });
export const BuatKejadianInput = z.object({
  clientId: z.uuid({ message: 'clientId harus UUID yang dibuat perangkat' }),
  uraian: z.string().trim().max(4000).optional(),
});

export const TakedownInput = z.object({
  tujuan: TujuanTakedown,
  nomor: z.string().trim().max(200).default(''),
  catatan: z.string().trim().max(2000).default(''),
  /** When it was sent; defaults to now. */
  diajukanAt: Instant.optional(),
});
export type TakedownInput = z.infer<typeof TakedownInput>;

export const TakedownUpdateInput = z.object({
  status: StatusTakedown.exclude(['diajukan'], { message: 'Status harus diproses, diturunkan atau ditolak' }),
  /** When the platform or ministry answered; defaults to now. */
  at: Instant.optional(),
  nomor: z.string().trim().max(200).optional(),
  catatan: z.string().trim().max(2000).optional(),
  version: Version.optional(),
});
export type TakedownUpdateInput = z.infer<typeof TakedownUpdateInput>;

export const TakedownView = z.object({
  id: Uuid,
  tujuan: TujuanTakedown,
  status: StatusTakedown,
  nomor: z.string(),
  catatan: z.string(),
  diajukanAt: z.string(),
  diprosesAt: z.string().nullable(),
  selesaiAt: z.string().nullable(),
  /** Time to takedown once taken down; time waited so far while open; null when refused. */
  menit: z.number().int().nullable(),
  version: z.number().int(),
});
export type TakedownView = z.infer<typeof TakedownView>;

export const MedsosListItem = z.object({
  id: Uuid,
  platform: Platform,
  akun: z.string(),
  url: z.string(),
  urlNormal: z.string(),
  ringkasan: z.string(),
  dilihatAt: z.string(),
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  kategori: KategoriMedsos,
  status: StatusMedsos,
  jumlahBukti: z.number().int(),
  jumlahKejadian: z.number().int(),
  takedown: StatusTakedown.nullable(),
  version: z.number().int(),
});
export type MedsosListItem = z.infer<typeof MedsosListItem>;
export const MedsosPage = pageOf(MedsosListItem);

export const KejadianTerkait = z.object({
  id: Uuid,
  /** False when the reader may not see the incident (restricted, or outside their scope). */
  terlihat: z.boolean(),
  kategori: KategoriKejadian.nullable(),
  status: StatusKejadian.nullable(),
  ringkasan: z.string().nullable(),
  rujukan: z.object({ lembaga: z.string(), tenggatBerikut: z.string().nullable() }).nullable(),
});

export const MedsosDetail = MedsosListItem.extend({
  teks: z.string(),
  alasan: z.string().nullable(),
  mergedInto: Uuid.nullable(),
  duplikat: z.array(z.object({ id: Uuid, url: z.string(), akun: z.string() })),
  pencatat: z.string(),
  recordedAt: z.string(),
  bukti: z.array(BuktiItem),
  kejadian: z.array(KejadianTerkait),
  takedowns: z.array(TakedownView),
  langkah: z.array(
    z.object({ aksi: z.string(), catatan: z.string(), aktor: z.string().nullable(), at: z.string() }),
  ),
  aksiTersedia: z.array(z.enum(AKSI_MEDSOS)),
  bisaUnggahBukti: z.boolean(),
  bisaKaitkan: z.boolean(),
  bisaTakedown: z.boolean(),
});
export type MedsosDetail = z.infer<typeof MedsosDetail>;

export const RingkasanQuery = z.object({
  /** First day of the week (YYYY-MM-DD, local); defaults to six days before today. */
  dari: z.iso.date({ message: 'Tanggal harus berformat YYYY-MM-DD' }).optional(),
  kode: KodeWilayah.optional(),
});
export type RingkasanQuery = z.infer<typeof RingkasanQuery>;

export const RingkasanMedsos = z.object({
  kodeWilayah: z.string().nullable(),
  namaWilayah: z.string(),
  dari: z.string(),
  sampai: z.string(),
  jumlah: z.number().int(),
  diabaikan: z.number().int(),
  perKategori: z.array(z.object({ kategori: KategoriMedsos, jumlah: z.number().int() })),
  perPlatform: z.array(z.object({ platform: Platform, jumlah: z.number().int() })),
  perKecamatan: z.array(
    z.object({ kode: z.string().nullable(), nama: z.string(), jumlah: z.number().int() }),
  ),
  takedown: z.object({
    diajukan: z.number().int(),
    diturunkan: z.number().int(),
    ditolak: z.number().int(),
    terbuka: z.number().int(),
    medianMenit: z.number().int().nullable(),
  }),
  terlambat: z.array(
    z.object({
      postId: Uuid,
      url: z.string(),
      tujuan: TujuanTakedown,
      status: StatusTakedown,
      diajukanAt: z.string(),
      menit: z.number().int(),
      selesai: z.boolean(),
    }),
  ),
});
export type RingkasanMedsos = z.infer<typeof RingkasanMedsos>;

export const MedsosImportResult = z.object({
  dicatat: z.number().int(),
  /** Rows whose address was already recorded (or repeated in the file): kept once, not again. */
  dilewati: z.array(z.object({ row: z.number().int(), url: z.string(), id: Uuid.nullable() })),
});
export type MedsosImportResult = z.infer<typeof MedsosImportResult>;
