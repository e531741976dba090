/** Import: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idImport = registerTexts({
  'import.title': 'Impor TPS dari spreadsheet KPU',
  'import.wilayah': 'Wilayah tujuan impor (kode)',
  'import.columns': 'Kolom yang dikenali',
  'import.columnsHelp':
    'kode_wilayah (atau kecamatan + kelurahan), tps, dpt_laki_laki, dpt_perempuan, dpt_total, alamat, latitude, longitude, akses, lokasi_khusus. Baris judul di atas tabel boleh ada. Semua baris masuk, atau tidak sama sekali.',
  'import.template': 'Unduh templat CSV',
  'import.upload': 'Mengunggah',
  'import.phase.parse': 'Membaca berkas',
  'import.phase.validate': 'Memeriksa baris',
  'import.phase.write': 'Menyimpan',
  'import.done': 'Impor selesai: {inserted} TPS baru, {updated} diperbarui, {unchanged} tidak berubah.',
  'import.errors': 'Kesalahan per baris ({count})',
  'import.row': 'Baris',
  'import.column': 'Kolom',
  'import.value': 'Nilai',
  'import.reason': 'Alasan',
});
