/**
 * The route table's `permission` is the server's first gate (ADR 0003, 0020): every declared route is
 * either public or names who may call it, and each demo role that may not call a route is answered 403
 * `forbidden` whatever it sends (no body, no election, an id that exists nowhere): the gate runs before
 * the request is read, so a role cannot learn from 400s what a route accepts.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALL_ROUTES } from '../../contracts/routes';
import { roleMayCall } from '../../contracts/route';
import type { Role } from '../../domain/access/roles';
import { DEMO_ACCOUNTS } from '../testing/demo-accounts';
import { createTestApp, type TestApp, type TestClient } from '../testing/test-app';

let t: TestApp;
const clients: { client: TestClient; role: Role }[] = [];
beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
  for (const username of DEMO_ACCOUNTS) {
    const client = await t.login(username);
    const me = await client.request({ method: 'GET', url: '/api/auth/me' });
    clients.push({ client, role: me.json<{ user: { role: Role } }>().user.role });
  }
});
afterAll(() => t.close());

describe('route permissions', () => {
  it('are declared on every route that is not public, and never on a public one', () => {
    const undeclared = ALL_ROUTES.filter((r) => !r.public && r.permission === undefined);
    const both = ALL_ROUTES.filter((r) => r.public && r.permission !== undefined);
    expect(undeclared.map((r) => `${r.method} ${r.path}`)).toEqual([]);
    expect(both.map((r) => `${r.method} ${r.path}`)).toEqual([]);
  });

  it('refuse with 403 every role that may not call a route, before its input is read', async () => {
    const wrong: string[] = [];
    let refusals = 0;
    for (const route of ALL_ROUTES) {
      if (route.public) continue;
      // Path parameters that exist nowhere; a kode-shaped parameter gets a kode the roles may not all see.
      const url = `/api${route.path.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) =>
        name === 'kode' ? '73' : randomUUID(),
      )}`;
      for (const { client, role } of clients) {
        if (roleMayCall(route, role)) continue;
        const response = await client.request({ method: route.method, url });
        refusals++;
        if (
          response.statusCode !== 403 ||
          response.json<{ error?: { code?: string } }>().error?.code !== 'forbidden'
        )
          wrong.push(`${route.method} ${route.path} as ${client.username}: ${response.statusCode}`);
      }
    }
    expect(wrong).toEqual([]);
    // The check means something only if some role is refused somewhere.
    expect(refusals).toBeGreaterThan(0);
  }, 300_000);
});
