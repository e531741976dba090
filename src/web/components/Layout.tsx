import { Suspense, useRef, useState, type ReactNode } from 'react';
import { NavLink, Outlet } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { useCardTables } from './card-tables';

export interface NavItem {
  to: string;
  label: string;
}

/**
 * The shell: header with user and language, navigation that collapses to a menu on phones. It knows
 * no feature: the app (app-shell.tsx) hands it the links, the header's action and the notices.
 */
export function Layout(props: {
  links: readonly NavItem[];
  /** "nama · role · wilayah" of the signed-in user. */
  userLabel: string;
  onLogout: () => void;
  /** Beside the navigation (the election chooser). */
  headerAction?: ReactNode;
  /** Above every page (a new version, the outbox). */
  notices?: ReactNode;
}) {
  const { t, lang, setLang } = useI18n();
  const [open, setOpen] = useState(false);
  const main = useRef<HTMLElement>(null);
  useCardTables(main);

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
          <span aria-hidden="true">☰</span>
          <span className="menu-text">{t('nav.menu')}</span>
        </button>
        <nav id="main-nav" aria-label={t('nav.main')} className={open ? 'nav open' : 'nav'}>
          {props.links.map((link) => (
            <NavLink key={link.label} to={link.to} onClick={() => setOpen(false)}>
              {link.label}
            </NavLink>
          ))}
        </nav>
        {props.headerAction}
        {/* On a phone the user, language and sign-out open with the menu (a one-row header). */}
        <div className={open ? 'user open' : 'user'}>
          <span className="small" data-testid="current-user">
            {props.userLabel}
          </span>
          <button
            type="button"
            // The visible word is its name (axe label-content-name-mismatch); the hint is a title.
            title={t('lang.label')}
            lang={lang === 'id' ? 'en' : 'id'}
            onClick={() => setLang(lang === 'id' ? 'en' : 'id')}
          >
            {t('lang.switch')}
          </button>
          <button type="button" onClick={props.onLogout}>
            {t('auth.logout')}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1} ref={main}>
        {props.notices}
        <Suspense fallback={<p className="center">{t('common.loading')}</p>}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
