import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import { openDatabase, type DatabaseHandle } from './client';
import type { Database } from './schema';
import { dueWork, maintainTables } from './maintenance';

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
});
