/** Posts the user may see: filters, a page at a time, each with its classification and state. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { MedsosListItem } from '../../../contracts/medsos';
import { medsosApi } from '../../../contracts/routes/medsos';
import {
  KATEGORI_MEDSOS,
  STATUS_MEDSOS,
  type KategoriMedsos,
  type StatusMedsos,
} from '../../../domain/medsos/medsos';
import { PLATFORM, type Platform } from '../../../domain/medsos/url';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect, useListFilters } from '../../components/ListFilters';
import { Pagination } from '../../components/Pagination';
import { useSession } from '../auth/session';
import { MedsosImport } from './MedsosImport';
import { useMedsosText } from './useMedsosText';
import './i18n';

const PAGE_SIZE = 20;
export const MEDSOS_KEY = ['medsos'] as const;

/** A filter's select: '' is every value. */
const chosen = <T extends string>(value: string): T | undefined => (value === '' ? undefined : (value as T));

export function MedsosPage() {
  const { t } = useMedsosText();
  const { can } = useSession();
  const { filters, setFilter, page, setPage } = useListFilters({ status: '', kategori: '', platform: '' });
  const list = useQuery({
    queryKey: [...MEDSOS_KEY, 'list', filters, page],
    queryFn: () =>
      call(medsosApi.list, {
        query: {
          status: chosen<StatusMedsos>(filters.status),
          kategori: chosen<KategoriMedsos>(filters.kategori),
          platform: chosen<Platform>(filters.platform),
          page,
          pageSize: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('med.title')}</h1>
        <div className="actions">
          <Link className="button" to="/medsos/ringkasan">
            {t('med.weekly')}
          </Link>
          {can('medsos:record') && (
            <Link className="button primary" to="/medsos/baru">
              {t('med.record')}
            </Link>
          )}
        </div>
      </div>
      <p className="muted small">{t('med.intro')}</p>
      <div className="filters" role="search">
        <FilterSelect
          label={t('med.filter.status')}
          all={t('med.filter.all')}
          value={filters.status}
          options={STATUS_MEDSOS}
          optionLabel={(s) => t(`med.status.${s}`)}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterSelect
          label={t('med.filter.kategori')}
          all={t('med.filter.all')}
          value={filters.kategori}
          options={KATEGORI_MEDSOS}
          optionLabel={(k) => t(`med.kategori.${k}`)}
          onChange={(v) => setFilter('kategori', v)}
        />
        <FilterSelect
          label={t('med.filter.platform')}
          all={t('med.filter.all')}
          value={filters.platform}
          options={PLATFORM}
          optionLabel={(p) => t(`med.platform.${p}`)}
          onChange={(v) => setFilter('platform', v)}
        />
      </div>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 && <p>{t('med.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="muted small">{t('med.total', { n: list.data.total })}</p>
          <ul className="rakor-list">
            {list.data.items.map((item) => (
              <MedsosRow key={item.id} item={item} />
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
      {can('medsos:record') && <MedsosImport />}
    </section>
  );
}

function MedsosRow({ item }: { item: MedsosListItem }) {
  const { t, formatTime } = useMedsosText();
  return (
    <li className="card" data-testid="medsos-row">
      <Link to={`/medsos/${item.id}`}>
        {t(`med.kategori.${item.kategori}`)} · {item.akun}
      </Link>{' '}
      <span className="badge">{t(`med.platform.${item.platform}`)}</span>
      <span className="badge">{t(`med.status.${item.status}`)}</span>
      {item.takedown && <span className="badge">{t(`med.takedown.status.${item.takedown}`)}</span>}
      <div className="muted small">
        {item.namaWilayah} · {t('med.seenAt', { time: formatTime(item.dilihatAt, item.kodeWilayah) })} ·{' '}
        {t('med.evidenceCount', { n: item.jumlahBukti })} ·{' '}
        {t('med.incidentCount', { n: item.jumlahKejadian })}
      </div>
      {item.ringkasan && <p className="small">{item.ringkasan}</p>}
    </li>
  );
}
