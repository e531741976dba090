/**
 * One post: what was captured, its evidence (each file by its SHA-256; viewing one is audited), triage,
 * the incidents it caused, its takedown requests and its history. Buttons follow what the server says
 * this reader may do (aksiTersedia, bisa…); the server checks again.
 */
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { medsosApi } from '../../../contracts/routes/medsos';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { MedsosBukti } from './MedsosBukti';
import { MedsosKejadian } from './MedsosKejadian';
import { MEDSOS_KEY } from './MedsosPage';
import { MedsosTakedown } from './MedsosTakedown';
import { MedsosTriase } from './MedsosTriase';
import { useMedsosText } from './useMedsosText';
import './i18n';

export function MedsosDetail() {
  const { id = '' } = useParams();
  const { t, formatTime } = useMedsosText();
  const detail = useQuery({
    queryKey: [...MEDSOS_KEY, 'detail', id],
    queryFn: () => call(medsosApi.get, { params: { id } }),
  });
  const item = detail.data;
  return (
    <section>
      <p>
        <Link to="/medsos">← {t('med.detail.back')}</Link>
      </p>
      <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      {item && (
        <>
          <div className="card">
            <h1>
              {t(`med.kategori.${item.kategori}`)} · {item.akun}
            </h1>
            <p>
              <span className="badge">{t(`med.platform.${item.platform}`)}</span>
              <span className="badge" data-testid="medsos-status">
                {t(`med.status.${item.status}`)}
              </span>
            </p>
            <p className="small" style={{ overflowWrap: 'anywhere' }}>
              <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                {t('med.detail.open')}
              </a>{' '}
              <span className="muted">{t('med.detail.normal', { url: item.urlNormal })}</span>
            </p>
            <p className="muted small">
              {item.namaWilayah} · {t('med.seenAt', { time: formatTime(item.dilihatAt, item.kodeWilayah) })} ·{' '}
              {t('med.detail.recordedBy', {
                nama: item.pencatat,
                time: formatTime(item.recordedAt, item.kodeWilayah),
              })}
            </p>
            <h2>{t('med.detail.text')}</h2>
            <blockquote style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.teks || t('med.detail.noText')}
            </blockquote>
            {item.alasan && <p>{t('med.detail.reason', { alasan: item.alasan })}</p>}
            {item.mergedInto && (
              <p>
                <Link to={`/medsos/${item.mergedInto}`}>{t('med.detail.mergedInto')}</Link>
              </p>
            )}
            {item.duplikat.length > 0 && (
              <>
                <h2>{t('med.detail.duplicates')}</h2>
                <ul>
                  {item.duplikat.map((d) => (
                    <li key={d.id}>
                      <Link to={`/medsos/${d.id}`}>{d.akun}</Link>{' '}
                      <span className="muted small" style={{ overflowWrap: 'anywhere' }}>
                        {d.url}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <MedsosBukti item={item} />
          <MedsosTriase item={item} />
          <MedsosKejadian item={item} />
          <MedsosTakedown item={item} />
          <div className="card">
            <h2>{t('med.langkah.title')}</h2>
            <ol className="timeline">
              {item.langkah.map((l, i) => (
                <li key={i} className="small" style={{ overflowWrap: 'anywhere' }}>
                  {formatTime(l.at, item.kodeWilayah)} · {t(`med.aksi.${l.aksi}` as 'med.aksi.catat')}
                  {l.aktor && ` · ${l.aktor}`}
                  {l.catatan && (
                    <span className="muted" style={{ overflowWrap: 'anywhere' }}>
                      {' '}
                      — {l.catatan}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}
