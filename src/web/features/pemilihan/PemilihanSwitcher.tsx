import { useId } from 'react';
import { useI18n } from '../../i18n/i18n';
import { usePemilihan } from './pemilihan-context';
import './i18n';

/** The election chooser at the top of every page, with where it stands today ("H-10 …"). */
export function PemilihanSwitcher() {
  const { t } = useI18n();
  const { items, unavailable, current, choose } = usePemilihan();
  const id = useId();
  if (items.length === 0) {
    return <span className="small muted">{t(unavailable ? 'pem.notStoredShort' : 'pem.none')}</span>;
  }
  const label = (p: (typeof items)[number]) => `${p.nama}${p.ditutupAt ? ` (${t('pem.closed')})` : ''}`;
  const chosen = items.find((p) => p.id === current?.id);
  return (
    <div className="pemilihan-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('pem.chooser')}
      </label>
      {/* A select draws its choice on one line, cut at a phone's width ("Simulasi Pilkada 2…"): the
          name is drawn whole as text that may wrap, the select lies over it and takes the tap
          (styles.css, .pemilihan-pilihan). Screen readers read the select; the copy is hidden. */}
      <span className="pemilihan-pilihan">
        <span className="pemilihan-nama" aria-hidden="true" data-testid="pemilihan-nama">
          {chosen ? label(chosen) : ''}
        </span>
        <select
          id={id}
          value={current?.id ?? ''}
          onChange={(e) => choose(e.target.value)}
          data-testid="pemilihan-switcher"
        >
          {items.map((p) => (
            <option key={p.id} value={p.id}>
              {label(p)}
            </option>
          ))}
        </select>
      </span>
      {current && (
        <Countdown
          label={current.hari.label}
          kalimat={t(`pem.hari.${current.hari.arah}`, { label: current.hari.label })}
        />
      )}
    </div>
  );
}

/** "H-10 menuju pemungutan suara"; on a phone only "H-10" shows, the rest stays for screen readers. */
function Countdown({ label, kalimat }: { label: string; kalimat: string }) {
  const rest = kalimat.startsWith(label) ? kalimat.slice(label.length) : null;
  return (
    <span className="countdown-badge" data-testid="countdown-badge">
      {rest === null ? (
        kalimat
      ) : (
        <>
          <strong>{label}</strong>
          <span className="countdown-rest">{rest}</span>
        </>
      )}
    </span>
  );
}
