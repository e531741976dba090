/** The incidents a verified post caused: make one in a step, or link one the reader sees. */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { medsosApi } from '../../../contracts/routes/medsos';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useDetailMutation, type Detail } from './useDetailMutation';
import { useMedsosText } from './useMedsosText';

export function MedsosKejadian({ item }: { item: Detail }) {
  const { t } = useMedsosText();
  const [clientId] = useState(() => crypto.randomUUID());
  const create = useDetailMutation(item.id, () =>
    call(medsosApi.buatKejadian, { params: { id: item.id }, body: { clientId } }),
  );
  const link = useDetailMutation(item.id, (kejadianId: string) =>
    call(medsosApi.kaitKejadian, { params: { id: item.id }, body: { kejadianId } }),
  );
  const incidents = useQuery({
    queryKey: ['kejadian', 'list', 'for-medsos'],
    queryFn: () => call(kejadianApi.list, { query: { pageSize: 50 } }),
    enabled: item.bisaKaitkan,
  });
  const linked = new Set(item.kejadian.map((k) => k.id));
  const choices = (incidents.data?.items ?? []).filter((k) => !linked.has(k.id));
  return (
    <div className="card">
      <h2>{t('med.kejadian.title')}</h2>
      {item.kejadian.length === 0 && <p>{t('med.kejadian.none')}</p>}
      <ul>
        {item.kejadian.map((k) =>
          k.terlihat ? (
            <li key={k.id} data-testid="medsos-kejadian" style={{ overflowWrap: 'anywhere' }}>
              <Link to={`/kejadian/${k.id}`}>{k.ringkasan}</Link>{' '}
              {k.status && <span className="badge">{k.status}</span>}
              {k.rujukan && (
                <span className="muted small">
                  {' '}
                  · {t('med.kejadian.rujukan', { lembaga: k.rujukan.lembaga })}
                </span>
              )}
            </li>
          ) : (
            <li key={k.id} className="muted">
              {t('med.kejadian.hidden')}
            </li>
          ),
        )}
      </ul>
      {item.bisaKaitkan && (
        <>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={create.isPending}
              onClick={() => create.mutate(undefined)}
            >
              {t('med.kejadian.create')}
            </button>
          </div>
          {choices.length > 0 && (
            <form
              className="form-grid"
              onSubmit={(e) => {
                e.preventDefault();
                const kejadianId = formText(new FormData(e.currentTarget), 'kejadianId');
                if (kejadianId) link.mutate(kejadianId);
              }}
            >
              <label>
                {t('med.kejadian.choose')}
                <select name="kejadianId" required defaultValue="">
                  <option value="" disabled>
                    {t('med.triage.choose')}
                  </option>
                  {choices.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.namaWilayah} · {k.ringkasan.slice(0, 60)}
                    </option>
                  ))}
                </select>
              </label>
              <div className="actions">
                <button type="submit">{t('med.kejadian.link')}</button>
              </div>
            </form>
          )}
        </>
      )}
      <ErrorMessage error={create.error ?? link.error} />
    </div>
  );
}
