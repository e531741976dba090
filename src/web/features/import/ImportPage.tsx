import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import type { TpsImportResult } from '../../../contracts/tps';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import { ImportRefusal, SheetFileInput } from './ImportErrors';
import { uploadImport, type ImportProgress } from './upload-import';
import './i18n';

const TEMPLATE =
  'kode_wilayah;kecamatan;kelurahan;tps;dpt_laki_laki;dpt_perempuan;dpt_total;alamat;latitude;longitude;akses;lokasi_khusus\n' +
  '73.73.01.1001;Wara;Tompotikka;1;230;245;475;Jl. Contoh No. 1;-2.9927;120.1969;darat;\n';

export function ImportPage() {
  const { t, formatNumber } = useI18n();
  const { user } = useSession();
  const queryClient = useQueryClient();
  const [wilayah, setWilayah] = useState(user?.kodeWilayah ?? '');
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const [result, setResult] = useState<TpsImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      const done = await uploadImport({ wilayah, file, idempotencyKey: key, onProgress: setProgress });
      setResult(done);
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  }

  const percent = progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0;
  const phaseLabel = progress
    ? progress.phase === 'upload'
      ? t('import.upload')
      : t(`import.phase.${progress.phase}`)
    : '';
  return (
    <section>
      <h1>{t('import.title')}</h1>
      <details className="card">
        <summary>{t('import.columns')}</summary>
        <p>{t('import.columnsHelp')}</p>
        <a href={`data:text/csv;charset=utf-8,${encodeURIComponent(TEMPLATE)}`} download="templat-tps.csv">
          {t('import.template')}
        </a>
      </details>
      <form className="card form-grid" onSubmit={(e) => void submit(e)}>
        <WilayahSearch onPick={setWilayah} />
        <label>
          {t('import.wilayah')}
          <input
            name="wilayah"
            required
            value={wilayah}
            onChange={(e) => setWilayah(e.target.value.trim())}
          />
        </label>
        <SheetFileInput
          onFile={(chosen) => {
            setFile(chosen);
            // One key per chosen file: pressing Impor again after a dropped connection is not a duplicate.
            setKey(crypto.randomUUID());
            setResult(null);
            setError(null);
          }}
        />
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      {progress && (
        <div className="progress-block">
          <label htmlFor="import-progress">
            {phaseLabel} {percent}%
          </label>
          <progress id="import-progress" max={100} value={percent} />
        </div>
      )}
      {result && (
        <p role="status" className="success" data-testid="import-result">
          {result.replayed
            ? t('import.replayed')
            : t('import.done', {
                inserted: formatNumber(result.inserted),
                updated: formatNumber(result.updated),
                unchanged: formatNumber(result.unchanged),
              })}{' '}
          <Link to={`/tps?wilayah=${result.wilayah}`}>{t('wilayah.showTps')}</Link>
        </p>
      )}
      <ImportRefusal error={error} />
    </section>
  );
}
