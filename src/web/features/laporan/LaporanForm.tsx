/**
 * The situation report form: filed into the phone's outbox (offline-safe, one client id per report),
 * and a correction of the newest version, on the phone or at the server, names what it replaces.
 */
import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import type { LaporanSubmit, StatusLaporan } from '../../../contracts/laporan';
import { laporanApi } from '../../../contracts/routes/laporan';
import { HITUNGAN_SITUASI, LEVEL_SITUASI, type LevelSituasi } from '../../../domain/laporan/situasi';
import { formText } from '../../components/form-text';
import { useI18n } from '../../i18n/i18n';
import { fileSubmission, refileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import type { OutboxItem } from '../offline/outbox';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { useOutboxItems } from '../offline/useOutbox';
import { useLevelLabel } from './sebutan-level';
import './i18n';

type Status = typeof StatusLaporan._output;

/** What the form corrects: the newest version, on the phone (not yet sent) or at the server. */
interface Replaces {
  /** The id, or the client id, the correction names (`menggantikan`). */
  ref: string;
  isi: { level: LevelSituasi; narasi: string; hitungan: Partial<Record<string, number>> };
}

export function LaporanForm({ status }: { status: Status }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const items = useOutboxItems();
  const editing = items.find((i) => i.id === params.get('ubah') && i.kind === 'laporan');
  // Reports of this area and period still on the phone: the newest is the version a correction names.
  const pending = items.filter((i) => {
    const body = i.requests[0]?.body as LaporanSubmit | undefined;
    return i.kind === 'laporan' && body?.kodeWilayah === status.kodeWilayah && body.slotAt === status.slotAt;
  });
  const newest = pending.at(-1);
  // Kept here: filing a report changes what the next one corrects, which draws the fields anew.
  const [filedId, setFiledId] = useState<string | null>(null);
  const replaces: Replaces | null =
    newest !== undefined && newest.id !== editing?.id
      ? { ref: newest.id, isi: newest.requests[0]!.body as LaporanSubmit }
      : status.own !== null
        ? { ref: status.own.id, isi: { ...status.own, hitungan: status.draft.hitungan } }
        : null;
  // Drawn again when what it corrects changes (a report sent, a refused one opened to edit).
  return (
    <ReportFields
      key={`${editing?.id ?? 'baru'}-${replaces?.ref ?? ''}`}
      status={status}
      editing={editing ?? null}
      replaces={editing ? null : replaces}
      filedId={filedId}
      onFiled={setFiledId}
      t={t}
    />
  );
}

function ReportFields({
  status,
  editing,
  replaces,
  filedId,
  onFiled,
  t,
}: {
  status: Status;
  editing: OutboxItem | null;
  replaces: Replaces | null;
  filedId: string | null;
  onFiled: (id: string) => void;
  t: ReturnType<typeof useI18n>['t'];
}) {
  const navigate = useNavigate();
  const levelLabel = useLevelLabel();
  const before = (editing?.requests[0]?.body ?? null) as LaporanSubmit | null;
  const start = before ??
    replaces?.isi ?? {
      level: status.draft.level ?? 'kondusif',
      narasi: status.draft.narasi,
      hitungan: status.draft.hitungan,
    };
  const [level, setLevel] = useState<LevelSituasi>(start.level);
  const [clientId, setClientId] = useState(() => editing?.id ?? crypto.randomUUID());
  const menggantikan = before?.menggantikan ?? replaces?.ref;
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const hitungan = Object.fromEntries(HITUNGAN_SITUASI.map((k) => [k, Number(form.get(k) ?? 0) || 0]));
    const body = {
      clientId,
      kodeWilayah: status.kodeWilayah,
      level,
      narasi: formText(form, 'narasi'),
      hitungan,
      // The period the user saw, so a report sent after its deadline still answers that period.
      ...(status.slotAt === null ? {} : { slotAt: status.slotAt }),
      dibuatAt: new Date().toISOString(),
      ...(menggantikan === undefined ? {} : { menggantikan }),
    };
    const title = menggantikan === undefined ? t('laporan.title') : t('laporan.correction');
    const item = {
      label: `${title} ${status.namaWilayah} (${levelLabel(level)})`,
      requests: [outboxRequest('laporan.situasi', laporanApi.postSituasi, { body })],
      form: { editPath: `/laporan?wilayah=${status.kodeWilayah}&ubah=${clientId}` },
    };
    const stored = editing
      ? refileSubmission(clientId, item)
      : fileSubmission({ id: clientId, kind: 'laporan', ...item });
    void stored.then(() => onFiled(clientId));
    if (editing) void navigate(`/laporan?wilayah=${status.kodeWilayah}`, { replace: true });
    setClientId(crypto.randomUUID());
  };
  return (
    <form className="card form-grid laporan-form" onSubmit={submit} aria-label={t('laporan.send')}>
      {menggantikan !== undefined && <p className="muted small">{t('laporan.correctionHint')}</p>}
      <fieldset>
        <legend>{t('laporan.level')}</legend>
        {LEVEL_SITUASI.map((l) => (
          <label key={l} className="inline">
            <input type="radio" name="level" value={l} checked={level === l} onChange={() => setLevel(l)} />{' '}
            {levelLabel(l)}
          </label>
        ))}
      </fieldset>
      <label>
        {t('laporan.narasi')}
        <textarea name="narasi" rows={3} maxLength={2000} defaultValue={start.narasi} />
      </label>
      <fieldset className="counts">
        {HITUNGAN_SITUASI.map((k) => (
          <label key={k}>
            {t(`laporan.hitungan.${k}`)}
            <input name={k} type="number" min={0} inputMode="numeric" defaultValue={start.hitungan[k] ?? 0} />
          </label>
        ))}
      </fieldset>
      <button type="submit" className="primary">
        {menggantikan === undefined ? t('laporan.send') : t('laporan.sendCorrection')}
      </button>
      <SubmissionNotice id={filedId} />
    </form>
  );
}
