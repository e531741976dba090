import { useI18n } from '../../i18n/i18n';
import { useOutboxItems } from './useOutbox';
import { outbox } from './outbox-browser';

/** Under a form: where what it just filed stands, in plain words, never "sent" before it is. */
export function SubmissionNotice({ id }: { id: string | null }) {
  const { t } = useI18n();
  const items = useOutboxItems();
  if (id === null) return null;
  const item = items.find((i) => i.id === id);
  if (item?.state === 'refused' || item?.state === 'conflict') {
    return (
      <p role="alert" className="error" data-testid="submission-state">
        {t(`outbox.filed.${item.state}`, { message: item.error?.message ?? '' })}
      </p>
    );
  }
  const sent = item === undefined && outbox.wasSent(id);
  return (
    <p role="status" className={sent ? 'success' : 'pending'} data-testid="submission-state">
      {sent ? t('outbox.filed.sent') : t('outbox.filed.waiting')}
    </p>
  );
}
