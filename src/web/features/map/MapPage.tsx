import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { tpsApi } from '../../../contracts/routes/tps';
import { call, query } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { useWilayahDetail } from '../wilayah/useWilayah';
import { AKSES_COLORS } from './akses-colors';
import { usePublicConfig } from './usePublicConfig';
import './i18n';

const TpsMap = lazy(() => import('./TpsMap'));

export function MapPage() {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? undefined;
  const detail = useWilayahDetail(wilayah);
  const config = usePublicConfig();
  const points = useQuery({
    queryKey: ['map', wilayah ?? ''],
    queryFn: () => call(tpsApi.map, { query: { wilayah } }),
  });
  const name = detail.data?.nama ?? t('wilayah.national');
  return (
    <section>
      <div className="page-head">
        <h1>
          {t('map.title')} — {name}
        </h1>
        {points.data && (
          <p className="muted" data-testid="map-summary">
            {points.data.mode === 'tps'
              ? t('map.summaryTps', { count: formatNumber(points.data.geojson.features.length) })
              : t('map.summaryWilayah', { count: formatNumber(points.data.geojson.features.length) })}{' '}
            <Link to={`/tps${query({ wilayah })}`}>{t('map.table')}</Link>
          </p>
        )}
      </div>
      <ErrorMessage error={points.error ?? config.error} onRetry={() => void points.refetch()} />
      {points.data && config.data && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TpsMap
            data={points.data}
            tileUrl={config.data.tileUrl}
            label={t('map.label', { wilayah: name })}
            onPickTps={(id) => void navigate(`/tps/${id}`)}
            onPickWilayah={(kode) => setParams({ wilayah: kode })}
          />
        </Suspense>
      )}
      <section className="legend" aria-label={t('map.legend')}>
        <h2 className="small">{t('map.legend')}</h2>
        <ul>
          {Object.entries(AKSES_COLORS).map(([akses, color]) => (
            <li key={akses}>
              <span className="swatch" style={{ background: color }} aria-hidden="true" /> {t('tps.akses')}:{' '}
              {akses}
            </li>
          ))}
          <li>
            <span className="swatch outlined" aria-hidden="true" /> {t('map.khusus')}
          </li>
        </ul>
      </section>
    </section>
  );
}
