/** English for map's texts: loaded only with the English dictionary (src/web/i18n/en.ts). */
import type { idMap } from './i18n';

export const enMap: Record<keyof typeof idMap, string> = {
  'map.title': 'Polling station map',
  'map.summaryTps': '{count} polling stations with coordinates shown.',
  'map.summaryWilayah':
    'Too many polling stations: one point per area ({count} areas). Click one to zoom in.',
  'map.khusus': 'Special-location TPS (thick outline)',
  'map.table': 'Show as a table',
};
