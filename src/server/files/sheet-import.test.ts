import { describe, expect, it } from 'vitest';
import { writeInBatches, writeOrReplayWinner } from './sheet-import';

const winnerRow = {
  id: 'imp-1',
  kode_wilayah: '73.73',
  file_sha256: 'abc',
  inserted: 2,
  updated: 1,
  unchanged: 4,
};
const fresh = {
  importId: 'imp-2',
  wilayah: '73.73',
  rows: 3,
  inserted: 3,
  updated: 0,
  unchanged: 0,
  replayed: false,
};
const uniqueViolation = Object.assign(new Error('duplicate key'), { code: '23505' });

describe('writeInBatches', () => {
  it('writes every row once, in statements of at most the batch size, and counts each', async () => {
    const batches: number[][] = [];
    const counts: number[] = [];
    await writeInBatches(
      [1, 2, 3, 4, 5, 6, 7],
      3,
      async (batch) => {
        batches.push(batch);
      },
      (count) => counts.push(count),
    );
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    expect(counts).toEqual([3, 3, 1]);
  });

  it('writes nothing for no rows', async () => {
    let calls = 0;
    await writeInBatches(
      [],
      3,
      async () => {
        calls++;
      },
      () => calls++,
    );
    expect(calls).toBe(0);
  });
});

describe('writeOrReplayWinner', () => {
  it("answers with the write's result when it succeeds", async () => {
    const result = await writeOrReplayWinner(
      async () => fresh,
      async () => winnerRow,
      'abc',
    );
    expect(result).toEqual(fresh);
  });

  it("answers with the winner's counts when the same file lost the race on the import key", async () => {
    const result = await writeOrReplayWinner(
      () => Promise.reject(uniqueViolation),
      async () => winnerRow,
      'abc',
    );
    expect(result).toEqual({
      importId: 'imp-1',
      wilayah: '73.73',
      rows: 7,
      inserted: 2,
      updated: 1,
      unchanged: 4,
      replayed: true,
    });
  });

  it('rethrows when the winner imported another file, when none is found, or on another error', async () => {
    await expect(
      writeOrReplayWinner(
        () => Promise.reject(uniqueViolation),
        async () => winnerRow,
        'other',
      ),
    ).rejects.toBe(uniqueViolation);
    await expect(
      writeOrReplayWinner(
        () => Promise.reject(uniqueViolation),
        async () => undefined,
        'abc',
      ),
    ).rejects.toBe(uniqueViolation);
    const other = new Error('disk full');
    await expect(
      writeOrReplayWinner(
        () => Promise.reject(other),
        async () => winnerRow,
        'abc',
      ),
    ).rejects.toBe(other);
  });
});
