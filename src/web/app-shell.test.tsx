import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen, waitFor, within } from '@testing-library/preact';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROLE_PERMISSIONS, type Agency, type Role } from '../domain/access/roles';
import { SessionProvider } from './features/auth/session';
import { PemilihanProvider } from './features/pemilihan/pemilihan-context';
import { I18nProvider } from './i18n/i18n';
import { AppShell } from './app-shell';

// Service-worker registration needs the PWA plugin's virtual module, which exists only in a browser
// build; here no new version is ever waiting.
vi.mock('./features/offline/service-worker', () => ({
  subscribeUpdate: () => () => undefined,
  isUpdateWaiting: () => false,
  reloadWithUpdate: () => undefined,
}));

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

async function menuOf(role: Role, agency: Agency, kodeWilayah: string) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/auth/me') {
        return json({
          csrfToken: 'csrf',
          user: {
            id: `u-${role}`,
            username: role,
            nama: 'Pengguna Uji',
            role,
            agency,
            kodeWilayah,
            namaWilayah: 'Tompotikka',
            permissions: ROLE_PERMISSIONS[role],
          },
        });
      }
      return json({ items: [], aktifId: null });
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>
        <SessionProvider>
          <PemilihanProvider>
            <MemoryRouter>
              <AppShell />
            </MemoryRouter>
          </PemilihanProvider>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
  // The shell paints before the session answers (a phone shows its frame at once): the menu is read
  // once the user is known.
  await waitFor(() => expect(screen.getByTestId('current-user').textContent).toContain('Pengguna Uji'));
  const nav = screen.getByRole('navigation', { name: 'Navigasi utama' });
  return within(nav)
    .getAllByRole('link')
    .map((link) => link.textContent);
}

afterEach(() => vi.unstubAllGlobals());

describe('AppShell › menus per role', () => {
  it('gives a Babinsa the field pages only, "Tugas saya" first, and names the role in words', async () => {
    expect(await menuOf('babinsa', 'tni', '73.73.01.1001')).toEqual([
      'Tugas saya',
      'Laporan situasi',
      'Kejadian',
      'Patroli',
      'Hari H',
      'Logistik',
      'Kerawanan',
      'Imbauan',
      'TPS',
      'Peta',
    ]);
    expect(screen.getByTestId('current-user').textContent).toBe('Pengguna Uji · Babinsa · Tompotikka');
  });

  it('gives a camat the Forkopimcam pages too, never NPHD or the security plan', async () => {
    const menu = await menuOf('camat', 'pemda', '73.73.01');
    expect(menu).toContain('Rakor');
    expect(menu).toContain('Wilayah');
    expect(menu).not.toContain('NPHD');
    expect(menu).not.toContain('Pengamanan');
    // Campaign schedule and patrols of the kecamatan; neutrality complaints are Bawaslu's and the kab/kota's.
    expect(menu).toEqual(expect.arrayContaining(['Kampanye', 'Patroli']));
    expect(menu).not.toContain('Netralitas');
    expect(menu[0]).toBe('Tugas saya');
  });

  it('keeps the desk menus of Kesbangpol, without "Tugas saya"', async () => {
    const menu = await menuOf('operator', 'kesbangpol', '73.73');
    expect(menu).toContain('NPHD');
    expect(menu).toContain('Pengamanan');
    expect(menu).not.toContain('Tugas saya');
    expect(screen.getByTestId('current-user').textContent).toContain('Operator Kesbangpol');
  });
});
