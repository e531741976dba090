import { useNavigate } from 'react-router';
import { Layout, type NavItem } from './components/Layout';
import { useSession } from './features/auth/session';
import { OutboxPanel } from './features/offline/OutboxPanel';
import { UpdateBanner } from './features/offline/UpdateBanner';
import { PemilihanSwitcher } from './features/pemilihan/PemilihanSwitcher';
import { fieldMenu, type MenuKey } from './features/tugas/lapangan';
import { useI18n } from './i18n/i18n';

/** The generic Layout filled by the features: navigation by permission, the election chooser, the outbox. */
export function AppShell() {
  const { t } = useI18n();
  const { user, can, logout } = useSession();
  const navigate = useNavigate();
  const scope = user?.kodeWilayah ?? '';
  const inScope = scope ? `?wilayah=${scope}` : '';
  const links: { key: MenuKey; to: string; label: string; show: boolean }[] = [
    { key: 'tugas', to: '/tugas', label: t('nav.tugas'), show: true },
    { key: 'koordinasi', to: '/koordinasi', label: t('nav.koordinasi'), show: can('koordinasi:read') },
    { key: 'pemilihan', to: '/pemilihan', label: t('nav.pemilihan'), show: true },
    { key: 'wilayah', to: scope ? `/wilayah/${scope}` : '/wilayah', label: t('nav.wilayah'), show: true },
    { key: 'tps', to: `/tps${inScope}`, label: t('nav.tps'), show: true },
    { key: 'peta', to: `/peta${inScope}`, label: t('nav.map'), show: true },
    {
      key: 'kerawanan',
      // A kelurahan's own people go straight to its checklist.
      to: scope.split('.').length === 4 ? `/kerawanan/checklist/${scope}` : `/kerawanan${inScope}`,
      label: t('nav.kerawanan'),
      show: can('kerawanan:read'),
    },
    { key: 'laporan', to: '/laporan', label: t('nav.laporan'), show: can('laporan:read') },
    { key: 'hariH', to: `/hari-h${inScope}`, label: t('nav.hariH'), show: can('laporan:read') },
    { key: 'kejadian', to: '/kejadian', label: t('nav.kejadian'), show: can('laporan:read') },
    { key: 'petugas', to: `/petugas${inScope}`, label: t('nav.petugas'), show: can('petugas:read') },
    { key: 'medsos', to: '/medsos', label: t('nav.medsos'), show: can('medsos:read') },
    { key: 'rakor', to: '/rakor', label: t('nav.rakor'), show: can('koordinasi:read') },
    { key: 'imbauan', to: '/imbauan', label: t('nav.imbauan'), show: can('koordinasi:read') },
    { key: 'nphd', to: '/nphd', label: t('nav.nphd'), show: can('koordinasi:read') },
    { key: 'rekapitulasi', to: '/rekapitulasi', label: t('nav.rekap'), show: can('koordinasi:read') },
    // The anev is the kab/kota's and, drilled down, a kecamatan's: for readers whose scope is a
    // kecamatan or wider.
    {
      key: 'anev',
      to: '/anev',
      label: t('nav.anev'),
      show: can('koordinasi:read') && scope.split('.').length <= 3,
    },
    {
      key: 'pengamanan',
      to: `/pengamanan${inScope}`,
      label: t('nav.pengamanan'),
      show: can('pengamanan:read'),
    },
    { key: 'kampanye', to: '/kampanye', label: t('nav.kampanye'), show: can('kampanye:read') },
    { key: 'patroli', to: '/patroli', label: t('nav.patroli'), show: can('patroli:read') },
    { key: 'netralitas', to: '/netralitas', label: t('nav.netralitas'), show: can('netralitas:read') },
    { key: 'logistik', to: `/logistik${inScope}`, label: t('nav.logistik'), show: can('logistik:read') },
    { key: 'impor', to: '/impor', label: t('nav.import'), show: can('tps:import') },
    { key: 'pengguna', to: '/pengguna', label: t('nav.users'), show: can('user:manage') },
    { key: 'audit', to: '/audit', label: t('nav.audit'), show: can('audit:read') },
  ];
  // Field users see only the pages they work with, in the order they use them; desk users every page
  // their permissions allow except "Tugas saya", which is the field's.
  const field = fieldMenu(user);
  const visible: NavItem[] = (
    field
      ? field.flatMap((key) => links.filter((link) => link.key === key && link.show))
      : links.filter((link) => link.show && link.key !== 'tugas')
  ).map(({ to, label }) => ({ to, label }));
  return (
    <Layout
      links={visible}
      userLabel={
        user
          ? // An operator's desk is its agency's (Kesbangpol's coordination, the KPU's rosters).
            `${user.nama} · ${t(`role.${user.role}`)}${user.role === 'operator' ? ` ${t(`agency.${user.agency}`)}` : ''} · ${user.namaWilayah ?? t('wilayah.national')}`
          : ''
      }
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
