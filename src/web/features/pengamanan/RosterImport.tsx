/** Upload a personnel roster (XLSX/CSV); every bad row is listed and nothing is saved until all are right. */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { RosterImportResult } from '../../../contracts/pengamanan';
import { api, ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { ImportErrors } from '../import/ImportErrors';

export function RosterImport({ kabKota }: { kabKota: string }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<RosterImportResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    form.append('wilayah', kabKota);
    form.append('file', file, file.name);
    try {
      setResult(
        await api(RosterImportResult, '/api/pengamanan/units/import', { method: 'POST', body: form }),
      );
      await queryClient.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', 'Tidak ada koneksi ke server'));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="card">
      <summary>{t('pengamanan.importTitle')}</summary>
      <p className="small">{t('pengamanan.importHelp')}</p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        <label>
          {t('import.file')}
          <input
            type="file"
            required
            accept=".xlsx,.csv"
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      {result && (
        <p role="status" className="success">
          {t('pengamanan.imported', result)}
        </p>
      )}
      <ErrorMessage error={error} />
      {error instanceof ApiError && error.code === 'import_invalid' && (
        <ImportErrors details={error.details} />
      )}
    </details>
  );
}
