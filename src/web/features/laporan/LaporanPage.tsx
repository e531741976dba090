/**
 * The situation report of the user's area (laporan berjenjang): the report of this period and its
 * form (offline-safe), what a field user who does not write it files instead, the areas below, the
 * daily files of a kab/kota and the history. Each part is its own component (LaporanOwn, -Form,
 * -Anak, -Versi, -Harian, -Riwayat); this page picks the area and lays them out.
 */
import { usePrefetchQuery, useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { StatusLaporan } from '../../../contracts/laporan';
import { laporanApi } from '../../../contracts/routes/laporan';
import type { Role } from '../../../domain/access/roles';
import { call } from '../../api/client';
import { ErrorMessage } from '../../components/ErrorMessage';
import { useI18n } from '../../i18n/i18n';
import { useSession } from '../auth/session';
import { RegionPicker } from '../koordinasi/RegionPicker';
import { useRegion } from '../koordinasi/useRegion';
import { useLive } from '../live/useLive';
import { LaporanAnak } from './LaporanAnak';
import { LaporanForm } from './LaporanForm';
import { LaporanHarian } from './LaporanHarian';
import { LaporanOwn } from './LaporanOwn';
import { LaporanRiwayat, riwayatQuery } from './LaporanRiwayat';
import { SebutanLevelProvider, useLevelLabel } from './sebutan-level';
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

function LaporanArea({ kode }: { kode: string }) {
  const { t, formatDateTime } = useI18n();
  const { user } = useSession();
  const status = useQuery({
    queryKey: ['laporan', 'status', kode],
    queryFn: () => call(laporanApi.getStatusByKode, { params: { kode } }),
  });
  // The history is asked for now and shown after the status: one round trip instead of two on a weak
  // signal, without the history painting first.
  usePrefetchQuery(riwayatQuery(kode, 1));
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
              {s.slotAt ? t('laporan.slot', { time: formatDateTime(s.slotAt, kode) }) : t('laporan.noSlot')}
              {s.nextSlotAt &&
                s.nextSlotAt !== s.slotAt &&
                ` · ${t('laporan.next', { time: formatDateTime(s.nextSlotAt, kode) })}`}
            </p>
            {s.own && <LaporanOwn report={s.own} canApprove={s.canApprove} />}
            {mayWrite && s.slotAt !== null && <LaporanForm status={s} />}
            {!mayWrite && user?.kodeWilayah === kode && <DutyCard status={s} depth={depth} />}
            {s.children.length > 0 && <LaporanAnak status={s} />}
            {depth === 2 && <LaporanHarian kode={kode} />}
          </>
        )}
        {/* After the status, so the history does not paint first and get pushed off the screen (a 0.7 layout shift on a phone). */}
        {!status.isPending && <LaporanRiwayat kode={kode} />}
      </section>
    </SebutanLevelProvider>
  );
}

/**
 * A field user who works this area but does not write its report (a Babinsa or Bhabinkamtibmas in
 * their kelurahan): who writes it and whether this period's is in, and what they file themselves.
 */
function DutyCard({ status, depth }: { status: Status; depth: number }) {
  const { t, formatDateTime } = useI18n();
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
              ? t('laporan.duty.missing', { time: formatDateTime(status.slotAt, status.kodeWilayah) })
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
