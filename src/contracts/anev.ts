/** Anev: an election beside the previous one of the same kind, per kecamatan. */
import { z } from 'zod';
import { KodeWilayah, Uuid } from './common';

export const AnevQuery = z.object({
  /** The election compared with; omitted: the latest earlier one of the same kind. */
  pembanding: Uuid.optional(),
});
/** The printed anev: PDF (A4) for the rakor evaluasi, or XLSX. */
export const AnevCetakQuery = AnevQuery.extend({ format: z.enum(['pdf', 'xlsx']).default('pdf') });
export const AnevParams = z.object({ kode: KodeWilayah });

const Penilaian = z.enum(['membaik', 'memburuk', 'tetap', 'tidak_dinilai']);
export const BarisBanding = z.object({
  metrik: z.string(),
  kini: z.number().nullable(),
  lalu: z.number().nullable(),
  selisih: z.number().nullable(),
  penilaian: Penilaian,
});

const PemilihanRingkas = z.object({ id: Uuid, nama: z.string(), hariPemungutan: z.string() });

export const AnevResponse = z.object({
  kodeWilayah: z.string(),
  namaWilayah: z.string(),
  kini: PemilihanRingkas,
  lalu: PemilihanRingkas.nullable(),
  metrik: z.array(
    z.object({
      kode: z.string(),
      nama: z.string(),
      satuan: z.enum(['jumlah', 'persen']),
      kabKotaSaja: z.boolean(),
    }),
  ),
  /** The kab/kota first, then each kecamatan. */
  wilayah: z.array(z.object({ kode: z.string(), nama: z.string(), baris: z.array(BarisBanding) })),
  /** The kab/kota's breakdowns; a side is null where its election has none (closed, or none compared). */
  rincian: z.array(
    z.object({
      kelompok: z.enum(['kategori_kejadian', 'status_kejadian', 'hasil_rujukan']),
      kode: z.string(),
      nama: z.string(),
      kini: z.number().nullable(),
      lalu: z.number().nullable(),
    }),
  ),
  /** Figures entered by hand (summary import) rather than computed from Siaga's records. */
  dimasukkan: z.object({ kini: z.number().int(), lalu: z.number().int() }),
});
export type AnevResponse = z.infer<typeof AnevResponse>;

export const AnevImportResult = z.object({ wilayah: z.number().int(), angka: z.number().int() });
