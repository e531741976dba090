import { Suspense, useState } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession } from '../features/auth/session';
import { OutboxPanel } from '../features/offline/OutboxPanel';
import { UpdateBanner } from '../features/offline/UpdateBanner';
import { PemilihanSwitcher } from '../features/pemilihan/PemilihanSwitcher';
import { useI18n } from '../i18n/i18n';

/** The shell: header with user and language, navigation that collapses to a menu on phones. */
export function Layout() {
  const { t, lang, setLang } = useI18n();
  const { user, can, logout } = useSession();
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
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
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Lewati ke isi
      </a>
      <header className="topbar">
        <div className="brand">
          <strong>{t('appName')}</strong>
          <span className="muted small hide-phone">{t('tagline')}</span>
        </div>
        <button
          type="button"
          className="menu-button"
          aria-expanded={open}
          aria-controls="main-nav"
          onClick={() => setOpen(!open)}
        >
          ☰ {t('nav.menu')}
        </button>
        <nav id="main-nav" aria-label={t('nav.main')} className={open ? 'nav open' : 'nav'}>
          {links
            .filter((link) => link.show)
            .map((link) => (
              <NavLink key={link.label} to={link.to} onClick={() => setOpen(false)}>
                {link.label}
              </NavLink>
            ))}
        </nav>
        <PemilihanSwitcher />
        <div className="user">
          <span className="small" data-testid="current-user">
            {user?.nama} · {user?.role} · {user?.namaWilayah ?? t('wilayah.national')}
          </span>
          <button
            type="button"
            aria-label={t('lang.label')}
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
          >
            {t('lang.switch')}
          </button>
          <button
            type="button"
            onClick={() => {
              void logout().then(() => navigate('/masuk'));
            }}
          >
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        <UpdateBanner />
        <OutboxPanel />
        <Suspense fallback={<p className="center">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
