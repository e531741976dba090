/** English for wilayah's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idWilayah } from './i18n';

export const enWilayah: Record<keyof typeof idWilayah, string> = {
  'wilayah.title': 'Areas',
  'wilayah.search': 'Search areas (name or code)',
  'wilayah.children': 'Sub-areas',
  'wilayah.name': 'Name',
  'wilayah.code': 'Code',
  'wilayah.tps': 'Polling stations',
  'wilayah.dpt': 'Voters',
  'wilayah.subareas': 'Sub-areas',
  'wilayah.showMap': 'Show map',
  'wilayah.none': 'No sub-areas.',
  'wilayah.level.provinsi': 'Province',
  'wilayah.level.kabkota': 'Regency/city',
  'wilayah.level.kecamatan': 'Sub-district',
  'wilayah.level.desa': 'Village',
  'wilayah.picker.whole': 'All of {nama}',
  'wilayah.picker.wholeAbove': 'All of this {level}',
  'wilayah.picker.choose': '— choose —',
};
