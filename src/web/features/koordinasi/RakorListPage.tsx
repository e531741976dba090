import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import type { z } from 'zod';
import type { RakorCreate } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { JENIS_RAKOR, type JenisRakor } from '../../../domain/koordinasi/rakor';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

/** Rakor that concern the user's wilayah, newest first, and the form to schedule one. */
export function RakorListPage() {
  const { t, formatDateTime } = useI18n();
  const { can } = useSession();
  const [page, setPage] = useState(1);
  const [scheduling, setScheduling] = useState(false);
  const list = useQuery({
    queryKey: ['koordinasi', 'rakor', page],
    queryFn: () => call(koordinasiApi.listRakor, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <section>
      <div className="page-head">
        <h1>{t('rakor.title')}</h1>
        {can('koordinasi:manage') && (
          <button type="button" className="primary" onClick={() => setScheduling(!scheduling)}>
            {t('rakor.schedule')}
          </button>
        )}
      </div>
      {scheduling && <ScheduleForm />}
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data && list.data.items.length === 0 && <p>{t('rakor.empty')}</p>}
      {list.data && list.data.items.length > 0 && (
        <>
          <ul className="rakor-list">
            {list.data.items.map((r) => (
              <li key={r.id} className="card">
                <Link to={`/rakor/${r.id}`}>{r.judul}</Link>
                <div className="muted small">
                  {t(`rakor.jenis.${r.jenis}`)} · {r.namaWilayah} · {formatDateTime(r.mulaiAt, r.kodeWilayah)}{' '}
                  · {t(`rakor.status.${r.status}`)}
                </div>
              </li>
            ))}
          </ul>
          <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />
        </>
      )}
    </section>
  );
}

function ScheduleForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const [clientId] = useState(() => crypto.randomUUID());
  const [kodeWilayah, setKodeWilayah] = useState<string | null>(null);
  // The rakor's area (as the picker sends it) sets the clock its time is typed on.
  const wilayah = kodeWilayah ?? user?.kodeWilayah ?? null;
  const create = useMutation({
    mutationFn: (body: z.input<typeof RakorCreate>) => call(koordinasiApi.createRakor, { body }),
    onSuccess: (result) => {
      void client.invalidateQueries({ queryKey: ['koordinasi'] });
      void navigate(`/rakor/${result.id}`);
    },
  });
  const issues = issuesOf(create.error);
  const errorId = useErrorIds();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    create.mutate({
      clientId,
      kodeWilayah: formText(form, 'kodeWilayah'),
      jenis: formText(form, 'jenis') as JenisRakor,
      judul: formText(form, 'judul'),
      tempat: formText(form, 'tempat'),
      mulaiAt: waktuForm(form, 'mulaiAt', wilayah),
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('rakor.schedule')}>
      <label>
        {t('rakor.jenis')}
        <select name="jenis" defaultValue="forkopimda">
          {JENIS_RAKOR.map((j) => (
            <option key={j} value={j}>
              {t(`rakor.jenis.${j}`)}
            </option>
          ))}
        </select>
      </label>
      {/* A rakor is the Forkopimda's (kab/kota) or the Forkopimcam's (kecamatan). */}
      <WilayahPicker
        scope={user?.kodeWilayah ?? null}
        scopeName={user?.namaWilayah ?? null}
        value={kodeWilayah}
        onChange={setKodeWilayah}
        label={t('rakor.wilayah')}
        name="kodeWilayah"
        maxDepth={3}
        describedBy={errorId('kodeWilayah')}
      />
      <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
      <label>
        {t('rakor.judul')}
        <input name="judul" required minLength={3} aria-describedby={errorId('judul')} />
        <FieldError id={errorId('judul')} message={issues.judul} />
      </label>
      <label>
        {t('rakor.tempat')}
        <input name="tempat" />
      </label>
      <WaktuSetempatInput
        label={(zona) => t('rakor.mulaiAt', { zona })}
        kodeWilayah={wilayah}
        name="mulaiAt"
        required
        aria-describedby={errorId('mulaiAt')}
      >
        <FieldError id={errorId('mulaiAt')} message={issues.mulaiAt} />
      </WaktuSetempatInput>
      <ErrorMessage error={create.error} />
      <button type="submit" className="primary" disabled={create.isPending}>
        {t('rakor.schedule')}
      </button>
    </form>
  );
}
