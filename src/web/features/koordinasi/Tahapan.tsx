import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { Ringkasan, TahapanUpdate } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { daysBetween } from '../../../domain/time/hari';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import './i18n';

type Summary = z.infer<typeof Ringkasan>;

/** The election's stages as the region holds them; a kab/kota that manages koordinasi may move them. */
export function Tahapan({ summary }: { summary: Summary }) {
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const [editing, setEditing] = useState(false);
  return (
    <div className="card">
      <h2>
        {t('koor.tahapan')}{' '}
        {summary.tahapanDisesuaikan && <span className="badge">{t('koor.tahapanAdjusted')}</span>}
      </h2>
      <ol className="timeline">
        {summary.tahapan.map((stage) => (
          <li key={stage.kode} className={`tahapan-${stage.status}`}>
            <strong>{stage.nama}</strong>{' '}
            <span className="muted small">
              {stage.startsOn === stage.endsOn
                ? formatDate(stage.startsOn)
                : `${formatDate(stage.startsOn)} – ${formatDate(stage.endsOn)}`}{' '}
              · {t(`koor.tahapan.${stage.status}`)}
            </span>
          </li>
        ))}
      </ol>
      {can('koordinasi:manage') && summary.kodeWilayah.split('.').length === 2 && (
        <button type="button" onClick={() => setEditing(!editing)} aria-expanded={editing}>
          {t('koor.tahapan.edit')}
        </button>
      )}
      {editing && <TahapanEditor summary={summary} onDone={() => setEditing(false)} />}
    </div>
  );
}

/** A region moves its stages by date; Siaga stores them as offsets from voting day (H). */
function TahapanEditor({ summary, onDone }: { summary: Summary; onDone: () => void }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (tahapan: z.input<typeof TahapanUpdate>['tahapan']) =>
      call(koordinasiApi.tahapan, { params: { kode: summary.kodeWilayah }, body: { tahapan } }),
    onSuccess: (data) => {
      client.setQueryData(['koordinasi', 'ringkasan', summary.kodeWilayah], data);
      void client.invalidateQueries({ queryKey: ['koordinasi'] });
      onDone();
    },
  });
  const offset = (date: string) => daysBetween(summary.votingDayOn, date);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate(
      summary.tahapan.map((stage) => ({
        kode: stage.kode,
        nama: stage.nama,
        fromOffset: offset(formText(form, `${stage.kode}-from`)),
        toOffset: offset(formText(form, `${stage.kode}-to`)),
      })),
    );
  };
  return (
    <form onSubmit={submit} aria-label={t('koor.tahapan.edit')}>
      <div className="table-scroll">
        <table className="table">
          <tbody>
            {summary.tahapan.map((stage) => (
              <tr key={stage.kode}>
                <th scope="row">{stage.nama}</th>
                <td>
                  <input
                    type="date"
                    name={`${stage.kode}-from`}
                    defaultValue={stage.startsOn}
                    required
                    aria-label={`${stage.nama}: ${t('koor.tahapan.from')}`}
                  />
                </td>
                <td>
                  <input
                    type="date"
                    name={`${stage.kode}-to`}
                    defaultValue={stage.endsOn}
                    required
                    aria-label={`${stage.nama}: ${t('koor.tahapan.to')}`}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={save.error} />
      <div className="actions">
        <button type="submit" className="primary" disabled={save.isPending}>
          {t('common.save')}
        </button>
        {summary.tahapanDisesuaikan && (
          <button type="button" onClick={() => save.mutate(null)} disabled={save.isPending}>
            {t('koor.tahapan.reset')}
          </button>
        )}
      </div>
    </form>
  );
}
