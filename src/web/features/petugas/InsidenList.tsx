/** The officer incidents of a TPS with their incident and compensation; health access sets the compensation's status. */
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import type { TpsRoster } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { STATUS_SANTUNAN, type StatusSantunan } from '../../../domain/petugas/insiden';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

export function InsidenList({ roster }: { roster: TpsRoster }) {
  const { t, formatDateTime, formatNumber } = useI18n();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const nama = new Map(roster.petugas.map((p) => [p.id, p.nama]));
  const setStatus = async (id: string, version: number, santunanStatus: string) => {
    setError(null);
    try {
      await call(petugasApi.ubahInsiden, {
        params: { id },
        body: { version, santunanStatus: santunanStatus as StatusSantunan },
      });
      await queryClient.invalidateQueries({ queryKey: ['petugas'] });
    } catch (e) {
      setError(e);
    }
  };
  return (
    <div className="card" data-testid="petugas-insiden">
      <h2>{t('petugas.insidenTitle')}</h2>
      <ul>
        {roster.insiden.map((i) => (
          <li key={i.id}>
            <strong>{nama.get(i.petugasId) ?? '—'}</strong> ·{' '}
            {formatDateTime(i.terjadiAt, roster.tps.kodeWilayah)}
            {i.kondisi && <> · {t(`petugas.kondisi.${i.kondisi}`)}</>}
            {i.penanganan && <> · {t(`petugas.penanganan.${i.penanganan}`)}</>}
            {i.fasilitas && <> ({i.fasilitas})</>} ·{' '}
            <Link to={`/kejadian/${i.kejadianId}`}>{t('petugas.lihatKejadian')}</Link>
            <div className="small">
              {t('petugas.santunan')}:{' '}
              {i.santunanJenis
                ? `${t(`petugas.santunanJenis.${i.santunanJenis}`)} (Rp${formatNumber(i.santunanRupiah ?? 0)})`
                : '—'}{' '}
              ·{' '}
              {roster.akses.kesehatan ? (
                <select
                  aria-label={t('petugas.santunanStatusLabel')}
                  value={i.santunanStatus}
                  onChange={(e) => void setStatus(i.id, i.version, e.target.value)}
                >
                  {STATUS_SANTUNAN.map((s) => (
                    <option key={s} value={s}>
                      {t(`petugas.santunanStatus.${s}`)}
                    </option>
                  ))}
                </select>
              ) : (
                t(`petugas.santunanStatus.${i.santunanStatus}`)
              )}
            </div>
          </li>
        ))}
      </ul>
      <ErrorMessage error={error} />
    </div>
  );
}
