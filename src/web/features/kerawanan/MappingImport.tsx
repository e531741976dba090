/**
 * Upload a whole mapping (kode_tps + indikator) for a wilayah and phase, or a Polres's own list of
 * TPS categories (kode_tps + kategori + alasan) as overrides; all rows land or none.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import type { RouteAnswer } from '../../../contracts/route';
import { api, ApiError, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { ImportErrors } from '../import/ImportErrors';
import './i18n';

/** Both imports answer alike; the mapping's route names the idempotency key the upload sends. */
type Result = RouteAnswer<typeof kerawananApi.postImport>;

export function MappingImport({
  wilayah,
  phase,
  kind = 'pemetaan',
}: {
  wilayah: string;
  phase: Phase;
  kind?: 'pemetaan' | 'kategori';
}) {
  const { t } = useI18n();
  const [alasan, setAlasan] = useState('');
  const queryClient = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const [result, setResult] = useState<Result | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setBusy(true);
    setError(null);
    setResult(null);
    const form = new FormData();
    form.append('wilayah', wilayah);
    form.append('phase', phase);
    if (kind === 'kategori') form.append('alasan', alasan);
    form.append('file', file, file.name);
    const route = kind === 'kategori' ? kerawananApi.postImportKategori : kerawananApi.postImport;
    try {
      setResult(
        await api(route.response, urlOf(route, { body: form }), {
          method: route.method,
          body: form,
          headers: { 'idempotency-key': key },
        }),
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
      <summary>{t(kind === 'kategori' ? 'kerawanan.importKategoriTitle' : 'kerawanan.importTitle')}</summary>
      <p className="small">
        {t(kind === 'kategori' ? 'kerawanan.importKategoriHelp' : 'kerawanan.importHelp')}
      </p>
      <form className="form-grid" onSubmit={(e) => void submit(e)}>
        {kind === 'kategori' && (
          <label>
            {t('kerawanan.importKategoriAlasan')}
            <input value={alasan} maxLength={1000} onChange={(e) => setAlasan(e.target.value)} />
          </label>
        )}
        <label>
          {t('import.file')}
          <input
            type="file"
            required
            accept=".xlsx,.csv"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setKey(crypto.randomUUID());
            }}
          />
        </label>
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      {result && (
        <p role="status" className="success">
          {result.replayed
            ? t('import.replayed')
            : t(kind === 'kategori' ? 'kerawanan.importedKategori' : 'kerawanan.imported', {
                rows: result.rows,
              })}
        </p>
      )}
      <ErrorMessage error={error} />
      {error instanceof ApiError && error.code === 'import_invalid' && (
        <ImportErrors details={error.details} />
      )}
    </details>
  );
}
