/**
 * The legs on the shared map (features/map/TpsMap: its base map, offline): a line from origin to
 * destination coloured by state, dashed when the leg carries a flag. Loaded as its own chunk, so
 * MapLibre travels only to pages that show a map. The list of legs beside it says the same in words.
 */
import { lazy, Suspense, useMemo } from 'react';
import type { LegView } from '../../../contracts/logistik';
import type { MapResponse } from '../../../contracts/tps';
import { useI18n, useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import type { GarisCollection } from '../map/TpsMap';
import { usePublicConfig } from '../map/usePublicConfig';
import { LEG_COLORS, warnaLeg } from './warna';

const TpsMap = lazy(() => import('../map/TpsMap'));

export function LegMap({ legs, onPick }: { legs: readonly LegView[]; onPick: (id: string) => void }) {
  const { t } = useI18n();
  const tl = useTeks(TEKS_LOGISTIK);
  const config = usePublicConfig();
  const { data, garis, tanpaLetak } = useMemo(() => {
    const features: GarisCollection['features'] = [];
    const lons: number[] = [];
    const lats: number[] = [];
    let tanpaLetak = 0;
    for (const leg of legs) {
      const { dari, ke } = leg;
      if (dari.lat === null || dari.lon === null || ke.lat === null || ke.lon === null) {
        tanpaLetak += 1;
        continue;
      }
      const properties = { id: leg.id, warna: LEG_COLORS[warnaLeg(leg)], bendera: leg.bendera.length > 0 };
      const a: [number, number] = [dari.lon, dari.lat];
      const b: [number, number] = [ke.lon, ke.lat];
      features.push(
        { type: 'Feature', geometry: { type: 'LineString', coordinates: [a, b] }, properties },
        { type: 'Feature', geometry: { type: 'Point', coordinates: b }, properties },
        { type: 'Feature', geometry: { type: 'Point', coordinates: a }, properties },
      );
      lons.push(a[0], b[0]);
      lats.push(a[1], b[1]);
    }
    const data: MapResponse = {
      mode: 'tps',
      bbox:
        lons.length === 0
          ? null
          : [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
      geojson: { type: 'FeatureCollection', features: [] },
    };
    const garis: GarisCollection = { type: 'FeatureCollection', features };
    return { data, garis, tanpaLetak };
  }, [legs]);
  return (
    <div>
      {config.data && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TpsMap
            data={data}
            garis={garis}
            onPickGaris={onPick}
            tileUrl={config.data.tileUrl}
            label={tl('log.map.title')}
          />
        </Suspense>
      )}
      <ul className="legend-inline" aria-label={tl('log.map.legend')}>
        {(Object.keys(LEG_COLORS) as (keyof typeof LEG_COLORS)[]).map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: LEG_COLORS[k] }} aria-hidden="true" />{' '}
            {tl(`log.map.${k}`)}
          </li>
        ))}
        <li>{tl('log.map.dashed')}</li>
      </ul>
      {tanpaLetak > 0 && <p className="muted small">{tl('log.map.tanpaLetak', { n: tanpaLetak })}</p>}
    </div>
  );
}
