/** Laporan rows as the API answers them (contracts/laporan.ts). */
import type { Laporan } from '../../../contracts/laporan';
import { isLate } from '../../../domain/laporan/jadwal';
import { emptyHitungan, type IsiLaporanSituasi } from '../../../domain/laporan/situasi';
import type { LaporanRow } from './laporan.repo';

export const iso = (d: Date | string): string => new Date(d).toISOString();

export function toLaporan(row: LaporanRow): Laporan {
  return {
    id: row.id,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    slotAt: iso(row.slot_at),
    level: row.situasi,
    narasi: row.uraian,
    hitungan: { ...emptyHitungan(), ...row.jumlah },
    status: row.status,
    via: row.via,
    dibuatAt: iso(row.dibuat_at),
    diterimaAt: iso(row.diterima_at),
    pelapor: row.pelapor,
    terlambat: isLate(new Date(row.slot_at), new Date(row.dibuat_at)),
    versi: row.versi,
    dikoreksiAt: row.dikoreksi_at === null ? null : iso(row.dikoreksi_at),
    diganti: row.diganti_at !== null,
  };
}

/** A stored report's content, with the counts it left out as zero. */
export function isiOf(row: LaporanRow): IsiLaporanSituasi {
  return {
    level: row.situasi,
    narasi: row.uraian,
    hitungan: { ...emptyHitungan(), ...row.jumlah },
  };
}
