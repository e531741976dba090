/**
 * The one-page checklist Bawaslu's PKD or Panwascam fills on a phone: per TPS, the indicators that
 * hold, grouped by Bawaslu's variables, with a short evidence note each. Filed in the phone's outbox as
 * one submission with a client id, so it is kept while offline and recorded once. The lurah, camat and
 * tiga pilar read it and add observations per TPS (PengamatanPanel) that Bawaslu may take up.
 */
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { ChecklistTps } from '../../../contracts/kerawanan';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { PHASES, TPS_VARIABLES, VARIABLE_LABELS, type Phase } from '../../../domain/kerawanan/catalogue';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { KategoriBadge } from './KategoriBadge';
import { PengamatanPanel } from './PengamatanPanel';
import './i18n';

type Draft = Record<string, { indicators: Set<string>; notes: Record<string, string> }>;

function draftOf(tps: ChecklistTps[]): Draft {
  return Object.fromEntries(
    tps.map((t) => [
      t.id,
      { indicators: new Set(t.assessment?.indicators ?? []), notes: { ...(t.assessment?.notes ?? {}) } },
    ]),
  );
}

export function ChecklistPage() {
  const { kode = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const phase = (PHASES as readonly string[]).includes(params.get('phase') ?? '')
    ? (params.get('phase') as Phase)
    : 'pra';
  const { t, formatDate } = useI18n();
  const { can } = useSession();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [submissionId, setSubmissionId] = useState(() => crypto.randomUUID());
  const list = useQuery({
    queryKey: ['kerawanan-checklist', kode, phase],
    queryFn: () => call(kerawananApi.getChecklist, { params: { kode }, query: { phase } }),
  });
  const current = draft ?? (list.data ? draftOf(list.data.tps) : null);
  const [filedId, setFiledId] = useState<string | null>(null);
  const toggle = (tpsId: string, indicator: string, on: boolean) => {
    if (!current) return;
    const next: Draft = {
      ...current,
      [tpsId]: { indicators: new Set(current[tpsId]!.indicators), notes: { ...current[tpsId]!.notes } },
    };
    if (on) next[tpsId]!.indicators.add(indicator);
    else next[tpsId]!.indicators.delete(indicator);
    setDraft(next);
  };
  const note = (tpsId: string, indicator: string, text: string) => {
    if (!current) return;
    setDraft({
      ...current,
      [tpsId]: { ...current[tpsId]!, notes: { ...current[tpsId]!.notes, [indicator]: text } },
    });
  };
  const submit = () => {
    if (!current || !list.data) return;
    const id = submissionId;
    // Filed in the outbox: kept on the phone until the server has it. The draft stays on screen
    // (it is what was sent); the next change goes under a new submission id.
    void fileSubmission({
      id,
      kind: 'checklist',
      label: `${t('kerawanan.checklist')} ${list.data.namaWilayah} (${t(`kerawanan.phase.${phase}`)})`,
      requests: [
        outboxRequest('kerawanan.checklist', kerawananApi.putChecklist, {
          params: { kode },
          body: {
            phase,
            submissionId: id,
            entries: Object.entries(current).map(([tpsId, d]) => ({
              tpsId,
              indicators: [...d.indicators],
              notes: d.notes,
            })),
          },
        }),
      ],
    }).then(() => setFiledId(id));
    setSubmissionId(crypto.randomUUID());
  };
  const editable = can('kerawanan:assess');
  return (
    <section>
      <nav aria-label="breadcrumb" className="breadcrumbs">
        <Link to={`/kerawanan?wilayah=${kode.split('.').slice(0, 3).join('.')}`}>{t('kerawanan.title')}</Link>
      </nav>
      <h1>
        {t('kerawanan.checklist')} — {list.data?.namaWilayah ?? kode}
      </h1>
      <label>
        {t('kerawanan.phase')}
        <select value={phase} onChange={(e) => (setDraft(null), setParams({ phase: e.target.value }))}>
          {PHASES.map((p) => (
            <option key={p} value={p}>
              {t(`kerawanan.phase.${p}`)}
            </option>
          ))}
        </select>
      </label>
      {list.data && (
        <p className="small" data-testid="collection-window">
          {t('kerawanan.window', {
            ...list.data.window,
            opensOn: formatDate(list.data.window.opensOn),
            closesOn: formatDate(list.data.window.closesOn),
          })}{' '}
          — <strong>{t(`kerawanan.window.${list.data.window.status}`)}</strong>
        </p>
      )}
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.isLoading && <p>{t('common.loading')}</p>}
      {list.data && current && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          {list.data.tps.map((tps) => (
            <details key={tps.id} className="card checklist-tps" data-testid={`checklist-${tps.nomor}`}>
              <summary>
                <strong>{tps.nama}</strong> <KategoriBadge kategori={tps.kategori} />{' '}
                <span className="muted small">
                  {t('kerawanan.score')} {tps.assessment?.score ?? 0}
                </span>
              </summary>
              {tps.override && (
                <p className="small">
                  {t('kerawanan.override', {
                    kategori: t(`kerawanan.kategori.${tps.override.kategori}`),
                    reason: tps.override.reason,
                  })}
                </p>
              )}
              {tps.assessment && tps.assessment.contributions.length > 0 && (
                <p className="small muted">
                  {t('kerawanan.why')}:{' '}
                  {tps.assessment.contributions.map((c) => `${c.label} (${c.weight})`).join('; ')}
                </p>
              )}
              {TPS_VARIABLES.map((variable) => (
                <fieldset key={variable} disabled={!editable}>
                  <legend>{VARIABLE_LABELS[variable]}</legend>
                  {list.data.catalogue.indicators
                    .filter((i) => i.variable === variable)
                    .map((indicator) => {
                      const checked = current[tps.id]!.indicators.has(indicator.kode);
                      return (
                        <div key={indicator.kode} className="indicator">
                          <label className="checkbox">
                            <input
                              type="checkbox"
                              checked={checked}
                              onChange={(e) => toggle(tps.id, indicator.kode, e.target.checked)}
                            />
                            {indicator.label}
                          </label>
                          {checked && (
                            <label className="small">
                              <span>
                                {t('kerawanan.evidence')}
                                <span className="visually-hidden">: {indicator.label}</span>
                              </span>
                              <input
                                value={current[tps.id]!.notes[indicator.kode] ?? ''}
                                maxLength={500}
                                onChange={(e) => note(tps.id, indicator.kode, e.target.value)}
                              />
                            </label>
                          )}
                        </div>
                      );
                    })}
                </fieldset>
              ))}
              <PengamatanPanel
                tps={tps}
                phase={phase}
                indicators={list.data.catalogue.indicators}
                label={`${list.data.namaWilayah} ${tps.nama}`}
              />
            </details>
          ))}
          <SubmissionNotice id={filedId} />
          {editable && (
            <button type="submit" className="primary sticky-action">
              {t('kerawanan.save')}
            </button>
          )}
        </form>
      )}
    </section>
  );
}
