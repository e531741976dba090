/** Composition root: config → database → app → listen. */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from './app';
import { loadConfig } from './config';
import { bootstrapDatabase } from './db/bootstrap';
import { openDatabase } from './db/client';
import { startMaintenance } from './db/maintenance';

/**
 * How often the embedded engine's tables are checked for VACUUM/ANALYZE. Shorter than autovacuum's
 * minute: the check is one small query, and a table that grew from empty (the first incidents) gets
 * its first ANALYZE, which replaces a plan made when it was empty, within seconds (ADR 0009).
 */
const MAINTENANCE_INTERVAL_MS = 10_000;

/** How long a stopping node may take to finish what it is doing (Siaga default, below Kubernetes' 30 s). */
const SHUTDOWN_GRACE_MS = 10_000;

async function main(): Promise<void> {
  const config = loadConfig();
  const log = (message: string): void => console.log(`[siaga] ${message}`);
  log(
    config.databaseUrl
      ? 'database: PostgreSQL (DATABASE_URL)'
      : `database: tertanam (embedded) di ${config.dataDir}`,
  );
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await bootstrapDatabase(database, {
    demoData: config.demoData,
    demoVotingDayOn: config.demoVotingDayOn,
    log,
  });
  // PostgreSQL servers run autovacuum; the embedded engine does not (db/maintenance.ts).
  const maintenance =
    database.engine === 'embedded'
      ? startMaintenance(database.db, { intervalMs: MAINTENANCE_INTERVAL_MS, log })
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
    webDir: path.join(root, 'dist/web'),
    logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel,
  });
  const shutdown = async (signal: string): Promise<void> => {
    log(`${signal}: berhenti`);
    // Open event streams are ended by the app (live.routes.ts); whatever still holds the node after
    // the grace period, it exits, so a rolling restart never hangs (issue 17).
    setTimeout(() => {
      console.error(`[siaga] belum berhenti setelah ${SHUTDOWN_GRACE_MS / 1000} detik; keluar paksa`);
      process.exit(1);
    }, SHUTDOWN_GRACE_MS).unref();
    await app.close();
    await maintenance?.stop();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ port: config.port, host: config.host });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log(`Siaga siap: http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}/`);
}

main().catch((error: unknown) => {
  console.error('[siaga] gagal memulai:', error instanceof Error ? error.message : error);
  process.exit(1);
});
