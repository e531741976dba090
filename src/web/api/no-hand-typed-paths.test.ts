/**
 * The web calls the API only through the route table (issue 15, ADR 0020): `call(route, input)` and
 * `urlOf(route, input)` build every path from its declaration, so a renamed or retyped route breaks
 * the build, not a user's page. This test reads every web source file and refuses an API path typed
 * by hand ('/api/…' in a string or template). The only paths allowed are prefixes used to recognise
 * API traffic (the client's election parameter, the service worker's cache rules), listed with why.
 */
import { describe, expect, it } from 'vitest';

const SOURCES = import.meta.glob<string>(
  ['/src/web/**/*.{ts,tsx}', '!/src/web/**/*.test.{ts,tsx}', '!/src/web/test-setup.ts'],
  {
    query: '?raw',
    import: 'default',
    eager: true,
  },
);

/** A quote or backtick, then /api/ and anything up to the closing mark: a path typed by hand. */
const HAND_TYPED = /(['"`])\/api\/[^'"`]*\1?/g;

/** Prefixes that recognise API traffic rather than call a route, by file. */
const RECOGNISERS: Record<string, readonly string[]> = {
  // The chosen election is added to any API path that does not name one yet.
  '/src/web/api/client.ts': ["'/api/'"],
  // The service worker's cache rules: API answers are never served from the static cache, and
  // officers' rosters are kept for an offline roll call.
  '/src/web/features/offline/offline-names.ts': ["'/api/'", "'/api/petugas/'"],
};

describe('the web and the route table', () => {
  it('reads the web sources (the glob finds them)', () => {
    expect(Object.keys(SOURCES).length).toBeGreaterThan(100);
    expect(Object.keys(SOURCES)).toContain('/src/web/api/client.ts');
  });

  it('has no API path typed by hand: every call goes through call/urlOf and the route table', () => {
    const found: string[] = [];
    for (const [file, text] of Object.entries(SOURCES)) {
      const allowed = RECOGNISERS[file] ?? [];
      for (const match of text.matchAll(HAND_TYPED)) {
        if (!allowed.includes(match[0])) {
          const line = text.slice(0, match.index).split('\n').length;
          found.push(`${file.slice(1)}:${line} ${match[0]}`);
        }
      }
    }
    expect(found).toEqual([]);
  });

  it('catches a hand-typed path in each form a page could write it', () => {
    const forms = ["api(X, '/api/tps')", 'fetch(`/api/tps/${id}`)', 'href="/api/anev/pdf"'];
    for (const form of forms) expect(form.match(HAND_TYPED), form).not.toBeNull();
    expect('urlOf(anevApi.pdf, { query })'.match(HAND_TYPED)).toBeNull();
  });
});
