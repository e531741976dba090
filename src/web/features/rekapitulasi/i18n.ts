/** Rekapitulasi texts: Indonesian first; the English object must have the same keys. */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idRekap = registerTexts({
  'rekap.title': 'Rekapitulasi suara',
  'rekap.intro':
    'Tempat dan waktu rekapitulasi PPK di kecamatan dan KPU kabupaten/kota, serta personel yang mengamankannya.',
  'rekap.ppk': 'PPK Kecamatan {nama}',
  'rekap.kpu': 'KPU {nama}',
  'rekap.tahap': '{nama}: {dari} – {sampai}',
  'rekap.tanpaTahap': 'Pemilihan ini tidak punya tahap rekapitulasi.',
  'rekap.belum': 'Tempat dan waktu belum ditetapkan.',
  'rekap.ringkasan': '{ditetapkan} dari {semua} tempat rekapitulasi sudah ditetapkan.',
  'rekap.ringkasanKurang': 'Personel masih kurang di {kurang} tempat.',
  'rekap.diLuarTahap': 'Waktu ini di luar jadwal tahapannya. Periksa kembali dengan KPU.',
  'rekap.personelLengkap': 'Personel pengamanan lengkap.',
  'rekap.personelKurang': 'Personel masih kurang: {rincian}.',
  'rekap.kind.polri': 'Polri',
  'rekap.kind.tni': 'TNI',
  'rekap.kind.linmas': 'Linmas',
  'rekap.kind.satpolPp': 'Satpol PP',
  'rekap.tetapkan': 'Tetapkan tempat dan waktu',
  'rekap.ubah': 'Ubah',
  'rekap.form': 'Tempat dan waktu rekapitulasi',
  'rekap.tempat': 'Tempat',
  'rekap.alamat': 'Alamat',
  'rekap.mulai': 'Mulai ({zona})',
  'rekap.selesai': 'Selesai ({zona})',
  'rekap.kebutuhan': 'Kebutuhan personel',
  'rekap.simpan': 'Simpan',
  'rekap.batal': 'Batal',
});
