/** Map: this feature's texts in Bahasa Indonesia (English in i18n.en.ts, same keys). */
import { registerTexts } from '../../i18n/texts';

// Registered in the dictionary when the first module that shows them loads, so they travel in the
// chunk of the pages that use them rather than in the one every page loads (docs/decisions/0021).
export const idMap = registerTexts({
  'map.title': 'Peta TPS',
  'map.summaryTps': '{count} TPS dengan koordinat ditampilkan.',
  'map.summaryWilayah':
    'Terlalu banyak TPS: ditampilkan satu titik per wilayah ({count} wilayah). Klik untuk memperbesar.',
  'map.khusus': 'TPS lokasi khusus (garis tebal)',
  'map.table': 'Lihat sebagai tabel',
});
