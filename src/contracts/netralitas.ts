/** Neutrality complaints and their route (issue 18; src/domain/netralitas/, docs/domain/netralitas.md). */
import { z } from 'zod';
import { JALUR, STATUS_NETRALITAS, TERLAPOR } from '../domain/netralitas/netralitas';
import { Instant, KodeWilayah, Teks, Uuid, Version } from './common';
import { Tenggat } from './kejadian';

export const Terlapor = z.enum(TERLAPOR, {
  message: 'Terlapor harus asn, lurah, kepala_desa, polri atau tni',
});
export const JalurNetralitas = z.enum(JALUR);
export const StatusNetralitas = z.enum(STATUS_NETRALITAS);
export const SumberNetralitas = z.enum(['laporan', 'temuan'], {
  message: 'Sumber harus laporan atau temuan',
});
export type SumberNetralitas = z.infer<typeof SumberNetralitas>;

export const NetralitasQuery = z.object({ wilayah: KodeWilayah.optional() });

export const NetralitasInput = z.object({
  clientId: Uuid,
  /** Where it happened (kab/kota, kecamatan or kelurahan/desa). */
  kodeWilayah: KodeWilayah,
  terlapor: Terlapor,
  namaTerlapor: Teks(200, 'Nama terlapor wajib diisi'),
  jabatan: z.string().trim().max(200).nullish(),
  sumber: SumberNetralitas,
  pelapor: z.string().trim().max(200).nullish(),
  uraian: Teks(4000, 'Uraian wajib diisi').pipe(z.string().min(5, { message: 'Uraian minimal 5 karakter' })),
  /** When it became known (starts the 7-day reporting window). */
  diketahuiAt: Instant,
  /** When Bawaslu received it; defaults to now. */
  dilaporkanAt: Instant.optional(),
});
export type NetralitasInput = z.infer<typeof NetralitasInput>;

export const NetralitasAksiInput = z.discriminatedUnion(
  'aksi',
  [
    z.object({ aksi: z.literal('minta_keterangan'), at: Instant.optional(), version: Version }),
    z.object({
      aksi: z.literal('putus_kajian'),
      hasil: z.enum(['bukan_pelanggaran', 'pelanggaran', 'pidana'], {
        message: 'Hasil kajian harus bukan_pelanggaran, pelanggaran atau pidana',
      }),
      catatan: z.string().trim().max(2000).optional(),
      at: Instant.optional(),
      version: Version,
    }),
    z.object({ aksi: z.literal('teruskan_penyidik'), at: Instant.optional(), version: Version }),
    z.object({ aksi: z.literal('limpah_penuntut'), at: Instant.optional(), version: Version }),
    z.object({ aksi: z.literal('limpah_pengadilan'), at: Instant.optional(), version: Version }),
    z.object({
      aksi: z.literal('putusan'),
      amar: Teks(2000, 'Isi putusan wajib diisi'),
      at: Instant.optional(),
      version: Version,
    }),
  ],
  { message: 'Aksi tidak dikenal' },
);
export type NetralitasAksiInput = z.infer<typeof NetralitasAksiInput>;

export const NetralitasLangkah = z.object({
  aksi: z.string(),
  at: z.string(),
  catatan: z.string(),
  oleh: z.string(),
});

export const Netralitas = z.object({
  id: Uuid,
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  terlapor: Terlapor,
  namaTerlapor: z.string(),
  jabatan: z.string().nullable(),
  sumber: SumberNetralitas,
  pelapor: z.string().nullable(),
  uraian: z.string(),
  kejadianId: Uuid.nullable(),
  status: StatusNetralitas,
  jalur: JalurNetralitas.nullable(),
  /** The route in words: where it goes (or would go) and under which rule. */
  jalurLabel: z.string(),
  diketahuiAt: z.string(),
  dilaporkanAt: z.string(),
  amar: z.string().nullable(),
  tenggat: z.array(Tenggat),
  /** The open deadline that lapses first. */
  tenggatBerikut: Tenggat.nullable(),
  langkah: z.array(NetralitasLangkah),
  version: z.number().int(),
});
export type Netralitas = z.infer<typeof Netralitas>;
export const NetralitasList = z.object({ items: z.array(Netralitas.omit({ langkah: true })) });
export type NetralitasList = z.infer<typeof NetralitasList>;
