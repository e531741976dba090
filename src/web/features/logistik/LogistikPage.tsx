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
import { pengamananApi } from '../../../contracts/routes/pengamanan';
import { instanSetempat, nilaiSetempat, waktuSetempat, zonaOf } from '../../../domain/time/zona';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import { api, apiUrl, call, query } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { useTeks } from '../../i18n/i18n';
import { TEKS_LOGISTIK } from './teks';
import { useSession } from '../auth/session';
import { shrinkPhoto } from '../kejadian/foto';
import type { OutboxRequest } from '../offline/outbox';
import { fileSubmission } from '../offline/outbox-browser';
import { WilayahSearch } from '../wilayah/WilayahSearch';
import { EscortForm } from './EscortForm';
import { LegForm } from './LegForm';
import { LegMap } from './LegMap';
import { PeringatanPanel } from './PeringatanPanel';
import { RencanaImport } from './RencanaImport';
import { LEG_COLORS, warnaLeg } from './warna';
import { Bagian, wideScreen } from '../../components/Bagian';

export function LogistikPage() {
  const tl = useTeks(TEKS_LOGISTIK);
  const { user, can } = useSession();
  const [params, setParams] = useSearchParams();
  const wilayah = params.get('wilayah') ?? user?.kodeWilayah ?? '';
  const parsed = parseKodeWilayah(wilayah);
  const isArea = parsed.ok && parsed.value.level !== 'provinsi';
  const [open, setOpen] = useState<{ id: string; what: 'handover' | 'escort' } | null>(null);
  const board = useQuery({
    queryKey: ['logistik', wilayah],
    queryFn: () => api(LogistikBoard, `/api/logistik${query({ wilayah })}`),
    enabled: isArea,
  });
  const data = board.data;
  const kab = data?.kodeKabKota ?? '';
  // The escort is the Polres' to assign (pengamanan:plan, Polri only: ADR 0016).
  const canEscort = user?.agency === 'polri' && can('pengamanan:plan');
  const forces = useQuery({
    queryKey: ['pengamanan', 'forces', kab],
    queryFn: () => call(pengamananApi.forces, { query: { wilayah: kab } }),
    enabled: canEscort && kab !== '',
  });
  const units = (forces.data?.units ?? []).filter((u) => u.kind === 'polri');
  const pick = (id: string) =>
    document.getElementById(`leg-${id}`)?.scrollIntoView({ behavior: 'smooth', block: 'center' });
  return (
    <section>
      <div className="page-head">
        <h1>
          {tl('log.title')}
          {data ? ` — ${data.namaKabKota}` : ''}
        </h1>
      </div>
      <div className="filters">
        <WilayahSearch onPick={(kode) => setParams({ wilayah: kode })} />
      </div>
      {!isArea && <p>{tl('log.pick')}</p>}
      <ErrorMessage error={board.error} onRetry={() => void board.refetch()} />
      {data && (
        <>
          <p data-testid="log-ringkasan">
            {tl('log.total', { n: data.ringkasan.total })} ·{' '}
            {(Object.keys(data.ringkasan.perBendera) as (keyof typeof data.ringkasan.perBendera)[])
              .filter((k) => data.ringkasan.perBendera[k] > 0)
              .map((k) => `${tl(`log.flag.${k}`)}: ${data.ringkasan.perBendera[k]}`)
              .join(' · ')}
          </p>
          <p>
            <a href={apiUrl(`/api/logistik/laporan${query({ wilayah, format: 'pdf' })}`)}>{tl('log.pdf')}</a>
            {' · '}
            <a href={apiUrl(`/api/logistik/laporan${query({ wilayah, format: 'xlsx' })}`)}>
              {tl('log.xlsx')}
            </a>
            {' · '}
            <span className="muted">{tl('log.zona', { zona: zonaOf(kab) })}</span>
          </p>
          <Bagian title={tl('log.map.title')} testId="log-peta" defaultOpen={wideScreen()}>
            <LegMap legs={data.legs} onPick={pick} />
          </Bagian>
          {data.canPlan && (
            <Bagian title={tl('log.form.title')} testId="log-rencana">
              <LegForm
                kab={kab}
                namaKab={data.namaKabKota}
                legs={data.legs}
                onSaved={() => void board.refetch()}
              />
            </Bagian>
          )}
          {data.canPlan && (
            <Bagian title={tl('log.import.title')} testId="log-impor">
              <RencanaImport kab={kab} onDone={() => void board.refetch()} />
            </Bagian>
          )}
          <Bagian title={tl('log.warn.title')} testId="log-cuaca">
            <PeringatanPanel kab={kab} namaKab={data.namaKabKota} canPlan={data.canPlan} />
          </Bagian>
          <h2>{tl('log.legs')}</h2>
          {data.legs.length === 0 && <p>{tl('log.empty')}</p>}
          <ul className="leg-list" aria-label={tl('log.legs')}>
            {data.legs.map((leg) => (
              <li key={leg.id} id={`leg-${leg.id}`} className="card" data-testid={`leg-${leg.id}`}>
                <LegCard leg={leg} kab={kab} />
                {open?.id === leg.id && open.what === 'handover' ? (
                  <HandoverForm
                    leg={leg}
                    kab={kab}
                    onDone={() => {
                      setOpen(null);
                      void board.refetch();
                    }}
                  />
                ) : open?.id === leg.id && open.what === 'escort' ? (
                  <EscortForm leg={leg} kab={kab} units={units} onDone={() => setOpen(null)} />
                ) : (
                  <div className="actions">
                    {data.canHandover && (
                      <button type="button" onClick={() => setOpen({ id: leg.id, what: 'handover' })}>
                        {tl('log.handover')}
                      </button>
                    )}
                    {canEscort && leg.pengawal.tugasId !== null && (
                      <button type="button" onClick={() => setOpen({ id: leg.id, what: 'escort' })}>
                        {tl('log.escort.open')}
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}

function LegCard({ leg, kab }: { leg: LegView; kab: string }) {
  const tl = useTeks(TEKS_LOGISTIK);
  const warna = warnaLeg(leg);
  return (
    <div>
      <h3 className="leg-title">
        <span className="swatch" style={{ background: LEG_COLORS[warna] }} aria-hidden="true" />{' '}
        {leg.dari.nama} → {leg.ke.nama}
      </h3>
      <p>
        <strong data-testid="leg-status">{tl(`log.status.${leg.status}`)}</strong> ·{' '}
        {tl(`log.moda.${leg.moda}`)} · {waktuSetempat(leg.berangkat, kab)} → {waktuSetempat(leg.tiba, kab)} ·{' '}
        {leg.jarakKm.toLocaleString('id-ID')} km · {tl('log.menit', { n: leg.waktuTempuhMenit })}
      </p>
      <p>
        {tl('log.load', { kotak: leg.kotak, surat: leg.suratSuara.toLocaleString('id-ID') })} ·{' '}
        {tl('log.col.escort')}:{' '}
        <span data-testid="leg-escort">
          {leg.pengawal.petugas.map((p) => `${p.nama} (${p.jumlah})`).join(', ') || tl('log.escort.none')}
        </span>
      </p>
      {leg.serahTerima && (
        <p>
          {tl('log.received', {
            nama: leg.serahTerima.penerimaNama,
            segel: leg.serahTerima.segel.join(', ') || '-',
          })}
        </p>
      )}
      {leg.bendera.length > 0 && (
        <ul className="flags" data-testid="leg-flags">
          {leg.bendera.map((b) => (
            <li key={b.kode} className="badge badge-warn">
              <strong>{tl(`log.flag.${b.kode}`)}</strong>: {b.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

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

function HandoverForm({ leg, kab, onDone }: { leg: LegView; kab: string; onDone: () => void }) {
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
      diterimaPada: text('diterimaPada') === '' ? '' : instanSetempat(text('diterimaPada'), kab),
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
      {name === 'diterimaPada' ? tl('log.handover.waktu', { zona: zonaOf(kab) }) : tl(LABELS[name])}
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
      {field('diterimaPada', 'datetime-local', { defaultValue: nilaiSetempat(new Date(), kab) })}
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
  diterimaPada: 'log.handover.waktu',
  tempat: 'log.handover.tempat',
  alasan: 'log.handover.alasan',
} as const;
