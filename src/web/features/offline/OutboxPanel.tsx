import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import type { OutboxItem } from './outbox';
import { outbox, startOutbox } from './outbox-browser';
import { useOutboxItems } from './useOutbox';
import './i18n';

/** Where a refused item is edited: its form, opened with the item (only forms that can take one). */
export function editPathOf(item: OutboxItem): string | null {
  const form = item.form as { editPath?: unknown } | undefined;
  return typeof form?.editPath === 'string' ? form.editPath : null;
}

/**
 * On every page: what waits on this phone, honestly ("belum terkirim" until the server has it), and
 * what the server refused or found in conflict, with its message, to edit, send again or remove.
 */
export function OutboxPanel() {
  const { t, formatDateTime } = useI18n();
  const client = useQueryClient();
  const items = useOutboxItems();
  const { user } = useSession();
  useEffect(() => startOutbox(), []);
  // Something arrived at the server: what the pages show may have changed. Told per change (not per
  // render), so a submission stored and sent within one render still refreshes the page.
  useEffect(() => {
    let last: number | null = null;
    return outbox.subscribe((now) => {
      if (last !== null && now.length < last) void client.invalidateQueries();
      last = now.length;
    });
  }, [client]);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.state === 'waiting');
  // When it was filed, on the clock of the user's region (WIB/WITA/WIT), not the phone's setting; a
  // national user's on the phone's own clock, not WIB unannounced.
  const time = (iso: string) => formatDateTime(iso, user?.kodeWilayah);
  return (
    <section className="card outbox" aria-labelledby="outbox-title" data-testid="outbox">
      <h2 id="outbox-title" className="visually-hidden">
        {t('outbox.title')}
      </h2>
      {waiting.length > 0 && (
        <p role="status">
          <strong>{t('outbox.waiting', { n: waiting.length })}</strong> {t('outbox.hint')}{' '}
          <button type="button" onClick={() => void outbox.flush()}>
            {t('outbox.sendNow')}
          </button>
        </p>
      )}
      <ul>
        {items.map((item) => {
          const edit = editPathOf(item);
          return (
            <li key={item.id} className={item.state === 'waiting' ? '' : 'error'} data-testid="outbox-item">
              <span>
                {item.label} · {time(item.createdAt)} · <strong>{t(`outbox.state.${item.state}`)}</strong>
                {item.attempts > 0 &&
                  item.state === 'waiting' &&
                  ` · ${t('outbox.attempts', { n: item.attempts })}`}
              </span>
              {item.error && <span className="outbox-error">{item.error.message}</span>}
              {item.state !== 'waiting' && (
                <span className="actions">
                  {edit && <Link to={edit}>{t('outbox.edit')}</Link>}
                  <button type="button" onClick={() => void outbox.retry(item.id).then(() => outbox.flush())}>
                    {t('outbox.retry')}
                  </button>
                  <button
                    type="button"
                    onClick={() => {
                      if (window.confirm(t('outbox.discardConfirm'))) void outbox.discard(item.id);
                    }}
                  >
                    {t('outbox.discard')}
                  </button>
                </span>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}
