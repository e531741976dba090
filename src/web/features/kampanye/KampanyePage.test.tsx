import { screen } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FLAG_KEGIATAN } from '../../../domain/kampanye/kampanye';
import { kesbangpolSession } from '../../test-session';
import { renderSignedIn } from '../../testing/signed-in';
import { inProcessZone } from '../../testing/zone';
import { useSession } from '../auth/session';
import { KampanyePage } from './KampanyePage';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** A reader of Kota Palopo (WITA, UTC+8). */
const VIEWER_PALOPO = kesbangpolSession('viewer', { kodeWilayah: '73.73', namaWilayah: 'Kota Palopo' });

const paslon = { id: '11111111-1111-4111-8111-111111111111', nomorUrut: 1, nama: 'Andi – Rahma' };

/** A rally from 01:00 to 04:00 UTC: 09.00–12.00 WITA, one day on Palopo's clock. */
const RAPAT = {
  id: '22222222-2222-4222-8222-222222222222',
  jenis: 'rapat_umum',
  paslon,
  judul: 'Rapat umum paslon 1',
  kodeWilayah: '73.73.01',
  namaWilayah: 'Wara',
  tempat: [],
  alamat: null,
  mulaiAt: '2026-12-10T01:00:00.000Z',
  selesaiAt: '2026-12-10T04:00:00.000Z',
  sttpNomor: null,
  perkiraanMassa: null,
  kontak: null,
  dibatalkan: false,
  personel: 0,
  tugas: null,
  flags: [],
  bentrokDengan: [],
  version: 1,
};

/** A posko guarded from 15:00 UTC on the 9th to 15:00 UTC on the 10th: two days on Palopo's clock. */
const POSKO = {
  id: '33333333-3333-4333-8333-333333333333',
  paslon,
  nama: 'Posko Wara',
  kodeWilayah: '73.73.01',
  namaWilayah: 'Wara',
  lat: null,
  lon: null,
  alamat: 'Jl. Andi Djemma',
  kontakNama: 'Rudi',
  kontakTelepon: '0811',
  jagaMulai: '2026-12-09T15:00:00.000Z',
  jagaSelesai: '2026-12-10T15:00:00.000Z',
  kebutuhanPolri: 1,
  personel: 0,
  tugas: null,
  version: 1,
};

function renderKampanye() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/auth/me') return json(VIEWER_PALOPO);
      if (url.startsWith('/api/kampanye/kegiatan?')) {
        return json({ items: [RAPAT], ringkasan: Object.fromEntries(FLAG_KEGIATAN.map((f) => [f, 0])) });
      }
      if (url.startsWith('/api/kampanye/posko?')) return json({ items: [POSKO] });
      throw new TypeError('Failed to fetch');
    }),
  );
  renderSignedIn(<OnceSignedIn />);
}

/** The page as the app shell opens it: once the session is known (it starts on the user's area). */
function OnceSignedIn() {
  const { user } = useSession();
  return user ? <KampanyePage /> : null;
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('KampanyePage', () => {
  it("names an event's day once and a guard window's two days, on Palopo's clock from a Jakarta laptop", async () => {
    inProcessZone('Asia/Jakarta');
    renderKampanye();
    const row = await screen.findByTestId('kegiatan-row', {}, { timeout: 5000 });
    expect(row.textContent).toContain('10 Des 2026 09.00–12.00 WITA');
    expect(await screen.findByText(/^Dijaga /)).toHaveTextContent(
      'Dijaga 9 Des 2026, 23.00 – 10 Des 2026, 23.00 WITA',
    );
  });

  it('writes both in English for a reader of English', async () => {
    inProcessZone('Asia/Jakarta');
    localStorage.setItem('siaga.lang', 'en');
    renderKampanye();
    const row = await screen.findByTestId('kegiatan-row', {}, { timeout: 5000 });
    expect(row.textContent).toContain('Dec 10, 2026, 9:00 AM – 12:00 PM WITA');
    expect(await screen.findByText(/^Guarded /)).toHaveTextContent(
      'Guarded Dec 9, 2026, 11:00 PM – Dec 10, 2026, 11:00 PM WITA',
    );
  });
});
