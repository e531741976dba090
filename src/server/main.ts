/**
 * Composition root: config → listen (the start gate) → database (waited for) → app → ready.
 *
 * The node listens before it has its database (http/start-gate.ts): an orchestrator may start it
 * before PostgreSQL, and then `/api/health` answers 503 with the reason while the node retries
 * (db/until-available.ts) instead of exiting (issue 17, item 15).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { buildApp, VERSION } from './app';
import { loadConfig } from './config';
import { bootstrapDatabase } from './db/bootstrap';
import { openDatabase, type DatabaseHandle } from './db/client';
import { startMaintenance } from './db/maintenance';
import { describeUnavailable, StartAborted, untilDatabaseAvailable } from './db/until-available';
import { listenWithAcceptors } from './http/listen';
import { createStartGate } from './http/start-gate';

/**
 * How often the embedded engine's tables are checked for VACUUM/ANALYZE. Shorter than autovacuum's
 * minute: the check is one small query, and a table that grew from empty (the first incidents) gets
 * its first ANALYZE, which replaces a plan made when it was empty, within seconds (ADR 0009).
 */
const MAINTENANCE_INTERVAL_MS = 10_000;

/**
 * A write request within this window counts as reports arriving: the embedded engine's large tables
 * then wait for their VACUUM (at most five minutes), so reports do not queue behind it (db/maintenance.ts).
 */
const BUSY_WINDOW_MS = 2_000;

/** How long a stopping node may take to finish what it is doing (Siaga default, below Kubernetes' 30 s). */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string): void => console.log(`[siaga] ${message}`);
  const engine = config.databaseUrl ? 'postgres' : 'embedded';
  log(
    engine === 'postgres'
      ? 'database: PostgreSQL (DATABASE_URL)'
      : `database: tertanam (embedded) di ${config.dataDir}`,
  );

  const gate = createStartGate({ engine, version: VERSION });
  const stopping = new AbortController();
  // What is running so far, for a shutdown that may come at any step of the start.
  const running: {
    app?: FastifyInstance;
    listening?: { close: () => Promise<void> };
    database?: DatabaseHandle;
    maintenance?: { stop: () => Promise<void> } | undefined;
  } = {};

  const shutdown = async (signal: string): Promise<void> => {
    log(`${signal}: berhenti`);
    stopping.abort();
    // Open event streams are ended by the app (live.routes.ts); whatever still holds the node after
    // the grace period, it exits, so a rolling restart never hangs (issue 17).
    setTimeout(() => {
      console.error(`[siaga] belum berhenti setelah ${SHUTDOWN_GRACE_MS / 1000} detik; keluar paksa`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await running.app?.close();
    // The app never listened itself (the gate's server is its server), so the server is closed here.
    gate.server.closeIdleConnections();
    await running.listening?.close();
    await running.maintenance?.stop();
    await running.database?.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));

  const listening = await listenWithAcceptors(gate.server, {
    port: config.port,
    host: config.host,
    acceptors: config.httpAcceptors,
  });
  running.listening = listening;
  const origin = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${listening.port}/`;
  const acceptors =
    listening.fallback === undefined
      ? `${listening.acceptors} soket penerima`
      : `1 soket penerima, karena port tidak dapat dibagi di sini (${listening.fallback})`;
  log(`mendengar di ${origin} dengan ${acceptors}; menyiapkan basis data`);

  // The embedded engine lives in this process: a failure there is not waited out. PostgreSQL may
  // simply not be up yet.
  const open = async (): Promise<DatabaseHandle> => {
    const handle = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
    try {
      await bootstrapDatabase(handle, {
        demoData: config.demoData,
        demoVotingDayOn: config.demoVotingDayOn,
        log,
      });
      return handle;
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  };
  const database =
    engine === 'embedded'
      ? await open()
      : await untilDatabaseAvailable(open, {
          signal: stopping.signal,
          onWait: (error, pauseMs, failed) => {
            const reason = describeUnavailable(error);
            gate.waiting(reason);
            const detail = error instanceof Error ? `: ${error.message}` : '';
            log(`${reason}${detail}; percobaan ${failed}, coba lagi dalam ${pauseMs / 1000} detik`);
          },
        });
  // PostgreSQL servers run autovacuum; the embedded engine does not (db/maintenance.ts).
  running.database = database;
  let lastWriteAt = 0;
  running.maintenance =
    database.engine === 'embedded'
      ? startMaintenance(database.db, {
          intervalMs: MAINTENANCE_INTERVAL_MS,
          log,
          busy: () => Date.now() - lastWriteAt < BUSY_WINDOW_MS,
        })
      : undefined;

  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
  const app = await buildApp({
    database,
    sessionHours: config.sessionHours,
    cookieSecure: config.cookieSecure,
    loginRateLimitPerMinute: config.loginRateLimitPerMinute,
    maxUploadBytes: config.maxUploadBytes,
    tileUrl: config.tileUrl,
    smsToken: config.smsToken,
    webDir: config.webDir ?? path.join(root, 'dist/web'),
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
    serverFactory: gate.serverFactory,
    onWrite: () => {
      lastWriteAt = Date.now();
    },
  });
  running.app = app;
  await app.ready();
  gate.open();
  log(`Siaga siap: ${origin}`);
}

main().catch((error: unknown) => {
  if (error instanceof StartAborted) return; // stopped while waiting: shutdown() exits
  console.error('[siaga] gagal memulai:', error instanceof Error ? error.message : error);
  process.exit(1);
});
