/** English for import's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idImport } from './i18n';

export const enImport: Record<keyof typeof idImport, string> = {
  'import.title': 'Import polling stations from a KPU spreadsheet',
  'import.wilayah': 'Target area of the import (code)',
  'import.columns': 'Recognised columns',
  'import.columnsHelp':
    'kode_wilayah (or kecamatan + kelurahan), tps, dpt_laki_laki, dpt_perempuan, dpt_total, alamat, latitude, longitude, akses, lokasi_khusus. A title block above the table is fine. All rows land, or none.',
  'import.template': 'Download a CSV template',
  'import.upload': 'Uploading',
  'import.phase.parse': 'Reading the file',
  'import.phase.validate': 'Checking rows',
  'import.phase.write': 'Saving',
  'import.done': 'Import finished: {inserted} new, {updated} updated, {unchanged} unchanged.',
  'import.errors': 'Errors by row ({count})',
  'import.row': 'Row',
  'import.column': 'Column',
  'import.value': 'Value',
  'import.reason': 'Reason',
};
