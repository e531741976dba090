/**
 * Group commit for field reports. On voting day thousands of phones report at once; written one by
 * one, each report pays a whole transaction (and on the embedded engine ~0.3 ms of protocol per
 * statement on the one thread that also serves HTTP). Here concurrent submissions queue while a batch
 * is being written, and the next batch takes everything that queued: one lookup, one write, one commit
 * for all of them. A lone report at a quiet hour is written at once (after the current event-loop
 * turn), so batching adds no latency when there is nothing to batch.
 *
 * Every caller is answered only after the commit that holds its item (durable before acknowledged).
 * A batch that fails as a whole (an unexpected database error, a deadlock between app nodes) is
 * retried item by item, so one bad item never takes its neighbours down with it.
 * docs/decisions/0008-ingest-group-commit.md.
 */

/** What the batch function says about each item, in the order the items were given. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export interface GroupCommitOptions<I, O> {
  /** Writes a batch in one transaction; answers per item. Throwing fails the batch as a whole. */
  run: (items: readonly I[]) => Promise<readonly Outcome<O>[]>;
  /** Upper bound of items per batch (keeps statements and lock spans short). */
  maxBatch: number;
  /** Batches written at the same time (1 serialises them; more overlap work on a server engine). */
  concurrency?: number;
}

export interface GroupCommit<I, O> {
  submit: (item: I) => Promise<O>;
  /** Resolves when everything submitted so far has been answered. */
  drain: () => Promise<void>;
}

type Pending<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export function createGroupCommit<I, O>(options: GroupCommitOptions<I, O>): GroupCommit<I, O> {
  const concurrency = options.concurrency ?? 1;
  const queue: Pending<I, O>[] = [];
  let running = 0;
  let scheduled = false;
  let idle: (() => void)[] = [];

  const settle = (batch: readonly Pending<I, O>[], outcomes: readonly Outcome<O>[]): void => {
    batch.forEach((p, i) => {
      const outcome = outcomes[i];
      if (!outcome) p.reject(new Error('group commit: the batch gave no outcome for an item'));
      else if (outcome.ok) p.resolve(outcome.value);
      else p.reject(outcome.error);
    });
  };

  const runBatch = async (batch: Pending<I, O>[]): Promise<void> => {
    try {
      settle(batch, await options.run(batch.map((p) => p.item)));
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(error);
        return;
      }
      // Isolate the item that broke the batch: each one alone, in its own transaction.
      for (const p of batch) {
        try {
          settle([p], await options.run([p.item]));
        } catch (single) {
          p.reject(single);
        }
      }
    }
  };

  const pump = (): void => {
    scheduled = false;
    while (running < concurrency && queue.length > 0) {
      const batch = queue.splice(0, options.maxBatch);
      running++;
      void runBatch(batch).finally(() => {
        running--;
        if (queue.length > 0) schedule();
        else if (running === 0) {
          const waiting = idle;
          idle = [];
          for (const done of waiting) done();
        }
      });
    }
  };

  // setImmediate runs after the I/O callbacks of this loop turn: requests that arrived together
  // are parsed and queued before the batch is cut.
  const schedule = (): void => {
    if (scheduled) return;
    scheduled = true;
    setImmediate(pump);
  };

  return {
    submit: (item) =>
      new Promise<O>((resolve, reject) => {
        queue.push({ item, resolve, reject });
        if (running < concurrency) schedule();
      }),
    drain: () =>
      queue.length === 0 && running === 0 && !scheduled
        ? Promise.resolve()
        : new Promise<void>((resolve) => idle.push(resolve)),
  };
}
