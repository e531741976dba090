/**
 * Upload a whole mapping (kode_tps + indikator) for a wilayah and phase, or a Polres's own list of
 * TPS categories (kode_tps + kategori + alasan) as overrides; all rows land or none.
 */
import { useState, type FormEvent } from 'react';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { useI18n } from '../../i18n/i18n';
import { ImportRefusal, SheetFileInput } from '../import/ImportErrors';
import { useSheetUpload } from '../import/useSheetUpload';
import './i18n';

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
  const [file, setFile] = useState<File | null>(null);
  const [key, setKey] = useState('');
  const route = kind === 'kategori' ? kerawananApi.postImportKategori : kerawananApi.postImport;
  const { upload, result, error, busy } = useSheetUpload(route.response);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    const fields: Record<string, string> = { wilayah, phase };
    if (kind === 'kategori') fields.alasan = alasan;
    void upload(route, fields, file, { 'idempotency-key': key });
  }

  return (
    <details className="card">
      <summary>{t(kind === 'kategori' ? 'kerawanan.importKategoriTitle' : 'kerawanan.importTitle')}</summary>
      <p className="small">
        {t(kind === 'kategori' ? 'kerawanan.importKategoriHelp' : 'kerawanan.importHelp')}
      </p>
      <form className="form-grid" onSubmit={submit}>
        {kind === 'kategori' && (
          <label>
            {t('kerawanan.importKategoriAlasan')}
            <input value={alasan} maxLength={1000} onChange={(e) => setAlasan(e.target.value)} />
          </label>
        )}
        <SheetFileInput
          onFile={(chosen) => {
            setFile(chosen);
            setKey(crypto.randomUUID());
          }}
        />
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
      <ImportRefusal error={error} />
    </details>
  );
}
