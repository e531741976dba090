/** Which TPS changed between two phases, and how: the movement, not two snapshots. */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { BAWASLU_TPS_2024, type Phase } from '../../../domain/kerawanan/catalogue';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { KategoriBadge } from './KategoriBadge';
import './i18n';

const LABELS = new Map(BAWASLU_TPS_2024.indicators.map((i) => [i.kode, i.label]));
const PREVIOUS: Record<Phase, Phase | null> = { pra: null, saat: 'pra', pasca: 'saat' };

export function PhaseChangesPanel({ wilayah, phase }: { wilayah: string; phase: Phase }) {
  const { t } = useI18n();
  const from = PREVIOUS[phase];
  const changes = useQuery({
    queryKey: ['kerawanan-changes', wilayah, phase],
    queryFn: () => call(kerawananApi.getChanges, { query: { wilayah, from: from ?? undefined, to: phase } }),
    enabled: from !== null,
  });
  if (from === null) return null;
  return (
    <section className="card" aria-labelledby="changes-title">
      <h2 id="changes-title">
        {t('kerawanan.changes')}: {t(`kerawanan.phase.${from}`)} → {t(`kerawanan.phase.${phase}`)}
      </h2>
      <ErrorMessage error={changes.error} />
      {changes.data && changes.data.items.length === 0 && (
        <p className="muted">{t('kerawanan.changesNone')}</p>
      )}
      <ul>
        {changes.data?.items.map((c) => (
          <li key={c.tpsId}>
            <Link to={`/tps/${c.tpsId}`}>
              {c.nama} {c.kelurahan}
            </Link>{' '}
            <KategoriBadge kategori={c.fromKategori} /> → <KategoriBadge kategori={c.toKategori} />
            {c.added.length > 0 && (
              <span className="block small">
                + {t('kerawanan.added')}: {c.added.map((k) => LABELS.get(k) ?? k).join('; ')}
              </span>
            )}
            {c.cleared.length > 0 && (
              <span className="block small">
                − {t('kerawanan.cleared')}: {c.cleared.map((k) => LABELS.get(k) ?? k).join('; ')}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
