/**
 * The berita acara serah terima recorded on the phone where a leg arrives: filed in the outbox
 * (features/offline) under its client id with its photo and drawn signature, each request built from
 * the route table (outbox-routes.ts), so it is kept offline and sent once when the signal returns.
 */
import { useRef, useState, type FormEvent } from 'react';
import { SerahTerimaCreate, type LegView } from '../../../contracts/logistik';
import { formText } from '../../components/form-text';
import { WaktuSetempatInput, waktuForm } from '../../components/WaktuSetempat';
import { useTeks } from '../../i18n/i18n';
import { shrinkPhoto } from '../kejadian/foto';
import type { OutboxRequest } from '../offline/outbox';
import { fileSubmission } from '../offline/outbox-browser';
import { FIRST_ANSWER_ID, outboxRequest } from '../offline/outbox-routes';
import { logistikApi } from '../../../contracts/routes/logistik';
import { TEKS_LOGISTIK } from './teks';

/** A drawn signature: pointer strokes on a canvas, sent as a PNG. */
function SignaturePad({ canvasRef }: { canvasRef: React.RefObject<HTMLCanvasElement | null> }) {
  const tl = useTeks(TEKS_LOGISTIK);
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
        aria-label={tl('log.handover.ttd')}
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
        {tl('log.handover.ttdClear')}
      </button>
    </div>
  );
}

const toPng = (canvas: HTMLCanvasElement) =>
  new Promise<Blob | null>((resolve) => canvas.toBlob((b) => resolve(b), 'image/png'));

export function HandoverForm({ leg, kab, onDone }: { leg: LegView; kab: string; onDone: () => void }) {
  const tl = useTeks(TEKS_LOGISTIK);
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
      // The form's wall clock is the region's (WIB/WITA/WIT), not the phone's setting.
      diterimaPada: waktuForm(form, 'diterimaPada', kab),
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
      const requests: OutboxRequest[] = [
        outboxRequest('logistik.serah-terima', logistikApi.serahTerima, { body }),
      ];
      const photo = form.get('foto');
      if (photo instanceof File && photo.size > 0) {
        const small = await shrinkPhoto(photo);
        requests.push(
          outboxRequest('logistik.berkas', logistikApi.putBerkas, {
            params: { id: FIRST_ANSWER_ID, jenis: 'foto' },
            file: { bytes: await small.arrayBuffer(), type: small.type || photo.type },
          }),
        );
      }
      if (canvas.current && canvas.current.dataset.drawn === 'yes') {
        const png = await toPng(canvas.current);
        if (png)
          requests.push(
            outboxRequest('logistik.berkas', logistikApi.putBerkas, {
              params: { id: FIRST_ANSWER_ID, jenis: 'ttd' },
              file: { bytes: await png.arrayBuffer(), type: 'image/png' },
            }),
          );
      }
      await fileSubmission({
        id: clientId,
        kind: 'serah-terima',
        label: `${tl('log.handover.title')}: ${leg.dari.nama} → ${leg.ke.nama}`,
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
        <p data-testid="handover-saved">{tl('log.handover.saved')}</p>
        <button type="button" onClick={onDone}>
          OK
        </button>
      </div>
    );
  const field = (name: keyof typeof LABELS, type = 'text', extra: Record<string, unknown> = {}) => (
    <label>
      {tl(LABELS[name])}
      <input name={name} type={type} aria-invalid={issues[name] ? true : undefined} {...extra} />
      {issues[name] && <span className="field-error">{issues[name]}</span>}
    </label>
  );
  return (
    <form className="form-stack" onSubmit={submit} aria-label={tl('log.handover.title')} noValidate>
      <h3>{tl('log.handover.title')}</h3>
      {field('pemberiNama')}
      {field('pemberiJabatan')}
      {field('penerimaNama')}
      {field('penerimaJabatan')}
      {field('kotak', 'number', { inputMode: 'numeric', defaultValue: leg.kotak, min: 0 })}
      {field('suratSuara', 'number', { inputMode: 'numeric', defaultValue: leg.suratSuara, min: 0 })}
      {field('segel')}
      <WaktuSetempatInput
        label={(zona) => tl('log.handover.waktu', { zona })}
        kodeWilayah={kab}
        name="diterimaPada"
        defaultInstant={new Date()}
        aria-invalid={issues.diterimaPada ? true : undefined}
      >
        {issues.diterimaPada && <span className="field-error">{issues.diterimaPada}</span>}
      </WaktuSetempatInput>
      {field('tempat', 'text', { defaultValue: leg.ke.nama })}
      <label>
        {tl('log.handover.foto')}
        <input name="foto" type="file" accept="image/jpeg,image/png,image/webp" capture="environment" />
      </label>
      <fieldset>
        <legend>{tl('log.handover.ttd')}</legend>
        <SignaturePad canvasRef={canvas} />
      </fieldset>
      {leg.serahTerima && (
        <>
          <label>
            <input name="koreksi" type="checkbox" /> {tl('log.handover.koreksi')}
          </label>
          {field('alasan')}
        </>
      )}
      {issues.form && <p className="field-error">{issues.form}</p>}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {tl('log.handover.send')}
        </button>{' '}
        <button type="button" onClick={onDone}>
          {tl('log.handover.cancel')}
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
  tempat: 'log.handover.tempat',
  alasan: 'log.handover.alasan',
} as const;
