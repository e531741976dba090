import { z } from 'zod';
import { TpsImportError } from '../../../contracts/tps';
import { ApiError } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import './i18n';

/** What every sheet import's file input accepts: one XLSX or CSV (by extension and by type). */
const SHEET_ACCEPT = '.xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The file of a sheet import, required; `onFile` hears each choice (null when it is cleared). */
export function SheetFileInput({ onFile }: { onFile: (file: File | null) => void }) {
  const { t } = useI18n();
  return (
    <label>
      {t('import.file')}
      <input
        name="file"
        type="file"
        required
        accept={SHEET_ACCEPT}
        onChange={(e) => onFile(e.target.files?.[0] ?? null)}
      />
    </label>
  );
}

/** A refused import: what went wrong, and every bad row when the file was refused for its rows. */
export function ImportRefusal({ error }: { error: unknown }) {
  return (
    <>
      <ErrorMessage error={error} />
      {error instanceof ApiError && error.code === 'import_invalid' && (
        <ImportErrors details={error.details} />
      )}
    </>
  );
}

const Details = z.object({ errors: z.array(TpsImportError), totalErrors: z.number().optional() });

/** Every bad row of a rejected import: row, column, value and the reason in Indonesian. */
export function ImportErrors({ details }: { details: unknown }) {
  const { t } = useI18n();
  const parsed = Details.safeParse(details);
  if (!parsed.success || parsed.data.errors.length === 0) return null;
  const { errors, totalErrors } = parsed.data;
  return (
    <div className="table-scroll">
      <table className="table" data-testid="import-errors">
        <caption>{t('import.errors', { count: totalErrors ?? errors.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('import.row')}</th>
            <th scope="col">{t('import.column')}</th>
            <th scope="col">{t('import.value')}</th>
            <th scope="col">{t('import.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {errors.map((e, i) => (
            <tr key={`${e.row}-${e.column}-${i}`}>
              <td className="num">{e.row}</td>
              <td>{e.column}</td>
              <td>{e.value}</td>
              <td>{e.reason}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
