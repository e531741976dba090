/**
 * The app's database handle survives a real death of PostgreSQL's postmaster and a fast restart during
 * writes (issue 17, item 13:
 * "6 of 6 postmaster kills" crashed the node). The proxy and `pg_terminate_backend` faults in
 * connection-faults.test.ts do not produce what a dead postmaster does (backends that notice and quit
 * on their own, sockets closed with or without a FATAL message), so this file starts a PostgreSQL
 * cluster of its own (initdb in a temporary folder, loopback only), kills its postmaster with
 * SIGKILL while queries are in flight and a LISTEN connection is open, and starts it again (crash
 * recovery). No error may go unhandled (it would end this test's worker), every query in flight must
 * fail as "database unavailable" (503, never 500), and afterwards the pool serves again and the
 * LISTEN connection resumes by itself. Only in the PostgreSQL run: the embedded engine has no server.
 */
import { execFileSync, execSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { isDatabaseUnavailable } from './pg-errors';

const onPostgres = inject('testDatabase').kind !== 'embedded';

/** The newest installed server's binaries (Debian's layout, as `.ci/run` finds them). */
function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = readdirSync(root).filter((v) => existsSync(path.join(root, v, 'bin/initdb')));
  versions.sort((a, b) => Number(a) - Number(b));
  if (versions.length === 0) throw new Error('no PostgreSQL server binaries under /usr/lib/postgresql');
  return path.join(root, versions.at(-1)!, 'bin');
}

/** PostgreSQL refuses to run as root: as root, run its tools as the `postgres` user. */
function asPostgres(command: string): string {
  const stdio: ['ignore', 'pipe', 'pipe'] = ['ignore', 'pipe', 'pipe'];
  if (process.getuid?.() === 0) return execFileSync('su', ['postgres', '-c', command], { stdio }).toString();
  return execSync(command, { stdio }).toString();
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

let dir = '';
let port = 0;
let bin = '';
let url = '';
let handle: DatabaseHandle | undefined;

function start(): void {
  asPostgres(
    `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -t 60 -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}" start`,
  );
}

beforeAll(async () => {
  if (!onPostgres) return;
  bin = pgBin();
  dir = mkdtempSync(path.join(tmpdir(), 'siaga-pm-'));
  if (process.getuid?.() === 0) {
    const uid = Number(execSync('id -u postgres').toString());
    const gid = Number(execSync('id -g postgres').toString());
    chownSync(dir, uid, gid);
  }
  port = await freePort();
  asPostgres(`${bin}/initdb -D ${dir}/data -A trust -U postgres -E UTF8 --no-sync`);
  start();
  url = `postgres://postgres@127.0.0.1:${port}/postgres`;
}, 120_000);

afterAll(async () => {
  if (!onPostgres) return;
  await handle?.close().catch(() => undefined);
  try {
    asPostgres(`${bin}/pg_ctl -D ${dir}/data -m immediate stop`);
  } catch {
    // already stopped
  }
  rmSync(dir, { recursive: true, force: true });
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the postmaster killed', () => {
  it('fails the queries in flight as unavailable, keeps the process, and serves again after the restart', async () => {
    if (!onPostgres) return; // the embedded engine: see the file's comment
    handle = await openDatabase({ databaseUrl: url, poolSize: 4 });
    await handle.execScript('CREATE TABLE catatan (id serial PRIMARY KEY, isi text NOT NULL)');
    const payloads: string[] = [];
    let resumed = 0;
    await handle.listen(
      'siaga_uji',
      (payload) => payloads.push(payload),
      () => (resumed += 1),
    );
    await sql`SELECT pg_notify('siaga_uji', 'sebelum')`.execute(handle.db);
    for (let i = 0; i < 50 && payloads.length === 0; i += 1) await sleep(100);
    expect(payloads).toEqual(['sebelum']);

    // Queries in flight on every pooled connection, one inside a transaction.
    const inFlight = [
      sql`SELECT pg_sleep(30)`.execute(handle.db),
      sql`SELECT pg_sleep(30)`.execute(handle.db),
      handle.db.transaction().execute(async (trx) => {
        await sql`INSERT INTO catatan (isi) VALUES ('hilang')`.execute(trx);
        await sql`SELECT pg_sleep(30)`.execute(trx);
      }),
    ].map((query) =>
      query.then(
        () => 'answered',
        (error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : `other: ${String(error)}`),
      ),
    );
    await sleep(500);

    const postmaster = Number(readFileSync(`${dir}/data/postmaster.pid`, 'utf8').split('\n')[0]);
    process.kill(postmaster, 'SIGKILL');
    expect(await Promise.all(inFlight)).toEqual(['unavailable', 'unavailable', 'unavailable']);

    // While it is down, a new query fails the same way (and is not a crash).
    const down = await sql`SELECT 1`.execute(handle.db).then(
      () => 'answered',
      (error: unknown) => (isDatabaseUnavailable(error) ? 'unavailable' : `other: ${String(error)}`),
    );
    expect(down).toBe('unavailable');

    // Start again: the old backends must have gone first (they notice the death by themselves).
    for (let attempt = 0; ; attempt += 1) {
      try {
        start();
        break;
      } catch (error) {
        if (attempt > 30) throw error;
        await sleep(1_000);
      }
    }

    // The pool serves again (a connection that died idle may fail once more before it is replaced).
    let answered = false;
    for (let i = 0; i < 20 && !answered; i += 1) {
      answered = await sql`SELECT 1`.execute(handle.db).then(
        () => true,
        (error: unknown) => {
          expect(isDatabaseUnavailable(error)).toBe(true);
          return false;
        },
      );
      if (!answered) await sleep(250);
    }
    expect(answered).toBe(true);
    // The transaction in flight was rolled back by the crash recovery: nothing half-written.
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM catatan`.execute(handle.db);
    expect(rows[0]!.n).toBe(0);

    // LISTEN resumes by itself (its reconnect pauses 0.5 s doubling) and says so.
    for (let i = 0; i < 300 && resumed === 0; i += 1) await sleep(100);
    expect(resumed).toBeGreaterThanOrEqual(1);
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query(`SELECT pg_notify('siaga_uji', 'sesudah')`);
    await other.end();
    for (let i = 0; i < 50 && !payloads.includes('sesudah'); i += 1) await sleep(100);
    expect(payloads).toEqual(['sebelum', 'sesudah']);
  }, 180_000);

  it('a fast restart during a stream of writes: every acknowledged write is kept, none fails as other than unavailable', async () => {
    if (!onPostgres) return;
    const db = handle!.db;
    const acknowledged: number[] = [];
    const refused: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let n = 1; writing; n += 1) {
        await sql`INSERT INTO catatan (isi) VALUES (${`tulis-${n}`})`.execute(db).then(
          () => acknowledged.push(n),
          (error: unknown) => {
            if (!isDatabaseUnavailable(error)) refused.push(String(error));
          },
        );
        await sleep(5);
      }
    })();
    await sleep(300);
    // What `pg_ctl restart -m fast` does: every backend terminated, the server down, then up again.
    asPostgres(
      `${bin}/pg_ctl -D ${dir}/data -l ${dir}/log -w -t 60 -m fast -o "-c listen_addresses=127.0.0.1 -p ${port} -k ${dir}" restart`,
    );
    const before = acknowledged.length;
    for (let i = 0; i < 100 && acknowledged.length < before + 20; i += 1) await sleep(100);
    writing = false;
    await writer;
    expect(refused).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(before + 20);
    const { rows } = await sql<{ isi: string }>`SELECT isi FROM catatan WHERE isi LIKE 'tulis-%'`.execute(db);
    const kept = new Set(rows.map((r) => r.isi));
    expect(acknowledged.filter((n) => !kept.has(`tulis-${n}`))).toEqual([]);
  }, 180_000);
});
