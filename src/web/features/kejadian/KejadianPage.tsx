/** Incidents in the user's area: filters, a page at a time, each with its escalation clock. */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { KejadianListItem } from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { LEVEL_ESKALASI, OPEN_STATUSES, STATUS_KEJADIAN } from '../../../domain/kejadian/alur';
import { KATEGORI_KEJADIAN } from '../../../domain/kejadian/kategori';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FilterSelect, useListFilters } from '../../components/ListFilters';
import { Pagination } from '../../components/Pagination';
import { useSession } from '../auth/session';
import { useLive } from '../live/useLive';
import { EskalasiClockText, TENGGAT_COLOR } from './EskalasiClock';
import { useKejadianText } from './useKejadianText';
import './i18n';

const PAGE_SIZE = 20;

/** The list's filters as their selects hold them ('' is "all"). */
interface Filters {
  status: (typeof STATUS_KEJADIAN)[number] | '';
  kategori: (typeof KATEGORI_KEJADIAN)[number] | '';
  level: (typeof LEVEL_ESKALASI)[number] | '';
}
export const KEJADIAN_KEY = ['kejadian'] as const;

export function KejadianPage() {
  const { t } = useKejadianText();
  const { can } = useSession();
  const { filters, setFilter, page, setPage } = useListFilters<Filters>({
    status: '',
    kategori: '',
    level: '',
  });
  const live = useLive(['kejadian'], [KEJADIAN_KEY]);
  const list = useQuery({
    queryKey: [...KEJADIAN_KEY, 'list', filters, page],
    queryFn: () =>
      call(kejadianApi.list, {
        query: {
          status: filters.status || undefined,
          kategori: filters.kategori || undefined,
          level: filters.level || undefined,
          page,
          pageSize: PAGE_SIZE,
        },
      }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('kej.title')}</h1>
        {can('kejadian:report') && (
          <Link className="button primary" to="/kejadian/baru">
            {t('kej.report')}
          </Link>
        )}
      </div>
      <div className="filters" role="search">
        <FilterSelect
          label={t('kej.filter.status')}
          all={t('kej.filter.all')}
          value={filters.status}
          options={STATUS_KEJADIAN}
          optionLabel={(s) => t(`kej.status.${s}`)}
          onChange={(v) => setFilter('status', v)}
        />
        <FilterSelect
          label={t('kej.filter.kategori')}
          all={t('kej.filter.all')}
          value={filters.kategori}
          options={KATEGORI_KEJADIAN}
          optionLabel={(k) => t(`kej.kategori.${k}`)}
          onChange={(v) => setFilter('kategori', v)}
        />
        <FilterSelect
          label={t('kej.filter.level')}
          all={t('kej.filter.all')}
          value={filters.level}
          options={LEVEL_ESKALASI}
          optionLabel={(l) => t(`kej.level.${l}`)}
          onChange={(v) => setFilter('level', v)}
        />
      </div>
      {live && <p className="muted small">{t('kej.live')}</p>}
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 && <p>{t('kej.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <p className="muted small">{t('kej.total', { n: list.data.total })}</p>
          <ul className="rakor-list">
            {list.data.items.map((item) => (
              <KejadianRow key={item.id} item={item} />
            ))}
          </ul>
          <Pagination page={page} pageSize={PAGE_SIZE} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function KejadianRow({ item }: { item: KejadianListItem }) {
  const { t, formatTime, duration } = useKejadianText();
  const next = item.rujukan?.tenggatBerikut ?? null;
  return (
    <li className="card" data-testid="kejadian-row">
      <Link to={`/kejadian/${item.id}`}>{t(`kej.kategori.${item.kategori}`)}</Link>{' '}
      <span className="badge">{t(`kej.keparahan.${item.keparahan}`)}</span>
      <span className="badge">{t(`kej.status.${item.status}`)}</span>
      {item.terbatas && <span className="badge">{t('kej.restricted')}</span>}
      {item.hasFoto && <span className="badge">{t('kej.photo')}</span>}
      <div className="muted small">
        {item.namaWilayah}
        {item.tps && ` · ${item.tps.nama}`} ·{' '}
        {t('kej.reportedAt', { time: formatTime(item.reportedAt, item.kodeWilayah) })} ·{' '}
        {t(`kej.level.${item.level}`)}
      </div>
      <p className="small">{item.ringkasan}</p>
      <EskalasiClockText clock={item.eskalasi} isOpen={OPEN_STATUSES.includes(item.status)} />
      {next && (
        <div className="small" style={{ color: TENGGAT_COLOR[next.status] }}>
          {t('kej.nextDeadline', {
            label: next.label,
            left:
              next.minutesLeft === null
                ? t(`kej.tenggat.${next.status}`)
                : next.minutesLeft >= 0
                  ? duration(next.minutesLeft)
                  : t('kej.ago', { left: duration(-next.minutesLeft) }),
          })}{' '}
          ({t(`kej.tenggat.${next.status}`)})
        </div>
      )}
    </li>
  );
}
