import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { Ringkasan } from '../../../contracts/koordinasi';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { kabKotaOf } from './useRegion';

/** "H-7 menuju pemungutan suara" in the header of every page, for users of a kab/kota or below. */
export function CountdownBadge({ kode }: { kode: string }) {
  const { t } = useI18n();
  const enabled = kabKotaOf(kode) !== null;
  const summary = useQuery({
    queryKey: ['koordinasi', 'ringkasan', kode],
    queryFn: () => api(Ringkasan, `/api/koordinasi/ringkasan/${kode}`),
    enabled,
    staleTime: 5 * 60_000,
  });
  if (!summary.data) return null;
  return (
    <Link to="/koordinasi" className="countdown-badge" data-testid="countdown-badge">
      {t('koor.countdownBadge', { label: summary.data.countdown.label })}
    </Link>
  );
}
