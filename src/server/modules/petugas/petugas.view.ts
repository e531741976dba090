/** Petugas rows as answers: a region's rule, check-ins per officer, one officer as a reader may see them. */
import type { PetugasView } from '../../../contracts/petugas';
import { maskNik, maskTelepon, usiaPada, type AksesDataPribadi } from '../../../domain/petugas/data-pribadi';
import { RETENSI_HARI_DEFAULT } from '../../../domain/petugas/kesehatan';
import {
  ATURAN_KELELAHAN_DEFAULT,
  jamBertugas,
  shiftsOf,
  tingkatKelelahan,
  type AturanKelelahan,
  type KejadianHadir,
} from '../../../domain/petugas/kelelahan';
import type * as repo from './petugas.repo';

export type Aturan = AturanKelelahan & { kodeWilayah: string | null; retensiHari: number };

/** A kab/kota's rule from its row, else Siaga's defaults. */
export function toAturan(
  row: { kode_wilayah: string; jam_peringatan: number; jam_bahaya: number; retensi_hari: number } | undefined,
): Aturan {
  return row
    ? {
        kodeWilayah: row.kode_wilayah,
        jamPeringatan: row.jam_peringatan,
        jamBahaya: row.jam_bahaya,
        retensiHari: row.retensi_hari,
      }
    : { kodeWilayah: null, ...ATURAN_KELELAHAN_DEFAULT, retensiHari: RETENSI_HARI_DEFAULT };
}

export function toDate(value: Date | string): Date {
  return value instanceof Date ? value : new Date(value);
}

export function eventsByPetugas(
  rows: readonly { petugas_id: string; jenis: KejadianHadir['jenis']; pada: Date | string }[],
) {
  const map = new Map<string, KejadianHadir[]>();
  for (const r of rows) {
    const list = map.get(r.petugas_id) ?? [];
    list.push({ jenis: r.jenis, pada: toDate(r.pada).getTime() });
    map.set(r.petugas_id, list);
  }
  return map;
}

export function viewOf(
  row: repo.PetugasRosterRow,
  akses: AksesDataPribadi,
  events: readonly KejadianHadir[],
  aturan: AturanKelelahan,
  now: number,
  hariPemungutan: string,
): PetugasView {
  const shifts = shiftsOf(events);
  const jam = jamBertugas(shifts, now);
  const tanggalLahir = row.tanggal_lahir === null ? null : String(row.tanggal_lahir).slice(0, 10);
  const skriningStatus =
    row.hasil !== null ? 'sudah' : row.kesehatan_dihapus_at !== null ? 'dihapus' : 'belum';
  return {
    id: row.id,
    jenis: row.jenis,
    jabatan: row.jabatan,
    kodeWilayah: row.kode_wilayah,
    tpsId: row.tps_id,
    nama: row.nama,
    nik: akses.identitas ? row.nik : maskNik(row.nik)!,
    telepon: akses.identitas ? row.telepon : maskTelepon(row.telepon),
    tanggalLahir: akses.identitas ? tanggalLahir : null,
    usia: akses.identitas && tanggalLahir !== null ? usiaPada(tanggalLahir, hariPemungutan) : null,
    jenisKelamin: row.jenis_kelamin,
    identitasTersamar: !akses.identitas,
    skriningStatus,
    skrining:
      akses.kesehatan && row.hasil !== null
        ? {
            diperiksaOn: String(row.diperiksa_on).slice(0, 10),
            fasilitas: row.fasilitas ?? '',
            sistolik: row.sistolik,
            diastolik: row.diastolik,
            gulaDarah: row.gula_darah,
            faktorRisiko: row.faktor_risiko ?? [],
            hasil: row.hasil,
            catatan: row.catatan ?? '',
          }
        : null,
    shifts: shifts.map((s) => ({
      masuk: new Date(s.masuk).toISOString(),
      keluar: s.keluar === null ? null : new Date(s.keluar).toISOString(),
    })),
    jam,
    sedangBertugas: shifts.some((s) => s.keluar === null),
    kelelahan: tingkatKelelahan(jam, aturan),
    version: row.version,
  };
}
