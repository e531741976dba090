/**
 * The last session this phone saw, so the app opens offline after a reload or a restart (issue 14):
 * when /api/auth/me cannot be reached at all, the user and CSRF token kept here stand in. The server
 * still decides: anything sent later with an ended session is answered 401 and waits in the outbox.
 * Sign-in and sign-out replace or remove it, and empty the offline copy of API answers with it.
 */
import { SessionResponse } from '../../../contracts/auth';
import { API_CACHE, isPetugasReadOf } from './offline-names';

const KEY = 'siaga.session';

export function saveSession(session: SessionResponse): void {
  try {
    localStorage.setItem(KEY, JSON.stringify(session));
  } catch {
    // Storage full or disabled: the app still works online.
  }
}

export function savedSession(): SessionResponse | null {
  try {
    const parsed = SessionResponse.safeParse(JSON.parse(localStorage.getItem(KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Forgets the session and every API answer kept for offline use (another user may sign in next). */
export async function forgetSession(): Promise<void> {
  localStorage.removeItem(KEY);
  if (typeof caches !== 'undefined') await caches.delete(API_CACHE).catch(() => false);
}

/**
 * Forgets the officers' answers kept for offline use of elections that have closed (UU 27/2022:
 * kept no longer than their purpose, check-in on voting day, needs them). Answers the number removed.
 */
export async function forgetClosedElections(closedIds: readonly string[]): Promise<number> {
  if (closedIds.length === 0 || typeof caches === 'undefined') return 0;
  const cache = await caches.open(API_CACHE);
  let removed = 0;
  for (const request of await cache.keys()) {
    if (closedIds.some((id) => isPetugasReadOf(request.url, id)) && (await cache.delete(request)))
      removed += 1;
  }
  return removed;
}
