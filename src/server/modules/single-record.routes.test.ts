/**
 * One rule for single records (ADR 0003, issue 17 item 12), checked over every route the OpenAPI
 * document lists, so a new route is covered without anyone adding it: a GET of one record by its id
 * answers 404 `not_found` when the record is not there for the reader (absent, outside their wilayah,
 * of another election), and 403 `forbidden` only when the reader's role may never read that kind of
 * record, whatever the id. Then an id can never be probed: the answer does not depend on whether the
 * record exists. Every demo role is asked for an id that exists nowhere; the answer must be one of
 * those two, and the role's 403 must be the same for any id.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ACCOUNTS } from '../testing/demo-accounts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
const clients = new Map<string, TestClient>();

interface Operation {
  parameters?: { in: string; name: string; schema?: { format?: string } }[];
}
let routes: { path: string; ids: string[] }[] = [];

beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
  for (const username of DEMO_ACCOUNTS) clients.set(username, await t.login(username));
  const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{
    paths: Record<string, { get?: Operation }>;
  }>();
  routes = Object.entries(doc.paths)
    .filter(([, item]) => item.get !== undefined)
    .map(([path, item]) => {
      const pathParams = (item.get!.parameters ?? []).filter((p) => p.in === 'path');
      return {
        path,
        ok: pathParams.length > 0 && pathParams.every((p) => p.schema?.format === 'uuid'),
        ids: pathParams.map((p) => p.name),
      };
    })
    .filter((route) => route.ok)
    .map(({ path, ids }) => ({ path, ids }));
});
afterAll(async () => t.close());

const urlOf = (path: string, ids: string[], id: string): string =>
  ids.reduce((url, name) => url.replace(`{${name}}`, id), path);

describe('single records by id', () => {
  it('are found among the OpenAPI routes (the check covers routes by itself)', () => {
    // At least the records the issue named: imbauan, its CAP file, users, incidents, TPS.
    const paths = routes.map((r) => r.path);
    for (const expected of [
      '/api/koordinasi/imbauan/{id}',
      '/api/koordinasi/imbauan/{id}/cap.xml',
      '/api/users/{id}',
      '/api/kejadian/{id}',
      '/api/tps/{id}',
    ])
      expect(paths).toContain(expected);
    expect(routes.length).toBeGreaterThanOrEqual(20);
  });

  it('answer 404 to a reader who may read such records, 403 only to a role that never may, for any id', async () => {
    const unexpected: string[] = [];
    for (const route of routes) {
      let found404 = false;
      for (const [username, client] of clients) {
        const first = await client.request({
          method: 'GET',
          url: urlOf(route.path, route.ids, randomUUID()),
        });
        if (first.statusCode === 404) {
          found404 = true;
          if (first.json().error?.code !== 'not_found')
            unexpected.push(`${route.path} as ${username}: 404 with ${first.body}`);
          continue;
        }
        if (first.statusCode !== 403 || first.json().error?.code !== 'forbidden') {
          unexpected.push(`${route.path} as ${username}: ${first.statusCode} ${first.body.slice(0, 120)}`);
          continue;
        }
        // A 403 is about the role, not the record: another id gets the same answer.
        const second = await client.request({
          method: 'GET',
          url: urlOf(route.path, route.ids, randomUUID()),
        });
        if (second.statusCode !== 403)
          unexpected.push(`${route.path} as ${username}: 403 then ${second.statusCode}`);
      }
      if (!found404) unexpected.push(`${route.path}: no demo role may read it (nobody got 404)`);
    }
    expect(unexpected).toEqual([]);
  }, 300_000);
});
