/** The rakor's weekly picture: by classification, platform and kecamatan, and the slowest takedowns. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { medsosApi } from '../../../contracts/routes/medsos';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { BarChart } from './BarChart';
import { MEDSOS_KEY } from './MedsosPage';
import { useMedsosText } from './useMedsosText';
import './i18n';

export function MedsosRingkasan() {
  const { t, duration, formatDate } = useMedsosText();
  const [dari, setDari] = useState('');
  const week = useQuery({
    queryKey: [...MEDSOS_KEY, 'ringkasan', dari],
    queryFn: () => call(medsosApi.ringkasan, { query: { dari: dari || undefined } }),
  });
  const data = week.data;
  const q = { query: { dari: data?.dari } };
  return (
    <section>
      <p>
        <Link to="/medsos">← {t('med.detail.back')}</Link>
      </p>
      <div className="page-head">
        <h1>{t('med.week.title')}</h1>
        {data && (
          <div className="actions">
            <a className="button" href={urlOf(medsosApi.ringkasanPdf, q)}>
              {t('med.week.pdf')}
            </a>
            <a className="button" href={urlOf(medsosApi.ringkasanXlsx, q)}>
              {t('med.week.xlsx')}
            </a>
          </div>
        )}
      </div>
      <div className="filters">
        <label>
          {t('med.week.from')}
          <input type="date" value={dari || data?.dari || ''} onChange={(e) => setDari(e.target.value)} />
        </label>
      </div>
      <ErrorMessage error={week.error} onRetry={() => void week.refetch()} />
      {data && (
        <>
          <p className="muted">
            {t('med.week.range', {
              dari: formatDate(data.dari),
              sampai: formatDate(data.sampai),
              wilayah: data.namaWilayah,
            })}
          </p>
          <dl className="facts card" data-testid="medsos-week-facts">
            <dt>{t('med.week.total')}</dt>
            <dd>{data.jumlah}</dd>
            <dt>{t('med.week.dismissed')}</dt>
            <dd>{data.diabaikan}</dd>
            <dt>{t('med.week.takedownDone')}</dt>
            <dd>{data.takedown.diturunkan}</dd>
            <dt>{t('med.week.takedownOpen')}</dt>
            <dd>{data.takedown.terbuka}</dd>
            <dt>{t('med.week.median')}</dt>
            <dd>{data.takedown.medianMenit === null ? '—' : duration(data.takedown.medianMenit)}</dd>
          </dl>
          <div className="card">
            <BarChart
              title={t('med.week.byKategori')}
              bars={data.perKategori.map((k) => ({
                label: t(`med.kategori.${k.kategori}`),
                value: k.jumlah,
              }))}
            />
          </div>
          <div className="card">
            {data.perPlatform.length === 0 ? (
              <p>
                <strong>{t('med.week.byPlatform')}</strong> · {t('med.week.none')}
              </p>
            ) : (
              <BarChart
                title={t('med.week.byPlatform')}
                bars={data.perPlatform.map((p) => ({
                  label: t(`med.platform.${p.platform}`),
                  value: p.jumlah,
                }))}
              />
            )}
          </div>
          <div className="card">
            {data.perKecamatan.length === 0 ? (
              <p>
                <strong>{t('med.week.byKecamatan')}</strong> · {t('med.week.none')}
              </p>
            ) : (
              <BarChart
                title={t('med.week.byKecamatan')}
                bars={data.perKecamatan.map((k) => ({ label: k.nama, value: k.jumlah }))}
              />
            )}
          </div>
          <div className="card">
            <h2>{t('med.week.slowest')}</h2>
            {data.terlambat.length === 0 ? (
              <p>{t('med.week.none')}</p>
            ) : (
              <div className="table-scroll">
                <table className="table">
                  <thead>
                    <tr>
                      <th>{t('med.week.col.url')}</th>
                      <th>{t('med.week.col.tujuan')}</th>
                      <th>{t('med.week.col.status')}</th>
                      <th>{t('med.week.col.durasi')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.terlambat.map((td) => (
                      <tr key={`${td.postId}-${td.diajukanAt}-${td.tujuan}`}>
                        <td style={{ overflowWrap: 'anywhere' }}>
                          <Link to={`/medsos/${td.postId}`}>{td.url}</Link>
                        </td>
                        <td>{t(`med.takedown.tujuan.${td.tujuan}`)}</td>
                        <td>{t(`med.takedown.status.${td.status}`)}</td>
                        <td>{duration(td.menit)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </div>
        </>
      )}
    </section>
  );
}
