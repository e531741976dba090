import { useNavigate } from 'react-router';
import { Layout, type NavItem } from './components/Layout';
import { useSession } from './features/auth/session';
import { OutboxPanel } from './features/offline/OutboxPanel';
import { UpdateBanner } from './features/offline/UpdateBanner';
import { PemilihanSwitcher } from './features/pemilihan/PemilihanSwitcher';
import { useI18n } from './i18n/i18n';

/** The generic Layout filled by the features: navigation by permission, the election chooser, the outbox. */
export function AppShell() {
  const { t } = useI18n();
  const { user, can, logout } = useSession();
  const navigate = useNavigate();
  const scope = user?.kodeWilayah ?? '';
  const links = [
    { to: '/koordinasi', label: t('nav.koordinasi'), show: can('koordinasi:read') },
    { to: '/pemilihan', label: t('nav.pemilihan'), show: true },
    { to: scope ? `/wilayah/${scope}` : '/wilayah', label: t('nav.wilayah'), show: true },
    { to: `/tps${scope ? `?wilayah=${scope}` : ''}`, label: t('nav.tps'), show: true },
    { to: `/peta${scope ? `?wilayah=${scope}` : ''}`, label: t('nav.map'), show: true },
    {
      to: `/kerawanan${scope ? `?wilayah=${scope}` : ''}`,
      label: t('nav.kerawanan'),
      show: can('kerawanan:read'),
    },
    { to: '/laporan', label: t('nav.laporan'), show: can('laporan:read') },
    { to: '/hari-h', label: t('nav.hariH'), show: can('laporan:read') },
    { to: '/kejadian', label: t('nav.kejadian'), show: can('laporan:read') },
    { to: '/rakor', label: t('nav.rakor'), show: can('koordinasi:read') },
    { to: '/imbauan', label: t('nav.imbauan'), show: can('koordinasi:read') },
    { to: '/nphd', label: t('nav.nphd'), show: can('koordinasi:read') },
    // The anev is the kab/kota's: for readers whose scope is a kab/kota or wider.
    { to: '/anev', label: t('nav.anev'), show: can('koordinasi:read') && scope.split('.').length <= 2 },
    {
      to: `/pengamanan${scope ? `?wilayah=${scope}` : ''}`,
      label: t('nav.pengamanan'),
      show: can('pengamanan:read'),
    },
    { to: '/impor', label: t('nav.import'), show: can('tps:import') },
    { to: '/pengguna', label: t('nav.users'), show: can('user:manage') },
    { to: '/audit', label: t('nav.audit'), show: can('audit:read') },
  ];
  const visible: NavItem[] = links.filter((link) => link.show).map(({ to, label }) => ({ to, label }));
  return (
    <Layout
      links={visible}
      userLabel={user ? `${user.nama} · ${user.role} · ${user.namaWilayah ?? t('wilayah.national')}` : ''}
      onLogout={() => {
        void logout().then(() => navigate('/masuk'));
      }}
      headerAction={<PemilihanSwitcher />}
      notices={
        <>
          <UpdateBanner />
          <OutboxPanel />
        </>
      }
    />
  );
}
