/** Elections as the API shows them: the row, with its phase and day counted in the reader's region. */
import type { Pemilihan } from '../../../contracts/pemilihan';
import { hasPermission } from '../../../domain/access/roles';
import { isInScope, type Actor } from '../../../domain/access/scope';
import {
  aturanPelanggaranOf,
  faseOf,
  pesertaOf,
  posisiHari,
  type JenisPemilihan,
} from '../../../domain/pemilihan/pemilihan';
import type { PemilihanRow } from './pemilihan.repo';

/** Whether the actor may change the election: a manager whose scope holds its holding area. */
export function canManage(actor: Actor, row: { kode_wilayah: string | null }): boolean {
  if (!hasPermission(actor.role, 'pemilihan:manage')) return false;
  return row.kode_wilayah === null ? actor.kodeWilayah === null : isInScope(actor, row.kode_wilayah);
}

/** The areas that vote in the election ('nasional' for all). */
export function pesertaOfRow(row: PemilihanRow) {
  return pesertaOf({
    kodeWilayah: row.kode_wilayah,
    wilayahPeserta: row.wilayah_peserta,
    tpsWilayah: row.tps_wilayah,
  });
}

export function toPemilihanView(
  actor: Actor,
  row: PemilihanRow,
  today: string,
  jenisInduk?: JenisPemilihan,
): Pemilihan {
  return {
    id: row.id,
    nama: row.nama,
    jenis: row.jenis,
    hariPemungutan: row.hari_pemungutan,
    kodeWilayah: row.kode_wilayah,
    namaWilayah: row.nama_wilayah,
    indukId: row.induk_id,
    ditutupAt: row.ditutup_at === null ? null : new Date(row.ditutup_at).toISOString(),
    fase: faseOf({ hariPemungutan: row.hari_pemungutan, ditutup: row.ditutup_at !== null }, today),
    hari: posisiHari(row.hari_pemungutan, today),
    aturanPelanggaran: aturanPelanggaranOf(row.jenis, jenisInduk),
    jumlahWilayahPeserta: row.wilayah_peserta.length,
    jumlahTps: row.jumlah_tps,
    isGenerated: row.is_generated,
    bisaKelola: canManage(actor, row),
    version: row.version,
  };
}
