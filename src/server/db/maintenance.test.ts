import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import { openDatabase, type DatabaseHandle } from './client';
import type { Database } from './schema';
import { dueWork, maintainTables, vacuumDeferral } from './maintenance';

describe('dueWork (autovacuum default thresholds)', () => {
  const quiet = {
    reltuples: 10_000,
    deadTuples: 0,
    insertedSinceVacuum: 0,
    modifiedSinceAnalyze: 0,
  };
  it('vacuums past 50 + 20 % dead rows or 1,000 + 20 % inserted rows, and analyses past 50 + 10 % changed', () => {
    expect(dueWork(quiet)).toEqual({ vacuum: false, analyze: false });
    expect(dueWork({ ...quiet, deadTuples: 2_050 })).toEqual({ vacuum: false, analyze: false });
    expect(dueWork({ ...quiet, deadTuples: 2_051 }).vacuum).toBe(true);
    expect(dueWork({ ...quiet, insertedSinceVacuum: 3_000 }).vacuum).toBe(false);
    expect(dueWork({ ...quiet, insertedSinceVacuum: 3_001 }).vacuum).toBe(true);
    expect(dueWork({ ...quiet, modifiedSinceAnalyze: 1_050 }).analyze).toBe(false);
    expect(dueWork({ ...quiet, modifiedSinceAnalyze: 1_051 }).analyze).toBe(true);
  });
  it('counts a table never analysed (reltuples -1) as empty', () => {
    expect(dueWork({ ...quiet, reltuples: -1, modifiedSinceAnalyze: 51 }).analyze).toBe(true);
    expect(dueWork({ ...quiet, reltuples: -1, deadTuples: 50 }).vacuum).toBe(false);
  });
});

/** What maintainTables did, without how long it took. */
async function work(db: Kysely<Database>) {
  const done = await maintainTables(db);
  for (const d of done) expect(d.ms).toBeGreaterThanOrEqual(0);
  return done.map(({ table, work }) => ({ table, work }));
}

describe('maintainTables', () => {
  let database: DatabaseHandle & { url: string | null };
  /** One connection: the statistics it reads include its own changes (they are flushed on request). */
  let one: Kysely<Database>;
  let closeOne: () => Promise<void>;
  beforeAll(async () => {
    database = await createTestDatabase();
    if (database.url === null) {
      one = database.db;
      closeOne = async () => undefined;
    } else {
      const handle = await openDatabase({ databaseUrl: database.url, poolSize: 1 });
      one = handle.db;
      closeOne = handle.close;
    }
  });
  afterAll(async () => {
    await closeOne();
    await database.close();
  });

  it('vacuums and analyses a table whose rows changed, and leaves it alone the next time', async () => {
    // autovacuum_enabled off: a PostgreSQL server's own autovacuum must not get there first.
    await sql`CREATE TABLE maint_t (id integer PRIMARY KEY, v integer NOT NULL) WITH (autovacuum_enabled = false)`.execute(
      one,
    );
    await sql`INSERT INTO maint_t SELECT n, 0 FROM generate_series(1, 5000) n`.execute(one);
    await sql`ANALYZE maint_t`.execute(one);
    // Settle the rest of the template first, so that only this table's changes are in play.
    await maintainTables(one);
    expect(await maintainTables(one)).toEqual([]);

    await sql`UPDATE maint_t SET v = 1 WHERE id <= 3000`.execute(one);
    expect(await work(one)).toEqual([{ table: 'maint_t', work: 'VACUUM (ANALYZE)' }]);
    const after = await sql<{ dead: number; vacuumed: boolean; analysed: boolean }>`
      SELECT n_dead_tup::int AS dead, last_vacuum IS NOT NULL AS vacuumed, last_analyze IS NOT NULL AS analysed
      FROM pg_stat_user_tables WHERE relname = 'maint_t'
    `.execute(one);
    expect(after.rows[0]).toEqual({ dead: 0, vacuumed: true, analysed: true });
    expect(await maintainTables(one)).toEqual([]);

    await sql`UPDATE maint_t SET v = 2 WHERE id <= 600`.execute(one);
    expect(await work(one)).toEqual([{ table: 'maint_t', work: 'ANALYZE' }]);
  });

  it('puts a due VACUUM off when asked, and still analyses (plans must not wait)', async () => {
    await sql`CREATE TABLE maint_d (id integer PRIMARY KEY, v integer NOT NULL) WITH (autovacuum_enabled = false)`.execute(
      one,
    );
    await sql`INSERT INTO maint_d SELECT n, 0 FROM generate_series(1, 5000) n`.execute(one);
    await sql`ANALYZE maint_d`.execute(one);
    await maintainTables(one);
    const asked: [string, number][] = [];
    const deferAll = (table: string, rows: number) => {
      asked.push([table, rows]);
      return true;
    };
    // 3,000 of 5,000 rows changed: a VACUUM and an ANALYZE are due; only the ANALYZE runs.
    await sql`UPDATE maint_d SET v = 1 WHERE id <= 3000`.execute(one);
    const deferred = await maintainTables(one, { deferVacuum: deferAll });
    expect(deferred.map(({ table, work }) => ({ table, work }))).toEqual([
      { table: 'maint_d', work: 'ANALYZE' },
    ]);
    expect(asked).toEqual([['maint_d', 5000]]);
    // Still due (the dead rows are there) until a run that may vacuum.
    expect(await work(one)).toEqual([{ table: 'maint_d', work: 'VACUUM (ANALYZE)' }]);
  });

  it('asks about a table that grew since its last ANALYZE by its rows now, not the old count', async () => {
    await sql`CREATE TABLE maint_g (id integer PRIMARY KEY) WITH (autovacuum_enabled = false)`.execute(one);
    await sql`INSERT INTO maint_g SELECT n FROM generate_series(1, 300) n`.execute(one);
    await sql`VACUUM (ANALYZE) maint_g`.execute(one);
    await maintainTables(one);
    // 20,000 rows inserted at once: a VACUUM is due by the insert rule; the ANALYZE still counts 300.
    await sql`INSERT INTO maint_g SELECT n FROM generate_series(301, 20300) n`.execute(one);
    const asked: [string, number][] = [];
    await maintainTables(one, {
      deferVacuum: (table, rows) => {
        asked.push([table, rows]);
        return true;
      },
    });
    // At least the 20,300 there are (the 300 inserted before the VACUUM may still be counted as
    // inserted since it: the statistics are flushed after it ran); the old count said 300.
    expect(asked.map(([table]) => table)).toEqual(['maint_g']);
    expect(asked[0]![1]).toBeGreaterThanOrEqual(20_300);
    // Large by that count: while reports arrive, its VACUUM waits (vacuumDeferral).
    expect(vacuumDeferral({ busy: () => true, maxMs: 60_000 })('maint_g', asked[0]![1])).toBe(true);
  });
});

describe('vacuumDeferral', () => {
  it('puts off a large table while busy, for at most maxMs, never a small one or when quiet', () => {
    let now = 0;
    let busy = true;
    const defer = vacuumDeferral({ busy: () => busy, maxMs: 300_000, now: () => now });
    expect(defer('kecil', 9_999)).toBe(false);
    expect(defer('audit_log', 200_000)).toBe(true);
    now = 299_999;
    expect(defer('audit_log', 200_000)).toBe(true);
    now = 300_000;
    expect(defer('audit_log', 200_000)).toBe(false); // overdue: it runs now
    expect(defer('audit_log', 200_000)).toBe(true); // and the next one waits afresh
    busy = false;
    expect(defer('audit_log', 200_000)).toBe(false);
    busy = true;
    now = 900_000;
    expect(defer('audit_log', 200_000)).toBe(true); // a quiet moment reset the wait
  });
});
