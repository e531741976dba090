import { fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BABINSA_TOMPOTIKKA } from '../../test-session';
import { renderSignedIn } from '../../testing/signed-in';
import { inProcessZone } from '../../testing/zone';
import { outbox } from '../offline/outbox-browser';
import { KejadianForm } from './KejadianForm';

const TPS_ID = '11111111-1111-4111-8111-111111111111';
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

function renderForm(
  posts: (body: Record<string, unknown>) => Response | Promise<Response>,
  ui = <KejadianForm />,
) {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json(200, BABINSA_TOMPOTIKKA);
      if (url === '/api/hari-h/tps/73.73.01.1001') {
        return json(200, {
          snapshot: '1:1:',
          truncated: false,
          items: [
            {
              tpsId: TPS_ID,
              kode: '7373011001001',
              nomor: 1,
              nama: 'TPS 001',
              kodeWilayah: '73.73.01.1001',
              dpt: 300,
              lat: null,
              lon: null,
              tahap: 'belum_lapor',
              pemilih: null,
              updatedAt: null,
              situasi: null,
              situasiAt: null,
            },
          ],
        });
      }
      if (url === '/api/kejadian' && init?.method === 'POST') {
        const body = JSON.parse(init.body as string) as Record<string, unknown>;
        sent.push(body);
        return posts(body);
      }
      return json(404, { error: { code: 'not_found', message: 'tidak ada' } });
    }),
  );
  renderSignedIn(ui);
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

/** The session, the TPS list and IndexedDB answer in turn; on a busy machine that takes a while. */
const SLOW = { timeout: 5000 };

afterEach(async () => {
  for (const item of await outbox.items()) await outbox.discard(item.id);
});

async function fillIn(uraian: string) {
  await screen.findByRole('option', { name: 'TPS 001' }, SLOW);
  fireEvent.change(screen.getByLabelText('Kategori'), { target: { value: 'politik_uang' } });
  fireEvent.change(screen.getByLabelText(/TPS \(jika di TPS\)/), { target: { value: TPS_ID } });
  fireEvent.change(screen.getByLabelText('Uraian', { exact: false }), { target: { value: uraian } });
}

describe('KejadianForm', () => {
  it('keeps the report on the phone through a network error, sends it again with the same clientId, and shows the refusal', async () => {
    let call = 0;
    const sent = renderForm(() => {
      call += 1;
      if (call === 1) throw new TypeError('Failed to fetch');
      return json(400, {
        error: {
          code: 'validation',
          message: 'TPS 001 tidak berada di Tompotikka',
          details: { field: 'tpsId', code: 'tps_di_luar_wilayah' },
        },
      });
    });
    await fillIn('Amplop dibagikan di gang');
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' }));
    expect(await screen.findByText(/Tersimpan di ponsel, belum terkirim/, {}, SLOW)).toBeInTheDocument();
    await waitFor(() => expect(sent).toHaveLength(1), SLOW);
    expect(await outbox.items()).toEqual([
      expect.objectContaining({ kind: 'kejadian', state: 'waiting', attempts: 1 }),
    ]);
    // The signal returns.
    await outbox.flush();
    expect(
      await screen.findByText(/Ditolak server: TPS 001 tidak berada di Tompotikka/, {}, SLOW),
    ).toBeInTheDocument();
    expect(sent).toHaveLength(2);
    expect(sent[0]!.clientId).toBe(sent[1]!.clientId);
    expect(sent[0]).toMatchObject({ kategori: 'politik_uang', kodeWilayah: '73.73.01.1001', tpsId: TPS_ID });
    // Three SLOW waits in a row, the first test of the file also warming the modules up.
  }, 20_000);

  it('says "terkirim" only once the server has it', async () => {
    const sent = renderForm(() => json(200, { id: TPS_ID, replayed: false }));
    await fillIn('Amplop dibagikan di gang');
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' }));
    expect(await screen.findByText('Terkirim ke server.', {}, SLOW)).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(await outbox.items()).toEqual([]);
  });

  it("reads the time typed on Palopo's clock (WITA), not the phone's zone", async () => {
    // A phone left on WIB, or abroad: the report must still say 10:00 WITA.
    inProcessZone('America/New_York');
    const sent = renderForm(() => json(200, { id: TPS_ID, replayed: false }));
    await fillIn('Amplop dibagikan di gang');
    fireEvent.input(screen.getByLabelText('Waktu kejadian (WITA)'), {
      target: { value: '2024-11-27T10:00' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' }));
    await waitFor(() => expect(sent).toHaveLength(1), SLOW);
    expect(sent[0]).toMatchObject({ terjadiAt: '2024-11-27T10:00:00+08:00' });
  });

  it("shows the contract's message under the field at once, and files nothing", async () => {
    const sent = renderForm(() => json(200, {}));
    await fillIn('Uang');
    fireEvent.click(screen.getByRole('button', { name: 'Kirim laporan' }));
    expect(
      await screen.findByText('Uraian minimal 5 karakter', { selector: '.field-error' }, SLOW),
    ).toBeInTheDocument();
    expect(sent).toEqual([]);
    expect(await outbox.items()).toEqual([]);
  });

  it('gives each of two forms on one page its own error ids, each field described by its own message', async () => {
    renderForm(
      () => json(200, {}),
      <>
        <KejadianForm />
        <KejadianForm />
      </>,
    );
    await waitFor(() => expect(screen.getAllByRole('option', { name: 'TPS 001' })).toHaveLength(2), SLOW);
    const forms = screen.getAllByRole('form');
    for (const form of forms) {
      fireEvent.change(within(form).getByLabelText('Uraian', { exact: false }), {
        target: { value: 'Uang' },
      });
      fireEvent.click(within(form).getByRole('button', { name: 'Kirim laporan' }));
    }
    await waitFor(
      () => expect(document.querySelectorAll('.field-error[id]').length).toBeGreaterThan(2),
      SLOW,
    );
    const ids = [...document.querySelectorAll('[id]')].map((element) => element.id);
    expect(ids.length).toBe(new Set(ids).size);
    for (const form of forms) {
      const uraian = within(form).getByLabelText('Uraian', { exact: false });
      const described = (uraian.getAttribute('aria-describedby') ?? '').split(' ');
      const messages = described.map((id) => document.getElementById(id));
      // Every id it names is in its own form, and one of them is its own message.
      expect(messages.every((element) => element !== null && form.contains(element))).toBe(true);
      expect(messages.map((element) => element?.textContent)).toContain('Uraian minimal 5 karakter');
    }
  }, 15_000);
});
