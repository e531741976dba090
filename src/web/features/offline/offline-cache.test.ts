import { afterEach, describe, expect, it } from 'vitest';
import { HEADER_DATA_PRIBADI } from '../../../contracts/petugas';
import { API_CACHE, isPetugasReadOf, mayKeepOffline } from './offline-names';
import { forgetClosedElections, forgetSession } from './saved-session';

// What a phone keeps for offline use (docs/domain/petugas.md §Data di ponsel): the service worker
// keeps an answer only when mayKeepOffline says so, and the page forgets officers' answers when
// their election closes and everything at sign-out. The Cache API is replaced by an in-memory one
// with the same calls the code makes.
const PEMILU = '11111111-1111-4111-8111-111111111111';
const PSU = '22222222-2222-4222-8222-222222222222';

function fakeCaches() {
  const stores = new Map<string, Map<string, Response>>();
  const open = async (name: string) => {
    const store = stores.get(name) ?? new Map<string, Response>();
    stores.set(name, store);
    return {
      keys: async () => [...store.keys()].map((url) => new Request(url)),
      put: async (request: string, response: Response) => void store.set(request, response),
      delete: async (request: Request) => store.delete(request.url),
    };
  };
  return { stores, api: { open, delete: async (name: string) => stores.delete(name) } };
}

afterEach(() => {
  delete (globalThis as { caches?: unknown }).caches;
});

describe('what the phone keeps offline', () => {
  it('never an answer the server marked as carrying unmasked personal data', () => {
    const marked = new Response('{}', { status: 200, headers: { [HEADER_DATA_PRIBADI]: '1' } });
    expect(mayKeepOffline(marked)).toBe(false);
    expect(mayKeepOffline(new Response('{}', { status: 200 }))).toBe(true);
    // Nor a refusal or an error, which would hide the last good copy.
    expect(mayKeepOffline(new Response('{}', { status: 403 }))).toBe(false);
    expect(mayKeepOffline(new Response('{}', { status: 500 }))).toBe(false);
  });

  it("forgets a closed election's officers and keeps everything else", async () => {
    const fake = fakeCaches();
    (globalThis as { caches?: unknown }).caches = fake.api;
    const cache = await fake.api.open(API_CACHE);
    const kept = [
      `http://localhost/api/petugas/tps/abc?luring=1&pemilihan=${PEMILU}`,
      `http://localhost/api/petugas/dasbor?wilayah=73.73&pemilihan=${PEMILU}`,
      `http://localhost/api/petugas/tps/abc?luring=1&pemilihan=${PSU}`,
      `http://localhost/api/kejadian?pemilihan=${PEMILU}`,
    ];
    for (const url of kept) await cache.put(url, new Response('{}'));
    expect(isPetugasReadOf(kept[0]!, PEMILU)).toBe(true);
    expect(isPetugasReadOf(kept[2]!, PEMILU)).toBe(false);

    expect(await forgetClosedElections([PEMILU])).toBe(2);
    expect([...fake.stores.get(API_CACHE)!.keys()]).toEqual([kept[2], kept[3]]);
    expect(await forgetClosedElections([])).toBe(0);

    // Sign-out forgets every kept answer.
    localStorage.setItem('siaga.session', '{}');
    await forgetSession();
    expect(fake.stores.has(API_CACHE)).toBe(false);
  });
});
