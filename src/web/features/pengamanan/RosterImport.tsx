/** Upload a personnel roster (XLSX/CSV); every bad row is listed and nothing is saved until all are right. */
import { useState, type FormEvent } from 'react';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { useSheetUpload } from '../import/useSheetUpload';
import { useI18n } from '../../i18n/i18n';
import { ImportRefusal, SheetFileInput } from '../import/ImportErrors';
import './i18n';

export function RosterImport({ kabKota }: { kabKota: string }) {
  const { t } = useI18n();
  const [file, setFile] = useState<File | null>(null);
  const { upload, result, error, busy } = useSheetUpload(pengamananApi.importUnits.response);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) void upload(pengamananApi.importUnits, { wilayah: kabKota }, file);
  }

  return (
    <details className="card">
      <summary>{t('pengamanan.importTitle')}</summary>
      <p className="small">{t('pengamanan.importHelp')}</p>
      <form className="form-grid" onSubmit={submit}>
        <SheetFileInput onFile={setFile} />
        <button type="submit" className="primary" disabled={busy || !file}>
          {t('import.submit')}
        </button>
      </form>
      {result && (
        <p role="status" className="success">
          {t('pengamanan.imported', result)}
        </p>
      )}
      <ImportRefusal error={error} />
    </details>
  );
}
