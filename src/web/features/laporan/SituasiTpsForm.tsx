/**
 * A TPS's security on voting day as the tiga pilar (lurah, Babinsa, Bhabinkamtibmas) and the KPPS see
 * it: kondusif, waspada or genting with a short note (issue 14, "file everything offline"). Filed
 * through the outbox under a client id, so it waits on the phone without signal and the server takes
 * it once (hari-h.service reportSituasi); a refused report opens here again (`?ubah=<client id>`) with
 * what was written, to be corrected and sent under the same id.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { TpsSituasiInput } from '../../../contracts/hari-h';
import { LEVEL_SITUASI, type LevelSituasi } from '../../../domain/laporan/situasi';
import { useI18n } from '../../i18n/i18n';
import { fileSubmission, refileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { useOutboxItems } from '../offline/useOutbox';
import './i18n';

type Body = typeof TpsSituasiInput._input;

export function SituasiTpsForm({
  tpsId,
  nama,
  kodeWilayah,
}: {
  tpsId: string;
  nama: string;
  kodeWilayah: string;
}) {
  const [params] = useSearchParams();
  const editing = useOutboxItems().find(
    (i) =>
      i.id === params.get('ubah') &&
      i.kind === 'situasi-tps' &&
      (i.requests[0]?.body as Body | undefined)?.tpsId === tpsId,
  );
  const [filedId, setFiledId] = useState<string | null>(null);
  // Drawn again when a refused report is opened to edit, so the fields hold what it said.
  return (
    <Fields
      key={editing?.id ?? 'baru'}
      tpsId={tpsId}
      nama={nama}
      kodeWilayah={kodeWilayah}
      editing={editing ? { id: editing.id, body: editing.requests[0]!.body as Body } : null}
      filedId={filedId}
      onFiled={setFiledId}
    />
  );
}

function Fields({
  tpsId,
  nama,
  kodeWilayah,
  editing,
  filedId,
  onFiled,
}: {
  tpsId: string;
  nama: string;
  kodeWilayah: string;
  editing: { id: string; body: Body } | null;
  filedId: string | null;
  onFiled: (id: string) => void;
}) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [situasi, setSituasi] = useState<LevelSituasi>(editing?.body.situasi ?? 'kondusif');
  const [catatan, setCatatan] = useState(editing?.body.catatan ?? '');
  const [clientId, setClientId] = useState(() => editing?.id ?? crypto.randomUUID());
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const item = {
      label: `${t('harih.keamanan.label', { tps: nama })} (${t(`laporan.level.${situasi}`)})`,
      requests: [
        outboxRequest('hari-h.situasi', hariHApi.situasi, {
          body: { clientId, tpsId, situasi, catatan, dibuatAt: new Date().toISOString() },
        }),
      ],
      form: { editPath: `/hari-h?wilayah=${kodeWilayah}&ubah=${clientId}` },
    };
    const stored = editing
      ? refileSubmission(clientId, item)
      : fileSubmission({ id: clientId, kind: 'situasi-tps', ...item });
    void stored.then(() => onFiled(clientId));
    if (editing) void navigate(`/hari-h?wilayah=${kodeWilayah}`, { replace: true });
    setClientId(crypto.randomUUID());
    setSituasi('kondusif');
    setCatatan('');
  };
  return (
    <>
      <details className="situasi-tps" open={editing !== null}>
        <summary>{t('harih.keamanan.open')}</summary>
        <form onSubmit={submit} aria-label={t('harih.keamanan.form', { tps: nama })} className="form-grid">
          <fieldset>
            <legend>{t('harih.keamanan.level')}</legend>
            {LEVEL_SITUASI.map((level) => (
              <label key={level} className="inline">
                <input
                  type="radio"
                  name="situasi"
                  value={level}
                  checked={situasi === level}
                  onChange={() => setSituasi(level)}
                />{' '}
                {t(`laporan.level.${level}`)}
              </label>
            ))}
          </fieldset>
          <label>
            {situasi === 'kondusif' ? t('harih.keamanan.catatanOpsional') : t('harih.keamanan.catatan')}
            {/* The server asks a note of waspada and genting (hari-h.service); asked here before it is filed. */}
            <textarea
              name="catatan"
              rows={2}
              maxLength={500}
              required={situasi !== 'kondusif'}
              value={catatan}
              onChange={(e) => setCatatan(e.target.value)}
            />
          </label>
          <button type="submit" className="primary">
            {editing ? t('harih.keamanan.resend') : t('harih.keamanan.send')}
          </button>
        </form>
      </details>
      <SubmissionNotice id={filedId} />
    </>
  );
}
