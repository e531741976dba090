import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { fireEvent, render, screen, waitFor } from '@testing-library/preact';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { I18nProvider } from '../../i18n/i18n';
import { BABINSA_TOMPOTIKKA } from '../../test-session';
import { SessionProvider, useSession } from '../auth/session';
import { outbox } from '../offline/outbox-browser';
import { SituasiTpsForm } from './SituasiTpsForm';

const TPS_ID = '11111111-1111-4111-8111-111111111111';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
/** The session and IndexedDB answer in turn; on a busy machine that takes a while. */
const SLOW = { timeout: 5000 };

function mockServer(answer: (body: Record<string, unknown>) => Response) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json(200, BABINSA_TOMPOTIKKA);
      if (url === '/api/hari-h/situasi' && init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as Record<string, unknown>;
        sent.push(body);
        return answer(body);
      }
      return json(404, { error: { code: 'not_found', message: 'tidak ada' } });
    }),
  );
  return sent;
}

/** As in the app, the page shows once the session is known (the outbox files for that user). */
function SignedIn({ children }: { children: ReactNode }) {
  return useSession().user === null ? null : children;
}

function renderForm(entry = '/hari-h?wilayah=73.73.01.1001') {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  return render(
    <QueryClientProvider client={client}>
      <I18nProvider>
        <SessionProvider>
          <MemoryRouter initialEntries={[entry]}>
            <SignedIn>
              <SituasiTpsForm tpsId={TPS_ID} nama="TPS 001" kodeWilayah="73.73.01.1001" />
            </SignedIn>
          </MemoryRouter>
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>,
  );
}

afterEach(async () => {
  for (const item of await outbox.items()) await outbox.discard(item.id);
  vi.unstubAllGlobals();
});

describe('SituasiTpsForm', () => {
  it('asks a note of waspada and genting before anything is filed, not of kondusif', async () => {
    mockServer(() => json(200, {}));
    renderForm();
    const note = await screen.findByLabelText(/Keterangan singkat/, {}, SLOW);
    expect(note).not.toBeRequired();
    fireEvent.click(screen.getByLabelText('Genting'));
    expect(screen.getByLabelText(/Keterangan singkat \(wajib/)).toBeRequired();
  });

  it('files the report under a client id; a refused one opens with what it said and goes again under the same id', async () => {
    let call = 0;
    const sent = mockServer(() => {
      call += 1;
      if (call === 1) throw new TypeError('Failed to fetch');
      if (call === 2) {
        return json(400, {
          error: {
            code: 'validation',
            message: 'TPS ini tidak ikut dalam pemilihan yang dipilih',
            details: { field: 'tpsId', code: 'tps_bukan_peserta' },
          },
        });
      }
      return json(200, { tpsId: TPS_ID, situasi: 'genting', replayed: false });
    });
    const first = renderForm();
    fireEvent.click(await screen.findByLabelText('Waspada', {}, SLOW));
    fireEvent.change(screen.getByLabelText(/Keterangan singkat/), {
      target: { value: 'Massa berkumpul di depan TPS' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan keamanan' }));
    expect(await screen.findByText(/Tersimpan di ponsel, belum terkirim/, {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(1), SLOW);
    const [item] = await outbox.items();
    expect(item).toMatchObject({
      kind: 'situasi-tps',
      state: 'waiting',
      label: 'Keamanan TPS 001 (Waspada)',
    });
    expect(sent[0]).toMatchObject({
      clientId: item!.id,
      tpsId: TPS_ID,
      situasi: 'waspada',
      catatan: 'Massa berkumpul di depan TPS',
    });

    // The signal returns and the server refuses it; the screen says so in the server's words.
    await outbox.flush();
    expect(
      await screen.findByText(/Ditolak server: TPS ini tidak ikut dalam pemilihan/, {}, SLOW),
    ).toBeInTheDocument();
    first.unmount();

    // Opened from the outbox's "Ubah": the form holds what was written, corrected and sent again.
    renderForm(`/hari-h?wilayah=73.73.01.1001&ubah=${item!.id}`);
    const resend = await screen.findByRole('button', { name: 'Kirim ulang laporan keamanan' }, SLOW);
    expect(screen.getByLabelText('Waspada')).toBeChecked();
    expect(screen.getByLabelText(/Keterangan singkat/)).toHaveValue('Massa berkumpul di depan TPS');
    fireEvent.click(screen.getByLabelText('Genting'));
    fireEvent.click(resend);
    await waitFor(() => expect(sent).toHaveLength(3), SLOW);
    expect(sent[2]).toMatchObject({ clientId: item!.id, situasi: 'genting' });
    await waitFor(async () => expect(await outbox.items()).toEqual([]), SLOW);
  }, 20_000);
});
