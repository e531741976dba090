/** Who may know: the incident restricted, or its reporter kept confidential (or either lifted). */
import type { KejadianDetail as Detail } from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useDetailMutation } from './useDetailMutation';
import { useKejadianText } from './useKejadianText';

export function KejadianAkses({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const change = useDetailMutation(item.id, (body: { terbatas?: boolean; pelaporRahasia?: boolean }) =>
    call(kejadianApi.patchByIdAkses, { params: { id: item.id }, body }),
  );
  if (!item.bisaUbahAkses) return null;
  return (
    <div className="card">
      <h2>{t('kej.detail.access')}</h2>
      <div className="actions">
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ terbatas: !item.terbatas })}
        >
          {item.terbatas ? t('kej.detail.unrestrict') : t('kej.detail.restrict')}
        </button>
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ pelaporRahasia: !item.pelaporRahasia })}
        >
          {item.pelaporRahasia ? t('kej.detail.showReporter') : t('kej.detail.hideReporter')}
        </button>
      </div>
      <ErrorMessage error={change.error} />
    </div>
  );
}
