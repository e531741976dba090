/**
 * A node started before its database (issue 17, item 15). The real server process (`main.ts`) is
 * started against a PostgreSQL server it cannot reach yet (a TCP proxy in front of the test's
 * database refuses every connection): it must listen, answer `/api/health` 503 `starting` with the
 * reason and every other request 503 `unavailable`, keep trying, and serve by itself once the
 * database is reachable, without a restart. The embedded engine lives in the process and cannot be
 * away: there is nothing to wait for, and the file has nothing to check.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from './testing/test-db';
import { startTcpProxy, type TcpProxy } from './testing/tcp-proxy';
import { DEMO_PASSWORD } from './db/seeds/demo-regions';
import type { DatabaseHandle } from './db/client';

let database: (DatabaseHandle & { url: string | null }) | undefined;
let proxy: TcpProxy | undefined;
let child: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  database = await createTestDatabase();
  if (database.url === null) return;
  proxy = await startTcpProxy(database.url);
  proxy.cut();
});
afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  }
  await proxy?.close();
  await database?.close();
});

/** Starts main.ts and resolves with its address once it listens (before it is ready). */
function startNode(databaseUrl: string): Promise<string> {
  child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      SIAGA_LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /mendengar di (http:\/\/[^\s;]+)/.exec(output);
      if (match) resolve(match[1]!.replace(/\/$/, ''));
    };
    child!.stdout?.on('data', onData);
    child!.stderr?.on('data', onData);
    child!.once('exit', (code) => reject(new Error(`server exited with ${code}:\n${output}`)));
  });
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 600; i += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${what} did not happen:\n${output}`);
}

describe('a node started while PostgreSQL is away', () => {
  it('listens, says why it is not ready, keeps trying, and serves once the database is there', async () => {
    if (database!.url === null) return; // the embedded engine: see the file's comment
    const base = await startNode(proxy!.url);

    // It waits: at least two failed attempts, told in the log, and the process is alive.
    await until(async () => (/percobaan 2\b/.test(output) ? true : undefined), 'a second attempt');
    expect(child!.exitCode).toBeNull();
    const health = await fetch(`${base}/api/health`);
    expect(health.status).toBe(503);
    expect(health.headers.get('cache-control')).toBe('no-store');
    const body = (await health.json()) as { status: string; engine: string; reason: string };
    expect(body).toMatchObject({ status: 'starting', engine: 'postgres' });
    expect(body.reason).toMatch(/^basis data belum tersedia/);
    // The reason is public: it never says where the database is.
    expect(body.reason).not.toContain('127.0.0.1');
    const other = await fetch(`${base}/api/tps`);
    expect(other.status).toBe(503);
    expect(other.headers.get('retry-after')).toBe('5');
    expect(((await other.json()) as { error: { code: string } }).error.code).toBe('unavailable');

    // The database comes: the node becomes ready by itself and serves a real request.
    proxy!.restore();
    await until(async () => ((await fetch(`${base}/api/health`)).status === 200 ? true : undefined), 'ready');
    expect(await (await fetch(`${base}/api/health`)).json()).toMatchObject({
      status: 'ok',
      engine: 'postgres',
    });
    const login = await fetch(`${base}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kesbangpol.palopo', password: DEMO_PASSWORD }),
    });
    expect(login.status).toBe(200);

    // Gone again later: health says so (503 unavailable), the process stays.
    proxy!.cut();
    const away = await until(async () => {
      const response = await fetch(`${base}/api/health`);
      return response.status === 503 ? ((await response.json()) as { status: string }) : undefined;
    }, 'unavailable');
    expect(away.status).toBe('unavailable');
    expect(child!.exitCode).toBeNull();
    proxy!.restore();
    await until(async () => ((await fetch(`${base}/api/health`)).status === 200 ? true : undefined), 'back');

    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('stops at once when told to while it waits', async () => {
    if (database!.url === null) return;
    proxy!.cut();
    output = '';
    await startNode(proxy!.url);
    await until(async () => (/percobaan 1\b/.test(output) ? true : undefined), 'a first attempt');
    const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
    child!.kill('SIGTERM');
    expect(await exited).toBe(0);
    proxy!.restore();
  });
});
