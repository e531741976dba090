/**
 * The app serves the route table and nothing beside it (ADR 0020): every operation of the OpenAPI
 * document is a declaration of contracts/routes with the same method, path and summary, and every
 * declaration is served. Every module is in the table (issue 15); the web calls them only through it
 * (web/api/no-hand-typed-paths.test.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../contracts/routes';
import { createTestApp, type TestApp } from '../testing/test-app';

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

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
    }
    const outside = [...served.keys()].filter((key) => !declared.has(key));
    expect(outside).toEqual([]);
  });
});
