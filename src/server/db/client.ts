/**
 * Opens the database: the embedded engine (PGlite, real PostgreSQL compiled to WASM) in a data
 * folder by default, or a PostgreSQL server when DATABASE_URL is set. Both are driven through Kysely
 * with the same SQL (docs/decisions/0001-database.md).
 */
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PGliteDialect, PostgresDialect } from 'kysely';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { lockDataDir } from './data-dir-lock';
import type { Database } from './schema';

export type Db = Kysely<Database>;
export type Engine = 'embedded' | 'postgres';

export interface DatabaseHandle {
  db: Db;
  engine: Engine;
  /**
   * Runs a script of several statements (migrations, bulk loads); never with user input. When the
   * script fails, any transaction it opened is rolled back on the same connection.
   */
  execScript: (sqlText: string) => Promise<void>;
  close: () => Promise<void>;
  /**
   * The engine's own bulk load (COPY … FROM STDIN, CSV) into `table`; for benchmarks' baselines and
   * bulk seeding. Identifiers are Siaga's own, never user input.
   */
  copyCsv: (table: string, columns: readonly string[], csv: string) => Promise<void>;
  /** A gzipped tarball of the embedded data folder (test templates); only for the embedded engine. */
  dumpEmbedded: () => Promise<Blob>;
  /**
   * LISTEN on a channel: `onPayload` gets every NOTIFY committed on it, from this process or any other
   * sharing the database (live updates across app nodes). Resolves to a function that stops listening.
   * `onResume` runs each time the listening connection is back after a loss (NOTIFYs sent meanwhile
   * are lost: whoever keeps state from them must refetch it).
   */
  listen: (
    channel: string,
    onPayload: (payload: string) => void,
    onResume?: () => void,
  ) => Promise<() => Promise<void>>;
}

// int8 (bigint, count(*)) and numeric come back as strings by default; Siaga's counts and sums
// stay far below 2^53, so both engines parse them to numbers and return the same values.
const INT8_OID = 20;
const NUMERIC_OID = 1700;
const toNumber = (value: string): number => Number(value);
// A date is a calendar day (YYYY-MM-DD) in the region's own day; turning it into a Date at local
// midnight would shift it by the server's time zone, so both engines return the text as stored.
const DATE_OID = 1082;
const asText = (value: string): string => value;
pg.types.setTypeParser(INT8_OID, toNumber);
pg.types.setTypeParser(NUMERIC_OID, toNumber);
pg.types.setTypeParser(DATE_OID, asText);

export interface OpenOptions {
  databaseUrl?: string | undefined;
  /** Data folder of the embedded engine; undefined keeps it in memory (tests). */
  dataDir?: string | undefined;
  /** A tarball made by dumpEmbedded, to start an in-memory database from (tests). */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

/**
 * On PostgreSQL servers, plan every parameterised statement for its own values. Siaga sends no named
 * prepared statements, so this reaches the plans PostgreSQL caches inside the server: the foreign-key
 * checks and the PL/pgSQL triggers. Those are planned at their first use and, after five runs, kept
 * as one generic plan until the table's statistics change (ANALYZE). A table that starts empty (the
 * incidents of a new election) gets a sequential scan in that plan, kept while the table grows until
 * autovacuum analyses it. Measured in the ingest benchmark: checking a new incident step's foreign
 * key to its incident took 0.3 ms on average over 15,000 incidents (a scan of all of them), against a
 * few µs by the index; 50,000-TPS runs gave 3,641 / 3,884 reports/s with custom plans, 3,317 / 3,510
 * without.
 *
 * Not on the embedded engine: there every planning asks the file system for the size of each table
 * it reads (lseek, an fstat call in PGlite's Node file system), which took 17 % of the server's time
 * with custom plans; the mix went from 2,071 to 3,116 reports/s without them. Its maintenance
 * (db/maintenance.ts) analyses a table that has grown, which replaces a plan made when it was empty.
 * client.test.ts shows both. docs/decisions/0008-ingest-group-commit.md.
 */
const CUSTOM_PLANS = 'plan_cache_mode=force_custom_plan';

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl, options.poolSize ?? 10);
  return openEmbedded(options.dataDir, options.loadDataDir);
}

async function openPostgres(url: string, poolSize: number): Promise<DatabaseHandle> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, options: `-c ${CUSTOM_PLANS}` });
  // An idle connection the server drops (restart, failover) must not crash the app: the pool
  // replaces it on next use. Without a listener, pg's 'error' event would end the process.
  pool.on('error', (error) => {
    console.error(`[siaga] koneksi database terputus: ${error.message}`);
  });
  // The same for a connection in use (checked out, between two queries of a transaction): its query
  // fails and the request answers 503 (pg-errors.ts), but the process lives on (issue 17).
  pool.on('connect', (client) => {
    client.on('error', (error) => {
      console.error(`[siaga] koneksi database terputus: ${error.message}`);
    });
  });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    engine: 'postgres',
    execScript: async (sqlText) => {
      // Without parameters pg uses the simple query protocol, which runs several statements.
      const client = await pool.connect();
      try {
        await client.query(sqlText);
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    },
    close: async () => {
      await db.destroy();
      // Kysely ends the pool only if it ran a query itself; a handle that only ran scripts or COPY
      // (a migration, a bench's bulk load) would otherwise leave its connections open.
      if (!pool.ending) await pool.end();
    },
    copyCsv: async (table, columns, csv) => {
      const client = await pool.connect();
      try {
        const copy = client.query(
          copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN WITH (FORMAT csv)`),
        );
        await pipeline(Readable.from([csv]), copy);
      } finally {
        client.release();
      }
    },
    dumpEmbedded: () => Promise.reject(new Error('dumpEmbedded is only for the embedded engine')),
    listen: (channel, onPayload, onResume) => listenPostgres(url, channel, onPayload, onResume),
  };
}

async function openEmbedded(
  dataDir: string | undefined,
  loadDataDir: Blob | undefined,
): Promise<DatabaseHandle> {
  let lock: { release: () => void } | undefined;
  if (dataDir !== undefined) {
    mkdirSync(dataDir, { recursive: true });
    lock = lockDataDir(dataDir);
  }
  try {
    const pglite = await PGlite.create({
      ...(dataDir === undefined ? {} : { dataDir }),
      ...(loadDataDir === undefined ? {} : { loadDataDir }),
      extensions: { pg_trgm },
      parsers: { [INT8_OID]: toNumber, [NUMERIC_OID]: toNumber, [DATE_OID]: asText },
    });
    const db = new Kysely<Database>({ dialect: new PGliteDialect({ pglite }) });
    return {
      db,
      engine: 'embedded',
      execScript: async (sqlText) => {
        try {
          await pglite.exec(sqlText);
        } catch (error) {
          await pglite.exec('ROLLBACK').catch(() => undefined);
          throw error;
        }
      },
      close: async () => {
        await db.destroy();
        // As on PostgreSQL: Kysely closes the engine only if it ran a query itself.
        if (!pglite.closed) await pglite.close();
        lock?.release();
      },
      copyCsv: async (table, columns, csv) => {
        await pglite.query(`COPY ${table} (${columns.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], {
          blob: new Blob([csv]),
        });
      },
      dumpEmbedded: () => pglite.dumpDataDir('gzip'),
      listen: async (channel, onPayload) => {
        const unsubscribe = await pglite.listen(channel, onPayload);
        return async () => unsubscribe();
      },
    };
  } catch (error) {
    lock?.release();
    throw error;
  }
}

/**
 * A dedicated connection (never a pooled one: LISTEN belongs to a session) that re-connects with a
 * growing pause (0.5 s doubling to 30 s) when the server drops it or cannot be reached, until it is
 * back, so live updates and session revocations resume after a database restart; `onResume` then
 * tells the listener that NOTIFYs may have been missed.
 */
async function listenPostgres(
  url: string,
  channel: string,
  onPayload: (payload: string) => void,
  onResume?: () => void,
): Promise<() => Promise<void>> {
  let client: pg.Client | null = null;
  let stopped = false;
  let retryMs = 500;
  let timer: NodeJS.Timeout | undefined;
  const retry = (): void => {
    if (stopped) return;
    const wait = retryMs;
    retryMs = Math.min(retryMs * 2, 30_000);
    timer = setTimeout(() => {
      connect().then(
        () => onResume?.(),
        (error: unknown) => {
          console.error(`[siaga] LISTEN ${channel} belum tersambung lagi: ${(error as Error).message}`);
          retry();
        },
      );
    }, wait);
    timer.unref();
  };
  const connect = async (): Promise<void> => {
    const next = new pg.Client({ connectionString: url });
    next.on('notification', (message) => {
      if (message.channel === channel && message.payload !== undefined) onPayload(message.payload);
    });
    next.on('error', (error) => {
      void next.end().catch(() => undefined);
      // A connection that never got established is retried by the caller of connect().
      if (client !== next) return;
      console.error(`[siaga] koneksi LISTEN terputus: ${error.message}`);
      client = null;
      retry();
    });
    try {
      await next.connect();
      // The channel name is Siaga's own constant, never user input.
      await next.query(`LISTEN ${channel}`);
    } catch (error) {
      await next.end().catch(() => undefined);
      throw error;
    }
    if (stopped) {
      await next.end().catch(() => undefined);
      return;
    }
    client = next;
    retryMs = 500;
  };
  await connect();
  return async () => {
    stopped = true;
    clearTimeout(timer);
    await client?.end().catch(() => undefined);
  };
}
