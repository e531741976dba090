/**
 * An acknowledged write survives a kill -9 of the server. A child process runs the real server on a
 * data folder; the test creates TPS over HTTP and records each 201; after enough acknowledgements it
 * kills the child with SIGKILL mid-stream, reopens the same data folder (taking over the stale lock)
 * and checks that every acknowledged TPS is there with its audit row, and that nothing is half-written.
 * With DATABASE_URL set the child uses a fresh database on that server and the same checks hold.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import { openDatabase, type DatabaseHandle } from './client';

const ACKS_BEFORE_KILL = 120;
const dataDir = mkdtempSync(path.join(tmpdir(), 'siaga-durability-'));
const adminUrl = process.env.DATABASE_URL;
const dbName = `siaga_durability_${randomBytes(4).toString('hex')}`;
const databaseUrl = adminUrl
  ? Object.assign(new URL(adminUrl), { pathname: `/${dbName}` }).toString()
  : undefined;

// The server child started by the first test; killed here if that test failed before its kill.
let running: ChildProcess | null = null;

afterAll(async () => {
  if (running !== null && running.exitCode === null && running.signalCode === null) running.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
  if (adminUrl) {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
    await admin.end();
  }
});

function startServer(): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      SIAGA_DATA_DIR: dataDir,
      SIAGA_LOG_LEVEL: 'warn',
      SIAGA_LOGIN_RATE_LIMIT: '100',
      ...(databaseUrl ? { DATABASE_URL: databaseUrl } : { DATABASE_URL: '' }),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Siaga siap: (http:\/\/\S+?)\/?\s/.exec(output);
      if (match) resolve({ child, url: match[1]! });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) =>
      reject(new Error(`server exited (${code}) before it was ready:\n${output}`)),
    );
  });
}

async function reopen(): Promise<DatabaseHandle> {
  return openDatabase(databaseUrl ? { databaseUrl } : { dataDir });
}

describe('durability', () => {
  it('keeps every acknowledged TPS after kill -9, with its audit row, and nothing half-written', async () => {
    if (adminUrl) {
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${dbName}`);
      await admin.end();
    }
    const { child, url } = await startServer();
    running = child;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    const login = await fetch(`${url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'kesbangpol.palopo', password: 'siaga-demo-2024' }),
    });
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const { csrfToken } = (await login.json()) as { csrfToken: string };

    const acknowledged: number[] = [];
    let killed = false;
    let nomor = 500;
    // Four writers in flight at once, so the kill lands while requests are mid-stream.
    const writer = async (): Promise<void> => {
      while (acknowledged.length < ACKS_BEFORE_KILL) {
        const mine = nomor++;
        try {
          const response = await fetch(`${url}/api/tps`, {
            method: 'POST',
            headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
            body: JSON.stringify({ kodeWilayah: '73.73.09.1001', nomor: mine, dptTotal: 100 + (mine % 400) }),
          });
          if (response.status === 201) acknowledged.push(mine);
          else throw new Error(`unexpected ${response.status}: ${await response.text()}`);
        } catch (error) {
          // Requests in flight when the server was killed fail; that is the point.
          if (killed) return;
          throw error;
        }
        if (acknowledged.length >= ACKS_BEFORE_KILL && !killed) {
          killed = true;
          child.kill('SIGKILL');
        }
      }
    };
    await Promise.all([writer(), writer(), writer(), writer()]);
    await exited;
    expect(child.signalCode).toBe('SIGKILL');
    expect(acknowledged.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const db = await reopen();
    try {
      const rows = await db.db
        .selectFrom('tps')
        .select(['id', 'nomor'])
        .where('kode_wilayah', '=', '73.73.09.1001')
        .where('nomor', '>=', 500)
        .execute();
      const present = new Set(rows.map((r) => r.nomor));
      expect(acknowledged.filter((n) => !present.has(n))).toEqual([]);
      // Each TPS and its audit row were committed together: no TPS without its audit row.
      const audited = await db.db
        .selectFrom('audit_log')
        .select('entity_id')
        .where('entity', '=', 'tps')
        .where('action', '=', 'create')
        .execute();
      const auditedIds = new Set(audited.map((a) => a.entity_id));
      expect(rows.filter((r) => !auditedIds.has(r.id))).toEqual([]);
    } finally {
      await db.close();
    }
    // A fresh data folder loads the national wilayah and the demo before the server is ready: on a
    // busy two-core machine that alone can take most of a minute.
  }, 180_000);

  it('refuses to open an embedded data folder that a live process holds', async () => {
    const holder = await openDatabase({ dataDir });
    try {
      await expect(openDatabase({ dataDir })).rejects.toSatisfy(
        (error: unknown) => error instanceof DomainError && error.code === 'data_dir_locked',
      );
    } finally {
      await holder.close();
    }
  });
});
