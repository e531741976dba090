/** Anev texts: Indonesian first; the English object must have the same keys. */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idAnev = registerTexts({
  'anev.title': 'Analisa dan evaluasi',
  'anev.intro': '{kini} dibandingkan dengan {lalu}, per kecamatan.',
  'anev.noPembanding': 'belum ada pemilihan sebelumnya',
  'anev.pembanding': 'Bandingkan dengan',
  'anev.pembandingAuto': 'Pemilihan sebelumnya (otomatis)',
  'anev.col.angka': 'Angka',
  'anev.col.kini': 'Kini',
  'anev.col.lalu': 'Lalu',
  'anev.col.selisih': 'Selisih',
  'anev.col.penilaian': 'Penilaian',
  'anev.penilaian.membaik': 'membaik',
  'anev.penilaian.memburuk': 'memburuk',
  'anev.penilaian.tetap': 'tetap',
  'anev.penilaian.tidak_dinilai': '',
  'anev.kosong': 'Belum ada angka untuk wilayah ini.',
  'anev.rincian': 'Rincian kejadian dan rujukan',
  'anev.rincian.kategori_kejadian': 'Kejadian menurut kategori',
  'anev.rincian.status_kejadian': 'Kejadian menurut akhir penanganan',
  'anev.rincian.hasil_rujukan': 'Rujukan Bawaslu/Gakkumdu menurut hasil',
  'anev.rincian.kosong': 'Belum ada kejadian tercatat pada kedua pemilihan.',
  'anev.rincian.tanpa': 'Pemilihan pembanding tidak dijalankan di Siaga: rinciannya tidak ada (–).',
  'anev.pdf': 'Cetak PDF',
  'anev.xlsx': 'Unduh XLSX',
  'anev.ringkasan': 'Masukkan ringkasan angka',
  'anev.ringkasanHint':
    'Untuk pemilihan yang tidak dijalankan di Siaga: unduh templat, isi angka per kecamatan, lalu unggah. Semua baris diperiksa; tidak ada yang disimpan bila ada kesalahan.',
  'anev.ringkasanUntuk': 'Ringkasan untuk',
  'anev.templat': 'Unduh templat',
  'anev.unggah': 'Unggah ringkasan',
  'anev.tersimpan': '{angka} angka dari {wilayah} wilayah tersimpan.',
  'anev.dimasukkan': 'Angka dimasukkan dari ringkasan: {kini} (kini), {lalu} (lalu).',
  'anev.baris': 'Baris {row}',
});
