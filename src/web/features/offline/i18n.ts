/** Texts of the offline app (outbox, new version): Indonesian first; English has the same keys. */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idOffline = registerTexts({
  'outbox.title': 'Kiriman di ponsel ini',
  'outbox.waiting': '{n} kiriman tersimpan di ponsel, belum terkirim.',
  'outbox.hint': 'Dikirim otomatis begitu ada sinyal.',
  'outbox.sendNow': 'Kirim sekarang',
  'outbox.state.waiting': 'belum terkirim',
  'outbox.state.refused': 'ditolak server',
  'outbox.state.conflict': 'bentrok dengan data di server',
  'outbox.attempts': 'dicoba {n} kali',
  'outbox.edit': 'Ubah',
  'outbox.retry': 'Kirim ulang',
  'outbox.discard': 'Hapus',
  'outbox.discardConfirm': 'Hapus kiriman ini dari ponsel? Isinya tidak akan terkirim.',
  'outbox.filed.waiting': 'Tersimpan di ponsel, belum terkirim. Dikirim otomatis begitu ada sinyal.',
  'outbox.filed.sent': 'Terkirim ke server.',
  'outbox.filed.warnings': 'Diterima server, periksa kembali:',
  'outbox.filed.refused': 'Ditolak server: {message}',
  'outbox.filed.conflict': 'Bentrok dengan data di server: {message}',
  'outbox.kind.laporan': 'Laporan situasi',
  'outbox.kind.kejadian': 'Kejadian',
  'outbox.kind.checklist': 'Daftar periksa kerawanan',
  'outbox.kind.status-tps': 'Status TPS',
  'outbox.kind.situasi-tps': 'Situasi keamanan TPS',
  'outbox.kind.imbauan': 'Konfirmasi imbauan',
  'outbox.kind.hadir-petugas': 'Kehadiran petugas',
  'outbox.kind.insiden-petugas': 'Petugas sakit atau cedera',
  'update.available': 'Versi baru Siaga tersedia.',
  'update.hint': 'Kiriman yang belum terkirim tetap tersimpan.',
  'update.reload': 'Muat ulang',
  'offline.notice': 'Tidak ada sinyal: menampilkan data terakhir yang tersimpan.',
});
