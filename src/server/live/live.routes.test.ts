/**
 * Shutting a node down with streams open (issue 17): browsers hold an event stream open and reconnect
 * when it ends, so a server that waits for its connections to leave never stops. Closing the app
 * ends every stream with a `reconnect` event and resolves.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { DEMO_PEMILIHAN_ID } from '../db/seeds/demo-pemilihan';
import { DEMO_PASSWORD } from '../db/seeds/demo-regions';
import { createTestApp, type TestApp } from '../testing/test-app';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
});
afterAll(async () => t.close());

describe('GET /api/live on shutdown', () => {
  it('ends open streams with a reconnect event, so closing the node does not wait for its clients', async () => {
    // A node of its own on the test's database, listening on a port as in production.
    const node = await buildApp({ database: t.database, clock: t.clock, escalationIntervalMs: 0 });
    await node.listen({ port: 0, host: '127.0.0.1' });
    const base = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`;
    const login = await node.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'kesbangpol.palopo', password: DEMO_PASSWORD },
    });
    const cookie = `siaga_sid=${login.cookies.find((c) => c.name === 'siaga_sid')!.value}`;
    const streams = [0, 1].map(() => {
      let text = '';
      let resolveOpen: () => void;
      const open = new Promise<void>((resolve) => (resolveOpen = resolve));
      const ended = new Promise<string>((resolve) => {
        const request = http.get(
          `${base}/api/live?pemilihan=${DEMO_PEMILIHAN_ID}`,
          { headers: { cookie } },
          (response) => {
            resolveOpen();
            response.on('data', (chunk: Buffer) => (text += chunk.toString()));
            response.on('end', () => resolve(text));
            response.on('error', () => resolve(text));
          },
        );
        request.on('error', () => resolve(text));
      });
      return { open, ended };
    });
    await Promise.all(streams.map((s) => s.open));

    let timer: NodeJS.Timeout | undefined;
    const outcome = await Promise.race([
      node.close().then(() => 'closed'),
      new Promise((resolve) => (timer = setTimeout(() => resolve('still waiting after 10 s'), 10_000))),
    ]);
    clearTimeout(timer);
    expect(outcome).toBe('closed');
    for (const stream of streams) expect(await stream.ended).toContain('event: reconnect');
  }, 60_000);
});
