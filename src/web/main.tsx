import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, matchPath, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './app-shell';
import { lazyPage, type LazyPage } from './components/lazy-page';
import { LoginPage } from './features/auth/LoginPage';
import { prefetchSession, SessionProvider, useSession } from './features/auth/session';
import { savedSession } from './features/offline/saved-session';
import { startServiceWorker } from './features/offline/service-worker';
import { PemilihanProvider, prefetchPemilihan } from './features/pemilihan/pemilihan-context';
import { homePath } from './features/tugas/lapangan';
import { I18nProvider, useI18n } from './i18n/i18n';
import './styles.css';

// Each page is its own chunk: a field role's first page loads only what it shows (issue 14).
const AuditPage = lazyPage(() => import('./features/audit/AuditPage'), 'AuditPage');
const ImportPage = lazyPage(() => import('./features/import/ImportPage'), 'ImportPage');
const ChecklistPage = lazyPage(() => import('./features/kerawanan/ChecklistPage'), 'ChecklistPage');
const KerawananPage = lazyPage(() => import('./features/kerawanan/KerawananPage'), 'KerawananPage');
const ImbauanPage = lazyPage(() => import('./features/koordinasi/ImbauanPage'), 'ImbauanPage');
const KoordinasiPage = lazyPage(() => import('./features/koordinasi/KoordinasiPage'), 'KoordinasiPage');
const NphdPage = lazyPage(() => import('./features/koordinasi/NphdPage'), 'NphdPage');
const RakorListPage = lazyPage(() => import('./features/koordinasi/RakorListPage'), 'RakorListPage');
const RakorPage = lazyPage(() => import('./features/koordinasi/RakorPage'), 'RakorPage');
const KejadianDetail = lazyPage(() => import('./features/kejadian/KejadianDetail'), 'KejadianDetail');
const KejadianForm = lazyPage(() => import('./features/kejadian/KejadianForm'), 'KejadianForm');
const KejadianPage = lazyPage(() => import('./features/kejadian/KejadianPage'), 'KejadianPage');
const MedsosPage = lazyPage(() => import('./features/medsos/MedsosPage'), 'MedsosPage');
const MedsosForm = lazyPage(() => import('./features/medsos/MedsosForm'), 'MedsosForm');
const MedsosDetail = lazyPage(() => import('./features/medsos/MedsosDetail'), 'MedsosDetail');
const MedsosRingkasan = lazyPage(() => import('./features/medsos/MedsosRingkasan'), 'MedsosRingkasan');
const HariHPage = lazyPage(() => import('./features/laporan/HariHPage'), 'HariHPage');
const LaporanPage = lazyPage(() => import('./features/laporan/LaporanPage'), 'LaporanPage');
const MapPage = lazyPage(() => import('./features/map/MapPage'), 'MapPage');
const AnevPage = lazyPage(() => import('./features/anev/AnevPage'), 'AnevPage');
const RekapitulasiPage = lazyPage(
  () => import('./features/rekapitulasi/RekapitulasiPage'),
  'RekapitulasiPage',
);
const PemilihanPage = lazyPage(() => import('./features/pemilihan/PemilihanPage'), 'PemilihanPage');
const PemilihanDetailPage = lazyPage(
  () => import('./features/pemilihan/PemilihanDetailPage'),
  'PemilihanDetailPage',
);
const LogistikPage = lazyPage(() => import('./features/logistik/LogistikPage'), 'LogistikPage');
const PengamananPage = lazyPage(() => import('./features/pengamanan/PengamananPage'), 'PengamananPage');
const TpsDetailPage = lazyPage(() => import('./features/tps/TpsDetailPage'), 'TpsDetailPage');
const TpsListPage = lazyPage(() => import('./features/tps/TpsListPage'), 'TpsListPage');
const UsersPage = lazyPage(() => import('./features/users/UsersPage'), 'UsersPage');
const WilayahPage = lazyPage(() => import('./features/wilayah/WilayahPage'), 'WilayahPage');
const KampanyePage = lazyPage(() => import('./features/kampanye/KampanyePage'), 'KampanyePage');
const PatroliPage = lazyPage(() => import('./features/patroli/PatroliPage'), 'PatroliPage');
const PatroliRunPage = lazyPage(() => import('./features/patroli/PatroliRunPage'), 'PatroliRunPage');
const NetralitasPage = lazyPage(() => import('./features/netralitas/NetralitasPage'), 'NetralitasPage');
const TugasPage = lazyPage(() => import('./features/tugas/TugasPage'), 'TugasPage');
const PetugasPage = lazyPage(() => import('./features/petugas/PetugasPage'), 'PetugasPage');
const PetugasTpsPage = lazyPage(() => import('./features/petugas/PetugasTpsPage'), 'PetugasTpsPage');

/** The signed-in pages by address. */
const PAGES: readonly (readonly [string, LazyPage])[] = [
  ['/tugas', TugasPage],
  ['/wilayah/:kode?', WilayahPage],
  ['/tps', TpsListPage],
  ['/tps/:id', TpsDetailPage],
  ['/peta', MapPage],
  ['/kerawanan', KerawananPage],
  ['/kerawanan/checklist/:kode', ChecklistPage],
  ['/koordinasi', KoordinasiPage],
  ['/pemilihan', PemilihanPage],
  ['/anev', AnevPage],
  ['/rekapitulasi', RekapitulasiPage],
  ['/pemilihan/:id', PemilihanDetailPage],
  ['/rakor', RakorListPage],
  ['/rakor/:id', RakorPage],
  ['/imbauan', ImbauanPage],
  ['/nphd', NphdPage],
  ['/laporan', LaporanPage],
  ['/hari-h', HariHPage],
  ['/kejadian', KejadianPage],
  ['/kejadian/baru', KejadianForm],
  ['/kejadian/:id', KejadianDetail],
  ['/medsos', MedsosPage],
  ['/medsos/baru', MedsosForm],
  ['/medsos/ringkasan', MedsosRingkasan],
  ['/medsos/:id', MedsosDetail],
  ['/pengamanan', PengamananPage],
  ['/logistik', LogistikPage],
  ['/petugas', PetugasPage],
  ['/petugas/tps/:id', PetugasTpsPage],
  ['/kampanye', KampanyePage],
  ['/patroli', PatroliPage],
  ['/patroli/:id', PatroliRunPage],
  ['/netralitas', NetralitasPage],
  ['/impor', ImportPage],
  ['/pengguna', UsersPage],
  ['/audit', AuditPage],
];

/**
 * The chunk of the page being opened starts downloading at once, alongside the session check, rather
 * than after it: one round trip less before a phone on a weak signal sees its page (issue 14). The home
 * address is the page the last session on this phone landed on.
 */
function preloadFirstPage(pathname: string): void {
  const saved = pathname === '/' ? savedSession() : null;
  const target = saved ? homePath(saved.user) : pathname;
  const page = PAGES.find(([path]) => matchPath(path, target) !== null);
  void page?.[1].preload().catch(() => undefined);
}

const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: 1, refetchOnWindowFocus: false, staleTime: 30_000 } },
});

function RequireSession({ children }: { children: ReactNode }) {
  const { user, isLoading } = useSession();
  const { t } = useI18n();
  const location = useLocation();
  if (isLoading) return <p className="center">{t('common.loading')}</p>;
  if (!user) return <Navigate to="/masuk" replace state={{ from: location.pathname }} />;
  return children;
}

function Home() {
  const { user } = useSession();
  return <Navigate to={user ? homePath(user) : '/wilayah'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <PemilihanProvider>
              <AppShell />
            </PemilihanProvider>
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        {PAGES.map(([path, Page]) => (
          <Route key={path} path={path} element={<Page />} />
        ))}
        <Route path="*" element={<Home />} />
      </Route>
    </Routes>
  );
}

startServiceWorker();
preloadFirstPage(window.location.pathname);
prefetchSession(queryClient);
if (window.location.pathname !== '/masuk') prefetchPemilihan(queryClient);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <SessionProvider>
          <BrowserRouter>
            <App />
          </BrowserRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
