/** Run the plan (a new draft), read its coverage and shortfall, approve it, print it, see its versions. */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { ForcesResponse } from '../../../contracts/pengamanan';
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { call, urlOf } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { CoverageMap } from './CoverageMap';
import { CoverageTables } from './CoverageTables';
import './i18n';

export function PlanPanel({
  wilayah,
  forces,
  planId,
  onPlanId,
}: {
  wilayah: string;
  forces: ForcesResponse;
  planId: string | null;
  onPlanId: (id: string) => void;
}) {
  const { t, formatNumber, formatDateTime } = useI18n();
  const queryClient = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [alasan, setAlasan] = useState('');
  const plans = useQuery({
    queryKey: ['pam-plans', wilayah],
    queryFn: () => call(pengamananApi.plans, { query: { wilayah } }),
  });
  const selected = planId ?? plans.data?.items[0]?.id ?? null;
  const plan = useQuery({
    queryKey: ['pam-plan', selected, wilayah],
    queryFn: () => call(pengamananApi.plan, { params: { id: selected! }, query: { wilayah } }),
    enabled: selected !== null,
  });
  const uncovered = useQuery({
    queryKey: ['pam-plan-uncovered', selected, wilayah],
    queryFn: () =>
      call(pengamananApi.planTps, {
        params: { id: selected! },
        query: { wilayah, covered: 'false', pageSize: 50 },
      }),
    enabled: selected !== null,
  });
  const approvedOther = plans.data?.items.some((p) => p.status === 'approved' && p.id !== selected) ?? false;

  async function run() {
    setBusy(true);
    setError(null);
    try {
      const created = await call(pengamananApi.createPlan, {
        body: { clientId: crypto.randomUUID(), wilayah: forces.kodeKabKota },
      });
      onPlanId(created.id);
      await queryClient.invalidateQueries({ queryKey: ['pam-plans'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function approve(event: FormEvent) {
    event.preventDefault();
    if (!plan.data) return;
    setBusy(true);
    setError(null);
    try {
      await call(pengamananApi.approvePlan, {
        params: { id: plan.data.id },
        body: { version: plan.data.version, ...(alasan.trim() ? { alasan } : {}) },
      });
      setAlasan('');
      await queryClient.invalidateQueries({ queryKey: ['pam-plans'] });
      await queryClient.invalidateQueries({ queryKey: ['pam-plan'] });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const p = plan.data;
  const download = (params: { format: 'pdf' | 'xlsx'; by?: 'tps' | 'unit' }) =>
    p
      ? urlOf(pengamananApi.plotting, {
          params: { id: p.id },
          query: { ...params, wilayah: p.wilayah === p.kodeKabKota ? undefined : p.wilayah },
        })
      : '';

  return (
    <section aria-labelledby="pam-plan">
      <h2 id="pam-plan">{p ? t('pengamanan.plan', { nomor: p.nomor }) : t('pengamanan.title')}</h2>
      {forces.canPlan && (
        <p className="actions">
          <button type="button" className="primary" disabled={busy} onClick={() => void run()}>
            {busy ? t('pengamanan.planning') : t('pengamanan.runPlan')}
          </button>
        </p>
      )}
      <ErrorMessage error={error ?? plans.error ?? plan.error} />
      {plans.data?.items.length === 0 && <p>{t('pengamanan.noPlans')}</p>}
      {p && (
        <div data-testid="pam-plan-detail" data-plan-id={p.id} data-status={p.status}>
          <p>
            <strong>{t(`pengamanan.status.${p.status}`)}</strong>
            {p.approvedBy && p.approvedAt
              ? ` · ${t('pengamanan.approved', { by: p.approvedBy, at: formatDateTime(p.approvedAt, wilayah) })}`
              : ''}
            {p.skenario.length > 0 ? ` · ${t('pengamanan.skenario', { n: p.skenario.length })}` : ''}
          </p>
          <p
            data-testid="pam-shortfall"
            style={
              p.summary.coverageByKind.polri.shortfall > 0
                ? { color: 'var(--danger)', fontWeight: 600 }
                : undefined
            }
          >
            {t('pengamanan.shortfall', { n: formatNumber(p.summary.coverageByKind.polri.shortfall) })}
          </p>
          <p data-testid="pam-terjaga">
            {t('pengamanan.terjaga', { covered: p.summary.kelompokTerjaga, total: p.summary.kelompok })}
          </p>
          <CoverageTables summary={p.summary} />
          <CoverageMap planId={p.id} wilayah={wilayah} />
          <h3>{t('pengamanan.suggestions')}</h3>
          {p.summary.suggestions.length === 0 ? (
            <p>{t('pengamanan.noSuggestions')}</p>
          ) : (
            <ul data-testid="pam-suggestions">
              {p.summary.suggestions.map((s, i) => (
                <li key={`${s.code}-${s.kodeKecamatan ?? ''}-${i}`}>{s.message}</li>
              ))}
            </ul>
          )}
          {uncovered.data && uncovered.data.total > 0 && (
            <details>
              <summary>
                {t('pengamanan.uncoveredTps')} ({uncovered.data.total})
              </summary>
              <ul className="small">
                {uncovered.data.items.map((r) => (
                  <li key={r.tpsId}>
                    {r.kecamatan} · {r.kelurahan} · TPS {String(r.nomor).padStart(3, '0')} ({r.kodeTps}):{' '}
                    {r.polriAssigned}/{r.polriRequired} Polri
                  </li>
                ))}
              </ul>
            </details>
          )}
          <p className="actions">
            <a className="button" href={download({ format: 'pdf', by: 'tps' })} download>
              {t('pengamanan.printTps')}
            </a>
            <a className="button" href={download({ format: 'pdf', by: 'unit' })} download>
              {t('pengamanan.printUnit')}
            </a>
            <a className="button" href={download({ format: 'xlsx' })} download>
              {t('pengamanan.printXlsx')}
            </a>
          </p>
          {p.canApprove && (
            <form className="form-grid" onSubmit={(e) => void approve(e)}>
              {approvedOther && (
                <label>
                  {t('pengamanan.alasan')}
                  <input
                    required
                    maxLength={1000}
                    value={alasan}
                    onChange={(e) => setAlasan(e.target.value)}
                  />
                </label>
              )}
              <button type="submit" className="primary" disabled={busy}>
                {approvedOther ? t('pengamanan.approveChange') : t('pengamanan.approve')}
              </button>
            </form>
          )}
        </div>
      )}
      {plans.data && plans.data.items.length > 0 && (
        <div className="table-scroll">
          <table className="table" data-testid="pam-history">
            <caption>{t('pengamanan.history')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('pengamanan.version')}</th>
                <th scope="col">{t('pengamanan.createdBy')}</th>
                <th scope="col" className="num">
                  {t('pengamanan.kurang')}
                </th>
                <th scope="col">{t('pengamanan.alasan')}</th>
                <th scope="col" />
              </tr>
            </thead>
            <tbody>
              {plans.data.items.map((item) => (
                <tr key={item.id} aria-current={item.id === selected ? 'true' : undefined}>
                  <td>
                    {item.nomor} · {t(`pengamanan.status.${item.status}`)}
                  </td>
                  <td>
                    {item.createdBy}, {formatDateTime(item.createdAt, wilayah)}
                    {item.approvedBy ? ` · ✓ ${item.approvedBy}` : ''}
                  </td>
                  <td className="num">{item.polriShortfall}</td>
                  <td>{item.alasan ?? ''}</td>
                  <td>
                    <button type="button" onClick={() => onPlanId(item.id)} disabled={item.id === selected}>
                      {t('pengamanan.open')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
