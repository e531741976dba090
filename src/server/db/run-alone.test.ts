/**
 * A timed job runs on one node at a time: on PostgreSQL two nodes (two pools on one database) that
 * tick together run it once, and the other runs it at its next tick once the first has finished; a
 * failed run releases the lock. The embedded engine is one process: the job runs.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './client';
import { createTestDatabase } from '../testing/test-db';
import { runAlone } from './run-alone';

let first: DatabaseHandle & { url: string | null };
let second: DatabaseHandle | undefined;

beforeAll(async () => {
  first = await createTestDatabase();
  if (first.url !== null) second = await openDatabase({ databaseUrl: first.url, poolSize: 2 });
});
afterAll(async () => {
  await second?.close();
  await first.close();
});

describe('runAlone', () => {
  it('runs a job on one node at a time', async () => {
    if (second === undefined) {
      // Embedded: one process, so the job always runs (and its own queries get the one connection).
      expect(first.engine).toBe('embedded');
      let ran = 0;
      expect(
        await runAlone(
          first,
          'escalation',
          async () =>
            (ran += (await first.db.selectFrom('wilayah').select('kode').limit(1).execute()).length),
        ),
      ).toBe(true);
      expect(ran).toBe(1);
      return;
    }
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const runs: string[] = [];
    const onFirst = runAlone(first, 'escalation', async () => {
      runs.push('first');
      started();
      await held;
    });
    await running;
    // The second node ticks while the first is still running: it skips its turn.
    expect(await runAlone(second, 'escalation', async () => runs.push('second'))).toBe(false);
    release();
    expect(await onFirst).toBe(true);
    // Its next tick, after the first node's run has committed, runs.
    expect(await runAlone(second, 'escalation', async () => runs.push('second'))).toBe(true);
    expect(runs).toEqual(['first', 'second']);
    // A run that fails releases the lock too.
    await expect(
      runAlone(second, 'escalation', async () => {
        throw new Error('gagal');
      }),
    ).rejects.toThrow('gagal');
    expect(await runAlone(first, 'escalation', async () => runs.push('first'))).toBe(true);
    expect(runs).toEqual(['first', 'second', 'first']);
  });
});
