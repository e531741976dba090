/**
 * One post: what was captured, its evidence (each file by its SHA-256; viewing one is audited), triage,
 * the incidents it caused, its takedown requests and its history. Buttons follow what the server says
 * this reader may do (aksiTersedia, bisa…); the server checks again.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { z } from 'zod';
import { BUKTI_MAX_BYTES, MedsosDetail as MedsosDetailSchema, MedsosPage } from '../../../contracts/medsos';
import {
  KATEGORI_MEDSOS,
  TUJUAN_TAKEDOWN,
  type AksiMedsos,
  type StatusTakedown,
} from '../../../domain/medsos/medsos';
import { api, apiUrl, call } from '../../api/client';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { isBuktiAcceptable, uploadBukti } from './bukti';
import { MEDSOS_KEY } from './MedsosPage';
import { useMedsosText } from './useMedsosText';
import './i18n';

type Detail = z.infer<typeof MedsosDetailSchema>;

function useDetailMutation<T>(id: string, run: (input: T) => Promise<Detail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData([...MEDSOS_KEY, 'detail', id], detail);
      void client.invalidateQueries({ queryKey: [...MEDSOS_KEY, 'list'] });
    },
  });
}

export function MedsosDetail() {
  const { id = '' } = useParams();
  const { t, formatTime } = useMedsosText();
  const detail = useQuery({
    queryKey: [...MEDSOS_KEY, 'detail', id],
    queryFn: () => api(MedsosDetailSchema, `/api/medsos/${id}`),
  });
  const item = detail.data;
  return (
    <section>
      <p>
        <Link to="/medsos">← {t('med.detail.back')}</Link>
      </p>
      <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      {item && (
        <>
          <div className="card">
            <h1>
              {t(`med.kategori.${item.kategori}`)} · {item.akun}
            </h1>
            <p>
              <span className="badge">{t(`med.platform.${item.platform}`)}</span>
              <span className="badge" data-testid="medsos-status">
                {t(`med.status.${item.status}`)}
              </span>
            </p>
            <p className="small" style={{ overflowWrap: 'anywhere' }}>
              <a href={item.url} target="_blank" rel="noopener noreferrer nofollow">
                {t('med.detail.open')}
              </a>{' '}
              <span className="muted">{t('med.detail.normal', { url: item.urlNormal })}</span>
            </p>
            <p className="muted small">
              {item.namaWilayah} · {t('med.seenAt', { time: formatTime(item.dilihatAt) })} ·{' '}
              {t('med.detail.recordedBy', { nama: item.pencatat, time: formatTime(item.recordedAt) })}
            </p>
            <h2>{t('med.detail.text')}</h2>
            <blockquote style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {item.teks || t('med.detail.noText')}
            </blockquote>
            {item.alasan && <p>{t('med.detail.reason', { alasan: item.alasan })}</p>}
            {item.mergedInto && (
              <p>
                <Link to={`/medsos/${item.mergedInto}`}>{t('med.detail.mergedInto')}</Link>
              </p>
            )}
            {item.duplikat.length > 0 && (
              <>
                <h2>{t('med.detail.duplicates')}</h2>
                <ul>
                  {item.duplikat.map((d) => (
                    <li key={d.id}>
                      <Link to={`/medsos/${d.id}`}>{d.akun}</Link>{' '}
                      <span className="muted small" style={{ overflowWrap: 'anywhere' }}>
                        {d.url}
                      </span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <Bukti item={item} />
          <Triase item={item} />
          <Kejadian item={item} />
          <Takedown item={item} />
          <div className="card">
            <h2>{t('med.langkah.title')}</h2>
            <ol className="timeline">
              {item.langkah.map((l, i) => (
                <li key={i} className="small" style={{ overflowWrap: 'anywhere' }}>
                  {formatTime(l.at)} · {t(`med.aksi.${l.aksi}` as 'med.aksi.catat')}
                  {l.aktor && ` · ${l.aktor}`}
                  {l.catatan && (
                    <span className="muted" style={{ overflowWrap: 'anywhere' }}>
                      {' '}
                      — {l.catatan}
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        </>
      )}
    </section>
  );
}

function Bukti({ item }: { item: Detail }) {
  const { t, formatTime, size } = useMedsosText();
  const [error, setError] = useState<string | null>(null);
  const send = useDetailMutation(item.id, async (files: File[]) => {
    for (const file of files) await uploadBukti(item.id, file);
    return api(MedsosDetailSchema, `/api/medsos/${item.id}`);
  });
  return (
    <div className="card" aria-labelledby="bukti-title">
      <h2 id="bukti-title">{t('med.bukti.title')}</h2>
      <p className="muted small">{t('med.bukti.note')}</p>
      {item.bukti.length === 0 && <p>{t('med.bukti.none')}</p>}
      <ul>
        {item.bukti.map((b) => (
          <li key={b.id} data-testid="medsos-bukti" style={{ overflowWrap: 'anywhere' }}>
            <a
              href={apiUrl(`/api/medsos/${item.id}/bukti/${b.id}`)}
              target="_blank"
              rel="noopener noreferrer"
            >
              {t('med.bukti.view')}
            </a>{' '}
            {t('med.bukti.item', {
              nama: b.namaBerkas || b.mime,
              size: size(b.sizeBytes),
              time: formatTime(b.diambilAt),
              oleh: b.diambilOleh,
            })}
            <div className="muted small" style={{ fontFamily: 'monospace', overflowWrap: 'anywhere' }}>
              SHA-256 {b.sha256}
            </div>
          </li>
        ))}
      </ul>
      {item.bisaUnggahBukti && (
        <label>
          {t('med.bukti.add')}
          <input
            type="file"
            multiple
            accept="image/jpeg,image/png,image/webp"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              setError(null);
              if (files.length === 0) return;
              if (files.some((f) => !isBuktiAcceptable(f)))
                return setError(t('med.bukti.type', { mb: BUKTI_MAX_BYTES / 1048576 }));
              send.mutate(files);
            }}
          />
        </label>
      )}
      {error && <p className="field-error">{error}</p>}
      <ErrorMessage error={send.error} />
    </div>
  );
}

/** Other posts a duplicate may be merged into (the newest 50 still standing). */
function useParents(item: Detail, enabled: boolean) {
  return useQuery({
    queryKey: [...MEDSOS_KEY, 'list', 'parents'],
    queryFn: () => api(MedsosPage, '/api/medsos?pageSize=50'),
    enabled,
    select: (page) =>
      page.items.filter((p) => p.id !== item.id && p.status !== 'digabung' && p.status !== 'diabaikan'),
  });
}

function Triase({ item }: { item: Detail }) {
  const { t } = useMedsosText();
  const act = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    api(MedsosDetailSchema, `/api/medsos/${item.id}/aksi`, {
      method: 'POST',
      body: { ...body, version: item.version },
    }),
  );
  const can = (aksi: AksiMedsos) => item.aksiTersedia.includes(aksi);
  const parents = useParents(item, can('gabung'));
  if (item.aksiTersedia.length === 0) return null;
  const submit = (aksi: AksiMedsos) => (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.currentTarget)) as Record<string, string>;
    act.mutate({ aksi, ...form });
  };
  return (
    <div className="card">
      <h2>{t('med.triage.title')}</h2>
      <div className="actions">
        {can('verifikasi') && (
          <button type="button" className="primary" onClick={() => act.mutate({ aksi: 'verifikasi' })}>
            {t('med.aksi.verifikasi')}
          </button>
        )}
        {can('eskalasi') && (
          <button type="button" onClick={() => act.mutate({ aksi: 'eskalasi' })}>
            {t('med.aksi.eskalasi')}
          </button>
        )}
      </div>
      {can('klasifikasi') && (
        <form className="form-grid" onSubmit={submit('klasifikasi')}>
          <label>
            {t('med.aksi.klasifikasi')}
            <select name="kategori" defaultValue={item.kategori}>
              {KATEGORI_MEDSOS.map((k) => (
                <option key={k} value={k}>
                  {t(`med.kategori.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.klasifikasi')}</button>
          </div>
        </form>
      )}
      {can('gabung') && parents.data && parents.data.length > 0 && (
        <form className="form-grid" onSubmit={submit('gabung')}>
          <label>
            {t('med.triage.into')}
            <select name="intoId" required defaultValue="">
              <option value="" disabled>
                {t('med.triage.choose')}
              </option>
              {parents.data.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.akun} · {t(`med.platform.${p.platform}`)} · {p.ringkasan.slice(0, 60)}
                </option>
              ))}
            </select>
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.gabung')}</button>
          </div>
        </form>
      )}
      {can('abaikan') && (
        <form className="form-grid" onSubmit={submit('abaikan')}>
          <label>
            {t('med.triage.alasan')}
            <input name="alasan" required maxLength={1000} />
          </label>
          <div className="actions">
            <button type="submit">{t('med.aksi.abaikan')}</button>
          </div>
        </form>
      )}
      <ErrorMessage error={act.error} />
    </div>
  );
}

function Kejadian({ item }: { item: Detail }) {
  const { t } = useMedsosText();
  const [clientId] = useState(() => crypto.randomUUID());
  const create = useDetailMutation(item.id, () =>
    api(MedsosDetailSchema, `/api/medsos/${item.id}/kejadian/baru`, { method: 'POST', body: { clientId } }),
  );
  const link = useDetailMutation(item.id, (kejadianId: string) =>
    api(MedsosDetailSchema, `/api/medsos/${item.id}/kejadian`, { method: 'POST', body: { kejadianId } }),
  );
  const incidents = useQuery({
    queryKey: ['kejadian', 'list', 'for-medsos'],
    queryFn: () => call(kejadianApi.list, { query: { pageSize: 50 } }),
    enabled: item.bisaKaitkan,
  });
  const linked = new Set(item.kejadian.map((k) => k.id));
  const choices = (incidents.data?.items ?? []).filter((k) => !linked.has(k.id));
  return (
    <div className="card">
      <h2>{t('med.kejadian.title')}</h2>
      {item.kejadian.length === 0 && <p>{t('med.kejadian.none')}</p>}
      <ul>
        {item.kejadian.map((k) =>
          k.terlihat ? (
            <li key={k.id} data-testid="medsos-kejadian" style={{ overflowWrap: 'anywhere' }}>
              <Link to={`/kejadian/${k.id}`}>{k.ringkasan}</Link>{' '}
              {k.status && <span className="badge">{k.status}</span>}
              {k.rujukan && (
                <span className="muted small">
                  {' '}
                  · {t('med.kejadian.rujukan', { lembaga: k.rujukan.lembaga })}
                </span>
              )}
            </li>
          ) : (
            <li key={k.id} className="muted">
              {t('med.kejadian.hidden')}
            </li>
          ),
        )}
      </ul>
      {item.bisaKaitkan && (
        <>
          <div className="actions">
            <button
              type="button"
              className="primary"
              disabled={create.isPending}
              onClick={() => create.mutate(undefined)}
            >
              {t('med.kejadian.create')}
            </button>
          </div>
          {choices.length > 0 && (
            <form
              className="form-grid"
              onSubmit={(e) => {
                e.preventDefault();
                const kejadianId = formText(new FormData(e.currentTarget), 'kejadianId');
                if (kejadianId) link.mutate(kejadianId);
              }}
            >
              <label>
                {t('med.kejadian.choose')}
                <select name="kejadianId" required defaultValue="">
                  <option value="" disabled>
                    {t('med.triage.choose')}
                  </option>
                  {choices.map((k) => (
                    <option key={k.id} value={k.id}>
                      {k.namaWilayah} · {k.ringkasan.slice(0, 60)}
                    </option>
                  ))}
                </select>
              </label>
              <div className="actions">
                <button type="submit">{t('med.kejadian.link')}</button>
              </div>
            </form>
          )}
        </>
      )}
      <ErrorMessage error={create.error ?? link.error} />
    </div>
  );
}

const NEXT_TAKEDOWN: Record<StatusTakedown, readonly Exclude<StatusTakedown, 'diajukan'>[]> = {
  diajukan: ['diproses', 'diturunkan', 'ditolak'],
  diproses: ['diturunkan', 'ditolak'],
  diturunkan: [],
  ditolak: [],
};

function Takedown({ item }: { item: Detail }) {
  const { t, formatTime, duration } = useMedsosText();
  const ask = useDetailMutation(item.id, (body: { tujuan: string; nomor: string }) =>
    api(MedsosDetailSchema, `/api/medsos/${item.id}/takedown`, { method: 'POST', body }),
  );
  const move = useDetailMutation(item.id, (input: { takedownId: string; status: string; version: number }) =>
    api(MedsosDetailSchema, `/api/medsos/${item.id}/takedown/${input.takedownId}`, {
      method: 'PATCH',
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
              {t('med.takedown.since', { time: formatTime(td.diajukanAt) })}
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
            ask.mutate({ tujuan: formText(form, 'tujuan'), nomor: formText(form, 'nomor') });
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
