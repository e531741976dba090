/** A verified post's takedown requests (platform or Komdigi), their answers and how long they took. */
import { medsosApi } from '../../../contracts/routes/medsos';
import { TUJUAN_TAKEDOWN, type StatusTakedown, type TujuanTakedown } from '../../../domain/medsos/medsos';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useDetailMutation, type Detail } from './useDetailMutation';
import { useMedsosText } from './useMedsosText';

const NEXT_TAKEDOWN: Record<StatusTakedown, readonly Exclude<StatusTakedown, 'diajukan'>[]> = {
  diajukan: ['diproses', 'diturunkan', 'ditolak'],
  diproses: ['diturunkan', 'ditolak'],
  diturunkan: [],
  ditolak: [],
};

export function MedsosTakedown({ item }: { item: Detail }) {
  const { t, formatTime, duration } = useMedsosText();
  const ask = useDetailMutation(item.id, (body: { tujuan: TujuanTakedown; nomor: string }) =>
    call(medsosApi.ajukanTakedown, { params: { id: item.id }, body }),
  );
  const move = useDetailMutation(
    item.id,
    (input: { takedownId: string; status: Exclude<StatusTakedown, 'diajukan'>; version: number }) =>
      call(medsosApi.ubahTakedown, {
        params: { id: item.id, takedownId: input.takedownId },
        body: { status: input.status, version: input.version },
      }),
  );
  return (
    <div className="card">
      <h2>{t('med.takedown.title')}</h2>
      {item.takedowns.length === 0 && <p>{t('med.takedown.none')}</p>}
      <ul>
        {item.takedowns.map((td) => (
          <li key={td.id} data-testid="medsos-takedown" style={{ overflowWrap: 'anywhere' }}>
            <strong>{t(`med.takedown.tujuan.${td.tujuan}`)}</strong>{' '}
            <span className="badge" data-testid="medsos-takedown-status">
              {t(`med.takedown.status.${td.status}`)}
            </span>{' '}
            <span className="small">
              {td.nomor && `${td.nomor} · `}
              {t('med.takedown.since', { time: formatTime(td.diajukanAt, item.kodeWilayah) })}
              {td.menit !== null &&
                ` · ${t(td.status === 'diturunkan' ? 'med.takedown.took' : 'med.takedown.waiting', {
                  durasi: duration(td.menit),
                })}`}
            </span>
            {item.bisaTakedown && NEXT_TAKEDOWN[td.status].length > 0 && (
              <div className="actions">
                {NEXT_TAKEDOWN[td.status].map((status) => (
                  <button
                    key={status}
                    type="button"
                    onClick={() => move.mutate({ takedownId: td.id, status, version: td.version })}
                  >
                    {t('med.takedown.mark', { status: t(`med.takedown.status.${status}`) })}
                  </button>
                ))}
              </div>
            )}
          </li>
        ))}
      </ul>
      {item.bisaTakedown && (
        <form
          className="form-grid"
          onSubmit={(e) => {
            e.preventDefault();
            const form = new FormData(e.currentTarget);
            ask.mutate({
              tujuan: formText(form, 'tujuan') as TujuanTakedown,
              nomor: formText(form, 'nomor'),
            });
          }}
        >
          <label>
            {t('med.takedown.tujuan')}
            <select name="tujuan" defaultValue="platform">
              {TUJUAN_TAKEDOWN.map((tujuan) => (
                <option key={tujuan} value={tujuan}>
                  {t(`med.takedown.tujuan.${tujuan}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('med.takedown.nomor')}
            <input name="nomor" maxLength={200} />
          </label>
          <div className="actions">
            <button type="submit" className="primary" disabled={ask.isPending}>
              {t('med.takedown.ask')}
            </button>
          </div>
        </form>
      )}
      <ErrorMessage error={ask.error ?? move.error} />
    </div>
  );
}
