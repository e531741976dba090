/**
 * How many failed sign-ins an address may make in a minute: per address and username (so one user's
 * mistyped password does not lock out a whole office behind one NAT address), and per address across
 * usernames, five times as many (so one address cannot spray a password over many usernames). Only
 * failures count: an office whose staff all sign in at 07:00 from one address is never refused.
 * Counts live in the node's memory (an LRU of 10,000 keys, so many addresses cannot exhaust it); with
 * several app nodes an attacker gets each node's allowance, which is still a handful a minute.
 * The per-address multiple is a Siaga default, configurable through SIAGA_LOGIN_RATE_LIMIT.
 */
import { LRUCache } from 'lru-cache';

export const ADDRESS_MULTIPLE = 5;
const WINDOW_MS = 60_000;

interface Window {
  failures: number;
  resetAt: number;
}

export function createLoginLimit(options: { perUsernamePerMinute: number; now: () => number }) {
  const windows = new LRUCache<string, Window>({ max: 10_000 });
  const limits = {
    user: options.perUsernamePerMinute,
    address: options.perUsernamePerMinute * ADDRESS_MULTIPLE,
  };
  const keys = (address: string, username: string) => ({
    user: `u|${address}|${username.toLowerCase()}`,
    address: `a|${address}`,
  });
  const failures = (key: string): number => {
    const window = windows.get(key);
    return window && window.resetAt > options.now() ? window.failures : 0;
  };

  return {
    /** Whether this address may try this username now. */
    isBlocked(address: string, username: string): boolean {
      const k = keys(address, username);
      return failures(k.user) >= limits.user || failures(k.address) >= limits.address;
    },
    recordFailure(address: string, username: string): void {
      const now = options.now();
      for (const key of Object.values(keys(address, username))) {
        const window = windows.get(key);
        if (window && window.resetAt > now) window.failures += 1;
        else windows.set(key, { failures: 1, resetAt: now + WINDOW_MS });
      }
    },
  };
}
