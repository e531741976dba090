import type { Laporan } from '../../../contracts/laporan';

export type { Laporan };

/** One kab/kota's reports and incident counts for one of its days. */
export interface LaporanDay {
  kodeWilayah: string;
  namaWilayah: string;
  tanggal: string;
  reports: Laporan[];
  kejadian: { kategori: string; severity: string; n: number }[];
}
