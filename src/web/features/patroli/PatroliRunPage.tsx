/**
 * A patrol run from a phone (issue 18): start, the places passed (with the phone's GPS point when it
 * gives one), findings that become incidents in one tap, end. Every entry goes through the outbox
 * under its own client id, so it is kept on the phone without signal and sent once (ADR 0010).
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import type { Patroli, PatroliLogInput } from '../../../contracts/patroli';
import { patroliApi } from '../../../contracts/routes/patroli';
import { KATEGORI_KEJADIAN } from '../../../domain/kejadian/kategori';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { fileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { PATROLI_KEY } from './PatroliPage';
import '../kejadian/i18n';
import './i18n';

type Aksi = PatroliLogInput['aksi'];

/** The phone's position within 10 s, or null (no GPS, refused, indoors). */
function currentPoint(): Promise<{ lat: number; lon: number } | null> {
  if (typeof navigator === 'undefined' || !('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lat: p.coords.latitude, lon: p.coords.longitude }),
      () => resolve(null),
      { timeout: 10_000, maximumAge: 60_000 },
    );
  });
}

export function PatroliRunPage() {
  const { id = '' } = useParams();
  const { t, formatDateTime, formatRange } = useI18n();
  const client = useQueryClient();
  const patroli = useQuery({
    queryKey: [...PATROLI_KEY, 'detail', id],
    queryFn: () => call(patroliApi.get, { params: { id } }),
  });
  const [filedId, setFiledId] = useState<string | null>(null);
  // What this phone filed moves the buttons on at once, signal or not.
  const [localStatus, setLocalStatus] = useState<Patroli['status'] | null>(null);
  const p = patroli.data;
  if (!p) return <ErrorMessage error={patroli.error} onRetry={() => void patroli.refetch()} />;
  const status = localStatus ?? p.status;
  const places = [
    ...new Map(
      [...(p.sasaran ?? []), { kode: p.kodeWilayah, nama: p.namaWilayah }].map((s) => [s.kode, s]),
    ).values(),
  ].filter((s) => s.kode.split('.').length === 4);

  const file = async (
    aksi: Aksi,
    body: Omit<PatroliLogInput, 'clientId' | 'aksi' | 'dicatatAt' | 'jadikanKejadian'> & {
      jadikanKejadian?: boolean;
    },
  ) => {
    const clientId = crypto.randomUUID();
    await fileSubmission({
      id: clientId,
      kind: 'patroli',
      label: `${p.nama}: ${t(`pat.log.${aksi}`)}`,
      requests: [
        outboxRequest('patroli.log', patroliApi.log, {
          params: { id: p.id },
          body: { clientId, aksi, dicatatAt: new Date().toISOString(), jadikanKejadian: false, ...body },
        }),
      ],
    });
    setFiledId(clientId);
    if (aksi === 'mulai') setLocalStatus('berjalan');
    if (aksi === 'selesai') setLocalStatus('selesai');
    window.setTimeout(() => void client.invalidateQueries({ queryKey: PATROLI_KEY }), 1500);
  };

  const addTitik = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const point = form.get('gps') === 'on' ? await currentPoint() : null;
    await file('titik', {
      kodeWilayah: formText(form, 'kodeWilayah'),
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
    });
  };
  const addTemuan = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const target = event.currentTarget;
    const form = new FormData(target);
    const point = await currentPoint();
    await file('temuan', {
      kodeWilayah: formText(form, 'kodeWilayah'),
      kategori: formText(form, 'kategori') as PatroliLogInput['kategori'],
      uraian: formText(form, 'uraian'),
      lat: point?.lat ?? null,
      lon: point?.lon ?? null,
      jadikanKejadian: form.get('jadikan') === 'on',
    });
    target.reset();
  };

  return (
    <section className="lapangan">
      <h1>{p.nama}</h1>
      <p className="muted small">
        {p.namaWilayah} · {formatRange(p.mulaiAt, p.selesaiAt, p.kodeWilayah)} ·{' '}
        {p.unsur.map((u) => t(`pat.unsur.${u}`)).join(', ')}
      </p>
      <p>
        <span className="badge" data-testid="patroli-status">
          {t(`pat.status.${status}`)}
        </span>
      </p>
      {p.akses === 'ringkas' && <p className="muted">{t('pat.ringkas')}</p>}
      <SubmissionNotice id={filedId} />
      {p.bisaJalankan && status === 'rencana' && (
        <button className="primary big" type="button" onClick={() => void file('mulai', {})}>
          {t('pat.run.start')}
        </button>
      )}
      {p.bisaJalankan && status === 'berjalan' && (
        <>
          <form className="card form-grid" onSubmit={(e) => void addTitik(e)} aria-label={t('pat.run.titik')}>
            <h2>{t('pat.run.titik')}</h2>
            <KelurahanSelect places={places} />
            <label className="inline">
              <input type="checkbox" name="gps" defaultChecked /> {t('pat.run.gps')}
            </label>
            <button type="submit">{t('pat.run.addTitik')}</button>
          </form>
          <form
            className="card form-grid"
            onSubmit={(e) => void addTemuan(e)}
            aria-label={t('pat.run.temuan')}
          >
            <h2>{t('pat.run.temuan')}</h2>
            <KelurahanSelect places={places} />
            <label>
              {t('pat.run.kategori')}
              <select name="kategori" required defaultValue="politik_uang">
                {KATEGORI_KEJADIAN.map((k) => (
                  <option key={k} value={k}>
                    {t(`kej.kategori.${k}`)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('pat.run.uraian')}
              <textarea name="uraian" required minLength={5} maxLength={2000} rows={3} />
            </label>
            <label className="inline">
              <input type="checkbox" name="jadikan" defaultChecked /> {t('pat.run.jadikan')}
            </label>
            <button type="submit" className="primary">
              {t('pat.run.addTemuan')}
            </button>
          </form>
          <button type="button" onClick={() => void file('selesai', {})}>
            {t('pat.run.end')}
          </button>
        </>
      )}
      {p.log && (
        <section aria-labelledby="log-title">
          <h2 id="log-title">{t('pat.log')}</h2>
          {p.log.length === 0 && <p className="muted">{t('pat.log.empty')}</p>}
          <ol className="rakor-list">
            {p.log.map((l) => (
              <li key={l.id} className="card small" data-testid="patroli-log">
                <strong>{t(`pat.log.${l.aksi}`)}</strong> ·{' '}
                {formatDateTime(l.dicatatAt, l.kodeWilayah ?? p.kodeWilayah)}
                {l.namaWilayah && ` · ${l.namaWilayah}`}
                {l.lat !== null && l.lon !== null && ` · ${l.lat.toFixed(5)}, ${l.lon.toFixed(5)}`}
                {l.uraian && <div>{l.uraian}</div>}
                {l.kejadianId && (
                  <div>
                    <Link to={`/kejadian/${l.kejadianId}`}>{t('pat.log.kejadian')}</Link>
                  </div>
                )}
                {l.aksi === 'temuan' && !l.kejadianId && p.bisaJalankan && (
                  <JadikanKejadian patroliId={p.id} logId={l.id} />
                )}
              </li>
            ))}
          </ol>
        </section>
      )}
    </section>
  );
}

/** The kelurahan a log entry names: the patrol's own and those it means to pass. */
function KelurahanSelect({ places }: { places: readonly { kode: string; nama: string }[] }) {
  const { t } = useI18n();
  return (
    <label>
      {t('pat.run.kelurahan')}
      <select name="kodeWilayah" required>
        {places.map((s) => (
          <option key={s.kode} value={s.kode}>
            {s.nama}
          </option>
        ))}
      </select>
    </label>
  );
}

/** A logged finding becomes an incident in one tap (idempotent on the server). */
function JadikanKejadian({ patroliId, logId }: { patroliId: string; logId: string }) {
  const { t, errorText } = useI18n();
  const client = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        onClick={() =>
          void call(patroliApi.jadikanKejadian, { params: { id: patroliId, logId } })
            .then(() => client.invalidateQueries({ queryKey: PATROLI_KEY }))
            .catch(setError)
        }
      >
        {t('pat.run.toKejadian')}
      </button>
      {error !== null && <span className="error">{errorText(error)}</span>}
    </>
  );
}
