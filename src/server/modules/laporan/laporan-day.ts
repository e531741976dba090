import type { Laporan } from '../../../contracts/laporan';
import type { KategoriKejadian, Keparahan } from '../../../domain/kejadian/kategori';
import type { LabelLevelSituasi } from '../../../domain/laporan/situasi';

export type { Laporan };

/** One kab/kota's reports and incident counts for one of its days. */
export interface LaporanDay {
  kodeWilayah: string;
  namaWilayah: string;
  tanggal: string;
  /** The kab/kota's words for the levels (its SOP's, else Siaga's). */
  sebutanLevel: LabelLevelSituasi;
  reports: Laporan[];
  kejadian: { kategori: KategoriKejadian; severity: Keparahan; n: number }[];
}
