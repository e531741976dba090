import { Link, useNavigate, useParams } from 'react-router';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useWilayahChildren, useWilayahDetail } from './useWilayah';
import { WilayahSearch } from './WilayahSearch';
import './i18n';

export function WilayahPage() {
  const { kode } = useParams();
  const { t, formatNumber } = useI18n();
  const navigate = useNavigate();
  const detail = useWilayahDetail(kode);
  const children = useWilayahChildren(kode);
  return (
    <section>
      <nav aria-label="breadcrumb" className="breadcrumbs">
        <Link to="/wilayah">{t('wilayah.national')}</Link>
        {detail.data?.ancestors.map((a) => (
          <span key={a.kode}>
            {' › '}
            <Link to={`/wilayah/${a.kode}`}>{a.nama}</Link>
          </span>
        ))}
        {detail.data && <span aria-current="page"> › {detail.data.nama}</span>}
      </nav>
      <div className="page-head">
        <h1>{detail.data ? detail.data.nama : t('wilayah.title')}</h1>
        {detail.data && (
          <p className="muted">
            {detail.data.kode} · {detail.data.jenis} · {formatNumber(detail.data.stats.tps)} TPS ·{' '}
            {formatNumber(detail.data.stats.dpt)} DPT
          </p>
        )}
        {kode && (
          <p className="actions">
            <Link className="button" to={`/tps?wilayah=${kode}`}>
              {t('wilayah.showTps')}
            </Link>
            <Link className="button" to={`/peta?wilayah=${kode}`}>
              {t('wilayah.showMap')}
            </Link>
          </p>
        )}
      </div>
      <WilayahSearch onPick={(picked) => void navigate(`/wilayah/${picked}`)} />
      <ErrorMessage error={detail.error ?? children.error} onRetry={() => void children.refetch()} />
      {children.isLoading && <p>{t('common.loading')}</p>}
      {children.data && children.data.items.length === 0 && <p>{t('wilayah.none')}</p>}
      {children.data && children.data.items.length > 0 && (
        <table className="table">
          <caption>{t('wilayah.children')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('wilayah.name')}</th>
              <th scope="col">{t('wilayah.code')}</th>
              <th scope="col" className="num">
                {t('wilayah.subareas')}
              </th>
              <th scope="col" className="num">
                {t('wilayah.tps')}
              </th>
              <th scope="col" className="num">
                {t('wilayah.dpt')}
              </th>
            </tr>
          </thead>
          <tbody>
            {children.data.items.map((child) => (
              <tr key={child.kode}>
                <td>
                  {child.level === 4 ? (
                    <Link to={`/tps?wilayah=${child.kode}`}>{child.nama}</Link>
                  ) : (
                    <Link to={`/wilayah/${child.kode}`}>{child.nama}</Link>
                  )}{' '}
                  <span className="muted small">{child.jenis}</span>
                </td>
                <td>{child.kode}</td>
                <td className="num">{formatNumber(child.stats.children)}</td>
                <td className="num">{formatNumber(child.stats.tps)}</td>
                <td className="num">{formatNumber(child.stats.dpt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
