/**
 * One incident: what was reported, its escalation clock, the triage actions this user may take now
 * (the server says which), the history of steps, and the referral with every statutory deadline,
 * its colour and the time left.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Fragment, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import {
  FOTO_MAX_BYTES,
  FOTO_PER_KEJADIAN_MAKS,
  HASIL_RUJUKAN,
  MILESTONE_KEYS,
  type AksiKejadianType,
  type KejadianAksiInput,
  type KejadianDetail as Detail,
  type RujukanInput,
  type RujukanView,
} from '../../../contracts/kejadian';
import { OPEN_STATUSES, TUJUAN_RUJUKAN } from '../../../domain/kejadian/alur';
import { RULE_SETS } from '../../../domain/kejadian/gakkumdu';
import { KEPARAHAN } from '../../../domain/kejadian/kategori';
import { call, urlOf } from '../../api/client';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { usePemilihan } from '../pemilihan/pemilihan-context';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, issuesOf } from '../../components/FieldError';
import { formText } from '../../components/form-text';
import { EskalasiClockText, TENGGAT_COLOR } from './EskalasiClock';
import { isFotoTooLarge, isFotoType, shrinkPhoto, uploadFoto } from './foto';
import type { KejadianKey } from './i18n';
import { useKejadianText } from './useKejadianText';
import { KEJADIAN_KEY } from './KejadianPage';

const detailKey = (id: string) => [...KEJADIAN_KEY, 'detail', id] as const;

/** A datetime-local value as an instant with the browser's offset, or undefined when empty. */
function instantOf(local: string): string | undefined {
  return local === '' ? undefined : new Date(local).toISOString();
}

function useDetailMutation<T>(id: string, run: (input: T) => Promise<Detail>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: (detail) => {
      client.setQueryData(detailKey(id), detail);
      void client.invalidateQueries({ queryKey: [...KEJADIAN_KEY, 'list'] });
    },
  });
}

export function KejadianDetail() {
  const { id = '' } = useParams();
  const { t, formatTime: formTime } = useKejadianText();
  const detail = useQuery({
    queryKey: detailKey(id),
    queryFn: () => call(kejadianApi.getById, { params: { id } }),
    refetchInterval: 60_000,
  });
  const item = detail.data;
  return (
    <section>
      <p>
        <Link to="/kejadian">{t('kej.detail.back')}</Link>
      </p>
      <ErrorMessage error={detail.error} onRetry={() => void detail.refetch()} />
      {item && (
        <>
          <h1>
            {t(`kej.kategori.${item.kategori}`)}{' '}
            <span className="badge">{t(`kej.keparahan.${item.keparahan}`)}</span>
            <span className="badge">{t(`kej.status.${item.status}`)}</span>
            {item.terbatas && <span className="badge">{t('kej.restricted')}</span>}
          </h1>
          <div className="card">
            <p>
              <EskalasiClockText clock={item.eskalasi} isOpen={OPEN_STATUSES.includes(item.status)} />
            </p>
            <p style={{ whiteSpace: 'pre-wrap' }}>{item.uraian}</p>
            <dl className="facts">
              <dt>{t('kej.detail.place')}</dt>
              <dd>
                {item.namaWilayah} ({item.kodeWilayah}){item.tps && ` · ${item.tps.nama}`}
                {item.lat !== null && item.lon !== null && ` · ${item.lat}, ${item.lon}`}
              </dd>
              <dt>{t('kej.detail.terjadiAt')}</dt>
              <dd>{formTime(item.terjadiAt)}</dd>
              <dt>{t('kej.detail.diketahuiAt')}</dt>
              <dd>{formTime(item.diketahuiAt)}</dd>
              <dt>{t('kej.filter.level')}</dt>
              <dd>{t(`kej.level.${item.level}`)}</dd>
              <dt>{t('kej.detail.reporter')}</dt>
              <dd>
                {item.pelapor
                  ? `${item.pelapor.nama} (${item.pelapor.agency})`
                  : t('kej.detail.reporterHidden')}
              </dd>
              {item.pelanggaran && (
                <>
                  <dt>{t('kej.detail.violation')}</dt>
                  <dd>
                    {item.pelanggaran.label} — {t('kej.detail.handler')}: {item.pelanggaran.penangan}
                  </dd>
                </>
              )}
              {item.jalurLain.map((j) => (
                <Fragment key={j.jenis}>
                  <dt>{t('kej.detail.otherRoute')}</dt>
                  <dd>
                    {j.label} — {j.bila}. {t('kej.detail.handler')}: {j.penangan}
                  </dd>
                </Fragment>
              ))}
              {item.penanggungJawab && (
                <>
                  <dt>{t('kej.detail.pj')}</dt>
                  <dd>{item.penanggungJawab}</dd>
                </>
              )}
              {item.mergedInto && (
                <>
                  <dt>{t('kej.detail.mergedInto')}</dt>
                  <dd>
                    <Link to={`/kejadian/${item.mergedInto}`}>{item.mergedInto}</Link>
                  </dd>
                </>
              )}
            </dl>
            {item.duplikat.length > 0 && (
              <>
                <h2>{t('kej.detail.duplicates')}</h2>
                <ul>
                  {item.duplikat.map((d) => (
                    <li key={d.id}>
                      <Link to={`/kejadian/${d.id}`}>{formTime(d.reportedAt)}</Link>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </div>
          <Foto item={item} />
          <Triage item={item} />
          <Rujukan item={item} />
          <Akses item={item} />
          <Steps item={item} />
        </>
      )}
    </section>
  );
}

/**
 * The incident's photos (ADR 0017): the newest is shown; every earlier one stays as evidence and is
 * listed under it with the time it was sent. Sending a photo adds one; none is ever replaced.
 */
function Foto({ item }: { item: Detail }) {
  const { t, formatTime } = useKejadianText();
  const [error, setError] = useState<string | null>(null);
  const send = useDetailMutation(item.id, async (file: File) => {
    await uploadFoto(item.id, await shrinkPhoto(file));
    return call(kejadianApi.getById, { params: { id: item.id } });
  });
  if (!item.foto && !item.bisaUnggahFoto) return null;
  const earlier = item.fotoSemua.slice(0, -1).reverse();
  const fotoUrl = (fotoId: string) =>
    urlOf(kejadianApi.getByIdFotoByFotoId, { params: { id: item.id, fotoId } });
  return (
    <div className="card">
      <h2>{t('kej.detail.photo')}</h2>
      {item.foto && (
        <figure style={{ margin: 0 }}>
          <img
            src={fotoUrl(item.foto.id)}
            alt={t('kej.detail.photo')}
            style={{ maxWidth: '100%', height: 'auto' }}
            loading="lazy"
          />
          <figcaption className="muted">
            {t('kej.detail.photoSent', { waktu: formatTime(item.foto.dikirimAt) })}
          </figcaption>
        </figure>
      )}
      {earlier.length > 0 && (
        <>
          <h3>{t('kej.detail.photoEarlier', { n: earlier.length })}</h3>
          <ul>
            {earlier.map((f) => (
              <li key={f.id}>
                <a href={fotoUrl(f.id)} target="_blank" rel="noopener">
                  {t('kej.detail.photoSent', { waktu: formatTime(f.dikirimAt) })}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
      {item.bisaUnggahFoto && item.fotoSemua.length < FOTO_PER_KEJADIAN_MAKS && (
        <label>
          {t(item.foto ? 'kej.detail.addPhoto' : 'kej.detail.uploadPhoto')}
          <input
            type="file"
            accept="image/jpeg,image/png,image/webp"
            capture="environment"
            onChange={(e) => {
              const file = e.target.files?.[0];
              setError(null);
              if (!file) return;
              if (!isFotoType(file.type)) return setError(t('kej.form.photoType'));
              if (isFotoTooLarge(file) && typeof createImageBitmap !== 'function') {
                return setError(t('kej.form.photoTooLarge', { mb: FOTO_MAX_BYTES / 1048576 }));
              }
              send.mutate(file);
            }}
          />
        </label>
      )}
      {item.foto && <p className="muted">{t('kej.detail.photoKept')}</p>}
      {error && <p className="field-error">{error}</p>}
      <ErrorMessage error={send.error} />
    </div>
  );
}

const NEEDS: Record<AksiKejadianType, { name: string; label: KejadianKey; required: boolean } | null> = {
  verifikasi: null,
  gabung: { name: 'intoId', label: 'kej.aksi.intoId', required: true },
  tolak: { name: 'alasan', label: 'kej.aksi.alasan', required: true },
  tangani: { name: 'penanggungJawab', label: 'kej.aksi.pj', required: true },
  selesaikan: { name: 'catatan', label: 'kej.aksi.catatan', required: true },
  eskalasi: { name: 'catatan', label: 'kej.aksi.catatan', required: false },
};

function Triage({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const [chosen, setChosen] = useState<AksiKejadianType | null>(null);
  // The form's fields as they are: the server's contract checks them and its issues show under each.
  const act = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.postByIdAksi, { params: { id: item.id }, body: body as KejadianAksiInput }),
  );
  const issues = issuesOf(act.error);
  if (item.aksiTersedia.length === 0) return null;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!chosen) return;
    const form = new FormData(event.currentTarget);
    const need = NEEDS[chosen];
    const keparahan = formText(form, 'keparahan');
    act.mutate(
      {
        aksi: chosen,
        version: item.version,
        ...(need ? { [need.name]: formText(form, need.name) } : {}),
        ...(chosen === 'verifikasi' && keparahan !== '' ? { keparahan } : {}),
      },
      { onSuccess: () => setChosen(null) },
    );
  };
  const need = chosen ? NEEDS[chosen] : null;
  return (
    <div className="card">
      <h2>{t('kej.aksi.title')}</h2>
      <div className="actions" role="group" aria-label={t('kej.aksi.title')}>
        {item.aksiTersedia.map((aksi) => (
          <button
            key={aksi}
            type="button"
            aria-pressed={chosen === aksi}
            className={chosen === aksi ? 'primary' : undefined}
            onClick={() => setChosen(aksi)}
          >
            {t(`kej.aksi.${aksi}`)}
          </button>
        ))}
      </div>
      {chosen && (
        <form className="form-grid" onSubmit={submit} aria-label={t(`kej.aksi.${chosen}`)}>
          {chosen === 'verifikasi' && (
            <label>
              {t('kej.keparahan')}
              <select name="keparahan" defaultValue={item.keparahan}>
                {KEPARAHAN.map((k) => (
                  <option key={k} value={k}>
                    {t(`kej.keparahan.${k}`)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {need && (
            <label>
              {t(need.label)}
              {need.name === 'catatan' || need.name === 'alasan' ? (
                <textarea
                  name={need.name}
                  rows={2}
                  required={need.required}
                  aria-describedby={`${need.name}-error`}
                />
              ) : (
                <input name={need.name} required={need.required} aria-describedby={`${need.name}-error`} />
              )}
              <FieldError name={need.name} issues={issues} />
            </label>
          )}
          <ErrorMessage error={act.error} />
          <button type="submit" className="primary" disabled={act.isPending}>
            {t(`kej.aksi.${chosen}`)}
          </button>
        </form>
      )}
    </div>
  );
}

function Rujukan({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const refer = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.postByIdRujukan, { params: { id: item.id }, body: body as RujukanInput }),
  );
  // The election's own rules are the default (a Pilkades has no referral at all: bisaRujuk is false).
  const aturan = usePemilihan().current?.aturanPelanggaran;
  if (!item.rujukanDetail && !item.bisaRujuk) return null;
  const issues = issuesOf(refer.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const dilaporkanAt = instantOf(formText(form, 'dilaporkanAt'));
    refer.mutate({
      ruleSet: formText(form, 'ruleSet'),
      lembaga: formText(form, 'lembaga'),
      version: item.version,
      ...(dilaporkanAt ? { dilaporkanAt } : {}),
    });
  };
  return (
    <div className="card">
      <h2>{t('kej.rujuk.title')}</h2>
      {item.rujukanDetail ? (
        <RujukanPanel item={item} rujukan={item.rujukanDetail} />
      ) : (
        <form className="form-grid" onSubmit={submit} aria-label={t('kej.rujuk.title')}>
          <label>
            {t('kej.rujuk.ruleSet')}
            <select name="ruleSet" defaultValue={aturan === 'pemilu' ? 'pemilu' : 'pilkada'}>
              {RULE_SETS.map((r) => (
                <option key={r} value={r}>
                  {t(`kej.rujuk.${r}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kej.rujuk.lembaga')}
            <select name="lembaga" defaultValue={item.pelanggaran?.tujuan ?? 'bawaslu'}>
              {TUJUAN_RUJUKAN.map((l) => (
                <option key={l} value={l}>
                  {t(`kej.lembaga.${l}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kej.rujuk.dilaporkanAt')}
            <input
              type="datetime-local"
              name="dilaporkanAt"
              aria-describedby="milestones.dilaporkanAt-error"
            />
            <FieldError name="milestones.dilaporkanAt" issues={issues} />
          </label>
          <ErrorMessage error={refer.error} />
          <button type="submit" className="primary" disabled={refer.isPending}>
            {t('kej.rujuk.submit')}
          </button>
        </form>
      )}
    </div>
  );
}

function RujukanPanel({ item, rujukan }: { item: Detail; rujukan: RujukanView }) {
  const { t, formatTime, duration } = useKejadianText();
  const update = useDetailMutation(item.id, (body: Record<string, unknown>) =>
    call(kejadianApi.patchByIdRujukan, { params: { id: item.id }, body }),
  );
  const [key, setKey] = useState<(typeof MILESTONE_KEYS)[number]>('dilaporkanAt');
  const issues = issuesOf(update.error);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const at = instantOf(formText(form, 'at'));
    const hasil = formText(form, 'hasil');
    update.mutate({
      milestones: at ? { [key]: at } : {},
      ...(hasil !== (rujukan.hasil ?? '') ? { hasil: hasil === '' ? null : hasil } : {}),
    });
  };
  return (
    <>
      <p>
        {t(`kej.rujuk.${rujukan.ruleSet}`)} · {t('kej.rujuk.lembaga')}: {t(`kej.lembaga.${rujukan.lembaga}`)}{' '}
        · {t('kej.rujuk.outcome')}:{' '}
        {rujukan.hasil ? t(`kej.hasil.${rujukan.hasil}`) : t('kej.rujuk.outcomeNone')}
      </p>
      <h3>{t('kej.rujuk.deadlines')}</h3>
      {rujukan.tenggat.length === 0 ? (
        <p className="muted">{t('kej.rujuk.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('kej.rujuk.step')}</th>
                <th scope="col">{t('kej.rujuk.due')}</th>
                <th scope="col">{t('kej.rujuk.state')}</th>
                <th scope="col">{t('kej.rujuk.left')}</th>
              </tr>
            </thead>
            <tbody>
              {rujukan.tenggat.map((d) => (
                <tr key={`${d.step}-${d.label}`} data-testid="tenggat">
                  <td>
                    <abbr title={d.source}>{d.label}</abbr>
                  </td>
                  <td>{formatTime(d.dueAt)}</td>
                  <td>
                    <strong style={{ color: TENGGAT_COLOR[d.status] }}>{t(`kej.tenggat.${d.status}`)}</strong>
                  </td>
                  <td>
                    {d.minutesLeft === null
                      ? d.doneAt && formatTime(d.doneAt)
                      : d.minutesLeft >= 0
                        ? duration(d.minutesLeft)
                        : t('kej.ago', { left: duration(-d.minutesLeft) })}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ul className="small">
        {MILESTONE_KEYS.filter((k) => rujukan.milestones[k] !== undefined).map((k) => (
          <li key={k}>
            {t(`kej.milestone.${k}`)}: {formatTime(rujukan.milestones[k]!)}
          </li>
        ))}
      </ul>
      {item.bisaUbahRujukan && (
        <form className="form-grid" onSubmit={submit} aria-label={t('kej.rujuk.milestone')}>
          <label>
            {t('kej.rujuk.milestone')}
            <select value={key} onChange={(e) => setKey(e.target.value as typeof key)}>
              {MILESTONE_KEYS.map((k) => (
                <option key={k} value={k}>
                  {t(`kej.milestone.${k}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('kej.rujuk.milestoneAt')}
            <input type="datetime-local" name="at" aria-describedby={`milestones.${key}-error`} />
            <FieldError name={`milestones.${key}`} issues={issues} />
          </label>
          <label>
            {t('kej.rujuk.outcome')}
            <select name="hasil" defaultValue={rujukan.hasil ?? ''}>
              <option value="">{t('kej.rujuk.outcomeNone')}</option>
              {HASIL_RUJUKAN.map((h) => (
                <option key={h} value={h}>
                  {t(`kej.hasil.${h}`)}
                </option>
              ))}
            </select>
          </label>
          <ErrorMessage error={update.error} />
          <button type="submit" className="primary" disabled={update.isPending}>
            {t('kej.rujuk.save')}
          </button>
        </form>
      )}
    </>
  );
}

function Akses({ item }: { item: Detail }) {
  const { t } = useKejadianText();
  const change = useDetailMutation(item.id, (body: { terbatas?: boolean; pelaporRahasia?: boolean }) =>
    call(kejadianApi.patchByIdAkses, { params: { id: item.id }, body }),
  );
  if (!item.bisaUbahAkses) return null;
  return (
    <div className="card">
      <h2>{t('kej.detail.access')}</h2>
      <div className="actions">
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ terbatas: !item.terbatas })}
        >
          {item.terbatas ? t('kej.detail.unrestrict') : t('kej.detail.restrict')}
        </button>
        <button
          type="button"
          disabled={change.isPending}
          onClick={() => change.mutate({ pelaporRahasia: !item.pelaporRahasia })}
        >
          {item.pelaporRahasia ? t('kej.detail.showReporter') : t('kej.detail.hideReporter')}
        </button>
      </div>
      <ErrorMessage error={change.error} />
    </div>
  );
}

const STEP_LABEL: Record<string, KejadianKey> = {
  lapor: 'kej.aksi.lapor',
  verifikasi: 'kej.aksi.verifikasi',
  gabung: 'kej.aksi.gabung',
  tolak: 'kej.aksi.tolak',
  tangani: 'kej.aksi.tangani',
  selesaikan: 'kej.aksi.selesaikan',
  eskalasi: 'kej.aksi.eskalasi',
  eskalasi_otomatis: 'kej.aksi.eskalasi_otomatis',
  foto: 'kej.aksi.foto',
  akses: 'kej.aksi.akses',
  rujuk: 'kej.aksi.rujuk',
  rujukan: 'kej.aksi.rujukan',
};

function Steps({ item }: { item: Detail }) {
  const { t, formatTime } = useKejadianText();
  return (
    <div className="card">
      <h2>{t('kej.detail.steps')}</h2>
      <ol className="timeline">
        {item.langkah.map((step, i) => (
          <li key={i}>
            <strong>{STEP_LABEL[step.aksi] ? t(STEP_LABEL[step.aksi]!) : step.aksi}</strong> ·{' '}
            {formatTime(step.at)} ·{' '}
            {step.aktor ??
              (step.aksi === 'eskalasi_otomatis' ? t('kej.detail.system') : t('kej.detail.reporterHidden'))}
            {step.catatan && <div className="muted small">{step.catatan}</div>}
          </li>
        ))}
      </ol>
    </div>
  );
}
