import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type {
  ForkopimdaSetting,
  IndikatorResponse,
  Ringkasan,
  TahapanUpdate,
  TargetUpdate,
} from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { SATUAN_POLRI, STATUS_KEPALA_DAERAH } from '../../../domain/koordinasi/rakor';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formNumber, formText } from '../../components/form-text';
import { daysBetween } from '../../../domain/time/hari';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { ActionItems } from './ActionItems';
import { RegionPicker } from './RegionPicker';
import { kabKotaOf, useRegion } from './useRegion';
import './i18n';

type Summary = z.infer<typeof Ringkasan>;

/** The koordinasi dashboard: countdown, stages, readiness per agency, my action items, indicators. */
export function KoordinasiPage() {
  const { t } = useI18n();
  const [kode, setKode] = useRegion();
  const kab = kabKotaOf(kode);
  if (kode === null || kab === null) {
    return (
      <section>
        <h1>{t('koor.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  return <Dashboard kode={kode} kab={kab} />;
}

function Dashboard({ kode, kab }: { kode: string; kab: string }) {
  const { t, formatDate } = useI18n();
  const { user, can } = useSession();
  const summary = useQuery({
    queryKey: ['koordinasi', 'ringkasan', kode],
    queryFn: () => call(koordinasiApi.ringkasan, { params: { kode } }),
  });
  const mine = useQuery({
    queryKey: ['koordinasi', 'tindak-lanjut', 'mine', user?.agency],
    queryFn: () =>
      call(koordinasiApi.listTindakLanjut, {
        query: { agency: user?.agency, state: 'terbuka', pageSize: 100 },
      }),
    enabled: user !== null,
  });
  const indikator = useQuery({
    queryKey: ['koordinasi', 'indikator', kab],
    queryFn: () => call(koordinasiApi.indikator, { params: { kode: kab } }),
  });
  const s = summary.data;
  return (
    <section>
      <h1>
        {t('koor.title')}
        {s ? ` · ${s.namaWilayah}` : ''}
      </h1>
      <ErrorMessage error={summary.error} onRetry={() => void summary.refetch()} />
      {s && (
        <>
          <div className="card countdown" aria-label={t('koor.countdown')}>
            <strong className="countdown-label" data-testid="countdown">
              {s.countdown.label}
            </strong>
            <span>
              {t('koor.votingDay', { date: formatDate(s.votingDayOn) })} ·{' '}
              {t('koor.today', { date: formatDate(s.today) })}
            </span>
          </div>
          <Alarms summary={s} />
          <Readiness summary={s} canManage={can('koordinasi:manage')} />
          <div className="card">
            <h2>
              {t('koor.myActions')}{' '}
              <span className="muted small">
                {t('koor.myActionsSummary', {
                  open: s.tindakLanjutSaya.terbuka,
                  late: s.tindakLanjutSaya.terlambat,
                })}
              </span>
            </h2>
            <ErrorMessage error={mine.error} onRetry={() => void mine.refetch()} />
            {mine.data && <ActionItems items={mine.data.items} />}
            <p className="muted">{t('koor.unacked', { n: s.imbauanBelumDikonfirmasi })}</p>
          </div>
          <Tahapan summary={s} />
        </>
      )}
      {indikator.data && (
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
      )}
    </section>
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

/**
 * How the region's Forkopimda is made up, so a rakor invites by the real positions: a Pjs or a
 * Penjabat, a Kapolresta, a Danlanal (docs/domain/koordinasi.md).
 */
function ForkopimdaForm({ kab }: { kab: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const key = ['koordinasi', 'forkopimda', kab];
  const current = useQuery({
    queryKey: key,
    queryFn: () => call(koordinasiApi.forkopimda, { params: { kode: kab } }),
  });
  const save = useMutation({
    mutationFn: (body: ForkopimdaSetting) =>
      call(koordinasiApi.setForkopimda, { params: { kode: kab }, body }),
    onSuccess: (data) => client.setQueryData(key, data),
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    save.mutate({
      // The selects offer the contract's values only; the server checks them again.
      statusKepalaDaerah: formText(form, 'statusKepalaDaerah') as ForkopimdaSetting['statusKepalaDaerah'],
      satuanPolri: formText(form, 'satuanPolri') as ForkopimdaSetting['satuanPolri'],
      adaLanal: form.get('adaLanal') === 'on',
    });
  };
  if (!current.data) return <ErrorMessage error={current.error} />;
  return (
    <details>
      <summary>{t('koor.forkopimda.edit')}</summary>
      <form
        key={`${current.data.statusKepalaDaerah}-${current.data.satuanPolri}-${current.data.adaLanal}`}
        className="form-grid"
        onSubmit={submit}
        aria-label={t('koor.forkopimda.edit')}
      >
        <OptionSelect
          name="statusKepalaDaerah"
          label={t('koor.forkopimda.status')}
          options={STATUS_KEPALA_DAERAH.map((s) => [s, t(`koor.forkopimda.status.${s}`)])}
          value={current.data.statusKepalaDaerah}
        />
        <OptionSelect
          name="satuanPolri"
          label={t('koor.forkopimda.satuan')}
          options={SATUAN_POLRI.map((s) => [s, t(`koor.forkopimda.satuan.${s}`)])}
          value={current.data.satuanPolri}
        />
        <label className="checkbox">
          <input type="checkbox" name="adaLanal" defaultChecked={current.data.adaLanal} />
          {t('koor.forkopimda.lanal')}
        </label>
        <ErrorMessage error={save.error} />
        <button type="submit" disabled={save.isPending}>
          {t('common.save')}
        </button>
      </form>
      <p className="small">
        {t('koor.forkopimda.undangan')}:{' '}
        <span data-testid="forkopimda-undangan">
          {current.data.undangan.map((u) => u.jabatan).join(', ')}
        </span>
      </p>
    </details>
  );
}

function OptionSelect(props: {
  name: string;
  label: string;
  options: readonly (readonly [string, string])[];
  value: string;
}) {
  return (
    <label>
      {props.label}
      <select name={props.name} defaultValue={props.value}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Items falling due within three days or already late: the alarm Polda NTT asked for (seed 002). */
function Alarms({ summary }: { summary: Summary }) {
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

function Readiness({ summary, canManage }: { summary: Summary; canManage: boolean }) {
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

function Tahapan({ summary }: { summary: Summary }) {
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
