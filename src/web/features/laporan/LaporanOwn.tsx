import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Laporan } from '../../../contracts/laporan';
import { laporanApi } from '../../../contracts/routes/laporan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { LaporanVersi } from './LaporanVersi';
import { useLevelLabel } from './sebutan-level';
import './i18n';

/** The area's own report of this period: its level, state and versions; approved and published by Kesbangpol. */
export function LaporanOwn({ report, canApprove }: { report: Laporan; canApprove: boolean }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const client = useQueryClient();
  const advance = useMutation({
    mutationFn: (to: 'setujui' | 'terbitkan') => call(laporanApi[to], { params: { id: report.id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['laporan'] }),
  });
  return (
    <div className={`card level-${report.level}`} data-testid="laporan-own">
      <p>
        <strong>{t('laporan.sent', { level: levelLabel(report.level) })}</strong>{' '}
        <span className="badge">{t(`laporan.status.${report.status}`)}</span>
        {report.terlambat && <span className="badge">{t('laporan.late')}</span>}
        {report.versi > 1 && <span className="badge">{t('laporan.version', { n: report.versi })}</span>}
      </p>
      {report.narasi && <p>{report.narasi}</p>}
      {report.versi > 1 && <LaporanVersi id={report.id} kode={report.kodeWilayah} />}
      <ErrorMessage error={advance.error} />
      {canApprove && report.status === 'dikirim' && (
        <button type="button" onClick={() => advance.mutate('setujui')}>
          {t('laporan.approve')}
        </button>
      )}
      {canApprove && report.status === 'disetujui' && (
        <button type="button" onClick={() => advance.mutate('terbitkan')}>
          {t('laporan.publish')}
        </button>
      )}
    </div>
  );
}
