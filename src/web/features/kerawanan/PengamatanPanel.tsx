/**
 * Observations at one TPS: the lurah, camat and tiga pilar add what they saw (filed in the phone's
 * outbox, so kept while offline); Bawaslu's PKD or Panwascam takes each up into its checklist or sets
 * it aside. The checklist itself stays Bawaslu's (docs/domain/kerawanan.md).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { ChecklistTps } from '../../../contracts/kerawanan';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import './i18n';

export function PengamatanPanel(props: {
  tps: ChecklistTps;
  phase: Phase;
  indicators: readonly { kode: string; label: string }[];
  label: string;
}) {
  const { t } = useI18n();
  const { can } = useSession();
  const client = useQueryClient();
  const [catatan, setCatatan] = useState('');
  const [indikator, setIndikator] = useState('');
  const [filedId, setFiledId] = useState<string | null>(null);
  const answer = useMutation({
    mutationFn: (input: { id: string; status: 'diambil' | 'dikesampingkan' }) =>
      call(kerawananApi.putPengamatan, { params: { id: input.id }, body: { status: input.status } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['kerawanan-checklist'] }),
  });
  const add = () => {
    if (catatan.trim().length < 3) return;
    const id = crypto.randomUUID();
    void fileSubmission({
      id,
      kind: 'checklist',
      label: `${t('kerawanan.pengamatan')} ${props.label}`,
      requests: [
        outboxRequest('kerawanan.pengamatan', kerawananApi.postPengamatan, {
          body: {
            clientId: id,
            tpsId: props.tps.id,
            phase: props.phase,
            indikator: indikator === '' ? null : indikator,
            catatan: catatan.trim(),
          },
        }),
      ],
    }).then(() => {
      setFiledId(id);
      setCatatan('');
      setIndikator('');
      void client.invalidateQueries({ queryKey: ['kerawanan-checklist'] });
    });
  };
  const labelOf = new Map(props.indicators.map((i) => [i.kode, i.label]));
  const assessor = can('kerawanan:assess');
  return (
    <div className="pengamatan" data-testid={`pengamatan-${props.tps.nomor}`}>
      {props.tps.pengamatan.length > 0 && (
        <>
          <h3 className="small">{t('kerawanan.pengamatan')}</h3>
          <ul className="small">
            {props.tps.pengamatan.map((p) => (
              <li key={p.id}>
                {p.indikator ? <strong>{labelOf.get(p.indikator) ?? p.indikator}: </strong> : null}
                {p.catatan} — {p.oleh ?? '?'} · {t(`kerawanan.pengamatan.${p.status}`)}
                {assessor && p.status === 'baru' && (
                  <span className="actions">
                    <button
                      type="button"
                      disabled={answer.isPending}
                      onClick={() => answer.mutate({ id: p.id, status: 'diambil' })}
                    >
                      {t('kerawanan.pengamatan.ambil')}
                    </button>
                    <button
                      type="button"
                      disabled={answer.isPending}
                      onClick={() => answer.mutate({ id: p.id, status: 'dikesampingkan' })}
                    >
                      {t('kerawanan.pengamatan.kesampingkan')}
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          <ErrorMessage error={answer.error} />
        </>
      )}
      {can('kerawanan:observe') && (
        <fieldset>
          <legend>{t('kerawanan.pengamatan.tambah')}</legend>
          <label className="small">
            {t('kerawanan.pengamatan.indikator')}
            <select value={indikator} onChange={(e) => setIndikator(e.target.value)}>
              <option value="">{t('kerawanan.pengamatan.tanpaIndikator')}</option>
              {props.indicators.map((i) => (
                <option key={i.kode} value={i.kode}>
                  {i.label}
                </option>
              ))}
            </select>
          </label>
          <label className="small">
            {t('kerawanan.pengamatan.catatan')}
            <input value={catatan} maxLength={1000} onChange={(e) => setCatatan(e.target.value)} />
          </label>
          <button type="button" onClick={add} disabled={catatan.trim().length < 3}>
            {t('kerawanan.pengamatan.kirim')}
          </button>
          <SubmissionNotice id={filedId} />
        </fieldset>
      )}
    </div>
  );
}
