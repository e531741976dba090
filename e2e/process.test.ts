/**
 * The server process as an orchestrator sees it (issue 17, item 17): SIGTERM while browsers hold live
 * streams open must end those streams (telling the clients to reconnect elsewhere) and exit cleanly
 * within the grace period, not hang until the last client leaves (browsers reconnect, so a rolling
 * restart would hang for good). The real `main.ts` on the embedded engine with demo data.
 */
import http from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from './harness';
import { DEMO_PASSWORD } from '../src/server/db/seeds/demo-regions';
import { DEMO_PEMILIHAN_ID } from '../src/server/db/seeds/demo-pemilihan';

let server: RunningServer;
let stopped = false;
beforeAll(async () => {
  server = await startServer();
}, 300_000);
afterAll(async () => {
  if (!stopped) await server.stop();
});

/** An open live stream: resolves `opened` at its first bytes and `ended` with the last event it got. */
function openStream(cookie: string) {
  let last = '';
  let resolveOpened: () => void;
  const opened = new Promise<void>((resolve) => (resolveOpened = resolve));
  const ended = new Promise<string>((resolve) => {
    const request = http.get(
      `${server.url}/api/live?pemilihan=${DEMO_PEMILIHAN_ID}`,
      { headers: { cookie, accept: 'text/event-stream' } },
      (response) => {
        expect(response.statusCode).toBe(200);
        response.on('data', (chunk: Buffer) => {
          resolveOpened();
          const types = [...chunk.toString().matchAll(/event: (\w+)/g)];
          if (types.length > 0) last = types.at(-1)![1]!;
        });
        response.on('close', () => resolve(last));
      },
    );
    request.on('error', () => resolve(last));
  });
  return { opened, ended };
}

describe('SIGTERM with open live streams', () => {
  it('ends every stream with a reconnect event and exits 0 before the grace period forces it', async () => {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'camat.wara', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const streams = [openStream(cookie), openStream(cookie), openStream(cookie)];
    await Promise.all(streams.map((s) => s.opened));

    const { code, output } = await server.terminate();
    stopped = true;
    expect(output).toContain('SIGTERM: berhenti');
    expect(output).not.toContain('keluar paksa');
    expect(code).toBe(0);
    expect(await Promise.all(streams.map((s) => s.ended))).toEqual(['reconnect', 'reconnect', 'reconnect']);
  });
});
