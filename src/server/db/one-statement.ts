/**
 * Several writes sent as one statement: `WITH w0 AS (<write>), w1 AS (<write>) <last>`. In a batch of
 * field reports (docs/decisions/0008-ingest-group-commit.md) every statement is a round trip, and a
 * round trip waits for the event loop that is also serving the next reports; measured under load,
 * the waits, not the database, were most of a batch's time. PostgreSQL runs each data-modifying WITH
 * part exactly once and to completion even when nothing reads it, all on one snapshot, so the writes
 * must not depend on each other's effects (different tables, or rows no other part touches).
 * Statement triggers fire at the end of the whole statement, as they would after each write alone.
 */
import { sql, type QueryExecutorProvider, type RawBuilder } from 'kysely';

/**
 * Runs the writes (INSERT/UPDATE/DELETE; undefined ones are left out) and then `last`, a SELECT such
 * as the one that sends live events, as a single statement in the caller's transaction.
 */
export async function writeAsOneStatement(
  db: QueryExecutorProvider,
  writes: readonly (RawBuilder<unknown> | undefined)[],
  last?: RawBuilder<unknown>,
): Promise<void> {
  const parts = writes.filter((w): w is RawBuilder<unknown> => w !== undefined);
  const tail = last ?? sql`SELECT 1`;
  if (parts.length === 0) {
    if (last) await last.execute(db);
    return;
  }
  const ctes = sql.join(
    parts.map((write, i) => sql`${sql.ref(`w${i}`)} AS (${write})`),
    sql`, `,
  );
  await sql`WITH ${ctes} ${tail}`.execute(db);
}
