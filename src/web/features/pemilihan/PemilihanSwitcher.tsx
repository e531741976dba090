import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { usePemilihan } from './pemilihan-context';

/** The election chooser at the top of every page, with where it stands today ("H-10 …"). */
export function PemilihanSwitcher() {
  const { t } = useI18n();
  const { items, current, choose } = usePemilihan();
  const id = useId();
  if (items.length === 0) return <span className="small muted">{t('pem.none')}</span>;
  return (
    <div className="pemilihan-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('pem.chooser')}
      </label>
      <select
        id={id}
        value={current?.id ?? ''}
        onChange={(e) => choose(e.target.value)}
        data-testid="pemilihan-switcher"
      >
        {items.map((p) => (
          <option key={p.id} value={p.id}>
            {p.nama}
            {p.ditutupAt ? ` (${t('pem.closed')})` : ''}
          </option>
        ))}
      </select>
      {current && (
        <span className="countdown-badge" data-testid="countdown-badge">
          {t(`pem.hari.${current.hari.arah}`, { label: current.hari.label })}
        </span>
      )}
    </div>
  );
}
