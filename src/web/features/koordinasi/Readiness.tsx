import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type { Ringkasan } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

type Summary = z.infer<typeof Ringkasan>;

/** Items falling due within three days or already late: the alarm Polda NTT asked for (seed 002). */
export function Alarms({ summary }: { summary: Summary }) {
  const { t, formatDate } = useI18n();
  const alarms = summary.kesiapan.items.filter((i) => i.state === 'segera' || i.state === 'terlambat');
  if (alarms.length === 0) return null;
  return (
    <div className="card alarm" role="region" aria-label={t('koor.alarm')}>
      <h2>{t('koor.alarm')}</h2>
      <ul>
        {alarms.map((i) => (
          <li key={i.id} className={`state-${i.state}`}>
            <strong>{t(`koor.state.${i.state}`)}</strong> · {i.dueLabel} ({formatDate(i.dueOn)}) ·{' '}
            {i.agency.toUpperCase()}: {i.judul}
          </li>
        ))}
      </ul>
    </div>
  );
}

function Bar({ percent, label }: { percent: number; label: string }) {
  return (
    <div
      className="bar"
      role="meter"
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={percent}
      aria-label={label}
    >
      <span style={{ width: `${Math.max(0, Math.min(100, percent))}%` }} />
    </div>
  );
}

/**
 * Readiness of the region and of each agency (the checklist and the rakor's action items), the
 * checklist created from the template, and each item ticked done by its agency or the region.
 */
export function Readiness({ summary, canManage }: { summary: Summary; canManage: boolean }) {
  const { t, formatPercent, formatDate } = useI18n();
  const { user } = useSession();
  const client = useQueryClient();
  const refresh = (data: Summary) => {
    client.setQueryData(['koordinasi', 'ringkasan', summary.kodeWilayah], data);
    void client.invalidateQueries({ queryKey: ['koordinasi'] });
  };
  const materialise = useMutation({
    mutationFn: () => call(koordinasiApi.buatKesiapan, { params: { kode: summary.kodeWilayah } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['koordinasi'] }),
  });
  const tick = useMutation({
    mutationFn: (input: { id: string; done: boolean }) =>
      call(koordinasiApi.kesiapanItem, { params: { id: input.id }, body: { done: input.done } }),
    onSuccess: refresh,
  });
  const { region, perAgency, items } = summary.kesiapan;
  return (
    <div className="card">
      <h2>{t('koor.readiness')}</h2>
      <p data-testid="readiness-region">
        {t('koor.readinessRegion', {
          percent: region.percent,
          done: region.done,
          due: region.due,
          late: region.late,
        })}
      </p>
      <Bar percent={region.percent} label={t('koor.readiness')} />
      <h3>{t('koor.readinessAgency')}</h3>
      <table className="table">
        <tbody>
          {perAgency.map((a) => (
            <tr key={a.agency} data-testid={`readiness-${a.agency}`}>
              <th scope="row">{a.agency.toUpperCase()}</th>
              <td className="num">{formatPercent(a.percent)}</td>
              <td style={{ width: '50%' }}>
                <Bar percent={a.percent} label={a.agency} />
              </td>
              <td className="small muted">
                {a.done}/{a.due}
                {a.late > 0 ? ` · ${t('koor.state.terlambat')} ${a.late}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {!summary.kesiapan.materialised && (
        <p>
          {t('koor.readinessNone')}{' '}
          {canManage && (
            <button type="button" onClick={() => materialise.mutate()} disabled={materialise.isPending}>
              {t('koor.materialise')}
            </button>
          )}
        </p>
      )}
      <ErrorMessage error={materialise.error ?? tick.error} />
      {items.length > 0 && (
        <details>
          <summary>{t('koor.checklist')}</summary>
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('koor.item.due')}</th>
                  <th scope="col">{t('koor.checklist')}</th>
                  <th scope="col">{t('koor.item.agency')}</th>
                  <th scope="col">{t('koor.item.state')}</th>
                  <th scope="col">
                    <span className="visually-hidden">{t('koor.markDone')}</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {items.map((item) => (
                  <tr key={item.id} className={`state-${item.state}`}>
                    <td>
                      {item.dueLabel} <span className="muted small">{formatDate(item.dueOn)}</span>
                    </td>
                    <td>{item.judul}</td>
                    <td>{item.agency.toUpperCase()}</td>
                    <td>{t(`koor.state.${item.state}`)}</td>
                    <td>
                      {(canManage || user?.agency === item.agency) && (
                        <button
                          type="button"
                          disabled={tick.isPending}
                          onClick={() => tick.mutate({ id: item.id, done: item.state !== 'selesai' })}
                        >
                          {item.state === 'selesai' ? t('koor.reopen') : t('koor.markDone')}
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
