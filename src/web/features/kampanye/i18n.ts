/** Kampanye texts: Indonesian first; the English object must have the same keys. */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idKampanye = registerTexts({
  'kam.title': 'Kegiatan kampanye',
  'kam.pickArea': 'Pilih kabupaten/kota',
  'kam.empty': 'Belum ada kegiatan kampanye tercatat di wilayah ini.',
  'kam.add': 'Catat kegiatan kampanye',
  'kam.jenis': 'Jenis kegiatan',
  'kam.jenis.rapat_umum': 'Rapat umum',
  'kam.jenis.pertemuan_terbatas': 'Pertemuan terbatas',
  'kam.jenis.tatap_muka': 'Tatap muka dan dialog',
  'kam.jenis.debat': 'Debat publik (KPU)',
  'kam.jenis.kegiatan_lain': 'Kegiatan lain',
  'kam.paslon': 'Pasangan calon',
  'kam.paslonAll': 'Semua paslon (debat KPU)',
  'kam.judul': 'Nama kegiatan',
  'kam.tempat': 'Kelurahan/desa tempat kegiatan',
  'kam.alamat': 'Alamat atau nama tempat',
  'kam.mulai': 'Mulai ({zona})',
  'kam.selesai': 'Selesai ({zona})',
  'kam.sttp': 'Nomor STTP (Polri)',
  'kam.massa': 'Perkiraan massa',
  'kam.lat': 'Lintang (opsional)',
  'kam.lon': 'Bujur (opsional)',
  'kam.save': 'Simpan kegiatan',
  'kam.saved': 'Kegiatan tersimpan.',
  'kam.flag.bentrok': 'Bentrok',
  'kam.flag.masa_tenang': 'Masa tenang',
  'kam.flag.di_luar_kampanye': 'Di luar masa kampanye',
  'kam.flag.wilayah_rawan': 'Wilayah rawan',
  'kam.flag.tanpa_personel': 'Tanpa personel',
  'kam.flag.tanpa_sttp': 'Tanpa STTP',
  'kam.flag.batas_rapat_umum': 'Melebihi batas rapat umum',
  'kam.bentrokDengan': 'Bentrok dengan: {list}',
  'kam.personel': 'Personel {n} dari {need} Polri',
  'kam.dibatalkan': 'Dibatalkan',
  'kam.ringkasan': 'Ringkasan tanda',
  'kam.posko': 'Posko pasangan calon',
  'kam.posko.empty': 'Belum ada posko terdaftar.',
  'kam.posko.kontak': 'Kontak: {nama}, {telepon}',
  'kam.posko.jaga': 'Dijaga {waktu}',
  'kam.impor': 'Impor jadwal (XLSX/CSV)',
  'kam.impor.help':
    'Kolom: jenis, nomor_urut, nama_kegiatan, kode_wilayah, mulai, selesai (YYYY-MM-DD JJ:MM waktu setempat), sttp, perkiraan_massa, lat, lon. Satu baris salah, tidak ada yang disimpan.',
  'kam.impor.file': 'Berkas jadwal',
  'kam.impor.submit': 'Impor',
  'kam.impor.done': '{n} kegiatan diimpor.',
  'kam.impor.row': 'Baris {row}, {column}: {reason}',
});

export type KampanyeKey = keyof typeof idKampanye;
