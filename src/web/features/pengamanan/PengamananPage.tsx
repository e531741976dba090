/**
 * Rencana pengamanan of one Polres area: the forces with their home bases, the staffing pattern,
 * the computed plan (coverage, shortfall, suggestions, approval, versions, plotting lists), what-if
 * side by side, and the tiga pilar gaps. A camat or lurah sees their own area's part.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import { ForcesPanel } from './ForcesPanel';
import { PlanPanel } from './PlanPanel';
import { SettingPanel } from './SettingPanel';
import { TigaPilarPanel } from './TigaPilarPanel';
import { WhatIfPanel } from './WhatIfPanel';
import './i18n';

export function PengamananPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? '';
  const parsed = parseKodeWilayah(wilayah);
  const isArea = parsed.ok && parsed.value.level !== 'provinsi';
  const [planId, setPlanId] = useState<string | null>(null);
  const forces = useQuery({
    queryKey: ['pam-forces', wilayah],
    queryFn: () => call(pengamananApi.forces, { query: { wilayah } }),
    enabled: isArea,
  });

  return (
    <section>
      <div className="page-head">
        <h1>
          {t('pengamanan.title')}
          {forces.data ? ` — ${forces.data.namaKabKota}` : ''}
        </h1>
      </div>
      <div className="filters">
        <WilayahSearch
          onPick={(kode) => {
            setPlanId(null);
            setParams({ wilayah: kode });
          }}
        />
      </div>
      {!isArea && <p>{t('pengamanan.pickKabKota')}</p>}
      <ErrorMessage error={forces.error} onRetry={() => void forces.refetch()} />
      {forces.data && (
        <>
          <ForcesPanel data={forces.data} />
          <PlanPanel wilayah={wilayah} forces={forces.data} planId={planId} onPlanId={setPlanId} />
          {forces.data.wilayah === forces.data.kodeKabKota && (
            <WhatIfPanel wilayah={wilayah} forces={forces.data} planId={planId} onPlanId={setPlanId} />
          )}
          <SettingPanel wilayah={forces.data.kodeKabKota} canPlan={forces.data.canPlan} />
          <TigaPilarPanel wilayah={wilayah} />
          <p className="small">{t('pengamanan.mapLeftOut')}</p>
        </>
      )}
    </section>
  );
}
