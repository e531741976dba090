/** Importing a monitoring team's sheet (CSV/XLSX): all rows or none, every bad row named. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { medsosApi } from '../../../contracts/routes/medsos';
import { ApiError, call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useSession } from '../auth/session';
import { MEDSOS_KEY } from './MedsosPage';
import { useMedsosText } from './useMedsosText';
import './i18n';

interface RowError {
  row: number;
  column: string;
  reason: string;
}

export function MedsosImport() {
  const { t } = useMedsosText();
  const { user } = useSession();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const send = useMutation({
    mutationFn: (chosen: File) => {
      const form = new FormData();
      form.append('wilayah', user?.kodeWilayah ?? '');
      form.append('file', chosen);
      return call(medsosApi.importSheet, { body: form });
    },
    onSuccess: () => void client.invalidateQueries({ queryKey: MEDSOS_KEY }),
  });
  const rowErrors =
    send.error instanceof ApiError && send.error.code === 'import_invalid'
      ? ((send.error.details as { errors?: RowError[] } | undefined)?.errors ?? [])
      : [];
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (file) send.mutate(file);
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('med.import.title')}>
      <h2>{t('med.import.title')}</h2>
      <p className="muted small">{t('med.import.help')}</p>
      <label>
        {t('med.import.file')}
        <input
          type="file"
          accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </label>
      <div className="actions">
        <button type="submit" className="primary" disabled={!file || send.isPending}>
          {t('med.import.send')}
        </button>
      </div>
      {send.data && (
        <p role="status">{t('med.import.done', { n: send.data.dicatat, skip: send.data.dilewati.length })}</p>
      )}
      {rowErrors.length > 0 ? (
        <ul className="field-error" role="alert">
          {rowErrors.slice(0, 50).map((e) => (
            <li key={`${e.row}-${e.column}`}>
              {t('med.import.rowError', { row: e.row, column: e.column, reason: e.reason })}
            </li>
          ))}
        </ul>
      ) : (
        <ErrorMessage error={send.error} />
      )}
    </form>
  );
}
