/**
 * The embedded engine's stand-in for autovacuum. PGlite runs PostgreSQL as a single-user backend, in
 * which the autovacuum launcher never starts: nothing would ever vacuum a table (so dead row versions
 * of every status update and counter add up, and the visibility map that index-only scans need is
 * never set) or analyse one (so the planner keeps the row counts of the day the data was loaded). A
 * city runs Siaga on the embedded engine for the whole campaign, months of reports.
 *
 * Every few seconds (main.ts says how often and why) this asks PostgreSQL's own statistics which
 * tables autovacuum would take now, by autovacuum's default thresholds, and runs VACUUM and ANALYZE
 * on those. The statements go through
 * Kysely, so they wait for a transaction in progress on the one session. On PostgreSQL servers
 * autovacuum does this work and this is not started (main.ts).
 */
import { sql, type Kysely } from 'kysely';
import type { Database } from './schema';

/** What pg_stat_user_tables says of one table; reltuples is -1 before the first ANALYZE. */
export interface TableActivity {
  reltuples: number;
  deadTuples: number;
  insertedSinceVacuum: number;
  modifiedSinceAnalyze: number;
}

// PostgreSQL's defaults (https://www.postgresql.org/docs/current/routine-vacuuming.html#AUTOVACUUM):
// autovacuum_vacuum_threshold 50, _scale_factor 0.2; autovacuum_vacuum_insert_threshold 1000,
// _insert_scale_factor 0.2; autovacuum_analyze_threshold 50, _scale_factor 0.1.
const VACUUM = { threshold: 50, scale: 0.2 };
const VACUUM_INSERT = { threshold: 1000, scale: 0.2 };
const ANALYZE = { threshold: 50, scale: 0.1 };

/** What autovacuum would do to this table now, by the default thresholds. */
export function dueWork(activity: TableActivity): { vacuum: boolean; analyze: boolean } {
  const rows = Math.max(activity.reltuples, 0);
  return {
    vacuum:
      activity.deadTuples > VACUUM.threshold + VACUUM.scale * rows ||
      activity.insertedSinceVacuum > VACUUM_INSERT.threshold + VACUUM_INSERT.scale * rows,
    analyze: activity.modifiedSinceAnalyze > ANALYZE.threshold + ANALYZE.scale * rows,
  };
}

/**
 * Whether `changed` rows written at once make a table's statistics stale by autovacuum's analyze rule,
 * `reltuples` being what the last ANALYZE counted (-1 before the first): for a bulk import that
 * analyses right away what autovacuum (or maintainTables) would take within the minute.
 */
export function analyzeDueAfter(changed: number, reltuples: number): boolean {
  return changed > ANALYZE.threshold + ANALYZE.scale * Math.max(reltuples, 0);
}

/**
 * Vacuums and analyses the tables that are due; returns what it did and how long each took, for the
 * log. On the embedded engine each statement holds the one session, so reports wait behind it: the
 * durations are what a latency stall in `npm run bench:laporan` is traced to (issue 15).
 */
export async function maintainTables(
  db: Kysely<Database>,
  /** deferVacuum is asked with the rows the VACUUM would go over (counted, plus inserted since). */
  options: { deferVacuum?: (table: string, rows: number) => boolean } = {},
): Promise<{ table: string; work: string; ms: number }[]> {
  // The single-user backend publishes its counters only when asked to (the next statement does it).
  await sql`SELECT pg_stat_force_next_flush()`.execute(db);
  const { rows } = await sql<TableActivity & { table: string }>`
    SELECT s.relname AS table, c.reltuples::float8 AS reltuples, s.n_dead_tup::float8 AS "deadTuples",
           s.n_ins_since_vacuum::float8 AS "insertedSinceVacuum",
           s.n_mod_since_analyze::float8 AS "modifiedSinceAnalyze"
    FROM pg_stat_user_tables s JOIN pg_class c ON c.oid = s.relid
    WHERE s.schemaname = 'public'
    ORDER BY s.relname
  `.execute(db);
  const done: { table: string; work: string; ms: number }[] = [];
  for (const row of rows) {
    const due = dueWork(row);
    const started = performance.now();
    // The rows the VACUUM goes over: the last ANALYZE's count is stale for a table that grew since
    // (audit_log analysed at a few hundred rows, then tens of thousands of reports), and was taken
    // for a small table whose VACUUM need not wait (369 ms during bench:laporan's ingest, issue 15).
    const rows = Math.max(row.reltuples, 0) + row.insertedSinceVacuum;
    if (due.vacuum && !options.deferVacuum?.(row.table, rows)) {
      await sql`VACUUM (ANALYZE) ${sql.table(row.table)}`.execute(db);
      done.push({ table: row.table, work: 'VACUUM (ANALYZE)', ms: performance.now() - started });
    } else if (due.analyze) {
      await sql`ANALYZE ${sql.table(row.table)}`.execute(db);
      done.push({ table: row.table, work: 'ANALYZE', ms: performance.now() - started });
    }
  }
  return done;
}

/** Below this many rows a table's VACUUM takes a few milliseconds: never worth putting off. */
const SMALL_TABLE_ROWS = 10_000;

/**
 * Whether a large table's due VACUUM waits: while reports are arriving (`busy`), for at most `maxMs`
 * from when it was first put off. On the embedded engine a VACUUM holds the one session, and every
 * report queued behind it waits it out: traced as the ingest's p99 stalls (VACUUM (ANALYZE)
 * audit_log 282 ms in bench:laporan, issue 15). Putting it off costs little: the VACUUM that inserts
 * trigger only sets the visibility map and freezes rows, and dead rows wait a few minutes more. The
 * ANALYZE that plans need (ADR 0009) still runs at once.
 */
export function vacuumDeferral(options: {
  busy: () => boolean;
  maxMs: number;
  now?: () => number;
}): (table: string, rows: number) => boolean {
  const putOffSince = new Map<string, number>();
  return (table, rows) => {
    const now = options.now?.() ?? Date.now();
    if (rows < SMALL_TABLE_ROWS || !options.busy()) {
      putOffSince.delete(table);
      return false;
    }
    const since = putOffSince.get(table);
    if (since === undefined) {
      putOffSince.set(table, now);
      return true;
    }
    if (now - since < options.maxMs) return true;
    putOffSince.delete(table);
    return false;
  };
}

/**
 * Runs maintainTables every `intervalMs` until stopped; a tick that finds a run still going is
 * skipped, not queued. A failed run is reported and the next one tries again. With `busy`, large
 * tables' VACUUM waits for a quiet moment, at most `maxDeferMs` (vacuumDeferral).
 */
export function startMaintenance(
  db: Kysely<Database>,
  options: {
    intervalMs: number;
    log: (message: string) => void;
    busy?: () => boolean;
    maxDeferMs?: number;
  },
): { stop: () => Promise<void> } {
  let running: Promise<void> | undefined;
  const busy = options.busy;
  const deferVacuum = busy ? vacuumDeferral({ busy, maxMs: options.maxDeferMs ?? 5 * 60_000 }) : undefined;
  const run = async (): Promise<void> => {
    try {
      const done = await maintainTables(db, { deferVacuum });
      if (done.length > 0) {
        options.log(
          `pemeliharaan: ${done.map((d) => `${d.work} ${d.table} ${Math.round(d.ms)} ms`).join(', ')}`,
        );
      }
    } catch (error) {
      options.log(`pemeliharaan gagal: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      running = undefined;
    }
  };
  const timer = setInterval(() => {
    running ??= run();
  }, options.intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
