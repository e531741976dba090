import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FormEvent } from 'react';
import type { z } from 'zod';
import type { IndikatorResponse, TargetUpdate } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formNumber } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { ForkopimdaForm } from './ForkopimdaForm';
import './i18n';

/**
 * The success indicators of a kab/kota, each with its source; who manages koordinasi there enters the
 * turnout target and figures and sets how the region's Forkopimda is made up.
 */
export function Indikator({ kab }: { kab: string }) {
  const { t } = useI18n();
  const { can } = useSession();
  const indikator = useQuery({
    queryKey: ['koordinasi', 'indikator', kab],
    queryFn: () => call(koordinasiApi.indikator, { params: { kode: kab } }),
  });
  if (!indikator.data) return null;
  return (
    <div className="card">
      <h2>{t('koor.indikator')}</h2>
      <ul className="indikator-list">
        {indikator.data.indikator.map((i) => (
          <li key={i.kode} className={`indikator-${i.status}`}>
            <strong>{i.nama}</strong>: {t(`koor.indikator.${i.status}`)}
            {i.nilai ? ` (${i.nilai})` : ''}{' '}
            <span className="muted small">{t('koor.indikator.source', { source: i.sumber })}</span>
          </li>
        ))}
      </ul>
      {can('koordinasi:manage') && <TargetForm kab={kab} target={indikator.data.target} />}
      {can('koordinasi:manage') && <ForkopimdaForm kab={kab} />}
    </div>
  );
}

/** Kesbangpol enters the turnout target, the turnout and the PSU count until a module feeds them. */
function TargetForm({ kab, target }: { kab: string; target: z.infer<typeof IndikatorResponse>['target'] }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const save = useMutation({
    mutationFn: (body: z.input<typeof TargetUpdate>) =>
      call(koordinasiApi.setIndikator, { params: { kode: kab }, body }),
    onSuccess: (data) => client.setQueryData(['koordinasi', 'indikator', kab], data),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      targetPartisipasi: formNumber(form, 'targetPartisipasi'),
      partisipasi: formNumber(form, 'partisipasi'),
      psuCount: formNumber(form, 'psuCount'),
    });
  };
  return (
    <details>
      <summary>{t('koor.target.edit')}</summary>
      <form className="form-grid" onSubmit={submit} aria-label={t('koor.target.edit')}>
        <label>
          {t('koor.target.targetPartisipasi')}
          <input name="targetPartisipasi" inputMode="decimal" defaultValue={target.targetPartisipasi ?? ''} />
        </label>
        <label>
          {t('koor.target.partisipasi')}
          <input name="partisipasi" inputMode="decimal" defaultValue={target.partisipasi ?? ''} />
        </label>
        <label>
          {t('koor.target.psuCount')}
          <input name="psuCount" inputMode="numeric" defaultValue={target.psuCount ?? ''} />
        </label>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
    </details>
  );
}
