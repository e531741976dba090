/** Names shared by the page and the service worker (src/web/sw.ts). */
import { HEADER_DATA_PRIBADI } from '../../../contracts/petugas';
import { liveApi } from '../../../contracts/routes/live';

/** The cache of API reads kept for offline use; emptied at sign-in and sign-out. */
export const API_CACHE = 'siaga-api';

/** The Background Sync tag under which the outbox asks to be sent when the signal returns. */
export const OUTBOX_SYNC_TAG = 'siaga-outbox';

/**
 * API reads worth keeping for offline use: the JSON answers the app asks for (the api() client
 * sends accept: application/json). Live events and file downloads (PDF, XLSX) are not kept.
 */
export function isCachedApiRead(pathname: string, request: { method: string; headers: Headers }): boolean {
  return (
    request.method === 'GET' &&
    pathname.startsWith('/api/') &&
    !pathname.startsWith(`/api${liveApi.stream.path}`) &&
    (request.headers.get('accept') ?? '').includes('application/json')
  );
}

/**
 * Whether an API answer may be kept on the phone for offline use (docs/domain/petugas.md §Data di
 * ponsel, UU 27/2022): a successful answer, unless the server marked it as carrying unmasked personal
 * data (NIK, phone, health). The KPPS chair's offline copy of their roster is the masked one the page
 * asks for with ?luring=1.
 */
export function mayKeepOffline(response: { status: number; headers: Headers }): boolean {
  return response.status === 200 && !response.headers.has(HEADER_DATA_PRIBADI);
}

/** Officers' answers kept for an election: forgotten when it closes (nobody checks in after). */
export function isPetugasReadOf(url: string, pemilihanId: string): boolean {
  const parsed = new URL(url, 'http://siaga.invalid');
  return parsed.pathname.startsWith('/api/petugas/') && parsed.searchParams.get('pemilihan') === pemilihanId;
}
