/**
 * Jobs that run on a timer on every app node but must not run on two at once (issue #15): the
 * incident escalation today. Each run holds a PostgreSQL advisory lock for the length of a
 * transaction of its own (released by commit, or by the server when a node dies mid-run); a node
 * that finds the lock taken skips its turn and tries at its next tick. The embedded engine is one
 * process (its data folder is locked, db/data-dir-lock.ts), so there the run simply goes ahead;
 * holding its single connection for the run would block the run's own queries.
 */
import { sql } from 'kysely';
import type { DatabaseHandle } from './client';

/** The advisory-lock class of Siaga's timed jobs ("SJ"); migrations take a lock of their own. */
const JOB_LOCK_CLASS = 0x534a;

/** One key per job: never reuse a number for another job. */
export const TIMED_JOBS = { escalation: 1, retensi_petugas: 2 } as const;
export type TimedJob = keyof typeof TIMED_JOBS;

/** Runs `run` unless another node is running the same job; resolves to whether it ran. */
export async function runAlone(
  database: DatabaseHandle,
  job: TimedJob,
  run: () => Promise<unknown>,
): Promise<boolean> {
  if (database.engine === 'embedded') {
    await run();
    return true;
  }
  return database.db.transaction().execute(async (trx) => {
    const { rows } = await sql<{ taken: boolean }>`
      SELECT pg_try_advisory_xact_lock(${JOB_LOCK_CLASS}, ${TIMED_JOBS[job]}) AS taken`.execute(trx);
    if (!rows[0]?.taken) return false;
    await run();
    return true;
  });
}
