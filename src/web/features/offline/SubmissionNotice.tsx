import { useI18n } from '../../i18n/i18n';
import { useOutboxItems } from './useOutbox';
import { outbox } from './outbox-browser';
import { warningsOf } from './outbox-routes';
import './i18n';

/**
 * Under a form: where what it just filed stands, in plain words, never "sent" before it is; once sent,
 * what the server warned of in its answer (a skipped stage, a turnout beyond the DPT), so the person
 * who can correct it sees it.
 */
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
  const warnings = sent ? warningsOf(outbox.answerOf(id)) : [];
  return (
    <>
      <p role="status" className={sent ? 'success' : 'pending'} data-testid="submission-state">
        {sent ? t('outbox.filed.sent') : t('outbox.filed.waiting')}
      </p>
      {warnings.length > 0 && (
        <div role="alert" className="warning" data-testid="submission-warnings">
          <p>{t('outbox.filed.warnings')}</p>
          <ul>
            {warnings.map((w) => (
              <li key={w.code} data-code={w.code}>
                {w.message}
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
