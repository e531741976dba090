/**
 * Resolved sessions kept in memory for a few seconds, so that an authenticated request (a field
 * report on voting day above all) does not pay a three-table lookup each time. Correctness does not
 * rest on the time limit: the database announces every change that ends a session or changes what it
 * may do (migration 20261128T0008, channel SESSION_CHANNEL), each app node drops that user's entries,
 * and the node that made the change drops them itself before it answers. The time limit only bounds
 * how long a node can miss an announcement (its LISTEN connection was being re-established).
 * docs/decisions/0003-auth.md.
 */
import { LRUCache } from 'lru-cache';
import type { ResolvedSession } from './auth.service';

export const SESSION_CHANNEL = 'siaga_session';

/** How long a resolved session is trusted without asking the database again. */
export const SESSION_CACHE_TTL_MS = 10_000;

type Entry = { session: ResolvedSession; expiresAt: number };

export function createSessionCache(options: { max?: number; ttlMs?: number } = {}) {
  const cache = new LRUCache<string, Entry>({
    max: options.max ?? 20_000,
    ttl: options.ttlMs ?? SESSION_CACHE_TTL_MS,
  });
  return {
    get: (tokenHash: string): Entry | undefined => cache.get(tokenHash),
    set: (tokenHash: string, entry: Entry): void => void cache.set(tokenHash, entry),
    delete: (tokenHash: string): void => void cache.delete(tokenHash),
    /** Every cached session of this user (a change announced by the database, or made here). */
    forgetUser: (userId: string): void => {
      for (const [key, entry] of cache.entries()) {
        if (entry.session.actor.userId === userId) cache.delete(key);
      }
    },
    clear: (): void => cache.clear(),
  };
}
export type SessionCache = ReturnType<typeof createSessionCache>;
