/**
 * What openDatabase sets on every connection, observed through PostgreSQL's own counters.
 */
import { sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import { openDatabase } from './client';
import type { Database } from './schema';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.execScript(`
    CREATE TABLE plan_parent (id integer PRIMARY KEY, pad text NOT NULL);
    CREATE TABLE plan_child (parent_id integer NOT NULL REFERENCES plan_parent (id));
    ANALYZE plan_parent;
  `);
});
afterAll(async () => database.close());

/** Sequential scans of the parent table in the current transaction so far. */
async function parentSeqScans(trx: Kysely<Database>): Promise<number> {
  const result = await sql<{ n: number }>`
    SELECT seq_scan::int AS n FROM pg_stat_xact_user_tables WHERE relname = 'plan_parent'
  `.execute(trx);
  return result.rows[0]!.n;
}

describe('openDatabase', () => {
  it('checks a foreign key by the index once the referenced table has grown: at once on PostgreSQL, after ANALYZE on the embedded engine', async () => {
    // Inside one transaction: one connection, so the foreign-key check's cached plan is the same one.
    await database.db.transaction().execute(async (trx) => {
      // The check is planned while the table is one page: a sequential scan is right then. Ten rows
      // run it more than five times, after which PostgreSQL keeps a generic plan.
      await sql`INSERT INTO plan_parent SELECT n, 'x' FROM generate_series(1, 10) n`.execute(trx);
      await sql`INSERT INTO plan_child SELECT n FROM generate_series(1, 10) n`.execute(trx);
      await sql`INSERT INTO plan_parent SELECT n, repeat('x', 200) FROM generate_series(11, 20000) n`.execute(
        trx,
      );
      let before = await parentSeqScans(trx);
      await sql`INSERT INTO plan_child SELECT n FROM generate_series(19801, 19900) n`.execute(trx);
      // PostgreSQL servers plan each check for itself (custom plans); the embedded engine keeps the
      // plan from when the table was one page, until the table is analysed (db/maintenance.ts).
      expect((await parentSeqScans(trx)) - before).toBe(database.engine === 'postgres' ? 0 : 100);

      await sql`ANALYZE plan_parent`.execute(trx);
      before = await parentSeqScans(trx);
      await sql`INSERT INTO plan_child SELECT n FROM generate_series(19901, 20000) n`.execute(trx);
      expect((await parentSeqScans(trx)) - before).toBe(0);
    });
  });

  it('closes every connection it opened, also when it only ran scripts (a migration, a bulk load)', async () => {
    if (database.engine === 'embedded') {
      // One engine in this process: once closed, it answers no more.
      const own = await createTestDatabase();
      await own.execScript('SELECT 1');
      await own.close();
      await expect(own.execScript('SELECT 1')).rejects.toThrow();
      return;
    }
    const backends = async () =>
      (
        await sql<{ n: number }>`
          SELECT count(*)::int AS n FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()
        `.execute(database.db)
      ).rows[0]!.n;
    const before = await backends();
    const url = database.url!;
    const other = await openDatabase({ databaseUrl: url, poolSize: 2 });
    await other.execScript('SELECT 1');
    expect(await backends()).toBe(before + 1);
    await other.close();
    // A backend leaves pg_stat_activity a moment after its client has gone.
    let left = await backends();
    for (let i = 0; i < 100 && left !== before; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      left = await backends();
    }
    expect(left).toBe(before);
  });
});
