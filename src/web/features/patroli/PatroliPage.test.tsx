import { fireEvent, screen, waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ROLE_PERMISSIONS } from '../../../domain/access/roles';
import { renderSignedIn } from '../../testing/signed-in';
import { inProcessZone } from '../../testing/zone';
import { PatroliPage } from './PatroliPage';

/** The Forkopimda of Kota Jayapura (WIT, UTC+9), planning a patrol from a laptop on any zone. */
const FORKOPIMDA_JAYAPURA = {
  csrfToken: 'csrf',
  user: {
    id: 'u2',
    username: 'forkopimda.jayapura',
    nama: 'Forkopimda Kota Jayapura',
    role: 'forkopimda',
    agency: 'pemda',
    kodeWilayah: '91.71',
    namaWilayah: 'Kota Jayapura',
    permissions: ROLE_PERMISSIONS.forkopimda,
  },
};

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/** A patrol in Kota Jayapura from 03:00 to 05:30 UTC: 12.00–14.30 WIT, 10.00–12.30 on a WIB phone. */
const PATROLI_JAYAPURA = {
  id: '22222222-2222-4222-8222-222222222222',
  nama: 'Patroli malam',
  kodeWilayah: '91.71',
  namaWilayah: 'Kota Jayapura',
  unsur: ['polri'],
  tujuan: 'kamtibmas',
  mulaiAt: '2024-11-27T03:00:00.000Z',
  selesaiAt: '2024-11-27T05:30:00.000Z',
  status: 'rencana',
  akses: 'penuh',
  jumlahTitik: 0,
  jumlahTemuan: 0,
  sasaran: null,
  bisaJalankan: false,
  tugas: null,
};

/** 13:00 to 17:00 UTC on one UTC day: 22.00 WIT on the 27th to 02.00 WIT on the 28th. */
const PATROLI_MALAM = {
  ...PATROLI_JAYAPURA,
  id: '33333333-3333-4333-8333-333333333333',
  mulaiAt: '2024-11-27T13:00:00.000Z',
  selesaiAt: '2024-11-27T17:00:00.000Z',
};

function renderPage() {
  const sent: Record<string, unknown>[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (url === '/api/auth/me') return json(200, FORKOPIMDA_JAYAPURA);
      if (url.startsWith('/api/patroli') && init?.method === 'POST') {
        sent.push(JSON.parse(init.body as string) as Record<string, unknown>);
        return json(500, { error: { code: 'internal', message: 'uji' } });
      }
      if (url.startsWith('/api/wilayah')) return json(200, { items: [] });
      if (url.startsWith('/api/patroli?')) return json(200, { items: [PATROLI_JAYAPURA, PATROLI_MALAM] });
      return json(404, { error: { code: 'not_found', message: 'tidak ada' } });
    }),
  );
  renderSignedIn(<PatroliPage />);
  return sent;
}

afterEach(() => vi.unstubAllGlobals());

describe('PatroliPage › RencanaForm', () => {
  it("reads the patrol's times on Jayapura's clock (WIT) whatever the laptop's zone", async () => {
    // A laptop on WIB (a BKO officer from Java) would have sent 10:00 WIB, two hours late.
    inProcessZone('Asia/Jakarta');
    const sent = renderPage();
    const mulai = await screen.findByLabelText('Mulai (WIT)', {}, { timeout: 5000 });
    fireEvent.input(screen.getByLabelText('Nama patroli'), {
      target: { value: 'Patroli malam' },
    });
    fireEvent.input(mulai, { target: { value: '2024-11-27T10:00' } });
    fireEvent.input(screen.getByLabelText('Selesai (WIT)'), { target: { value: '2024-11-27T12:30' } });
    fireEvent.submit(screen.getByRole('form', { name: 'Rencanakan patroli' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      kodeWilayah: '91.71',
      mulaiAt: '2024-11-27T10:00:00+09:00',
      selesaiAt: '2024-11-27T12:30:00+09:00',
    });
  });
});

describe('PatroliPage › list', () => {
  it("shows a Jayapura patrol's times on its own clock, with WIT, on a laptop set to Jakarta", async () => {
    inProcessZone('Asia/Jakarta');
    renderPage();
    const [row, night] = await screen.findAllByTestId('patroli-row', {}, { timeout: 5000 });
    // One day named once; a night patrol crossing midnight on Jayapura's clock names both days.
    expect(row!.textContent).toContain('27 Nov 2024 12.00–14.30 WIT');
    expect(row!.textContent).not.toContain('10.00');
    expect(night!.textContent).toContain('27 Nov 2024, 22.00 – 28 Nov 2024, 02.00 WIT');
  });
});
