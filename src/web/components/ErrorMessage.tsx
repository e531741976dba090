import { useI18n } from '../i18n/i18n';

/** An error in words, announced to screen readers; optional retry for failed loads. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, errorText } = useI18n();
  if (error === null || error === undefined) return null;
  return (
    <div role="alert" className="error">
      <span>{errorText(error)}</span>
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  );
}
