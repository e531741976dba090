import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { laporanApi } from '../../../contracts/routes/laporan';
import { call } from '../../api/client';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useLevelLabel } from './sebutan-level';
import './i18n';

/** One page of the area's reports; the page asks for the first one alongside its status. */
export const riwayatQuery = (kode: string, page: number) =>
  queryOptions({
    queryKey: ['laporan', 'list', kode, page],
    queryFn: () => call(laporanApi.getSituasi, { query: { kode, page, pageSize: 20 } }),
  });

/** The reports of the area and below, newest first, a page at a time. */
export function LaporanRiwayat({ kode }: { kode: string }) {
  const { t, formatDateTime } = useI18n();
  const levelLabel = useLevelLabel();
  const [page, setPage] = useState(1);
  const list = useQuery({ ...riwayatQuery(kode, page), placeholderData: keepPreviousData });
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <div className="card">
      <h2>{t('laporan.history')}</h2>
      <ul>
        {list.data.items.map((r) => (
          <li key={r.id}>
            {formatDateTime(r.slotAt, r.kodeWilayah)} · {r.namaWilayah} ·{' '}
            <strong>{levelLabel(r.level)}</strong>
            {r.terlambat ? ` · ${t('laporan.late')}` : ''} {r.narasi && `· ${r.narasi}`}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />
    </div>
  );
}
