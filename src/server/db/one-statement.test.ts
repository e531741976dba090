import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../testing/test-db';
import type { DatabaseHandle } from './client';
import { writeAsOneStatement } from './one-statement';

let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.execScript(
    'CREATE TABLE one_a (n integer PRIMARY KEY); CREATE TABLE one_b (n integer PRIMARY KEY CHECK (n < 100));',
  );
});
afterAll(async () => database.close());

const count = async (table: 'one_a' | 'one_b'): Promise<number> => {
  const result = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${sql.table(table)}`.execute(
    database.db,
  );
  return result.rows[0]!.n;
};

describe('writeAsOneStatement', () => {
  it('runs every write and then the last part, leaving out the undefined ones', async () => {
    const received: string[] = [];
    const stop = await database.listen('one_statement_test', (payload) => received.push(payload));
    try {
      await writeAsOneStatement(
        database.db,
        [
          sql`INSERT INTO one_a (n) SELECT generate_series(1, 3)`,
          undefined,
          sql`INSERT INTO one_b (n) VALUES (7), (8)`,
        ],
        sql`SELECT pg_notify('one_statement_test', 'sent')`,
      );
      expect(await count('one_a')).toBe(3);
      expect(await count('one_b')).toBe(2);
      await expect.poll(() => received).toEqual(['sent']);
    } finally {
      await stop();
    }
  });

  it('writes nothing when one part fails: the statement is atomic', async () => {
    const before = [await count('one_a'), await count('one_b')];
    await expect(
      writeAsOneStatement(database.db, [
        sql`INSERT INTO one_a (n) VALUES (50)`,
        sql`INSERT INTO one_b (n) VALUES (500)`, // breaks the CHECK
      ]),
    ).rejects.toThrow(/one_b_n_check/);
    expect([await count('one_a'), await count('one_b')]).toEqual(before);
  });

  it('runs only the last part when there is nothing to write, and nothing at all without one', async () => {
    const before = await count('one_a');
    await writeAsOneStatement(database.db, [undefined], sql`INSERT INTO one_a (n) VALUES (90)`);
    expect(await count('one_a')).toBe(before + 1);
    await writeAsOneStatement(database.db, []);
    expect(await count('one_a')).toBe(before + 1);
  });
});
