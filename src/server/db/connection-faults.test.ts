/**
 * The app survives its database (issue 17). On PostgreSQL an app node reaches the test database
 * through a TCP proxy that the test cuts (every connection dropped, new ones refused: a crash, a
 * restart, a network fault) and restores; and the test terminates the backends of its own database
 * (`pg_terminate_backend`, what `pg_ctl restart -m fast` does to them). No process may end: an
 * unhandled 'error' of a connection would end this test's worker. Requests answer 503 `unavailable`
 * (never 500) while the database is away and succeed again by themselves; no acknowledged report is
 * lost; the LISTEN connections come back, live streams get `resync` and then events again, and a
 * revocation of sessions announced after the fault reaches the node. The embedded engine runs inside
 * the process and has no connection to lose: there the file checks the one error mapping only.
 */
import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'kysely';
import pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { openDatabase, type DatabaseHandle } from './client';
import { isDatabaseUnavailable } from './pg-errors';
import { createTestApp, type TestApp } from '../testing/test-app';
import { startTcpProxy, type TcpProxy } from '../testing/tcp-proxy';
import { DEMO_PEMILIHAN_ID } from './seeds/demo-pemilihan';
import { DEMO_PASSWORD } from './seeds/demo-regions';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ escalationIntervalMs: 0 });
});
afterAll(async () => t.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Terminates every backend of the test database but the caller's (as a fast restart would). */
async function terminateBackends(url: string): Promise<number> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  try {
    const { rows } = await admin.query<{ n: number }>(
      `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND pid <> pg_backend_pid()`,
    );
    return rows[0]!.n;
  } finally {
    await admin.end();
  }
}

/** A live stream of the node at `base`: the event types it got, and a way to end it. */
function stream(base: string, cookie: string) {
  const types: string[] = [];
  let request: http.ClientRequest;
  const ready = new Promise<void>((resolve) => {
    request = http.get(
      `${base}/api/live?pemilihan=${DEMO_PEMILIHAN_ID}`,
      { headers: { cookie } },
      (response) => {
        resolve();
        let buffer = '';
        response.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const type = /^event: (.+)$/m.exec(buffer.slice(0, end))?.[1];
            buffer = buffer.slice(end + 2);
            if (type) types.push(type);
          }
        });
      },
    );
    request.on('error', () => undefined);
  });
  return { types, ready, end: () => request.destroy() };
}

describe('database faults', () => {
  it('answers 503 unavailable for a lost connection, 500 for other failures', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006'])
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    for (const code of ['23505', '22P02', undefined])
      expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code }))).toBe(false);
  });

  describe('on PostgreSQL', () => {
    let proxy: TcpProxy;
    let database: DatabaseHandle;
    let node: FastifyInstance;
    let base: string;

    async function signIn(username: string) {
      const response = await node.inject({
        method: 'POST',
        url: '/api/auth/login',
        payload: { username, password: DEMO_PASSWORD },
      });
      expect(response.statusCode, response.body).toBe(200);
      const sid = response.cookies.find((c) => c.name === 'siaga_sid')!.value;
      const csrf = response.json<{ csrfToken: string }>().csrfToken;
      return {
        cookie: `siaga_sid=${sid}`,
        request: (method: 'GET' | 'POST', url: string, payload?: object) =>
          node.inject({
            method,
            url: `${url}${url.includes('?') ? '&' : '?'}pemilihan=${DEMO_PEMILIHAN_ID}`,
            cookies: { siaga_sid: sid },
            headers: { 'x-csrf-token': csrf },
            ...(payload ? { payload } : {}),
          }),
      };
    }

    beforeAll(async () => {
      if (t.database.url === null) return;
      proxy = await startTcpProxy(t.database.url);
      database = await openDatabase({ databaseUrl: proxy.url, poolSize: 4 });
      node = await buildApp({ database, clock: t.clock, escalationIntervalMs: 0 });
      await node.listen({ port: 0, host: '127.0.0.1' });
      base = `http://127.0.0.1:${(node.server.address() as AddressInfo).port}`;
    });
    afterAll(async () => {
      await node?.close();
      await database?.close();
      await proxy?.close();
    });

    it('a database gone and back: 503 meanwhile, nothing acknowledged lost, live events and revocations resume', async () => {
      if (t.database.url === null) return; // the embedded engine: see the file's comment
      const babinsa = await signIn('babinsa.tompotikka');
      const kesbangpol = await signIn('kesbangpol.palopo');
      const tpsIds = (await babinsa.request('GET', '/api/hari-h/tps/73.73.01.1001'))
        .json<{
          items: { tpsId: string }[];
        }>()
        .items.map((i) => i.tpsId);
      const live = stream(base, kesbangpol.cookie);
      await live.ready;

      const acknowledged: string[] = [];
      const statuses = new Set<number>();
      const report = async (tpsId: string) => {
        const clientId = randomUUID();
        const response = await babinsa.request('POST', '/api/hari-h/status', {
          clientId,
          tpsId,
          tahap: 'petugas_hadir',
        });
        statuses.add(response.statusCode);
        if (response.statusCode === 200) acknowledged.push(clientId);
        return response;
      };
      await report(tpsIds[0]!);

      // Gone: every connection dropped (the pooled ones and both LISTENs), new ones refused.
      proxy.cut();
      for (const tpsId of tpsIds.slice(1, 4)) {
        const response = await report(tpsId);
        expect(response.statusCode, response.body).toBe(503);
        expect(response.json().error.code).toBe('unavailable');
      }
      await sleep(1_200); // the LISTEN connections retry (0.5 s, then 1 s) and fail meanwhile
      proxy.restore();

      // Back: the next requests succeed by themselves.
      let back = await report(tpsIds[4]!);
      for (let i = 0; i < 50 && back.statusCode === 503; i++) {
        await sleep(100);
        back = await report(tpsIds[4]!);
      }
      expect(back.statusCode, back.body).toBe(200);
      expect([...statuses].filter((s) => ![200, 503].includes(s))).toEqual([]);

      // Live: the stream is told to refetch, then gets the events of new changes again.
      await expect.poll(() => live.types, { timeout: 15_000 }).toContain('resync');
      await report(tpsIds[5]!);
      await expect
        .poll(() => live.types.filter((type) => type === 'tps_status').length, { timeout: 10_000 })
        .toBeGreaterThanOrEqual(1);
      live.end();

      // Terminated backends (a fast restart): the same, and no process ends.
      expect(await terminateBackends(t.database.url)).toBeGreaterThan(0);
      let again = await report(tpsIds[6]!);
      for (let i = 0; i < 50 && again.statusCode === 503; i++) {
        await sleep(100);
        again = await report(tpsIds[6]!);
      }
      expect(again.statusCode, again.body).toBe(200);

      // Every acknowledged report is in the database.
      const { rows } = await sql<{ n: number }>`
        SELECT count(*)::int AS n FROM tps_status_laporan WHERE client_id = ANY(${acknowledged}::uuid[])`.execute(
        t.database.db,
      );
      expect(rows[0]!.n).toBe(acknowledged.length);

      // Revocations reach the node again: an administrator resets the Babinsa's password on the
      // other node, and the node that cached the session forgets it.
      await expect.poll(async () => (await babinsa.request('GET', '/api/auth/me')).statusCode).toBe(200);
      const admin = await t.login('admin');
      const user = (await admin.request({ method: 'GET', url: '/api/users?q=babinsa.tompotikka' })).json<{
        items: { id: string; version: number }[];
      }>().items[0]!;
      const reset = await admin.request({
        method: 'PATCH',
        url: `/api/users/${user.id}`,
        payload: { version: user.version, isActive: false },
      });
      expect(reset.statusCode, reset.body).toBe(200);
      await expect
        .poll(async () => (await babinsa.request('GET', '/api/auth/me')).statusCode, { timeout: 10_000 })
        .toBe(401);
    }, 120_000);
  });
});
