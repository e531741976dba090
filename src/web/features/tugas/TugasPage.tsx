/**
 * "Tugas saya" (issue 14): a field user's home. What is due now and next in their own wilayah for the
 * chosen election: the situation report of the period, the kelurahan below a camat, imbauan to
 * confirm, Bawaslu's checklist window, the TPS on voting day. Each task links to the page that does it;
 * the facts come from the modules' own reads (kept by the service worker, so the page opens offline)
 * and the phone's outbox, and domain/lapangan/tugas.ts decides what is a task and its order.
 */
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { kerawananApi } from '../../../contracts/routes/kerawanan';
import { koordinasiApi } from '../../../contracts/routes/koordinasi';
import { hariHApi } from '../../../contracts/routes/hari-h';
import { laporanApi } from '../../../contracts/routes/laporan';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import { tugasSaya, type Tugas } from '../../../domain/lapangan/tugas';
import { call } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { useOutboxItems } from '../offline/useOutbox';
import { usePemilihan } from '../pemilihan/pemilihan-context';
import { scopeLevel } from './lapangan';
import './i18n';
import '../pemilihan/i18n';

/** Who writes the situation report of a level (the server's rule, docs/domain/laporan.md). */
const REPORTER = { desa: ['lurah'], kecamatan: ['camat'] } as const;

/** Bawaslu's mapping phase of a day: pra before voting day, saat on it, pasca after. */
function phaseOf(hariOffset: number): Phase {
  return hariOffset < 0 ? 'pra' : hariOffset === 0 ? 'saat' : 'pasca';
}

export function TugasPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const { current, unavailable } = usePemilihan();
  const kode = user?.kodeWilayah ?? null;
  if (kode === null || user === null) return <h1>{t('tugas.title')}</h1>;
  if (current === null) {
    return (
      <section>
        <h1>{t('tugas.title')}</h1>
        <p data-testid="tugas-no-election">{t(unavailable ? 'pem.notStored' : 'tugas.noElection')}</p>
      </section>
    );
  }
  return <TugasList kode={kode} />;
}

function TugasList({ kode }: { kode: string }) {
  const { t, formatDate } = useI18n();
  const { user, can } = useSession();
  const { current } = usePemilihan();
  const pemilihan = current!;
  const level = scopeLevel(kode);
  const offset = pemilihan.hari.offset;
  const writes =
    (level === 'desa' || level === 'kecamatan') &&
    (REPORTER[level] as readonly string[]).includes(user!.role);
  const status = useQuery({
    queryKey: ['laporan', 'status', kode],
    queryFn: () => call(laporanApi.getStatusByKode, { params: { kode } }),
  });
  const masuk = useQuery({
    queryKey: ['koordinasi', 'imbauan', 'masuk', 'tugas'],
    queryFn: () => call(koordinasiApi.kotakMasuk, { query: { page: 1, pageSize: 100 } }),
    enabled: can('koordinasi:read'),
  });
  const phase = phaseOf(offset);
  const checklistMode = can('kerawanan:assess') ? 'isi' : can('kerawanan:observe') ? 'amati' : null;
  const checklist = useQuery({
    queryKey: ['kerawanan-checklist', kode, phase],
    queryFn: () => call(kerawananApi.getChecklist, { params: { kode }, query: { phase } }),
    // The checklist is per kelurahan/desa.
    enabled: level === 'desa' && checklistMode !== null,
  });
  const tps = useQuery({
    queryKey: ['hari-h', 'tps', kode],
    queryFn: () => call(hariHApi.tps, { params: { kode } }),
    enabled: offset <= 0 && can('hari_h:report'),
  });
  const outbox = useOutboxItems();
  const laporanOnPhone = outbox.some(
    (item) =>
      item.kind === 'laporan' &&
      item.state === 'waiting' &&
      (item.requests[0]?.body as { kodeWilayah?: string } | undefined)?.kodeWilayah === kode,
  );

  const s = status.data;
  const c = checklist.data;
  const tugas = tugasSaya({
    now: new Date(),
    hariOffset: offset,
    closed: pemilihan.fase === 'ditutup',
    ...(writes && s
      ? {
          laporan: {
            slotAt: s.slotAt,
            nextSlotAt: s.nextSlotAt,
            graceMinutes: s.graceMinutes,
            sent: s.own !== null,
            onPhone: laporanOnPhone,
          },
        }
      : {}),
    ...(level === 'kecamatan' && user!.role === 'camat' && s
      ? {
          bawahan: {
            total: s.children.length,
            reported: s.children.filter((child) => child.laporan !== null).length,
            late: s.children.filter((child) => child.terlambat && child.laporan === null).length,
          },
        }
      : {}),
    ...(masuk.data
      ? { imbauanBelumDikonfirmasi: masuk.data.items.filter((i) => i.status !== 'dikonfirmasi').length }
      : {}),
    ...(c && checklistMode
      ? {
          checklist: {
            mode: checklistMode,
            opensOn: c.window.opensOn,
            closesOn: c.window.closesOn,
            status: c.window.status,
            assessed: c.tps.filter((item) => item.assessment !== null).length,
            total: c.tps.length,
          },
        }
      : {}),
    ...(tps.data ? { tps: tps.data.items.map((item) => item.tahap) } : {}),
  });
  const failed = [status, masuk, checklist, tps].some((q) => q.isError && !q.data);
  const loading = [status, masuk, checklist, tps].some((q) => q.isLoading);
  const wilayah = user!.namaWilayah ?? kode;

  return (
    <section className="tugas">
      <h1>{t('tugas.title')}</h1>
      <p className="muted">
        {t('tugas.context', { wilayah, pemilihan: pemilihan.nama })} · <strong>{pemilihan.hari.label}</strong>{' '}
        · {t('tugas.votingDay', { date: formatDate(pemilihan.hariPemungutan) })}
      </p>
      {failed && (
        <p className="error" role="alert">
          {t('tugas.partial')}
        </p>
      )}
      {/* Above the tasks, so it never moves as they arrive; the tasks show together, once every
          source has answered, not one by one pushing each other down (issue 14: a layout shift of
          0.14–0.18 on a lurah's phone). */}
      {can('kejadian:report') && pemilihan.fase !== 'ditutup' && (
        <div className="card">
          <h2>{t('tugas.quick')}</h2>
          <Link className="button primary" to="/kejadian/baru">
            {t('tugas.kejadian')}
          </Link>
        </div>
      )}
      {loading ? (
        <p>{t('common.loading')}</p>
      ) : pemilihan.fase === 'ditutup' ? (
        <p>{t('tugas.closed')}</p>
      ) : tugas.length === 0 ? (
        <p data-testid="tugas-none">{t('tugas.none')}</p>
      ) : (
        <ol className="tugas-list" aria-label={t('tugas.title')}>
          {tugas.map((item) => (
            <TugasCard
              key={item.kind}
              tugas={item}
              kode={kode}
              wilayah={wilayah}
              votingDayOn={pemilihan.hariPemungutan}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function TugasCard({
  tugas,
  kode,
  wilayah,
  votingDayOn,
}: {
  tugas: Tugas;
  kode: string;
  wilayah: string;
  votingDayOn: string;
}) {
  const { t, formatDate, formatDateTime, formatNumber } = useI18n();
  // On the area's own clock with its zone ("7 Des 2026, 18.00 WITA"), as the report page writes it,
  // not the phone's: a phone set to another zone showed 10.00 for an 18.00 WITA deadline.
  const time = tugas.dueAt ? formatDateTime(tugas.dueAt, kode) : '';
  const done = formatNumber(tugas.done ?? 0);
  const total = formatNumber(tugas.total ?? 0);
  const window = {
    opens: tugas.opensOn ? formatDate(tugas.opensOn) : '',
    closes: tugas.closesOn ? formatDate(tugas.closesOn) : '',
  };
  const view = ((): { title: string; detail: string; to: string; action: string } => {
    switch (tugas.kind) {
      case 'laporan':
        return {
          title: t('tugas.laporan.title', { wilayah }),
          detail:
            tugas.state === 'selesai'
              ? tugas.dueAt
                ? t('tugas.laporan.selesaiNext', { time })
                : t('tugas.laporan.selesai')
              : t(`tugas.laporan.${tugas.state}`, { time }),
          to: '/laporan',
          action: tugas.state === 'selesai' ? t('tugas.laporan.goDone') : t('tugas.laporan.go'),
        };
      case 'laporan_bawahan':
        return {
          title: t('tugas.bawahan.title'),
          detail: t('tugas.bawahan.detail', { done, total }),
          to: '/laporan',
          action: t('tugas.bawahan.go'),
        };
      case 'imbauan':
        return {
          title: t('tugas.imbauan.title'),
          detail: t('tugas.imbauan.detail', { total }),
          to: '/imbauan',
          action: t('tugas.imbauan.go'),
        };
      case 'checklist':
        return {
          title: t('tugas.checklist.title'),
          detail: t('tugas.checklist.detail', { done, total, ...window }),
          to: `/kerawanan/checklist/${kode}`,
          action: t('tugas.checklist.go'),
        };
      case 'pengamatan':
        return {
          title: t('tugas.pengamatan.title'),
          detail: t('tugas.pengamatan.detail', window),
          to: `/kerawanan/checklist/${kode}`,
          action: t('tugas.pengamatan.go'),
        };
      case 'tps_hari_h':
        return {
          title: t('tugas.tps.title'),
          detail:
            tugas.state === 'berikutnya'
              ? t('tugas.tps.berikutnya', { total, date: formatDate(votingDayOn) })
              : t(`tugas.tps.${tugas.state === 'selesai' ? 'selesai' : 'sekarang'}`, { done, total }),
          to: `/hari-h?wilayah=${kode}`,
          action: t('tugas.tps.go'),
        };
    }
  })();
  return (
    <li className={`card tugas-item tugas-${tugas.state}`} data-testid={`tugas-${tugas.kind}`}>
      <p className="tugas-head">
        <strong>{view.title}</strong>
        <span className={`tugas-state tugas-state-${tugas.state}`}>{t(`tugas.state.${tugas.state}`)}</span>
      </p>
      <p>{view.detail}</p>
      <Link
        className={tugas.state === 'selesai' || tugas.state === 'berikutnya' ? 'button' : 'button primary'}
        to={view.to}
      >
        {view.action}
      </Link>
    </li>
  );
}
