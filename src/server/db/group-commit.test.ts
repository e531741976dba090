import { describe, expect, it } from 'vitest';
import { createGroupCommit, type Outcome } from './group-commit';

/** A batch function that records its batches and answers each item doubled. */
function recorder(options: { failItem?: number; throwWhenContains?: number; holdMs?: number } = {}) {
  const batches: number[][] = [];
  const run = async (items: readonly number[]): Promise<Outcome<number>[]> => {
    batches.push([...items]);
    if (options.holdMs) await new Promise((r) => setTimeout(r, options.holdMs));
    if (options.throwWhenContains !== undefined && items.includes(options.throwWhenContains)) {
      throw new Error(`batch with ${options.throwWhenContains} failed`);
    }
    return items.map((n) =>
      n === options.failItem
        ? { ok: false, error: new Error(`item ${n} refused`) }
        : { ok: true, value: n * 2 },
    );
  };
  return { batches, run };
}

describe('group commit', () => {
  it('writes submissions that arrive together in one batch and answers each its own value', async () => {
    const r = recorder();
    const gc = createGroupCommit({ run: r.run, maxBatch: 100 });
    const answers = await Promise.all([1, 2, 3, 4, 5].map((n) => gc.submit(n)));
    expect(answers).toEqual([2, 4, 6, 8, 10]);
    expect(r.batches).toEqual([[1, 2, 3, 4, 5]]);
  });

  it('queues what arrives while a batch is being written into the next batch', async () => {
    const r = recorder({ holdMs: 20 });
    const gc = createGroupCommit({ run: r.run, maxBatch: 100 });
    const first = gc.submit(1);
    await new Promise((resolve) => setTimeout(resolve, 5)); // the first batch is now in flight
    const later = [2, 3, 4].map((n) => gc.submit(n));
    expect(await Promise.all([first, ...later])).toEqual([2, 4, 6, 8]);
    expect(r.batches).toEqual([[1], [2, 3, 4]]);
  });

  it('cuts batches at maxBatch, in arrival order', async () => {
    const r = recorder();
    const gc = createGroupCommit({ run: r.run, maxBatch: 2 });
    await Promise.all([1, 2, 3, 4, 5].map((n) => gc.submit(n)));
    expect(r.batches).toEqual([[1, 2], [3, 4], [5]]);
  });

  it('refuses only the item the batch refused', async () => {
    const r = recorder({ failItem: 3 });
    const gc = createGroupCommit({ run: r.run, maxBatch: 100 });
    const results = await Promise.allSettled([1, 2, 3, 4].map((n) => gc.submit(n)));
    expect(results.map((x) => x.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    expect((results[2] as PromiseRejectedResult).reason).toEqual(new Error('item 3 refused'));
  });

  it('retries a failed batch item by item, so only the item that breaks it fails', async () => {
    const r = recorder({ throwWhenContains: 2 });
    const gc = createGroupCommit({ run: r.run, maxBatch: 100 });
    const results = await Promise.allSettled([1, 2, 3].map((n) => gc.submit(n)));
    expect(results.map((x) => (x.status === 'fulfilled' ? x.value : 'rejected'))).toEqual([2, 'rejected', 6]);
    expect(r.batches).toEqual([[1, 2, 3], [1], [2], [3]]);
  });

  it('runs up to `concurrency` batches at once and drains', async () => {
    let inFlight = 0;
    let most = 0;
    const gc = createGroupCommit<number, number>({
      maxBatch: 1,
      concurrency: 2,
      run: async (items) => {
        inFlight++;
        most = Math.max(most, inFlight);
        await new Promise((resolve) => setTimeout(resolve, 5));
        inFlight--;
        return items.map((n) => ({ ok: true, value: n }));
      },
    });
    for (const n of [1, 2, 3, 4, 5]) void gc.submit(n);
    await gc.drain();
    expect(most).toBe(2);
    expect(inFlight).toBe(0);
  });
});
