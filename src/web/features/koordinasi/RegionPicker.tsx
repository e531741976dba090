import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

/** For users above a kab/kota (national, provincial): choose by name the kab/kota a page should show. */
export function RegionPicker({ onPick }: { onPick: (kode: string) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const [kode, setKode] = useState<string | null>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (kode !== null && kode.split('.').length >= 2) onPick(kode);
  };
  return (
    <form className="card" onSubmit={submit}>
      <WilayahPicker
        scope={user?.kodeWilayah ?? null}
        scopeName={user?.namaWilayah ?? null}
        value={kode}
        onChange={setKode}
        label={t('koor.chooseRegion')}
        name="kodeWilayah"
        maxDepth={2}
      />
      <button type="submit" disabled={kode === null || kode.split('.').length < 2}>
        {t('koor.showRegion')}
      </button>
    </form>
  );
}
