import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { TindakLanjut as Item } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

/** Action items with their state; the owner agency (or the organiser) ticks one done with a note. */
export function ActionItems({ items, showSource = true }: { items: Item[]; showSource?: boolean }) {
  const { t, formatDate } = useI18n();
  const { user, can } = useSession();
  const client = useQueryClient();
  const [notes, setNotes] = useState<Record<string, string>>({});
  const close = useMutation({
    mutationFn: (item: Item) =>
      call(koordinasiApi.tutupTindakLanjut, {
        params: { id: item.id },
        body: { status: 'selesai', catatan: notes[item.id] ?? '', version: item.version },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['koordinasi'] }),
  });
  if (items.length === 0) return <p className="muted">{t('koor.noActions')}</p>;
  return (
    <>
      <ErrorMessage error={close.error} />
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('koor.action.keputusan')}</th>
              <th scope="col">{t('koor.action.owner')}</th>
              <th scope="col">{t('koor.action.wilayah')}</th>
              <th scope="col">{t('koor.action.dueOn')}</th>
              <th scope="col">{t('koor.item.state')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('koor.action.done')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((item) => {
              const mayClose =
                item.status === 'terbuka' && (can('koordinasi:manage') || user?.agency === item.ownerAgency);
              return (
                <tr key={item.id} className={`state-${item.state}`} data-testid="tindak-lanjut">
                  <td>
                    {item.keputusan}
                    {showSource && item.rakorJudul && (
                      <div className="muted small">
                        {t('koor.action.from')}: {item.rakorJudul}
                      </div>
                    )}
                  </td>
                  <td>{item.ownerAgency.toUpperCase()}</td>
                  <td>{item.namaWilayah}</td>
                  <td>{formatDate(item.dueOn)}</td>
                  <td>
                    <strong>{t(`koor.state.${item.state}`)}</strong>
                  </td>
                  <td>
                    {mayClose && (
                      <div className="actions">
                        <label className="visually-hidden" htmlFor={`note-${item.id}`}>
                          {t('koor.action.note')}
                        </label>
                        <input
                          id={`note-${item.id}`}
                          placeholder={t('koor.action.note')}
                          value={notes[item.id] ?? ''}
                          onChange={(e) => setNotes({ ...notes, [item.id]: e.target.value })}
                        />
                        <button type="button" disabled={close.isPending} onClick={() => close.mutate(item)}>
                          {t('koor.markDone')}
                        </button>
                      </div>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
