/**
 * The report form, made for a phone in the field: category, place (TPS of the kelurahan, or a map
 * point from "gunakan lokasi saya"), time, description and an optional photo. The client id is made
 * once per form, so sending again after a network error never records the incident twice; the photo
 * follows the text, and only the photo is sent again if it alone fails.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { z } from 'zod';
import { FOTO_MAX_BYTES, KejadianReportResult } from '../../../contracts/kejadian';
import { KATEGORI_KEJADIAN, KEPARAHAN } from '../../../domain/kejadian/kategori';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { api } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { FieldError, issuesOf } from '../../components/FieldError';
import { formNumber, formText } from '../../components/form-text';
import { useSession } from '../auth/session';
import { isFotoTooLarge, isFotoType, shrinkPhoto, uploadFoto } from './foto';
import { useKejadianText } from './useKejadianText';
import { KEJADIAN_KEY } from './KejadianPage';

/** What the form needs of GET /api/hari-h/tps/:kode (the voting-day board's list of a kelurahan's TPS). */
const TpsChoices = z.object({ items: z.array(z.object({ tpsId: z.uuid(), nama: z.string() })) });

/** "Now" for a datetime-local field, in the browser's own zone. */
function localNow(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}

function isKelurahan(kode: string): boolean {
  const parsed = parseKodeWilayah(kode);
  return parsed.ok && parsed.value.level === 'desa';
}

export function KejadianForm() {
  const { t } = useKejadianText();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  // One id for this form's incident: a retry after a lost answer is recognised by the server.
  const [clientId] = useState(() => crypto.randomUUID());
  // Until the user types, the place is their own wilayah (the session may still be loading).
  const [kodeInput, setKodeWilayah] = useState<string | null>(null);
  const kodeWilayah = kodeInput ?? user?.kodeWilayah ?? '';
  const [point, setPoint] = useState({ lat: '', lon: '' });
  const [locating, setLocating] = useState(false);
  const [locationFailed, setLocationFailed] = useState(false);
  const [photo, setPhoto] = useState<File | null>(null);
  const [photoError, setPhotoError] = useState<string | null>(null);
  const [reportedId, setReportedId] = useState<string | null>(null);

  const tps = useQuery({
    queryKey: [...KEJADIAN_KEY, 'tps', kodeWilayah],
    queryFn: () => api(TpsChoices, `/api/hari-h/tps/${kodeWilayah}`),
    enabled: isKelurahan(kodeWilayah),
    staleTime: 5 * 60_000,
  });

  const sendPhoto = useMutation({
    mutationFn: async (input: { id: string; file: File }) =>
      uploadFoto(input.id, await shrinkPhoto(input.file)),
    onSuccess: (_, input) => void navigate(`/kejadian/${input.id}`),
  });
  const report = useMutation({
    mutationFn: (body: unknown) => api(KejadianReportResult, '/api/kejadian', { method: 'POST', body }),
    onSuccess: (result) => {
      setReportedId(result.id);
      void client.invalidateQueries({ queryKey: KEJADIAN_KEY });
      if (photo) sendPhoto.mutate({ id: result.id, file: photo });
      else void navigate(`/kejadian/${result.id}`);
    },
  });
  const issues = issuesOf(report.error);

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
    if (reportedId !== null) return;
    const form = new FormData(event.currentTarget);
    const terjadi = formText(form, 'terjadiAt');
    const keparahan = formText(form, 'keparahan');
    const tpsId = formText(form, 'tpsId');
    report.mutate({
      clientId,
      kategori: formText(form, 'kategori'),
      kodeWilayah: formText(form, 'kodeWilayah'),
      tpsId: tpsId === '' ? null : tpsId,
      lat: formNumber(form, 'lat'),
      lon: formNumber(form, 'lon'),
      // datetime-local has no zone: the browser's own offset is the user's.
      terjadiAt: terjadi === '' ? '' : new Date(terjadi).toISOString(),
      uraian: formText(form, 'uraian'),
      ...(keparahan === '' ? {} : { keparahan }),
      terbatas: form.get('terbatas') === 'on',
      pelaporRahasia: form.get('pelaporRahasia') === 'on',
    });
  };

  const describedBy = (name: string) => (issues[name] ? `${name}-error` : undefined);
  return (
    <form className="card form-grid" onSubmit={submit} aria-label={t('kej.form.title')} noValidate>
      <h1>{t('kej.form.title')}</h1>
      <label>
        {t('kej.form.kategori')}
        <select name="kategori" required defaultValue="" aria-describedby={describedBy('kategori')}>
          <option value="" disabled>
            —
          </option>
          {KATEGORI_KEJADIAN.map((k) => (
            <option key={k} value={k}>
              {t(`kej.kategori.${k}`)}
            </option>
          ))}
        </select>
        <FieldError name="kategori" issues={issues} />
      </label>
      <label>
        {t('kej.form.wilayah')}
        <input
          name="kodeWilayah"
          value={kodeWilayah}
          onChange={(e) => setKodeWilayah(e.target.value.trim())}
          inputMode="decimal"
          autoComplete="off"
          required
          aria-describedby={describedBy('kodeWilayah')}
        />
        <FieldError name="kodeWilayah" issues={issues} />
      </label>
      <label>
        {t('kej.form.tps')}
        <select name="tpsId" defaultValue="" aria-describedby={describedBy('tpsId')}>
          <option value="">{t('kej.form.noTps')}</option>
          {tps.data?.items.map((item) => (
            <option key={item.tpsId} value={item.tpsId}>
              {item.nama}
            </option>
          ))}
        </select>
        <FieldError name="tpsId" issues={issues} />
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
          <FieldError name="lat" issues={issues} />
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
          <FieldError name="lon" issues={issues} />
        </label>
      </fieldset>
      <label>
        {t('kej.form.terjadiAt')}
        <input
          type="datetime-local"
          name="terjadiAt"
          defaultValue={localNow()}
          max={localNow()}
          required
          aria-describedby={describedBy('terjadiAt')}
        />
        <FieldError name="terjadiAt" issues={issues} />
      </label>
      <label>
        {t('kej.form.uraian')}
        <textarea
          name="uraian"
          rows={4}
          required
          minLength={5}
          maxLength={4000}
          aria-describedby={['uraian-hint', describedBy('uraian')].filter(Boolean).join(' ')}
        />
        <span id="uraian-hint" className="muted small">
          {t('kej.form.uraianHint')}
        </span>
        <FieldError name="uraian" issues={issues} />
      </label>
      <label>
        {t('kej.keparahan')}
        <select name="keparahan" defaultValue="">
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
          aria-describedby={photoError ? 'foto-error' : undefined}
        />
        {photoError && (
          <span id="foto-error" className="field-error">
            {photoError}
          </span>
        )}
      </label>
      <label className="inline">
        <input type="checkbox" name="terbatas" /> {t('kej.form.terbatas')}
      </label>
      <label className="inline">
        <input type="checkbox" name="pelaporRahasia" /> {t('kej.form.rahasia')}
      </label>
      <ErrorMessage error={report.error} />
      {report.error !== null && <p className="muted small">{t('kej.form.retryHint')}</p>}
      {reportedId !== null && (
        <p className="success" role="status">
          {t('kej.form.sent')}
        </p>
      )}
      {sendPhoto.error !== null && reportedId !== null && photo && (
        <div role="alert">
          <p>{t('kej.form.photoFailed')}</p>
          <ErrorMessage error={sendPhoto.error} />
          <div className="actions">
            <button type="button" onClick={() => sendPhoto.mutate({ id: reportedId, file: photo })}>
              {t('kej.form.retryPhoto')}
            </button>
            <Link to={`/kejadian/${reportedId}`}>{t('kej.form.open')}</Link>
          </div>
        </div>
      )}
      <button
        type="submit"
        className="primary sticky-action"
        disabled={report.isPending || sendPhoto.isPending || reportedId !== null}
      >
        {report.isPending || sendPhoto.isPending ? t('kej.form.sending') : t('kej.form.submit')}
      </button>
    </form>
  );
}
