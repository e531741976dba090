/** The Puskesmas check of one officer, entered by the Dinas Kesehatan (health data: never kept on the phone). */
import { useState, type FormEvent } from 'react';
import { HasilSkrining, type PetugasView } from '../../../contracts/petugas';
import { petugasApi } from '../../../contracts/routes/petugas';
import { FAKTOR_RISIKO, HASIL_SKRINING, type FaktorRisiko } from '../../../domain/petugas/kesehatan';
import { todayIn } from '../../../domain/time/zona';
import { call } from '../../api/client';
import { formText } from '../../components/form-text';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

export function SkriningForm({ petugas, onDone }: { petugas: PetugasView; onDone: () => void }) {
  const { t } = useI18n();
  const [error, setError] = useState<unknown>(null);
  const [faktor, setFaktor] = useState<FaktorRisiko[]>([]);
  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const number = (name: string) => (form.get(name) === '' ? null : Number(form.get(name)));
    try {
      await call(petugasApi.skrining, {
        params: { id: petugas.id },
        body: {
          diperiksaOn: formText(form, 'diperiksaOn'),
          fasilitas: formText(form, 'fasilitas'),
          sistolik: number('sistolik'),
          diastolik: number('diastolik'),
          gulaDarah: number('gulaDarah'),
          faktorRisiko: faktor,
          hasil: HasilSkrining.parse(form.get('hasil')),
          catatan: formText(form, 'catatan'),
        },
      });
      onDone();
    } catch (e) {
      setError(e);
    }
  }
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} aria-label={t('petugas.catatSkrining')}>
      <label>
        {t('petugas.diperiksaOn')}
        <input
          type="date"
          name="diperiksaOn"
          required
          defaultValue={todayIn(petugas.kodeWilayah, new Date())}
        />
      </label>
      <label>
        {t('petugas.fasilitas')}
        <input name="fasilitas" maxLength={120} />
      </label>
      <label>
        {t('petugas.sistolik')}
        <input type="number" name="sistolik" min={50} max={300} inputMode="numeric" />
      </label>
      <label>
        {t('petugas.diastolik')}
        <input type="number" name="diastolik" min={30} max={200} inputMode="numeric" />
      </label>
      <label>
        {t('petugas.gulaDarah')}
        <input type="number" name="gulaDarah" min={20} max={1000} inputMode="numeric" />
      </label>
      <fieldset className="span-all">
        <legend>{t('petugas.faktorRisiko')}</legend>
        {FAKTOR_RISIKO.filter((f) => f !== 'usia_lanjut').map((f) => (
          <label key={f} className="inline">
            <input
              type="checkbox"
              checked={faktor.includes(f)}
              onChange={(e) => setFaktor(e.target.checked ? [...faktor, f] : faktor.filter((x) => x !== f))}
            />{' '}
            {t(`petugas.faktor.${f}`)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('petugas.hasilLabel')}
        <select name="hasil" required defaultValue="layak">
          {HASIL_SKRINING.map((h) => (
            <option key={h} value={h}>
              {t(`petugas.hasil.${h}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('petugas.catatan')}
        <input name="catatan" maxLength={1000} />
      </label>
      <button type="submit" className="primary">
        {t('petugas.simpan')}
      </button>
      <ErrorMessage error={error} />
    </form>
  );
}
