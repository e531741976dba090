import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Layout } from './components/Layout';
import { AuditPage } from './features/audit/AuditPage';
import { LoginPage } from './features/auth/LoginPage';
import { SessionProvider, useSession } from './features/auth/session';
import { ImportPage } from './features/import/ImportPage';
import { ChecklistPage } from './features/kerawanan/ChecklistPage';
import { KerawananPage } from './features/kerawanan/KerawananPage';
import { ImbauanPage } from './features/koordinasi/ImbauanPage';
import { KoordinasiPage } from './features/koordinasi/KoordinasiPage';
import { NphdPage } from './features/koordinasi/NphdPage';
import { RakorListPage } from './features/koordinasi/RakorListPage';
import { RakorPage } from './features/koordinasi/RakorPage';
import { KejadianDetail } from './features/kejadian/KejadianDetail';
import { KejadianForm } from './features/kejadian/KejadianForm';
import { KejadianPage } from './features/kejadian/KejadianPage';
import { HariHPage } from './features/laporan/HariHPage';
import { LaporanPage } from './features/laporan/LaporanPage';
import { MapPage } from './features/map/MapPage';
import { PengamananPage } from './features/pengamanan/PengamananPage';
import { TpsDetailPage } from './features/tps/TpsDetailPage';
import { TpsListPage } from './features/tps/TpsListPage';
import { UsersPage } from './features/users/UsersPage';
import { WilayahPage } from './features/wilayah/WilayahPage';
import { I18nProvider, useI18n } from './i18n/i18n';
import './styles.css';

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
  return <Navigate to={user?.kodeWilayah ? `/wilayah/${user.kodeWilayah}` : '/wilayah'} replace />;
}

export function App() {
  return (
    <Routes>
      <Route path="/masuk" element={<LoginPage />} />
      <Route
        element={
          <RequireSession>
            <Layout />
          </RequireSession>
        }
      >
        <Route index element={<Home />} />
        <Route path="/wilayah/:kode?" element={<WilayahPage />} />
        <Route path="/tps" element={<TpsListPage />} />
        <Route path="/tps/:id" element={<TpsDetailPage />} />
        <Route path="/peta" element={<MapPage />} />
        <Route path="/kerawanan" element={<KerawananPage />} />
        <Route path="/kerawanan/checklist/:kode" element={<ChecklistPage />} />
        <Route path="/koordinasi" element={<KoordinasiPage />} />
        <Route path="/rakor" element={<RakorListPage />} />
        <Route path="/rakor/:id" element={<RakorPage />} />
        <Route path="/imbauan" element={<ImbauanPage />} />
        <Route path="/nphd" element={<NphdPage />} />
        <Route path="/laporan" element={<LaporanPage />} />
        <Route path="/hari-h" element={<HariHPage />} />
        <Route path="/kejadian" element={<KejadianPage />} />
        <Route path="/kejadian/baru" element={<KejadianForm />} />
        <Route path="/kejadian/:id" element={<KejadianDetail />} />
        <Route path="/pengamanan" element={<PengamananPage />} />
        <Route path="/impor" element={<ImportPage />} />
        <Route path="/pengguna" element={<UsersPage />} />
        <Route path="/audit" element={<AuditPage />} />
        <Route path="*" element={<Home />} />
      </Route>
    </Routes>
  );
}

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
