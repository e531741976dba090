import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { render, screen } from '@testing-library/preact';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { BABINSA_TOMPOTIKKA } from '../../test-session';
import { SessionProvider } from '../auth/session';
import { PemilihanProvider } from '../pemilihan/pemilihan-context';
import { PemilihanSwitcher } from '../pemilihan/PemilihanSwitcher';
import { TugasPage } from './TugasPage';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** "Tugas saya" and the header's chooser when the list of elections is answered by `pemilihan`. */
function renderTugas(pemilihan: () => Response) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/auth/me') return json(BABINSA_TOMPOTIKKA);
      if (url === '/api/pemilihan') return pemilihan();
      throw new TypeError('Failed to fetch');
    }),
  );
  render(
    <QueryClientProvider client={new QueryClient({ defaultOptions: { queries: { retry: false } } })}>
      <I18nProvider>
        <SessionProvider>
          <PemilihanProvider>
            <MemoryRouter>
              <PemilihanSwitcher />
              <TugasPage />
            </MemoryRouter>
          </PemilihanProvider>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(() => vi.unstubAllGlobals());

describe('TugasPage without an election', () => {
  it('on a first visit without signal says the data is not on the phone yet, not that there is no election', async () => {
    renderTugas(() => {
      throw new TypeError('Failed to fetch');
    });
    expect((await screen.findByTestId('tugas-no-election', {}, { timeout: 5000 })).textContent).toBe(
      'Data pemilihan belum tersimpan di ponsel ini. Buka Siaga sekali saat ada sinyal; setelah itu Siaga dapat dipakai tanpa sinyal.',
    );
    expect(screen.getByText('Belum tersimpan di ponsel')).toBeInTheDocument();
    expect(screen.queryByText(/Belum ada pemilihan/)).toBeNull();
  });

  it('says there is no election when the server says so', async () => {
    renderTugas(() => json({ items: [], aktifId: null }));
    expect((await screen.findByTestId('tugas-no-election', {}, { timeout: 5000 })).textContent).toBe(
      'Belum ada pemilihan untuk wilayah Anda.',
    );
  });
});
