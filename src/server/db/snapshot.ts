/**
 * Reads that a live board keeps up to date by applying events (features/live/useLive.ts): they run in
 * one REPEATABLE READ transaction and answer the snapshot they saw, so the board can tell which
 * events its data already holds (contracts/live.ts seenIn, by each event's transaction id).
 */
import { sql } from 'kysely';
import type { Db } from './client';

export async function readWithSnapshot<T>(
  db: Db,
  read: (trx: Db) => Promise<T>,
): Promise<T & { snapshot: string }> {
  return db
    .transaction()
    .setIsolationLevel('repeatable read')
    .execute(async (trx) => {
      // The first statement fixes the transaction's snapshot; every read after it sees the same.
      const { rows } = await sql<{
        snapshot: string;
      }>`SELECT pg_current_snapshot()::text AS snapshot`.execute(trx);
      return { ...(await read(trx)), snapshot: rows[0]!.snapshot };
    });
}
