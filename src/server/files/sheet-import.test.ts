import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors';
import type { Cell } from '../../domain/sheet/cells';
import {
  fileSha256,
  importAuditRecord,
  importResultOf,
  readImportSheet,
  replayOfRetry,
  requireImportRows,
  writeInBatches,
  writeOrReplayWinner,
  writeProgress,
  type ImportProgress,
} from './sheet-import';

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

describe('requireImportRows', () => {
  const error = { row: 3, column: 'dpt', value: 'x', reason: 'Harus angka' };
  const refusalOf = (gate: () => void): DomainError => {
    try {
      gate();
    } catch (e) {
      if (e instanceof DomainError) return e;
      throw e;
    }
    throw new Error('the import was not refused');
  };

  it('refuses every bad row, at its row in the file, with how many there are', () => {
    const refusal = refusalOf(() => requireImportRows([error, { ...error, row: 5 }], 2, 'TPS', 2));
    expect(refusal).toMatchObject({
      code: 'import_invalid',
      message: '2 kesalahan di berkas; tidak ada data yang disimpan',
      details: { errors: [{ row: 5 }, { row: 7 }], totalErrors: 2 },
    });
  });

  it('lists at most 1000 errors but counts them all', () => {
    const many = Array.from({ length: 1200 }, (_, i) => ({ ...error, row: i + 2 }));
    const details = refusalOf(() => requireImportRows(many, 0, 'TPS')).details as {
      errors: unknown[];
      totalErrors: number;
    };
    expect(details.errors).toHaveLength(1000);
    expect(details.totalErrors).toBe(1200);
  });

  it('refuses a file without rows, naming what it should hold', () => {
    expect(() => requireImportRows([], 0, 'unggahan')).toThrow(
      expect.objectContaining({
        code: 'import_invalid',
        message: 'Berkas tidak berisi baris unggahan',
        details: { errors: [] },
      }),
    );
  });

  it('lets a file of good rows through', () => {
    expect(() => requireImportRows([], 1, 'TPS')).not.toThrow();
  });
});

describe('replayOfRetry', () => {
  const sha = fileSha256({ fileName: 'tps.csv', data: Buffer.from('kode,dpt\n') });

  it('runs an import whose key is new', () => {
    expect(replayOfRetry(undefined, sha)).toBeUndefined();
  });

  it("answers a retry of the same file with the first run's counts", () => {
    expect(replayOfRetry({ ...winnerRow, file_sha256: sha }, sha)).toEqual({
      importId: 'imp-1',
      wilayah: '73.73',
      rows: 7,
      inserted: 2,
      updated: 1,
      unchanged: 4,
      replayed: true,
    });
  });

  it('refuses the key with another file, or for another election', () => {
    const other = fileSha256({ fileName: 'tps.csv', data: Buffer.from('kode,dpt\n1,2\n') });
    expect(other).not.toBe(sha);
    expect(() => replayOfRetry({ ...winnerRow, file_sha256: sha }, other)).toThrow(
      expect.objectContaining({ code: 'conflict' }),
    );
    const petugasRow = { ...winnerRow, file_sha256: sha, pemilihan_id: 'p1' };
    expect(replayOfRetry(petugasRow, sha, 'p1')?.replayed).toBe(true);
    expect(() => replayOfRetry(petugasRow, sha, 'p2')).toThrow(expect.objectContaining({ code: 'conflict' }));
  });
});

describe('readImportSheet', () => {
  const header = (row: readonly Cell[]) =>
    row[0] === 'kode'
      ? { ok: true as const, columns: row.length }
      : {
          ok: false as const,
          errors: [{ row: 1, column: 'kode', value: '', reason: 'Kolom kode tidak ada' }],
        };

  it('tells the bytes read, then gives the rows below a header under a title block', async () => {
    const data = Buffer.from('DAFTAR TPS,\nkode,dpt\n001,250\n002,260\n');
    const progress: ImportProgress[] = [];
    const sheet = await readImportSheet({ fileName: 'tps.csv', data }, header, (p) => progress.push(p));
    expect(progress).toEqual([
      { phase: 'parse', done: 0, total: data.length },
      { phase: 'parse', done: data.length, total: data.length },
    ]);
    expect(sheet).toEqual({
      headerIndex: 1,
      columns: 2,
      dataRows: [
        ['001', '250'],
        ['002', '260'],
      ],
    });
  });

  it('refuses a sheet without a header, with what the first row lacked', async () => {
    const data = Buffer.from('nama,dpt\nA,1\n');
    await expect(
      readImportSheet({ fileName: 'tps.csv', data }, header, () => undefined),
    ).rejects.toMatchObject({
      code: 'import_invalid',
      details: { errors: [{ reason: 'Kolom kode tidak ada' }] },
    });
  });
});

describe('writeProgress', () => {
  it('tells the rows written so far after each statement, across inserts and updates', async () => {
    const progress: ImportProgress[] = [];
    const wrote = writeProgress(5, (p) => progress.push(p));
    await writeInBatches([1, 2, 3], 2, async () => undefined, wrote);
    await writeInBatches([4, 5], 2, async () => undefined, wrote);
    expect(progress.map((p) => [p.phase, p.done, p.total])).toEqual([
      ['write', 2, 5],
      ['write', 3, 5],
      ['write', 5, 5],
    ]);
  });
});

describe('importResultOf and importAuditRecord: what an import that ran answers and audits', () => {
  const counts = { inserted: 3, updated: 1, unchanged: 2 };
  const file = { fileName: 'petugas.xlsx', data: Buffer.from('x') };

  it('answers with its counts, not replayed', () => {
    expect(importResultOf('imp-3', '73.73', 6, counts)).toEqual({
      importId: 'imp-3',
      wilayah: '73.73',
      rows: 6,
      inserted: 3,
      updated: 1,
      unchanged: 2,
      replayed: false,
    });
  });

  it('audits the file and its counts, and the election only when the import has one', () => {
    const run = { importId: 'imp-3', wilayah: '73.73', file, sha256: 'abc', counts };
    expect(importAuditRecord('tps_import', run)).toEqual({
      action: 'import',
      entity: 'tps_import',
      entityId: 'imp-3',
      kodeWilayah: '73.73',
      before: null,
      after: { fileName: 'petugas.xlsx', sha256: 'abc', inserted: 3, updated: 1, unchanged: 2 },
    });
    expect(importAuditRecord('petugas_import', { ...run, pemilihanId: 'p1' })).toMatchObject({
      entity: 'petugas_import',
      after: {
        fileName: 'petugas.xlsx',
        sha256: 'abc',
        pemilihanId: 'p1',
        inserted: 3,
        updated: 1,
        unchanged: 2,
      },
    });
  });
});
