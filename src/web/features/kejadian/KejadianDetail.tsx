/**
 * One incident: what was reported, its escalation clock, the triage actions this user may take now
 * (the server says which), the history of steps, and the referral with every statutory deadline,
 * its colour and the time left. Each part is its own component (KejadianFoto, -Triage, -Rujukan,
 * -Akses, -Langkah); this page shows the report and lays them out.
 */
import { useQuery } from '@tanstack/react-query';
import { Fragment } from 'react';
import { Link, useParams } from 'react-router';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { OPEN_STATUSES } from '../../../domain/kejadian/alur';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { EskalasiClockText } from './EskalasiClock';
import { KejadianAkses } from './KejadianAkses';
import { KejadianFoto } from './KejadianFoto';
import { KejadianLangkah } from './KejadianLangkah';
import { KejadianRujukan } from './KejadianRujukan';
import { KejadianTriage } from './KejadianTriage';
import { detailKey } from './useDetailMutation';
import { useKejadianText } from './useKejadianText';

export function KejadianDetail() {
  const { id = '' } = useParams();
  const { t, formatTime: formTime } = useKejadianText();
  const detail = useQuery({
    queryKey: detailKey(id),
    queryFn: () => call(kejadianApi.getById, { params: { id } }),
    refetchInterval: 60_000,
  });
  const item = detail.data;
  return (
    <section>
      <p>
        <Link to="/kejadian">{t('kej.detail.back')}</Link>
      </p>
      <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      {item && (
        <>
          <h1>
            {t(`kej.kategori.${item.kategori}`)}{' '}
            <span className="badge">{t(`kej.keparahan.${item.keparahan}`)}</span>
            <span className="badge">{t(`kej.status.${item.status}`)}</span>
            {item.terbatas && <span className="badge">{t('kej.restricted')}</span>}
          </h1>
          <div className="card">
            <p>
              <EskalasiClockText clock={item.eskalasi} isOpen={OPEN_STATUSES.includes(item.status)} />
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{item.uraian}</p>
            <dl className="facts">
              <dt>{t('kej.detail.place')}</dt>
              <dd>
                {item.namaWilayah} ({item.kodeWilayah}){item.tps && ` · ${item.tps.nama}`}
                {item.lat !== null && item.lon !== null && ` · ${item.lat}, ${item.lon}`}
              </dd>
              <dt>{t('kej.detail.terjadiAt')}</dt>
              <dd>{formTime(item.terjadiAt, item.kodeWilayah)}</dd>
              <dt>{t('kej.detail.diketahuiAt')}</dt>
              <dd>{formTime(item.diketahuiAt, item.kodeWilayah)}</dd>
              <dt>{t('kej.filter.level')}</dt>
              <dd>{t(`kej.level.${item.level}`)}</dd>
              <dt>{t('kej.detail.reporter')}</dt>
              <dd>
                {item.pelapor
                  ? `${item.pelapor.nama} (${item.pelapor.agency})`
                  : t('kej.detail.reporterHidden')}
              </dd>
              {item.pelanggaran && (
                <>
                  <dt>{t('kej.detail.violation')}</dt>
                  <dd>
                    {item.pelanggaran.label} — {t('kej.detail.handler')}: {item.pelanggaran.penangan}
                  </dd>
                </>
              )}
              {item.jalurLain.map((j) => (
                <Fragment key={j.jenis}>
                  <dt>{t('kej.detail.otherRoute')}</dt>
                  <dd>
                    {j.label} — {j.bila}. {t('kej.detail.handler')}: {j.penangan}
                  </dd>
                </Fragment>
              ))}
              {item.penanggungJawab && (
                <>
                  <dt>{t('kej.detail.pj')}</dt>
                  <dd>{item.penanggungJawab}</dd>
                </>
              )}
              {item.mergedInto && (
                <>
                  <dt>{t('kej.detail.mergedInto')}</dt>
                  <dd>
                    <Link to={`/kejadian/${item.mergedInto}`}>{item.mergedInto}</Link>
                  </dd>
                </>
              )}
            </dl>
            {item.duplikat.length > 0 && (
              <>
                <h2>{t('kej.detail.duplicates')}</h2>
                <ul>
                  {item.duplikat.map((d) => (
                    <li key={d.id}>
                      <Link to={`/kejadian/${d.id}`}>
                        {formTime(d.reportedAt, d.kodeWilayah ?? item.kodeWilayah)}
                      </Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <KejadianFoto item={item} />
          <KejadianTriage item={item} />
          <KejadianRujukan item={item} />
          <KejadianAkses item={item} />
          <KejadianLangkah item={item} />
        </>
      )}
    </section>
  );
}
