import { screen, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { kesbangpolSession } from '../../test-session';
import { renderSignedIn } from '../../testing/signed-in';
import { inProcessZone } from '../../testing/zone';
import { AuditPage } from './AuditPage';

const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });

/** An administrator of Kota Palopo (WITA) reads the log. */
const ADMIN_PALOPO = kesbangpolSession('admin', { kodeWilayah: '73.73', namaWilayah: 'Kota Palopo' });

const entry = (id: number, kodeWilayah: string | null) => ({
  id,
  at: '2024-11-27T03:00:00.000Z',
  actorUsername: 'admin',
  action: 'update',
  entity: 'tps',
  entityId: null,
  kodeWilayah,
  before: null,
  after: null,
});

function renderAudit() {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      if (url === '/api/auth/me') return json(ADMIN_PALOPO);
      if (url.startsWith('/api/audit')) {
        return json({ items: [entry(1, '91.71'), entry(2, null)], total: 2, page: 1, pageSize: 50 });
      }
      throw new TypeError('Failed to fetch');
    }),
  );
  renderSignedIn(<AuditPage />);
}

afterEach(() => {
  vi.unstubAllGlobals();
  localStorage.clear();
});

describe('AuditPage', () => {
  it("shows each entry on its area's clock, and one without an area on the reader's, not WIB", async () => {
    // 03:00 UTC: 12.00 in Jayapura, 11.00 in Palopo, 10.00 on this laptop set to Jakarta.
    inProcessZone('Asia/Jakarta');
    renderAudit();
    const rows = await screen.findAllByRole('row');
    expect(within(rows[1]!).getByText('27 Nov 2024, 12.00 WIT')).toBeInTheDocument();
    expect(await within(rows[2]!).findByText('27 Nov 2024, 11.00 WITA')).toBeInTheDocument();
  });

  it('writes the time in English for a reader of English', async () => {
    inProcessZone('Asia/Jakarta');
    localStorage.setItem('siaga.lang', 'en');
    renderAudit();
    expect(await screen.findByText('Nov 27, 2024, 12:00 PM WIT')).toBeInTheDocument();
    expect(await screen.findByText('Nov 27, 2024, 11:00 AM WITA')).toBeInTheDocument();
  });
});
