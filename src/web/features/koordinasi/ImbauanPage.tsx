import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import type { z } from 'zod';
import type { ImbauanCreate, KonfirmasiInput, KotakMasukPage } from '../../../contracts/koordinasi';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { JENIS_IMBAUAN, PENERIMA_ROLES, PRIORITAS } from '../../../domain/koordinasi/imbauan';
import { call, urlOf } from '../../api/client';
import { useCreateOnce } from '../../api/useCreateOnce';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { fileSubmission, outbox, refileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { useOutboxItems } from '../offline/useOutbox';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import './i18n';

type InboxItem = z.infer<typeof KotakMasukPage>['items'][number];
type Imbauan = z.input<typeof ImbauanCreate>;

/** The inbox (everyone) and, for senders, the form and the per-recipient status of what was sent. */
export function ImbauanPage() {
  const { t } = useI18n();
  const { can } = useSession();
  return (
    <section>
      <h1>{t('imbauan.title')}</h1>
      <Inbox />
      {can('imbauan:send') && (
        <>
          <SendForm />
          <Sent />
        </>
      )}
    </section>
  );
}

function Inbox() {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const inbox = useQuery({
    queryKey: ['koordinasi', 'imbauan', 'masuk', page],
    queryFn: () => call(koordinasiApi.kotakMasuk, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="card">
      <h2>{t('imbauan.inbox')}</h2>
      <ErrorMessage error={inbox.error} onRetry={() => void inbox.refetch()} />
      {inbox.data && inbox.data.items.length === 0 && <p className="muted">{t('imbauan.inboxEmpty')}</p>}
      {inbox.data?.items.map((item) => (
        <InboxEntry key={item.id} item={item} />
      ))}
      {inbox.data && <Pagination page={page} pageSize={20} total={inbox.data.total} onPage={setPage} />}
    </div>
  );
}

function InboxEntry({ item }: { item: InboxItem }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: ['koordinasi'] });
  const read = useMutation({
    mutationFn: () => call(koordinasiApi.bacaImbauan, { params: { id: item.id } }),
    onSuccess: refresh,
  });
  // The acknowledgement of this imbauan still on the phone (waiting, or refused to be edited), found
  // again after a reload; the server keeps one per recipient, so a resend is harmless.
  const ackPath = konfirmasiPath(item.id);
  const onPhone = useOutboxItems().find(
    (i) => i.kind === 'imbauan' && i.requests[0]?.path.split('?')[0] === ackPath,
  );
  const [filedId, setFiledId] = useState<string | null>(null);
  const shownId = onPhone?.id ?? filedId;
  const refused = onPhone !== undefined && onPhone.state !== 'waiting';
  const settled = onPhone?.state === 'waiting' || (filedId !== null && outbox.wasSent(filedId));
  return (
    <article className={`imbauan prioritas-${item.prioritas}`} data-testid="imbauan-masuk">
      <h3>
        {item.judul} <span className="badge">{t(`imbauan.prioritas.${item.prioritas}`)}</span>{' '}
        <span className="badge">{t(`imbauan.status.${item.status}`)}</span>
        {item.reminderCount > 0 && (
          <span className="badge">{t('imbauan.reminded', { n: item.reminderCount })}</span>
        )}
      </h3>
      <p className="muted small">
        {t(`imbauan.jenis.${item.jenis}`)} ·{' '}
        {t('imbauan.from', { from: item.dari, wilayah: item.namaWilayah })} ·{' '}
        {formatDateTime(item.sentAt, item.kodeWilayah ?? user?.kodeWilayah)}
      </p>
      <p>{item.isi}</p>
      {item.status !== 'dikonfirmasi' && !settled && (
        <div className="actions">
          {item.status !== 'dibaca' && !refused && (
            <button type="button" onClick={() => read.mutate()} disabled={read.isPending}>
              {t('imbauan.markRead')}
            </button>
          )}
          <AckFields
            key={onPhone?.id ?? 'baru'}
            item={item}
            before={refused ? { id: onPhone.id, body: onPhone.requests[0]!.body as KonfirmasiBody } : null}
            onFiled={setFiledId}
          />
        </div>
      )}
      <SubmissionNotice id={shownId} />
      <ErrorMessage error={read.error} />
    </article>
  );
}

type KonfirmasiBody = z.input<typeof KonfirmasiInput>;

/** The acknowledgement's path without its election (items filed before the route table match too). */
function konfirmasiPath(imbauanId: string): string {
  // The URL does not depend on the body; the route's type asks for one.
  return urlOf(koordinasiApi.konfirmasiImbauan, { params: { id: imbauanId }, body: {} }).split('?')[0]!;
}

/** The acknowledgement's note and RT/RW tick, blank or holding what a refused one said. */
function AckFields({
  item,
  before,
  onFiled,
}: {
  item: InboxItem;
  before: { id: string; body: KonfirmasiBody } | null;
  onFiled: (id: string) => void;
}) {
  const { t } = useI18n();
  const [forwarded, setForwarded] = useState(before?.body.diteruskanRtRw ?? false);
  const [catatan, setCatatan] = useState(before?.body.catatan ?? '');
  // Waits in the outbox when there is no signal; a refused one is sent again under its own id.
  const acknowledge = () => {
    const id = before?.id ?? crypto.randomUUID();
    const submission = {
      label: `${t('imbauan.acknowledge')}: ${item.judul}`,
      requests: [
        outboxRequest('koordinasi.konfirmasi', koordinasiApi.konfirmasiImbauan, {
          params: { id: item.id },
          body: { catatan, diteruskanRtRw: forwarded },
        }),
      ],
      form: { editPath: '/imbauan' },
    };
    void (
      before ? refileSubmission(id, submission) : fileSubmission({ id, kind: 'imbauan', ...submission })
    ).then(() => onFiled(id));
  };
  return (
    <>
      {item.teruskanRtRw && (
        <label>
          <input type="checkbox" checked={forwarded} onChange={(e) => setForwarded(e.target.checked)} />{' '}
          {t('imbauan.forwarded')}
        </label>
      )}
      <label>
        {t('imbauan.ackNote')}
        <input value={catatan} onChange={(e) => setCatatan(e.target.value)} />
      </label>
      <button type="button" className="primary" onClick={acknowledge}>
        {before ? t('imbauan.ackResend') : t('imbauan.acknowledge')}
      </button>
    </>
  );
}

function SendForm() {
  const { t } = useI18n();
  const { user } = useSession();
  const [kodeWilayah, setKodeWilayah] = useState<string | null>(null);
  const { clientId, mutation: send } = useCreateOnce(['koordinasi'], (body: Imbauan) =>
    call(koordinasiApi.kirimImbauan, { body }),
  );
  const issues = issuesOf(send.error);
  const errorId = useErrorIds();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    send.mutate({
      clientId,
      kodeWilayah: formText(form, 'kodeWilayah'),
      // The selects and boxes offer the contract's values only; the server checks them again.
      jenis: formText(form, 'jenis') as Imbauan['jenis'],
      prioritas: formText(form, 'prioritas') as Imbauan['prioritas'],
      judul: formText(form, 'judul'),
      isi: formText(form, 'isi'),
      targetRoles: form.getAll('targetRoles') as Imbauan['targetRoles'],
      teruskanRtRw: form.get('teruskanRtRw') === 'on',
      publik: form.get('publik') === 'on',
      latihan: form.get('latihan') === 'on',
    });
  };
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('imbauan.send')}>
      <h2>{t('imbauan.send')}</h2>
      <label>
        {t('imbauan.jenis')}
        <select name="jenis" defaultValue="imbauan">
          {JENIS_IMBAUAN.map((j) => (
            <option key={j} value={j}>
              {t(`imbauan.jenis.${j}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('imbauan.prioritas')}
        <select name="prioritas" defaultValue="biasa">
          {PRIORITAS.map((p) => (
            <option key={p} value={p}>
              {t(`imbauan.prioritas.${p}`)}
            </option>
          ))}
        </select>
      </label>
      <WilayahPicker
        scope={user?.kodeWilayah ?? null}
        scopeName={user?.namaWilayah ?? null}
        value={kodeWilayah}
        onChange={setKodeWilayah}
        label={t('imbauan.target')}
        name="kodeWilayah"
        describedBy={errorId('kodeWilayah')}
      />
      <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
      <fieldset aria-describedby={errorId('targetRoles')}>
        <legend>{t('imbauan.roles')}</legend>
        {PENERIMA_ROLES.map((role) => (
          <label key={role} className="inline">
            <input type="checkbox" name="targetRoles" value={role} defaultChecked={role === 'lurah'} />{' '}
            {t(`role.${role}`)}
          </label>
        ))}
        <FieldError id={errorId('targetRoles')} message={issues.targetRoles} />
      </fieldset>
      <label>
        {t('imbauan.judul')}
        <input name="judul" required />
      </label>
      <label>
        {t('imbauan.isi')}
        <textarea name="isi" required rows={4} />
      </label>
      <label className="inline">
        <input type="checkbox" name="teruskanRtRw" /> {t('imbauan.rtRw')}
      </label>
      <label className="inline">
        <input type="checkbox" name="publik" /> {t('imbauan.publik')}
      </label>
      <label className="inline">
        <input type="checkbox" name="latihan" /> {t('imbauan.latihan')}
      </label>
      <ErrorMessage error={send.error} />
      {send.data && (
        <p className="success" role="status">
          {t('imbauan.sentResult', { n: send.data.penerima })}
        </p>
      )}
      <button type="submit" className="primary" disabled={send.isPending}>
        {t('imbauan.send')}
      </button>
    </form>
  );
}

function Sent() {
  const { t, formatDateTime } = useI18n();
  const [page, setPage] = useState(1);
  const [open, setOpen] = useState<string | null>(null);
  const list = useQuery({
    queryKey: ['koordinasi', 'imbauan', 'sent', page],
    queryFn: () => call(koordinasiApi.listImbauan, { query: { page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  return (
    <div className="card">
      <h2>{t('imbauan.sent')}</h2>
      <ErrorMessage error={list.error} onRetry={() => void list.refetch()} />
      {list.data?.items.map((i) => (
        <article key={i.id} className="imbauan" data-testid="imbauan-terkirim">
          <h3>{i.judul}</h3>
          <p className="muted small">
            {i.namaWilayah} · {formatDateTime(i.sentAt, i.kodeWilayah)} ·{' '}
            {t('imbauan.rekap', {
              ack: i.rekap.dikonfirmasi,
              total: i.rekap.total,
              percent: i.rekap.acknowledgedPercent,
            })}
          </p>
          <button
            type="button"
            aria-expanded={open === i.id}
            onClick={() => setOpen(open === i.id ? null : i.id)}
          >
            {t('imbauan.details')}
          </button>
          {i.publik && (
            <a className="button" href={urlOf(koordinasiApi.capXml, { params: { id: i.id } })}>
              {t('imbauan.cap')}
            </a>
          )}
          {open === i.id && <Recipients id={i.id} />}
        </article>
      ))}
      {list.data && <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />}
    </div>
  );
}

function Recipients({ id }: { id: string }) {
  const { t } = useI18n();
  const client = useQueryClient();
  const detail = useQuery({
    queryKey: ['koordinasi', 'imbauan', id],
    queryFn: () => call(koordinasiApi.getImbauan, { params: { id } }),
  });
  const remind = useMutation({
    mutationFn: () => call(koordinasiApi.pengingatImbauan, { params: { id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['koordinasi', 'imbauan'] }),
  });
  return (
    <div>
      <ErrorMessage error={detail.error ?? remind.error} />
      {detail.data && (
        <table className="table">
          <caption>{t('imbauan.recipients')}</caption>
          <tbody>
            {detail.data.penerima.map((p) => (
              <tr key={p.username}>
                <th scope="row">{p.nama}</th>
                <td>{p.role}</td>
                <td>{t(`imbauan.status.${p.status}`)}</td>
                <td>{p.diteruskanRtRw ? t('imbauan.forwarded') : ''}</td>
                <td>{p.reminderCount > 0 ? t('imbauan.reminded', { n: p.reminderCount }) : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button type="button" onClick={() => remind.mutate()} disabled={remind.isPending}>
        {t('imbauan.remind')}
      </button>
      {remind.data && <span role="status"> {t('imbauan.remindResult', { n: remind.data.reminded })}</span>}
    </div>
  );
}
