import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import type { RakorDetail } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { AGENCIES, type Agency } from '../../../domain/access/roles';
import { KEHADIRAN, type Kehadiran } from '../../../domain/koordinasi/rakor';
import { call, urlOf } from '../../api/client';
import { useCreateOnce } from '../../api/useCreateOnce';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { ActionItems } from './ActionItems';
import './i18n';

type Detail = RakorDetail;
type Attendance = Record<string, { kehadiran: Kehadiran; diwakiliOleh: string }>;

/** One rakor: attendance, the carried-over agenda, minutes, decisions, closing and the PDF. */
export function RakorPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime } = useI18n();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['koordinasi', 'rakor', id],
    queryFn: () => call(koordinasiApi.getRakor, { params: { id } }),
  });
  const update = (data: Detail) => {
    client.setQueryData(['koordinasi', 'rakor', id], data);
    void client.invalidateQueries({ queryKey: ['koordinasi'], refetchType: 'none' });
  };
  const close = useMutation({
    mutationFn: (version: number) =>
      call(koordinasiApi.statusRakor, { params: { id }, body: { status: 'selesai', version } }),
    onSuccess: update,
  });
  const r = detail.data;
  return (
    <section>
      <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      {r && (
        <>
          <div className="page-head">
            <h1>{r.judul}</h1>
            <a className="button" href={urlOf(koordinasiApi.notulenPdf, { params: { id: r.id } })}>
              {t('rakor.pdf')}
            </a>
          </div>
          <p className="muted">
            {t(`rakor.jenis.${r.jenis}`)} · {r.namaWilayah} · {formatDateTime(r.mulaiAt, r.kodeWilayah)} ·{' '}
            {r.tempat} · <strong>{t(`rakor.status.${r.status}`)}</strong>
          </p>
          {r.agendaLanjutan.length > 0 && (
            <div className="card">
              <h2>{t('rakor.agenda')}</h2>
              <ActionItems items={r.agendaLanjutan} />
            </div>
          )}
          {/* A new version (saved by anyone) starts the form from the stored attendance. */}
          <AttendanceForm key={r.version} rakor={r} onSaved={update} />
          <Notes rakor={r} onSaved={update} />
          <Decisions rakor={r} />
          {r.canManage && r.status === 'terjadwal' && (
            <>
              <ErrorMessage error={close.error} />
              <button type="button" onClick={() => close.mutate(r.version)} disabled={close.isPending}>
                {t('rakor.close')}
              </button>
            </>
          )}
        </>
      )}
    </section>
  );
}

function AttendanceForm({ rakor, onSaved }: { rakor: Detail; onSaved: (d: Detail) => void }) {
  const { t } = useI18n();
  const initial = (): Attendance =>
    Object.fromEntries(
      rakor.peserta.map((p) => [p.id, { kehadiran: p.kehadiran, diwakiliOleh: p.diwakiliOleh ?? '' }]),
    );
  const [state, setState] = useState<Attendance>(initial);
  const save = useMutation({
    mutationFn: () =>
      call(koordinasiApi.kehadiran, {
        params: { id: rakor.id },
        body: {
          version: rakor.version,
          entries: rakor.peserta.map((p) => ({
            pesertaId: p.id,
            kehadiran: state[p.id]!.kehadiran,
            diwakiliOleh: state[p.id]!.kehadiran === 'diwakili' ? state[p.id]!.diwakiliOleh : null,
          })),
        },
      }),
    onSuccess: onSaved,
  });
  const k = rakor.kehadiran;
  return (
    <div className="card">
      <h2>{t('rakor.peserta')}</h2>
      <p className="muted" data-testid="quorum">
        {t('rakor.quorum', {
          present: k.hadir + k.daring + k.diwakili,
          total: k.total,
          percent: k.quorumPercent,
        })}
      </p>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('rakor.jabatan')}</th>
              <th scope="col">{t('rakor.kehadiran')}</th>
              <th scope="col">{t('rakor.diwakiliOleh')}</th>
            </tr>
          </thead>
          <tbody>
            {rakor.peserta.map((p) => {
              const row = state[p.id] ?? { kehadiran: p.kehadiran, diwakiliOleh: '' };
              return (
                <tr key={p.id}>
                  <th scope="row">
                    {p.jabatan} <span className="muted small">{p.agency.toUpperCase()}</span>
                  </th>
                  <td>
                    <select
                      aria-label={`${t('rakor.kehadiran')} ${p.jabatan}`}
                      value={row.kehadiran}
                      disabled={!rakor.canManage}
                      onChange={(e) =>
                        setState({ ...state, [p.id]: { ...row, kehadiran: e.target.value as Kehadiran } })
                      }
                    >
                      {KEHADIRAN.map((value) => (
                        <option key={value} value={value}>
                          {t(`rakor.kehadiran.${value}`)}
                        </option>
                      ))}
                    </select>
                  </td>
                  <td>
                    {row.kehadiran === 'diwakili' && (
                      <input
                        aria-label={`${t('rakor.diwakiliOleh')} ${p.jabatan}`}
                        value={row.diwakiliOleh}
                        disabled={!rakor.canManage}
                        onChange={(e) =>
                          setState({ ...state, [p.id]: { ...row, diwakiliOleh: e.target.value } })
                        }
                      />
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <ErrorMessage error={save.error} />
      {rakor.canManage && (
        <button type="button" className="primary" onClick={() => save.mutate()} disabled={save.isPending}>
          {t('rakor.saveAttendance')}
        </button>
      )}
      {save.isSuccess && <span className="success"> {t('rakor.saved')}</span>}
    </div>
  );
}

function Notes({ rakor, onSaved }: { rakor: Detail; onSaved: (d: Detail) => void }) {
  const { t } = useI18n();
  const [clientId, setClientId] = useState(() => crypto.randomUUID());
  const add = useMutation({
    mutationFn: (body: { pembicara: string; pokok: string }) =>
      call(koordinasiApi.catatan, { params: { id: rakor.id }, body: { clientId, ...body } }),
    onSuccess: (data) => {
      onSaved(data);
      setClientId(crypto.randomUUID());
    },
  });
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.mutate({ pembicara: formText(form, 'pembicara'), pokok: formText(form, 'pokok') });
    event.currentTarget.reset();
  };
  return (
    <div className="card">
      <h2>{t('rakor.notes')}</h2>
      <dl>
        {rakor.catatan.map((c) => (
          <div key={c.id}>
            <dt>{c.pembicara}</dt>
            <dd>{c.pokok}</dd>
          </div>
        ))}
      </dl>
      {rakor.canManage && (
        <form onSubmit={submit} className="form-grid" aria-label={t('rakor.addNote')}>
          <label>
            {t('rakor.pembicara')}
            <input name="pembicara" required />
          </label>
          <label>
            {t('rakor.pokok')}
            <textarea name="pokok" required rows={3} />
          </label>
          <ErrorMessage error={add.error} />
          <button type="submit" disabled={add.isPending}>
            {t('rakor.addNote')}
          </button>
        </form>
      )}
    </div>
  );
}

function Decisions({ rakor }: { rakor: Detail }) {
  const { t } = useI18n();
  const { clientId, mutation: add } = useCreateOnce(
    ['koordinasi'],
    (body: {
      clientId: string;
      keputusan: string;
      ownerAgency: Agency;
      kodeWilayah: string;
      dueOn: string;
    }) => call(koordinasiApi.keputusan, { params: { id: rakor.id }, body }),
  );
  const issues = issuesOf(add.error);
  const errorId = useErrorIds();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    add.mutate({
      clientId,
      keputusan: formText(form, 'keputusan'),
      ownerAgency: formText(form, 'ownerAgency') as Agency,
      kodeWilayah: formText(form, 'kodeWilayah'),
      dueOn: formText(form, 'dueOn'),
    });
    event.currentTarget.reset();
  };
  return (
    <div className="card">
      <h2>{t('rakor.decisions')}</h2>
      <ActionItems items={rakor.keputusan} showSource={false} />
      {rakor.canManage && (
        <form onSubmit={submit} className="form-grid" aria-label={t('rakor.addDecision')}>
          <label>
            {t('koor.action.keputusan')}
            <textarea name="keputusan" required rows={2} aria-describedby={errorId('keputusan')} />
            <FieldError id={errorId('keputusan')} message={issues.keputusan} />
          </label>
          <label>
            {t('koor.action.owner')}
            <select name="ownerAgency" defaultValue="polri">
              {AGENCIES.map((a) => (
                <option key={a} value={a}>
                  {a.toUpperCase()}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('koor.action.wilayah')}
            <input
              name="kodeWilayah"
              defaultValue={rakor.kodeWilayah}
              required
              aria-describedby={errorId('kodeWilayah')}
            />
            <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
          </label>
          <label>
            {t('koor.action.dueOn')}
            <input name="dueOn" type="date" required aria-describedby={errorId('dueOn')} />
            <FieldError id={errorId('dueOn')} message={issues.dueOn} />
          </label>
          <ErrorMessage error={add.error} />
          <button type="submit" disabled={add.isPending}>
            {t('rakor.addDecision')}
          </button>
        </form>
      )}
    </div>
  );
}
