/** Wilayah: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idWilayah = registerTexts({
  'wilayah.title': 'Wilayah',
  'wilayah.search': 'Cari wilayah (nama atau kode)',
  'wilayah.children': 'Bagian wilayah',
  'wilayah.name': 'Nama',
  'wilayah.code': 'Kode',
  'wilayah.tps': 'TPS',
  'wilayah.dpt': 'DPT',
  'wilayah.subareas': 'Sub-wilayah',
  'wilayah.showMap': 'Lihat peta',
  'wilayah.none': 'Tidak ada sub-wilayah.',
  'wilayah.level.provinsi': 'Provinsi',
  'wilayah.level.kabkota': 'Kabupaten/kota',
  'wilayah.level.kecamatan': 'Kecamatan',
  'wilayah.level.desa': 'Kelurahan/desa',
  'wilayah.picker.whole': 'Seluruh {nama}',
  'wilayah.picker.wholeAbove': 'Seluruh {level} ini',
  'wilayah.picker.choose': '— pilih —',
});
