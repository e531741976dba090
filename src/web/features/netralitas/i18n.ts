/** Netralitas texts: Indonesian first; the English object must have the same keys. */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idNetralitas = registerTexts({
  'net.title': 'Aduan netralitas',
  'net.empty': 'Belum ada aduan netralitas.',
  'net.add': 'Catat aduan',
  'net.terlapor': 'Terlapor',
  'net.terlapor.asn': 'ASN',
  'net.terlapor.lurah': 'Lurah',
  'net.terlapor.kepala_desa': 'Kepala desa/perangkat desa',
  'net.terlapor.polri': 'Anggota Polri',
  'net.terlapor.tni': 'Prajurit TNI',
  'net.nama': 'Nama terlapor',
  'net.jabatan': 'Jabatan',
  'net.sumber': 'Sumber',
  'net.sumber.laporan': 'Laporan',
  'net.sumber.temuan': 'Temuan Bawaslu',
  'net.pelapor': 'Pelapor',
  'net.uraian': 'Uraian',
  'net.tempat': 'Wilayah',
  'net.diketahui': 'Diketahui pada ({zona})',
  'net.save': 'Simpan aduan',
  'net.status.kajian': 'Kajian Bawaslu',
  'net.status.diteruskan': 'Diteruskan',
  'net.status.gakkumdu': 'Gakkumdu',
  'net.status.selesai': 'Selesai',
  'net.status.dihentikan': 'Dihentikan',
  'net.next': 'Tenggat berikut: {label} ({due})',
  'net.langkah': 'Langkah berikut',
  'net.aksi.minta_keterangan': 'Minta keterangan tambahan',
  'net.aksi.bukan_pelanggaran': 'Bukan pelanggaran',
  'net.aksi.pelanggaran': 'Pelanggaran: teruskan',
  'net.aksi.pidana': 'Pidana: ke Gakkumdu',
  'net.aksi.teruskan_penyidik': 'Teruskan ke penyidik',
  'net.aksi.limpah_penuntut': 'Berkas ke penuntut',
  'net.aksi.limpah_pengadilan': 'Perkara ke pengadilan',
  'net.aksi.putusan': 'Catat putusan',
  'net.amar': 'Isi putusan atau sanksi',
});

export type NetralitasKey = keyof typeof idNetralitas;
