import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { laporanApi } from '../../../contracts/routes/laporan';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useLevelLabel } from './sebutan-level';
import './i18n';

/** The earlier versions of a corrected report, read when opened. */
export function LaporanVersi({ id, kode }: { id: string; kode: string }) {
  const { t, formatDateTime } = useI18n();
  const levelLabel = useLevelLabel();
  const [open, setOpen] = useState(false);
  const versions = useQuery({
    queryKey: ['laporan', 'versi', id],
    queryFn: () => call(laporanApi.getSituasiByIdVersi, { params: { id } }),
    enabled: open,
  });
  return (
    <details className="versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('laporan.versions')}</summary>
      <ErrorMessage error={versions.error} />
      <ol reversed data-testid="laporan-versi">
        {versions.data?.items.map((v) => (
          <li key={v.id}>
            <strong>{levelLabel(v.level)}</strong> · {t('laporan.version', { n: v.versi })} ·{' '}
            {formatDateTime(v.dikoreksiAt ?? v.dibuatAt, kode)} · {v.pelapor}
            {v.diganti && ` · ${t('laporan.replaced')}`}
            {v.narasi && <span className="small"> — {v.narasi}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}
