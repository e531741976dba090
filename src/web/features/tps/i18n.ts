/** Tps: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idTps = registerTexts({
  'tps.title': 'Daftar TPS',
  'tps.filters': 'Saring',
  'tps.filterText': 'Cari (kelurahan, alamat, nomor, kode)',
  'tps.lokasiKhusus': 'Lokasi khusus',
  'tps.lokasiKhusus.ada': 'Ada (semua jenis)',
  'tps.lokasiKhusus.tidak': 'Tidak ada',
  'tps.noCoordinates': 'Tanpa koordinat saja',
  'tps.sort': 'Urutkan',
  'tps.sort.kode': 'Kode',
  'tps.sort.dpt_desc': 'DPT terbanyak',
  'tps.sort.dpt_asc': 'DPT tersedikit',
  'tps.kode': 'Kode TPS',
  'tps.name': 'TPS',
  'tps.kelurahan': 'Kelurahan/desa',
  'tps.dptLP': 'DPT L / P',
  'tps.dptTotal': 'DPT',
  'tps.coordinates': 'Koordinat',
  'tps.address': 'Alamat',
  'tps.total': '{count} TPS, {dpt} pemilih',
  'tps.export': 'Ekspor',
  'tps.empty': 'Tidak ada TPS yang cocok.',
  'tps.edit': 'Ubah TPS',
  'tps.dptLaki': 'DPT laki-laki',
  'tps.dptPerempuan': 'DPT perempuan',
  'tps.lat': 'Latitude',
  'tps.lon': 'Longitude',
  'tps.updatedAt': 'Diperbarui',
  'tps.version': 'Versi',
});
