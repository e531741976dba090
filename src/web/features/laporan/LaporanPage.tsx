import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import type { Laporan, LaporanSubmit, StatusLaporan } from '../../../contracts/laporan';
import type { Role } from '../../../domain/access/roles';
import { waktuSetempat } from '../../../domain/time/zona';
import { HITUNGAN_SITUASI, LEVEL_SITUASI, type LevelSituasi } from '../../../domain/laporan/situasi';
import { call, urlOf } from '../../api/client';
import { laporanApi } from '../../../contracts/routes/laporan';
import { ErrorMessage } from '../../components/ErrorMessage';
import { formText } from '../../components/form-text';
import { Pagination } from '../../components/Pagination';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { RegionPicker } from '../koordinasi/RegionPicker';
import { useRegion } from '../koordinasi/useRegion';
import { fileSubmission, refileSubmission } from '../offline/outbox-browser';
import { outboxRequest } from '../offline/outbox-routes';
import type { OutboxItem } from '../offline/outbox';
import { SubmissionNotice } from '../offline/SubmissionNotice';
import { useOutboxItems } from '../offline/useOutbox';
import { SebutanLevelProvider, useLevelLabel } from './sebutan-level';
import { useLive } from '../live/useLive';
import './i18n';
import '../tugas/i18n';

type Status = typeof StatusLaporan._output;

const REPORTER: Record<number, readonly Role[]> = {
  4: ['lurah'],
  3: ['camat'],
  2: ['operator', 'forkopimda', 'admin'],
};

/** The situation report of the user's area: write it (offline-safe), and see the areas below. */
export function LaporanPage() {
  const { t } = useI18n();
  const [kode, setKode] = useRegion();
  if (kode === null || kode.split('.').length < 2) {
    return (
      <section>
        <h1>{t('laporan.title')}</h1>
        <RegionPicker onPick={setKode} />
      </section>
    );
  }
  return <LaporanArea kode={kode} />;
}

/** A report's time on its region's clock with the zone ("6 Des 2026, 18.00 WITA"), not the browser's. */
function time(iso: string | null, kode: string): string {
  return iso === null ? '–' : waktuSetempat(iso, kode);
}

function LaporanArea({ kode }: { kode: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const status = useQuery({
    queryKey: ['laporan', 'status', kode],
    queryFn: () => call(laporanApi.getStatusByKode, { params: { kode } }),
  });
  useLive(['laporan'], [['laporan']]);
  const depth = kode.split('.').length;
  const mayWrite = user?.kodeWilayah === kode && (REPORTER[depth] ?? []).includes(user.role);
  const s = status.data;
  return (
    <SebutanLevelProvider kode={kode}>
      <section>
        <h1>{s ? t('laporan.own', { wilayah: s.namaWilayah }) : t('laporan.title')}</h1>
        <ErrorMessage error={status.error} onRetry={() => void status.refetch()} />
        {s && (
          <>
            <p className="muted">
              {s.slotAt ? t('laporan.slot', { time: time(s.slotAt, kode) }) : t('laporan.noSlot')}
              {s.nextSlotAt &&
                s.nextSlotAt !== s.slotAt &&
                ` · ${t('laporan.next', { time: time(s.nextSlotAt, kode) })}`}
            </p>
            {s.own && <OwnReport report={s.own} canApprove={s.canApprove} />}
            {mayWrite && s.slotAt !== null && <ReportForm status={s} />}
            {!mayWrite && user?.kodeWilayah === kode && <DutyCard status={s} depth={depth} />}
            {s.children.length > 0 && <Children status={s} />}
            {depth === 2 && <DailyLinks kode={kode} />}
          </>
        )}
        {/* After the status, so the history does not paint first and get pushed off the screen (a 0.7 layout shift on a phone). */}
        {!status.isPending && <History kode={kode} />}
      </section>
    </SebutanLevelProvider>
  );
}

/**
 * A field user who works this area but does not write its report (a Babinsa or Bhabinkamtibmas in
 * their kelurahan): who writes it and whether this period's is in, and what they file themselves.
 */
function DutyCard({ status, depth }: { status: Status; depth: number }) {
  const { t } = useI18n();
  const { can } = useSession();
  const levelLabel = useLevelLabel();
  const writer = REPORTER[depth]?.[0];
  const kode = status.kodeWilayah;
  const links = [
    can('kejadian:report') && { to: '/kejadian/baru', label: t('tugas.kejadian') },
    depth === 4 &&
      can('kerawanan:observe') && { to: `/kerawanan/checklist/${kode}`, label: t('tugas.pengamatan.title') },
    can('patroli:run') && { to: '/patroli', label: t('laporan.duty.patroli') },
    depth === 4 && can('hari_h:report') && { to: `/hari-h?wilayah=${kode}`, label: t('tugas.tps.go') },
  ].filter((link) => link !== false);
  return (
    <div className="card" data-testid="laporan-tugas">
      <h2>{t('laporan.duty.title')}</h2>
      {writer && (
        <p>
          {t('laporan.duty.writer', { wilayah: status.namaWilayah, role: t(`role.${writer}`) })}{' '}
          {status.own
            ? t('laporan.duty.in', { level: levelLabel(status.own.level) })
            : status.slotAt
              ? t('laporan.duty.missing', { time: time(status.slotAt, status.kodeWilayah) })
              : t('laporan.noSlot')}
        </p>
      )}
      {links.length > 0 && (
        <>
          <p>{t('laporan.duty.yours')}</p>
          <div className="actions">
            {links.map((link) => (
              <Link key={link.to} className="button" to={link.to}>
                {link.label}
              </Link>
            ))}
          </div>
        </>
      )}
    </div>
  );
}

function OwnReport({ report, canApprove }: { report: Laporan; canApprove: boolean }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const client = useQueryClient();
  const advance = useMutation({
    mutationFn: (to: 'setujui' | 'terbitkan') => call(laporanApi[to], { params: { id: report.id } }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['laporan'] }),
  });
  return (
    <div className={`card level-${report.level}`} data-testid="laporan-own">
      <p>
        <strong>{t('laporan.sent', { level: levelLabel(report.level) })}</strong>{' '}
        <span className="badge">{t(`laporan.status.${report.status}`)}</span>
        {report.terlambat && <span className="badge">{t('laporan.late')}</span>}
        {report.versi > 1 && <span className="badge">{t('laporan.version', { n: report.versi })}</span>}
      </p>
      {report.narasi && <p>{report.narasi}</p>}
      {report.versi > 1 && <Versions id={report.id} kode={report.kodeWilayah} />}
      <ErrorMessage error={advance.error} />
      {canApprove && report.status === 'dikirim' && (
        <button type="button" onClick={() => advance.mutate('setujui')}>
          {t('laporan.approve')}
        </button>
      )}
      {canApprove && report.status === 'disetujui' && (
        <button type="button" onClick={() => advance.mutate('terbitkan')}>
          {t('laporan.publish')}
        </button>
      )}
    </div>
  );
}

/** What the form corrects: the newest version, on the phone (not yet sent) or at the server. */
interface Replaces {
  /** The id, or the client id, the correction names (`menggantikan`). */
  ref: string;
  isi: { level: LevelSituasi; narasi: string; hitungan: Partial<Record<string, number>> };
}

function ReportForm({ status }: { status: Status }) {
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
    <form className="card form-grid" onSubmit={submit} aria-label={t('laporan.send')}>
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

function Children({ status }: { status: Status }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const r = status.rollup;
  return (
    <div className="card">
      <h2>{t('laporan.children')}</h2>
      {r && r.level !== null ? (
        <p data-testid="rollup">
          {t('laporan.rollup', {
            level: levelLabel(r.level),
            reported: r.melapor.length,
            total: r.jumlahAnak,
            late: r.terlambat.length,
          })}
        </p>
      ) : (
        <p>{t('laporan.rollupNone')}</p>
      )}
      <div className="table-scroll">
        <table className="table">
          <tbody>
            {status.children.map((c) => (
              <tr
                key={c.kodeWilayah}
                className={c.terlambat ? 'state-terlambat' : ''}
                data-testid={`anak-${c.kodeWilayah}`}
              >
                <th scope="row">{c.nama}</th>
                <td>
                  {c.laporan
                    ? `${t('laporan.child.reported')}: ${levelLabel(c.laporan.level)}`
                    : t('laporan.child.missing')}
                  {c.laporan && c.laporan.versi > 1 && (
                    <>
                      {' '}
                      <span className="badge">{t('laporan.version', { n: c.laporan.versi })}</span>
                      <Versions id={c.laporan.id} kode={c.kodeWilayah} />
                    </>
                  )}
                </td>
                <td>{c.terlambat ? <strong>{t('laporan.child.late')}</strong> : ''}</td>
                <td className="small">{c.laporan?.narasi ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}

/** The earlier versions of a corrected report, read when opened. */
function Versions({ id, kode }: { id: string; kode: string }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const [open, setOpen] = useState(false);
  const versions = useQuery({
    queryKey: ['laporan', 'versi', id],
    queryFn: () => call(laporanApi.getSituasiByIdVersi, { params: { id } }),
    enabled: open,
  });
  return (
    <details className="versions" onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{t('laporan.versions')}</summary>
      <ErrorMessage error={versions.error} />
      <ol reversed data-testid="laporan-versi">
        {versions.data?.items.map((v) => (
          <li key={v.id}>
            <strong>{levelLabel(v.level)}</strong> · {t('laporan.version', { n: v.versi })} ·{' '}
            {time(v.dikoreksiAt ?? v.dibuatAt, kode)} · {v.pelapor}
            {v.diganti && ` · ${t('laporan.replaced')}`}
            {v.narasi && <span className="small"> — {v.narasi}</span>}
          </li>
        ))}
      </ol>
    </details>
  );
}

function DailyLinks({ kode }: { kode: string }) {
  const { t } = useI18n();
  const [tanggal, setTanggal] = useState(() => new Date().toISOString().slice(0, 10));
  return (
    <div className="card actions">
      <h2>{t('laporan.daily')}</h2>
      <label>
        {t('laporan.tanggal')}
        <input type="date" value={tanggal} onChange={(e) => setTanggal(e.target.value)} />
      </label>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal } })}
      >
        {t('laporan.dailyPdf')}
      </a>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal, format: 'xlsx' } })}
      >
        {t('laporan.dailyXlsx')}
      </a>
      <a
        className="button"
        href={urlOf(laporanApi.getHarianByKode, { params: { kode }, query: { tanggal, format: 'sitrep' } })}
      >
        {t('laporan.dailySitrep')}
      </a>
    </div>
  );
}

function History({ kode }: { kode: string }) {
  const { t } = useI18n();
  const levelLabel = useLevelLabel();
  const [page, setPage] = useState(1);
  const list = useQuery({
    queryKey: ['laporan', 'list', kode, page],
    queryFn: () => call(laporanApi.getSituasi, { query: { kode: kode ?? undefined, page, pageSize: 20 } }),
    placeholderData: keepPreviousData,
  });
  if (!list.data || list.data.items.length === 0) return null;
  return (
    <div className="card">
      <h2>{t('laporan.history')}</h2>
      <ul>
        {list.data.items.map((r) => (
          <li key={r.id}>
            {time(r.slotAt, kode)} · {r.namaWilayah} · <strong>{levelLabel(r.level)}</strong>
            {r.terlambat ? ` · ${t('laporan.late')}` : ''} {r.narasi && `· ${r.narasi}`}
          </li>
        ))}
      </ul>
      <Pagination page={page} pageSize={20} total={list.data.total} onPage={setPage} />
    </div>
  );
}
