import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { AppShell } from './app-shell';
import { lazyPage } from './components/lazy-page';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider, useSession } from './features/auth/session';
import { startServiceWorker } from './features/offline/service-worker';
import { PemilihanProvider } from './features/pemilihan/pemilihan-context';
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
        <Route path="/tugas" element={<TugasPage />} />
        <Route path="/wilayah/:kode?" element={<WilayahPage />} />
        <Route path="/tps" element={<TpsListPage />} />
        <Route path="/tps/:id" element={<TpsDetailPage />} />
        <Route path="/peta" element={<MapPage />} />
        <Route path="/kerawanan" element={<KerawananPage />} />
        <Route path="/kerawanan/checklist/:kode" element={<ChecklistPage />} />
        <Route path="/koordinasi" element={<KoordinasiPage />} />
        <Route path="/pemilihan" element={<PemilihanPage />} />
        <Route path="/anev" element={<AnevPage />} />
        <Route path="/rekapitulasi" element={<RekapitulasiPage />} />
        <Route path="/pemilihan/:id" element={<PemilihanDetailPage />} />
        <Route path="/rakor" element={<RakorListPage />} />
        <Route path="/rakor/:id" element={<RakorPage />} />
        <Route path="/imbauan" element={<ImbauanPage />} />
        <Route path="/nphd" element={<NphdPage />} />
        <Route path="/laporan" element={<LaporanPage />} />
        <Route path="/hari-h" element={<HariHPage />} />
        <Route path="/kejadian" element={<KejadianPage />} />
        <Route path="/kejadian/baru" element={<KejadianForm />} />
        <Route path="/kejadian/:id" element={<KejadianDetail />} />
        <Route path="/medsos" element={<MedsosPage />} />
        <Route path="/medsos/baru" element={<MedsosForm />} />
        <Route path="/medsos/ringkasan" element={<MedsosRingkasan />} />
        <Route path="/medsos/:id" element={<MedsosDetail />} />
        <Route path="/pengamanan" element={<PengamananPage />} />
        <Route path="/logistik" element={<LogistikPage />} />
        <Route path="/petugas" element={<PetugasPage />} />
        <Route path="/petugas/tps/:id" element={<PetugasTpsPage />} />
        <Route path="/kampanye" element={<KampanyePage />} />
        <Route path="/patroli" element={<PatroliPage />} />
        <Route path="/patroli/:id" element={<PatroliRunPage />} />
        <Route path="/netralitas" element={<NetralitasPage />} />
        <Route path="/impor" element={<ImportPage />} />
        <Route path="/pengguna" element={<UsersPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="*" element={<Home />} />
      </Route>
    </Routes>
  );
}

startServiceWorker();

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
