/** Users: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idUsers = registerTexts({
  'users.title': 'Pengguna',
  'users.create': 'Tambah pengguna',
  'users.username': 'Nama pengguna',
  'users.nama': 'Nama lengkap',
  'users.role': 'Peran',
  'users.agency': 'Instansi',
  'users.wilayah': 'Kode wilayah (kosong = nasional)',
  'users.active': 'Aktif',
  'users.password': 'Kata sandi (minimal 10 karakter)',
  'users.newPassword': 'Kata sandi baru (kosongkan jika tidak diubah)',
  'users.lastLogin': 'Terakhir masuk',
  'users.edit': 'Ubah',
});
