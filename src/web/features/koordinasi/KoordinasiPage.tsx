import { useQuery } from '@tanstack/react-query';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { ActionItems } from './ActionItems';
import { Indikator } from './Indikator';
import { Alarms, Readiness } from './Readiness';
import { RegionPicker } from './RegionPicker';
import { Tahapan } from './Tahapan';
import { kabKotaOf, useRegion } from './useRegion';
import './i18n';

/** The koordinasi dashboard: countdown, stages, readiness per agency, my action items, indicators. */
export function KoordinasiPage() {
  const { t } = useI18n();
  const [kode, setKode] = useRegion();
  const kab = kabKotaOf(kode);
  if (kode === null || kab === null) {
    return (
      <section>
        <h1>{t('koor.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  return <Dashboard kode={kode} kab={kab} />;
}

function Dashboard({ kode, kab }: { kode: string; kab: string }) {
  const { t, formatDate } = useI18n();
  const { user, can } = useSession();
  const summary = useQuery({
    queryKey: ['koordinasi', 'ringkasan', kode],
    queryFn: () => call(koordinasiApi.ringkasan, { params: { kode } }),
  });
  const mine = useQuery({
    queryKey: ['koordinasi', 'tindak-lanjut', 'mine', user?.agency],
    queryFn: () =>
      call(koordinasiApi.listTindakLanjut, {
        query: { agency: user?.agency, state: 'terbuka', pageSize: 100 },
      }),
    enabled: user !== null,
  });
  const s = summary.data;
  return (
    <section>
      <h1>
        {t('koor.title')}
        {s ? ` · ${s.namaWilayah}` : ''}
      </h1>
      <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />
      {s && (
        <>
          <div className="card countdown" aria-label={t('koor.countdown')}>
            <strong className="countdown-label" data-testid="countdown">
              {s.countdown.label}
            </strong>
            <span>
              {t('koor.votingDay', { date: formatDate(s.votingDayOn) })} ·{' '}
              {t('koor.today', { date: formatDate(s.today) })}
            </span>
          </div>
          <Alarms summary={s} />
          <Readiness summary={s} canManage={can('koordinasi:manage')} />
          <div className="card">
            <h2>
              {t('koor.myActions')}{' '}
              <span className="muted small">
                {t('koor.myActionsSummary', {
                  open: s.tindakLanjutSaya.terbuka,
                  late: s.tindakLanjutSaya.terlambat,
                })}
              </span>
            </h2>
            <ErrorMessage error={mine.error} onRetry={() => void mine.refetch()} />
            {mine.data && <ActionItems items={mine.data.items} />}
            <p className="muted">{t('koor.unacked', { n: s.imbauanBelumDikonfirmasi })}</p>
          </div>
          <Tahapan summary={s} />
        </>
      )}
      {/* After the summary: painted first, it was pushed off the screen when the summary came (a 0.67 layout shift on a phone). */}
      {!summary.isPending && <Indikator kab={kab} />}
    </section>
  );
}
