/** Add a unit or person with its home base, or edit one at its version. */
import { useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Force, type ForcesResponse, type PamUnit } from '../../../contracts/pengamanan';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { FORCE_LABEL, FORCES } from '../../../domain/pengamanan/unit';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

export function UnitForm({
  kabKota,
  kecamatan,
  unit,
}: {
  kabKota: string;
  kecamatan: ForcesResponse['perKecamatan'];
  unit?: PamUnit;
}) {
  const { t } = useI18n();
  const id = useId();
  const queryClient = useQueryClient();
  const [force, setForce] = useState<Force>(unit?.force ?? 'polsek');
  const [nama, setNama] = useState(unit?.nama ?? '');
  const [jabatan, setJabatan] = useState(unit?.jabatan ?? '');
  const [jumlah, setJumlah] = useState(String(unit?.jumlah ?? 1));
  const [homeKecamatan, setHomeKecamatan] = useState(unit?.homeKecamatan ?? '');
  const [homeKelurahan, setHomeKelurahan] = useState(unit?.homeKelurahan ?? '');
  const [available, setAvailable] = useState(unit?.available ?? true);
  const [keterangan, setKeterangan] = useState(unit?.keterangan ?? '');
  const [clientId] = useState(() => crypto.randomUUID());
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(false);
    const fields = {
      force,
      nama,
      jabatan: jabatan.trim() === '' ? null : jabatan,
      jumlah: Number(jumlah),
      homeKecamatan: homeKecamatan === '' ? null : homeKecamatan,
      homeKelurahan: homeKelurahan.trim() === '' ? null : homeKelurahan.trim(),
      available,
      keterangan,
    };
    try {
      if (unit)
        await call(pengamananApi.updateUnit, {
          params: { id: unit.id },
          body: { ...fields, version: unit.version },
        });
      else
        await call(pengamananApi.createUnit, {
          body: { ...fields, clientId, wilayah: kabKota },
        });
      setSaved(true);
      await queryClient.invalidateQueries({ queryKey: ['pam-forces'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className={unit ? undefined : 'card'}>
      <summary>{unit ? t('pengamanan.editUnit') : t('pengamanan.addUnit')}</summary>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label htmlFor={`${id}-force`}>
          {t('pengamanan.force')}
          <select id={`${id}-force`} value={force} onChange={(e) => setForce(Force.parse(e.target.value))}>
            {FORCES.map((f) => (
              <option key={f} value={f}>
                {FORCE_LABEL[f]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pengamanan.nama')}
          <input required maxLength={200} value={nama} onChange={(e) => setNama(e.target.value)} />
        </label>
        <label>
          {t('pengamanan.jabatan')}
          <input maxLength={120} value={jabatan} onChange={(e) => setJabatan(e.target.value)} />
        </label>
        <label>
          {t('pengamanan.jumlah')}
          <input
            type="number"
            required
            min={0}
            max={100000}
            value={jumlah}
            onChange={(e) => setJumlah(e.target.value)}
          />
        </label>
        <label>
          {t('pengamanan.homeKecamatan')}
          <select value={homeKecamatan} onChange={(e) => setHomeKecamatan(e.target.value)}>
            <option value="">{t('pengamanan.polresLevel')}</option>
            {kecamatan.map((k) => (
              <option key={k.kode} value={k.kode}>
                {k.nama}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('pengamanan.homeKelurahan')}
          <input
            value={homeKelurahan}
            placeholder="64.08.01.2001"
            onChange={(e) => setHomeKelurahan(e.target.value)}
          />
        </label>
        <label>
          {t('pengamanan.keterangan')}
          <input maxLength={500} value={keterangan} onChange={(e) => setKeterangan(e.target.value)} />
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={available} onChange={(e) => setAvailable(e.target.checked)} />{' '}
          {t('pengamanan.available')}
        </label>
        <button type="submit" className="primary" disabled={busy}>
          {t('pengamanan.saveUnit')}
        </button>
      </form>
      {saved && (
        <p role="status" className="success">
          {t('pengamanan.unitSaved')}
        </p>
      )}
      <ErrorMessage error={error} />
    </details>
  );
}
