import { Link } from 'react-router';
import { countdown } from '../../../domain/koordinasi/tahapan';
import { todayIn } from '../../../domain/time/zona';
import { useI18n } from '../../i18n/i18n';
import { usePublicConfig } from '../map/usePublicConfig';

/**
 * "H-7 menuju pemungutan suara" in the header of every page: computed on the device from the public
 * voting day and the user's zone, so no page load asks the server for a whole dashboard.
 */
export function CountdownBadge({ kode }: { kode: string }) {
  const { t } = useI18n();
  const config = usePublicConfig();
  if (!config.data) return null;
  const { label } = countdown(config.data.votingDayOn, todayIn(kode, new Date()));
  return (
    <Link to="/koordinasi" className="countdown-badge" data-testid="countdown-badge">
      {t('koor.countdownBadge', { label })}
    </Link>
  );
}
