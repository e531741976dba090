import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { auditApi } from '../../../contracts/routes/audit';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

export function AuditPage() {
  const { t, formatDateTime } = useI18n();
  // An entry without an area (a national user's act) on the reader's clock.
  const { user } = useSession();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['audit', page],
    queryFn: () => call(auditApi.list, { query: { page, pageSize: 50 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && (
        <>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('audit.at')}</th>
                  <th scope="col">{t('audit.actor')}</th>
                  <th scope="col">{t('audit.action')}</th>
                  <th scope="col">{t('audit.entity')}</th>
                  <th scope="col">{t('audit.changes')}</th>
                </tr>
              </thead>
              <tbody>
                {list.data.items.map((entry) => (
                  <tr key={entry.id}>
                    <td>{formatDateTime(entry.at, entry.kodeWilayah ?? user?.kodeWilayah)}</td>
                    <td>{entry.actorUsername ?? 'sistem'}</td>
                    <td>{entry.action}</td>
                    <td>
                      {entry.entity}
                      {entry.kodeWilayah && <span className="muted small block">{entry.kodeWilayah}</span>}
                    </td>
                    <td>
                      {(entry.before !== null || entry.after !== null) && (
                        <details>
                          <summary>JSON</summary>
                          <pre>{JSON.stringify({ before: entry.before, after: entry.after }, null, 2)}</pre>
                        </details>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pagination
            page={list.data.page}
            pageSize={list.data.pageSize}
            total={list.data.total}
            onPage={setPage}
          />
        </>
      )}
    </section>
  );
}
