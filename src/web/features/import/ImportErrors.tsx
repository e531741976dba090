import { z } from 'zod';
import { TpsImportError } from '../../../contracts/tps';
import { useI18n } from '../../i18n/i18n';
import './i18n';

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
