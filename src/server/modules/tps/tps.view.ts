import type { Tps } from '../../../contracts/tps';
import { formatNamaTps } from '../../../domain/tps/kode-tps';
import type { TpsListRow } from './tps.repo';

/** The API shape of a TPS: a whitelist of columns, nothing else leaves the server. */
export function toTpsView(row: TpsListRow): Tps {
  return {
    id: row.id,
    kode: row.kode,
    kodeWilayah: row.kode_wilayah,
    nomor: row.nomor,
    nama: formatNamaTps(row.nomor),
    namaKelurahan: row.nama_kelurahan,
    namaKecamatan: row.nama_kecamatan,
    dptTotal: row.dpt_total,
    dptLaki: row.dpt_laki,
    dptPerempuan: row.dpt_perempuan,
    alamat: row.alamat,
    lat: row.lat,
    lon: row.lon,
    akses: row.akses,
    lokasiKhusus: row.lokasi_khusus,
    isGenerated: row.is_generated,
    version: row.version,
    updatedAt: new Date(row.updated_at).toISOString(),
  };
}

/** Columns of CSV and XLSX exports: the same names the importer reads, so an export re-imports. */
export const EXPORT_COLUMNS = [
  { header: 'kode_tps', width: 16, get: (t: Tps) => t.kode },
  { header: 'kode_wilayah', width: 15, get: (t: Tps) => t.kodeWilayah },
  { header: 'kecamatan', width: 20, get: (t: Tps) => t.namaKecamatan },
  { header: 'kelurahan', width: 22, get: (t: Tps) => t.namaKelurahan },
  { header: 'tps', width: 6, get: (t: Tps) => t.nomor },
  { header: 'dpt_laki_laki', width: 12, get: (t: Tps) => t.dptLaki },
  { header: 'dpt_perempuan', width: 12, get: (t: Tps) => t.dptPerempuan },
  { header: 'dpt_total', width: 10, get: (t: Tps) => t.dptTotal },
  { header: 'alamat', width: 30, get: (t: Tps) => t.alamat },
  { header: 'latitude', width: 11, get: (t: Tps) => t.lat },
  { header: 'longitude', width: 11, get: (t: Tps) => t.lon },
  { header: 'akses', width: 8, get: (t: Tps) => t.akses },
  { header: 'lokasi_khusus', width: 14, get: (t: Tps) => t.lokasiKhusus },
  { header: 'data_contoh', width: 10, get: (t: Tps) => (t.isGenerated ? 'ya' : 'tidak') },
] as const;
