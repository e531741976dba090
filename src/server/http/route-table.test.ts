/**
 * The app serves the route table and nothing beside it (ADR 0020): every operation of the OpenAPI
 * document is a declaration of contracts/routes with the same method, path and summary, and every
 * declaration is served. Modules not yet moved to the table are named below and may only shrink.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../contracts/routes';
import { createTestApp, type TestApp } from '../testing/test-app';

/** Path prefixes of modules whose routes are still declared in their routes file (issue 15). */
const NOT_YET_IN_TABLE: string[] = [];

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

function pending(path: string): boolean {
  return NOT_YET_IN_TABLE.some((prefix) => path === prefix || path.startsWith(`${prefix}/`));
}

describe('the route table', () => {
  it('is what the app serves: same methods, paths and summaries, nothing beside it', () => {
    const doc = t.app.swagger() as {
      paths: Record<string, Partial<Record<(typeof METHODS)[number], { summary?: string }>>>;
    };
    const served = new Map<string, string | undefined>();
    for (const [path, operations] of Object.entries(doc.paths)) {
      for (const method of METHODS) {
        const operation = operations[method];
        if (operation) served.set(`${method.toUpperCase()} ${path}`, operation.summary);
      }
    }
    const declared = new Map(
      ALL_ROUTES.map((route) => [
        `${route.method} /api${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`,
        route,
      ]),
    );
    expect(declared.size).toBe(ALL_ROUTES.length);
    for (const [key, route] of declared) {
      expect(served.has(key), `${key} is declared but not served`).toBe(true);
      expect(served.get(key), key).toBe(route.summary);
      expect(
        pending(key.split(' ')[1]!),
        `${key} is in the table: take its module off NOT_YET_IN_TABLE`,
      ).toBe(false);
    }
    const outside = [...served.keys()].filter((key) => !declared.has(key) && !pending(key.split(' ')[1]!));
    expect(outside).toEqual([]);
  });
});
