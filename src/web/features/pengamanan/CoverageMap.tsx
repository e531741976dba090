import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { CAKUPAN_COLORS } from '../map/akses-colors';
import { usePublicConfig } from '../map/usePublicConfig';
import './i18n';

const TpsMap = lazy(() => import('../map/TpsMap'));

/** The plan on the map: each TPS green when its group is fully staffed, red when it is short. */
export function CoverageMap({ planId, wilayah }: { planId: string; wilayah: string }) {
  const { t } = useI18n();
  const config = usePublicConfig();
  const points = useQuery({
    queryKey: ['pengamanan', 'peta', planId, wilayah],
    queryFn: () => call(pengamananApi.planMap, { params: { id: planId }, query: { wilayah } }),
  });
  return (
    <div>
      <h3>{t('pengamanan.map')}</h3>
      <ErrorMessage error={points.error} onRetry={() => void points.refetch()} />
      {points.data && config.data && points.data.geojson.features.length > 0 && (
        <Suspense fallback={<p>{t('common.loading')}</p>}>
          <TpsMap
            data={points.data}
            colorBy="cakupan"
            tileUrl={config.data.tileUrl}
            label={t('pengamanan.map')}
          />
        </Suspense>
      )}
      <ul className="legend-inline">
        <li>
          <span className="swatch" style={{ background: CAKUPAN_COLORS.terjaga }} aria-hidden="true" />{' '}
          {t('pengamanan.mapCovered')}
        </li>
        <li>
          <span className="swatch" style={{ background: CAKUPAN_COLORS.kurang }} aria-hidden="true" />{' '}
          {t('pengamanan.mapShort')}
        </li>
      </ul>
    </div>
  );
}
