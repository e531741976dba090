import { useSyncExternalStore } from 'react';
import { useI18n } from '../../i18n/i18n';
import { isUpdateWaiting, reloadWithUpdate, subscribeUpdate } from './service-worker';
import './i18n';

/** "Versi baru tersedia": shown when a new deployment has reached this phone. */
export function UpdateBanner() {
  const { t } = useI18n();
  const waiting = useSyncExternalStore(subscribeUpdate, isUpdateWaiting);
  if (!waiting) return null;
  return (
    <div className="card update" role="status" data-testid="update-banner">
      <strong>{t('update.available')}</strong> {t('update.hint')}{' '}
      <button type="button" className="primary" onClick={reloadWithUpdate}>
        {t('update.reload')}
      </button>
    </div>
  );
}
