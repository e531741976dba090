/**
 * Distribusi logistik: the board of every leg of a kab/kota (or of one's own area) with its state,
 * escort and flags, PDF/XLSX for the rakor, and the berita acara serah terima recorded on the phone:
 * filed in the outbox (features/offline) under its client id with its photo and drawn signature, so it
 * is kept offline and sent once when the signal returns.
 */
import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { LogistikBoard, SerahTerimaCreate, type LegView } from '../../../contracts/logistik';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { api, apiUrl, query } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { shrinkPhoto } from '../kejadian/foto';
import type { OutboxRequest } from '../offline/outbox';
import { fileSubmission } from '../offline/outbox-browser';
import { WilayahSearch } from '../wilayah/WilayahSearch';

const when = (iso: string) =>
  new Date(iso).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'short' });

export function LogistikPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? '';
  const parsed = parseKodeWilayah(wilayah);
  const isArea = parsed.ok && parsed.value.level !== 'provinsi';
  const [open, setOpen] = useState<string | null>(null);
  const board = useQuery({
    queryKey: ['logistik', wilayah],
    queryFn: () => api(LogistikBoard, `/api/logistik${query({ wilayah })}`),
    enabled: isArea,
  });
  const data = board.data;
  return (
    <section>
      <div className="page-head">
        <h1>
          {t('log.title')}
          {data ? ` — ${data.namaKabKota}` : ''}
        </h1>
      </div>
      <div className="filters">
        <WilayahSearch onPick={(kode) => setParams({ wilayah: kode })} />
      </div>
      {!isArea && <p>{t('log.pick')}</p>}
      <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      {data && (
        <>
          <p data-testid="log-ringkasan">
            {t('log.total', { n: data.ringkasan.total })} ·{' '}
            {(Object.keys(data.ringkasan.perBendera) as (keyof typeof data.ringkasan.perBendera)[])
              .filter((k) => data.ringkasan.perBendera[k] > 0)
              .map((k) => `${t(`log.flag.${k}`)}: ${data.ringkasan.perBendera[k]}`)
              .join(' · ')}
          </p>
          <p>
            <a href={apiUrl(`/api/logistik/laporan${query({ wilayah, format: 'pdf' })}`)}>{t('log.pdf')}</a>
            {' · '}
            <a href={apiUrl(`/api/logistik/laporan${query({ wilayah, format: 'xlsx' })}`)}>{t('log.xlsx')}</a>
          </p>
          {data.legs.length === 0 && <p>{t('log.empty')}</p>}
          <ul className="leg-list" aria-label={t('log.title')}>
            {data.legs.map((leg) => (
              <li key={leg.id} className="card" data-testid={`leg-${leg.id}`}>
                <LegCard leg={leg} />
                {data.canHandover &&
                  (open === leg.id ? (
                    <HandoverForm
                      leg={leg}
                      onDone={() => {
                        setOpen(null);
                        void board.refetch();
                      }}
                    />
                  ) : (
                    <button type="button" onClick={() => setOpen(leg.id)}>
                      {t('log.handover')}
                    </button>
                  ))}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LegCard({ leg }: { leg: LegView }) {
  const { t } = useI18n();
  return (
    <div>
      <h2 className="leg-title">
        {leg.dari.nama} → {leg.ke.nama}
      </h2>
      <p>
        <strong data-testid="leg-status">{t(`log.status.${leg.status}`)}</strong> ·{' '}
        {t(`log.moda.${leg.moda}`)} · {when(leg.berangkat)} → {when(leg.tiba)} · {leg.jarakKm} km
      </p>
      <p>
        {t('log.load', { kotak: leg.kotak, surat: leg.suratSuara.toLocaleString('id-ID') })} ·{' '}
        {t('log.col.escort')}:{' '}
        {leg.pengawal.petugas.map((p) => `${p.nama} (${p.jumlah})`).join(', ') || t('log.escort.none')}
      </p>
      {leg.serahTerima && (
        <p>
          {t('log.received', {
            nama: leg.serahTerima.penerimaNama,
            segel: leg.serahTerima.segel.join(', ') || '-',
          })}
        </p>
      )}
      {leg.bendera.length > 0 && (
        <ul className="flags" data-testid="leg-flags">
          {leg.bendera.map((b) => (
            <li key={b.kode} className="badge badge-warn">
              <strong>{t(`log.flag.${b.kode}`)}</strong>: {b.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** A drawn signature: pointer strokes on a canvas, sent as a PNG. */
function SignaturePad({ canvasRef }: { canvasRef: React.RefObject<HTMLCanvasElement | null> }) {
  const { t } = useI18n();
  const drawing = useRef(false);
  const point = (e: React.PointerEvent<HTMLCanvasElement>) => {
    const r = e.currentTarget.getBoundingClientRect();
    return [
      ((e.clientX - r.left) * e.currentTarget.width) / r.width,
      ((e.clientY - r.top) * e.currentTarget.height) / r.height,
    ] as const;
  };
  return (
    <div>
      <canvas
        ref={canvasRef}
        width={600}
        height={200}
        className="signature"
        style={{
          width: '100%',
          maxWidth: '100%',
          height: 'auto',
          touchAction: 'none',
          border: '1px solid #555',
        }}
        aria-label={t('log.handover.ttd')}
        data-drawn="no"
        onPointerDown={(e) => {
          drawing.current = true;
          const ctx = e.currentTarget.getContext('2d');
          const [x, y] = point(e);
          ctx?.beginPath();
          ctx?.moveTo(x, y);
        }}
        onPointerMove={(e) => {
          if (!drawing.current) return;
          const ctx = e.currentTarget.getContext('2d');
          if (!ctx) return;
          const [x, y] = point(e);
          ctx.lineWidth = 3;
          ctx.lineTo(x, y);
          ctx.stroke();
          e.currentTarget.dataset.drawn = 'yes';
        }}
        onPointerUp={() => (drawing.current = false)}
      />
      <button
        type="button"
        onClick={() => {
          const c = canvasRef.current;
          c?.getContext('2d')?.clearRect(0, 0, c.width, c.height);
          if (c) c.dataset.drawn = 'no';
        }}
      >
        {t('log.handover.ttdClear')}
      </button>
    </div>
  );
}

const toPng = (canvas: HTMLCanvasElement) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));

function HandoverForm({ leg, onDone }: { leg: LegView; onDone: () => void }) {
  const { t } = useI18n();
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [issues, setIssues] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = new FormData(e.currentTarget);
    const text = (name: string) => formText(form, name);
    const clientId = crypto.randomUUID();
    const koreksi = form.get('koreksi') === 'on' && leg.serahTerima !== null;
    const body = {
      clientId,
      legId: leg.id,
      koreksiAtas: koreksi ? leg.serahTerima!.id : null,
      alasanKoreksi: koreksi ? text('alasan') : null,
      pemberiNama: text('pemberiNama'),
      pemberiJabatan: text('pemberiJabatan'),
      penerimaNama: text('penerimaNama'),
      penerimaJabatan: text('penerimaJabatan'),
      kotak: Number(text('kotak')),
      suratSuara: Number(text('suratSuara')),
      segel: text('segel')
        .split(',')
        .map((s) => s.trim())
        .filter((s) => s !== ''),
      // datetime-local has no zone: the phone's own offset is the user's.
      diterimaPada: text('diterimaPada') === '' ? '' : new Date(text('diterimaPada')).toISOString(),
      tempat: text('tempat'),
      lat: null,
      lon: null,
    };
    const checked = SerahTerimaCreate.safeParse(body);
    if (!checked.success) {
      setIssues(Object.fromEntries(checked.error.issues.map((i) => [i.path.join('.'), i.message])));
      return;
    }
    setIssues({});
    setBusy(true);
    void (async () => {
      const requests: OutboxRequest[] = [{ method: 'POST', path: '/api/logistik/serah-terima', body }];
      const photo = form.get('foto');
      if (photo instanceof File && photo.size > 0) {
        const small = await shrinkPhoto(photo);
        requests.push({
          method: 'PUT',
          path: '/api/logistik/serah-terima/{id}/foto',
          file: { bytes: await small.arrayBuffer(), type: small.type || photo.type },
        });
      }
      if (canvas.current && canvas.current.dataset.drawn === 'yes') {
        const png = await toPng(canvas.current);
        if (png)
          requests.push({
            method: 'PUT',
            path: '/api/logistik/serah-terima/{id}/ttd',
            file: { bytes: await png.arrayBuffer(), type: 'image/png' },
          });
      }
      await fileSubmission({
        id: clientId,
        kind: 'serah-terima',
        label: `${t('log.handover.title')}: ${leg.dari.nama} → ${leg.ke.nama}`,
        requests,
      });
      setSaved(true);
    })()
      .catch((error: unknown) => setIssues({ form: String(error) }))
      .finally(() => setBusy(false));
  };
  if (saved)
    return (
      <div role="status">
        <p data-testid="handover-saved">{t('log.handover.saved')}</p>
        <button type="button" onClick={onDone}>
          OK
        </button>
      </div>
    );
  const field = (name: keyof typeof LABELS, type = 'text', extra: Record<string, unknown> = {}) => (
    <label>
      {t(LABELS[name])}
      <input name={name} type={type} aria-invalid={issues[name] ? true : undefined} {...extra} />
      {issues[name] && <span className="field-error">{issues[name]}</span>}
    </label>
  );
  return (
    <form className="form-stack" onSubmit={submit} aria-label={t('log.handover.title')} noValidate>
      <h3>{t('log.handover.title')}</h3>
      {field('pemberiNama')}
      {field('pemberiJabatan')}
      {field('penerimaNama')}
      {field('penerimaJabatan')}
      {field('kotak', 'number', { inputMode: 'numeric', defaultValue: leg.kotak, min: 0 })}
      {field('suratSuara', 'number', { inputMode: 'numeric', defaultValue: leg.suratSuara, min: 0 })}
      {field('segel')}
      {field('diterimaPada', 'datetime-local')}
      {field('tempat', 'text', { defaultValue: leg.ke.nama })}
      <label>
        {t('log.handover.foto')}
        <input name="foto" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />
      </label>
      <fieldset>
        <legend>{t('log.handover.ttd')}</legend>
        <SignaturePad canvasRef={canvas} />
      </fieldset>
      {leg.serahTerima && (
        <>
          <label>
            <input name="koreksi" type="checkbox" /> {t('log.handover.koreksi')}
          </label>
          {field('alasan')}
        </>
      )}
      {issues.form && <p className="field-error">{issues.form}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('log.handover.send')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {t('log.handover.cancel')}
        </button>
      </div>
    </form>
  );
}

const LABELS = {
  pemberiNama: 'log.handover.pemberi',
  pemberiJabatan: 'log.handover.jabatan',
  penerimaNama: 'log.handover.penerima',
  penerimaJabatan: 'log.handover.jabatan',
  kotak: 'log.handover.kotak',
  suratSuara: 'log.handover.surat',
  segel: 'log.handover.segel',
  diterimaPada: 'log.handover.waktu',
  tempat: 'log.handover.tempat',
  alasan: 'log.handover.alasan',
} as const;
