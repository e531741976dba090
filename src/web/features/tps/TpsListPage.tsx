import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { tpsApi } from '../../../contracts/routes/tps';
import { TPS_SORTS } from '../../../contracts/tps';
import { AKSES_TPS, LOKASI_KHUSUS } from '../../../domain/tps/tps';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { useWilayahDetail } from '../wilayah/useWilayah';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import './i18n';

const PAGE_SIZE = 50;

/** The value if the list holds it: a hand-edited address asks for nothing the API would refuse. */
function oneOf<T extends string>(list: readonly T[], value: string | null): T | undefined {
  return list.find((item) => item === value);
}

/** Phones start with the filters folded so the table is in view. */
function isPhone(): boolean {
  return typeof window !== 'undefined' && window.matchMedia('(max-width: 720px)').matches;
}

export function TpsListPage() {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? undefined;
  const filters = {
    wilayah,
    q: params.get('q') ?? undefined,
    akses: oneOf(AKSES_TPS, params.get('akses')),
    lokasiKhusus: oneOf([...LOKASI_KHUSUS, 'ada', 'tidak'], params.get('lokasiKhusus')),
    tanpaKoordinat: oneOf(['true', 'false'], params.get('tanpaKoordinat')),
    sort: oneOf(TPS_SORTS, params.get('sort')),
    // Pages go by the cursor the previous page gave (keyset: a national list reads only its own rows).
    cursor: params.get('cursor') ?? undefined,
    pageSize: PAGE_SIZE,
  };
  const detail = useWilayahDetail(wilayah);
  const list = useQuery({
    queryKey: ['tps', filters],
    queryFn: () => call(tpsApi.list, { query: filters }),
    placeholderData: keepPreviousData,
  });
  const set = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key !== 'cursor') next.delete('cursor');
    setParams(next);
  };
  // Typing waits for a pause before it queries: one request per word, not per letter, on weak signal.
  const [text, setText] = useState(filters.q ?? '');
  useEffect(() => {
    if (text === (filters.q ?? '')) return;
    const timer = setTimeout(() => set('q', text), 300);
    return () => clearTimeout(timer);
  });
  const exportUrl = (format: 'csv' | 'xlsx' | 'geojson') =>
    urlOf(tpsApi.export, { query: { format, wilayah } });

  return (
    <section>
      <div className="page-head">
        <h1>
          {t('tps.title')}
          {detail.data ? ` — ${detail.data.nama}` : ''}
        </h1>
        {list.data && (
          <p className="muted" data-testid="tps-total">
            {t('tps.total', { count: formatNumber(list.data.total), dpt: formatNumber(list.data.dptTotal) })}
          </p>
        )}
      </div>
      <details className="filters-panel" open={!isPhone()}>
        <summary>{t('tps.filters')}</summary>
        <form className="filters" role="search" onSubmit={(e) => e.preventDefault()}>
          <WilayahSearch onPick={(kode) => set('wilayah', kode)} />
          <label>
            {t('tps.filterText')}
            <input type="search" defaultValue={filters.q} onChange={(e) => setText(e.target.value)} />
          </label>
          <label>
            {t('tps.akses')}
            <select value={filters.akses ?? ''} onChange={(e) => set('akses', e.target.value)}>
              <option value="">{t('common.all')}</option>
              {AKSES_TPS.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('tps.lokasiKhusus')}
            <select value={filters.lokasiKhusus ?? ''} onChange={(e) => set('lokasiKhusus', e.target.value)}>
              <option value="">{t('common.all')}</option>
              <option value="ada">{t('tps.lokasiKhusus.ada')}</option>
              <option value="tidak">{t('tps.lokasiKhusus.tidak')}</option>
              {LOKASI_KHUSUS.map((l) => (
                <option key={l} value={l}>
                  {l.replaceAll('_', ' ')}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('tps.sort')}
            <select value={filters.sort ?? 'kode'} onChange={(e) => set('sort', e.target.value)}>
              {TPS_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`tps.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={filters.tanpaKoordinat === 'true'}
              onChange={(e) => set('tanpaKoordinat', e.target.checked ? 'true' : undefined)}
            />
            {t('tps.noCoordinates')}
          </label>
        </form>
      </details>
      <p className="actions">
        {t('tps.export')}:{' '}
        <a className="button" href={exportUrl('csv')} download>
          CSV
        </a>{' '}
        <a className="button" href={exportUrl('xlsx')} download>
          XLSX
        </a>{' '}
        <a className="button" href={exportUrl('geojson')} download>
          GeoJSON
        </a>
      </p>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.isLoading && <p>{t('common.loading')}</p>}
      {list.data && list.data.items.length === 0 && <p>{t('tps.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <div className="table-scroll">
            <table className="table" data-testid="tps-table">
              <thead>
                <tr>
                  <th scope="col">{t('tps.name')}</th>
                  <th scope="col">{t('tps.kelurahan')}</th>
                  <th scope="col">{t('tps.kecamatan')}</th>
                  <th scope="col" className="num">
                    {t('tps.dptLP')}
                  </th>
                  <th scope="col" className="num">
                    {t('tps.dptTotal')}
                  </th>
                  <th scope="col">{t('tps.akses')}</th>
                  <th scope="col">{t('tps.lokasiKhusus')}</th>
                  <th scope="col">{t('tps.coordinates')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((tps) => (
                  <tr key={tps.id}>
                    <td>
                      <Link to={`/tps/${tps.id}`}>{tps.nama}</Link>
                      <span className="muted small block">{tps.kode}</span>
                      {tps.isGenerated && (
                        <span className="badge" title={t('common.generatedTitle')}>
                          {t('common.generated')}
                        </span>
                      )}
                    </td>
                    <td>{tps.namaKelurahan}</td>
                    <td>{tps.namaKecamatan}</td>
                    <td className="num">
                      {tps.dptLaki === null
                        ? '–'
                        : `${formatNumber(tps.dptLaki)} / ${formatNumber(tps.dptPerempuan ?? 0)}`}
                    </td>
                    <td className="num">{formatNumber(tps.dptTotal)}</td>
                    <td>{tps.akses}</td>
                    <td>{tps.lokasiKhusus?.replaceAll('_', ' ') ?? '–'}</td>
                    <td>{tps.lat === null ? t('common.no') : t('common.yes')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={(page) =>
              set(
                'cursor',
                (page > list.data.page ? list.data.nextCursor : list.data.prevCursor) ?? undefined,
              )
            }
          />
        </>
      )}
    </section>
  );
}
