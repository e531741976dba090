/**
 * The report form, made for a phone in the field: category, place (TPS of the kelurahan, or a map
 * point from "gunakan lokasi saya"), time, description and an optional photo. It is checked here
 * against the API's own contract, then filed in the outbox (features/offline) with its client id and
 * the photo already shrunk, so it survives a closed tab and is sent once when the signal allows: the
 * text first, then the photo to the incident the server made. A refused report opens here again
 * (`?ubah=<client id>`) with what was written, to be corrected and sent.
 */
import { useQuery } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { FOTO_MAX_BYTES, KejadianReportInput } from '../../../contracts/kejadian';
import { KATEGORI_KEJADIAN, KEPARAHAN } from '../../../domain/kejadian/kategori';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { call } from '../../api/client';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, useErrorIds, type Issues } from '../../components/FieldError';
import { formNumber, formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useSession } from '../auth/session';
import { WilayahPicker } from '../wilayah/WilayahPicker';
import type { OutboxItem, OutboxRequest } from '../offline/outbox';
import { fileSubmission, refileSubmission } from '../offline/outbox-browser';
import { FIRST_ANSWER_ID, outboxRequest } from '../offline/outbox-routes';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { useOutboxItems } from '../offline/useOutbox';
import { isFotoTooLarge, isFotoType, shrinkPhoto } from './foto';
import { useKejadianText } from './useKejadianText';
import { KEJADIAN_KEY } from './KejadianPage';
import './i18n';

function isKelurahan(kode: string): boolean {
  const parsed = parseKodeWilayah(kode);
  return parsed.ok && parsed.value.level === 'desa';
}

/** The form, blank or (with `?ubah=`) holding a refused report from the outbox. */
export function KejadianForm() {
  const [params] = useSearchParams();
  const editing = useOutboxItems().find((i) => i.id === params.get('ubah') && i.kind === 'kejadian');
  const [round, setRound] = useState(0);
  return (
    <IncidentForm
      key={editing?.id ?? `baru-${round}`}
      editing={editing ?? null}
      onAnother={() => setRound(round + 1)}
    />
  );
}

type Draft = Partial<KejadianReportInput>;

function IncidentForm({ editing, onAnother }: { editing: OutboxItem | null; onAnother: () => void }) {
  const { t } = useKejadianText();
  const { user } = useSession();
  const before = (editing?.requests[0]?.body ?? {}) as Draft;
  // One id for this form's incident: a resend after a lost answer is recognised by the server.
  const [clientId] = useState(() => editing?.id ?? crypto.randomUUID());
  // Until the user types, the place is their own wilayah (the session may still be loading).
  const [kodeInput, setKodeWilayah] = useState<string | null>(before.kodeWilayah ?? null);
  const kodeWilayah = kodeInput ?? user?.kodeWilayah ?? '';
  const [point, setPoint] = useState({
    lat: before.lat?.toString() ?? '',
    lon: before.lon?.toString() ?? '',
  });
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [issues, setIssues] = useState<Issues>({});
  const errorId = useErrorIds();
  const uraianHintId = `${useId()}-uraian-hint`;
  const [filedId, setFiledId] = useState<string | null>(null);
  const [filing, setFiling] = useState(false);
  const [failed, setFailed] = useState<unknown>(null);

  const tps = useQuery({
    queryKey: [...KEJADIAN_KEY, 'tps', kodeWilayah],
    // The voting-day board's list of a kelurahan's TPS.
    queryFn: () => call(hariHApi.tps, { params: { kode: kodeWilayah } }),
    enabled: isKelurahan(kodeWilayah),
    staleTime: 5 * 60_000,
  });

  const locateMe = () => {
    if (!('geolocation' in navigator)) {
      setLocationFailed(true);
      return;
    }
    setLocating(true);
    setLocationFailed(false);
    navigator.geolocation.getCurrentPosition(
      (position) => {
        setLocating(false);
        setPoint({
          lat: position.coords.latitude.toFixed(6),
          lon: position.coords.longitude.toFixed(6),
        });
      },
      () => {
        setLocating(false);
        setLocationFailed(true);
      },
      { enableHighAccuracy: true, timeout: 15_000, maximumAge: 60_000 },
    );
  };

  const choosePhoto = (file: File | null) => {
    setPhotoError(null);
    setPhoto(null);
    if (!file) return;
    if (!isFotoType(file.type)) {
      setPhotoError(t('kej.form.photoType'));
      return;
    }
    // Shrinking happens on send; a file too large even for that is refused here already.
    if (isFotoTooLarge(file) && typeof createImageBitmap !== 'function') {
      setPhotoError(t('kej.form.photoTooLarge', { mb: FOTO_MAX_BYTES / 1048576 }));
      return;
    }
    setPhoto(file);
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (filedId !== null || filing) return;
    const form = new FormData(event.currentTarget);
    const keparahan = formText(form, 'keparahan');
    const tpsId = formText(form, 'tpsId');
    const body = {
      clientId,
      kategori: formText(form, 'kategori'),
      kodeWilayah: formText(form, 'kodeWilayah'),
      tpsId: tpsId === '' ? null : tpsId,
      lat: formNumber(form, 'lat'),
      lon: formNumber(form, 'lon'),
      terjadiAt: waktuForm(form, 'terjadiAt', kodeWilayah),
      uraian: formText(form, 'uraian'),
      ...(keparahan === '' ? {} : { keparahan }),
      terbatas: form.get('terbatas') === 'on',
      pelaporRahasia: form.get('pelaporRahasia') === 'on',
    };
    // The API's own contract, checked on the phone: a mistake is shown now, not after the signal returns.
    const checked = KejadianReportInput.safeParse(body);
    if (!checked.success) {
      setIssues(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setIssues({});
    setFiling(true);
    void fileIncident(checked.data)
      .then(() => setFiledId(clientId))
      .catch(setFailed)
      .finally(() => setFiling(false));
  };

  const fileIncident = async (body: KejadianReportInput) => {
    const requests: OutboxRequest[] = [outboxRequest('kejadian.create', kejadianApi.create, { body })];
    if (photo) {
      // Shrunk before it is stored: the phone keeps and sends the small copy only.
      const small = await shrinkPhoto(photo);
      requests.push(
        outboxRequest('kejadian.foto', kejadianApi.putByIdFoto, {
          params: { id: FIRST_ANSWER_ID },
          file: { bytes: await small.arrayBuffer(), type: small.type || photo.type },
        }),
      );
    } else if (editing?.requests[1]) {
      requests.push(editing.requests[1]);
    }
    const item = {
      label: `${t('kej.form.title')}: ${t(`kej.kategori.${body.kategori}`)}`,
      requests,
      form: { editPath: `/kejadian/baru?ubah=${clientId}` },
    };
    if (editing) {
      await refileSubmission(clientId, item);
    } else {
      await fileSubmission({ id: clientId, kind: 'kejadian', ...item });
    }
  };

  const describedBy = (name: string) => (issues[name] ? errorId(name) : undefined);
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('kej.form.title')} noValidate>
      <h1>{t('kej.form.title')}</h1>
      <label>
        {t('kej.form.kategori')}
        <select
          name="kategori"
          required
          defaultValue={before.kategori ?? ''}
          aria-describedby={describedBy('kategori')}
        >
          <option value="" disabled>
            —
          </option>
          {KATEGORI_KEJADIAN.map((k) => (
            <option key={k} value={k}>
              {t(`kej.kategori.${k}`)}
            </option>
          ))}
        </select>
        <FieldError id={errorId('kategori')} message={issues.kategori} />
      </label>
      <WilayahPicker
        scope={user?.kodeWilayah ?? null}
        scopeName={user?.namaWilayah ?? null}
        value={kodeWilayah === '' ? null : kodeWilayah}
        onChange={setKodeWilayah}
        label={t('kej.form.wilayah')}
        name="kodeWilayah"
        describedBy={describedBy('kodeWilayah')}
      />
      <FieldError id={errorId('kodeWilayah')} message={issues.kodeWilayah} />
      <label>
        {t('kej.form.tps')}
        <select
          // Drawn again when the TPS list arrives, so an edited report's TPS is chosen.
          key={tps.data ? 'tps' : 'memuat'}
          name="tpsId"
          defaultValue={before.tpsId ?? ''}
          aria-describedby={describedBy('tpsId')}
        >
          <option value="">{t('kej.form.noTps')}</option>
          {tps.data?.items.map((item) => (
            <option key={item.tpsId} value={item.tpsId}>
              {item.nama}
            </option>
          ))}
        </select>
        <FieldError id={errorId('tpsId')} message={issues.tpsId} />
      </label>
      <fieldset>
        <legend>{t('kej.form.point')}</legend>
        <button type="button" onClick={locateMe} disabled={locating}>
          {locating ? t('kej.form.locating') : t('kej.form.useLocation')}
        </button>
        {locationFailed && (
          <p className="field-error" role="status">
            {t('kej.form.locationFailed')}
          </p>
        )}
        <label>
          {t('kej.form.lat')}
          <input
            name="lat"
            inputMode="decimal"
            value={point.lat}
            onChange={(e) => setPoint({ ...point, lat: e.target.value })}
            aria-describedby={describedBy('lat')}
          />
          <FieldError id={errorId('lat')} message={issues.lat} />
        </label>
        <label>
          {t('kej.form.lon')}
          <input
            name="lon"
            inputMode="decimal"
            value={point.lon}
            onChange={(e) => setPoint({ ...point, lon: e.target.value })}
            aria-describedby={describedBy('lon')}
          />
          <FieldError id={errorId('lon')} message={issues.lon} />
        </label>
      </fieldset>
      <WaktuSetempatInput
        label={(zona) => t('kej.form.terjadiAt', { zona })}
        kodeWilayah={kodeWilayah}
        name="terjadiAt"
        defaultInstant={before.terjadiAt ?? new Date()}
        maxInstant={new Date()}
        required
        aria-describedby={describedBy('terjadiAt')}
      >
        <FieldError id={errorId('terjadiAt')} message={issues.terjadiAt} />
      </WaktuSetempatInput>
      <label>
        {t('kej.form.uraian')}
        <textarea
          name="uraian"
          defaultValue={before.uraian ?? ''}
          rows={4}
          required
          minLength={5}
          maxLength={4000}
          aria-describedby={[uraianHintId, describedBy('uraian')].filter(Boolean).join(' ')}
        />
        <span id={uraianHintId} className="muted small">
          {t('kej.form.uraianHint')}
        </span>
        <FieldError id={errorId('uraian')} message={issues.uraian} />
      </label>
      <label>
        {t('kej.keparahan')}
        <select name="keparahan" defaultValue={before.keparahan ?? ''}>
          <option value="">{t('kej.keparahan.default')}</option>
          {KEPARAHAN.map((k) => (
            <option key={k} value={k}>
              {t(`kej.keparahan.${k}`)}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t('kej.form.photo')}
        <input
          type="file"
          name="foto"
          accept="image/jpeg,image/png,image/webp"
          capture="environment"
          onChange={(e) => choosePhoto(e.target.files?.[0] ?? null)}
          aria-describedby={photoError ? errorId('foto') : undefined}
        />
        <FieldError id={errorId('foto')} message={photoError ?? undefined} />
      </label>
      <label className="inline">
        <input type="checkbox" name="terbatas" defaultChecked={before.terbatas ?? false} />{' '}
        {t('kej.form.terbatas')}
      </label>
      <label className="inline">
        <input type="checkbox" name="pelaporRahasia" defaultChecked={before.pelaporRahasia ?? false} />{' '}
        {t('kej.form.rahasia')}
      </label>
      {editing?.error && (
        <p role="alert" className="error">
          {editing.error.message}
        </p>
      )}
      <ErrorMessage error={failed} />
      <SubmissionNotice id={filedId} />
      {filedId === null ? (
        <button type="submit" className="primary" disabled={filing}>
          {t('kej.form.submit')}
        </button>
      ) : (
        <div className="actions">
          <button type="button" onClick={onAnother}>
            {t('kej.form.another')}
          </button>
          <Link to="/kejadian">{t('kej.form.toList')}</Link>
        </div>
      )}
    </form>
  );
}
