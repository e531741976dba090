/** Names shared by the page and the service worker (src/web/sw.ts). */

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
    !pathname.startsWith('/api/live') &&
    (request.headers.get('accept') ?? '').includes('application/json')
  );
}
