import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n';
import { dismiss, outboxItems, startOutbox, subscribeOutbox, type OutboxItem } from './outbox';

/** On every page: what is still waiting on this device, and what the server refused. */
export function OutboxBanner() {
  const { t } = useI18n();
  const client = useQueryClient();
  const [items, setItems] = useState<OutboxItem[]>(outboxItems);
  useEffect(() => subscribeOutbox(setItems), []);
  useEffect(() => startOutbox(() => void client.invalidateQueries()), [client]);
  if (items.length === 0) return null;
  const waiting = items.filter((i) => i.error === undefined);
  const refused = items.filter((i) => i.error !== undefined);
  return (
    <div className="card outbox" role="status" aria-live="polite" data-testid="outbox">
      {waiting.length > 0 && (
        <p>
          <strong>{t('outbox.waiting', { n: waiting.length })}</strong> {t('outbox.hint')}
        </p>
      )}
      <ul>
        {waiting.map((i) => (
          <li key={i.id}>
            {i.label} · {new Date(i.createdAt).toLocaleTimeString()}
          </li>
        ))}
        {refused.map((i) => (
          <li key={i.id} className="error">
            {i.label}: {t('outbox.refused')} {i.error}{' '}
            <button type="button" onClick={() => dismiss(i.id)}>
              {t('outbox.dismiss')}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
