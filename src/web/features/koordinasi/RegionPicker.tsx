import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';

/** For national users: type the kab/kota code a page should show. */
export function RegionPicker({ onPick }: { onPick: (kode: string) => void }) {
  const { t } = useI18n();
  const [kode, setKode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kode.trim() !== '') onPick(kode.trim());
  };
  return (
    <form className="card" onSubmit={submit}>
      <label>
        {t('koor.chooseRegion')}
        <input value={kode} onChange={(e) => setKode(e.target.value)} inputMode="decimal" />
      </label>
      <button type="submit">{t('common.search')}</button>
    </form>
  );
}
