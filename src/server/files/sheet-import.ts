/**
 * What every sheet import shares (TPS, petugas): finding the header row below a title block, the
 * answer to a retried import or to one that lost a race, the refusal that lists
 * every bad row, and the batched writes. The rows themselves are each import's own domain
 * (domain/tps/tps-import.ts, domain/petugas/petugas-import.ts).
 */
import type { TpsImportResult } from '../../contracts/tps';
import type { Cell, TpsImportError } from '../../domain/tps/tps-import';
import { isUniqueViolation } from '../db/pg-errors';
import { DomainError } from '../errors';

/** Rows scanned above the header: KPU sheets often open with a title block. */
const HEADER_SEARCH_ROWS = 15;
/** Most row errors reported: enough to fix a file, not so many the answer becomes megabytes. */
const MAX_REPORTED_ERRORS = 1000;

type HeaderAttempt<C> = { ok: true; columns: C } | { ok: false; errors: TpsImportError[] };

/** The first row (of the first 15) that `map` accepts as a header, or `import_invalid`. */
export function findHeaderRow<C>(
  cells: readonly (readonly Cell[])[],
  map: (row: readonly Cell[]) => HeaderAttempt<C>,
): { headerIndex: number; columns: C } {
  let first: HeaderAttempt<C> | undefined;
  for (let i = 0; i < Math.min(HEADER_SEARCH_ROWS, cells.length); i++) {
    const attempt = map(cells[i] ?? []);
    if (attempt.ok) return { headerIndex: i, columns: attempt.columns };
    first ??= attempt;
  }
  throw new DomainError('import_invalid', 'Baris judul kolom tidak dikenali', {
    errors: first && !first.ok ? first.errors : [],
  });
}

/** All rows refused, each error at its row in the file (shifted by the rows above the header). */
export function importInvalid(errors: readonly TpsImportError[], headerIndex: number): DomainError {
  return new DomainError(
    'import_invalid',
    `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
    {
      errors: errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ ...e, row: e.row + headerIndex })),
      totalErrors: errors.length,
    },
  );
}

/** An import's log row, as far as its replay reads it. */
type ImportLogRow = {
  id: string;
  kode_wilayah: string;
  file_sha256: string;
  inserted: number;
  updated: number;
  unchanged: number;
};

/** The answer to an import retried with the same key: the first run's counts. */
export function importReplayOf(previous: Omit<ImportLogRow, 'file_sha256'>): TpsImportResult {
  return {
    importId: previous.id,
    wilayah: previous.kode_wilayah,
    rows: previous.inserted + previous.updated + previous.unchanged,
    inserted: previous.inserted,
    updated: previous.updated,
    unchanged: previous.unchanged,
    replayed: true,
  };
}

/** Writes `rows` in statements of `size` rows, telling `wrote` how many each statement wrote. */
export async function writeInBatches<T>(
  rows: readonly T[],
  size: number,
  write: (batch: T[]) => Promise<unknown>,
  wrote: (count: number) => void,
): Promise<void> {
  for (let i = 0; i < rows.length; i += size) {
    const batch = rows.slice(i, i + size);
    await write(batch);
    wrote(batch.length);
  }
}

/**
 * Runs an import's write. When the same import (same key, same file) ran at the same moment and won
 * the race, the write fails on the import log's unique key: answer with the winner's result instead.
 */
export async function writeOrReplayWinner<R>(
  write: () => Promise<R>,
  findWinner: () => Promise<ImportLogRow | undefined>,
  sha256: string,
): Promise<R | TpsImportResult> {
  try {
    return await write();
  } catch (error) {
    const winner = isUniqueViolation(error) ? await findWinner() : undefined;
    if (!winner || winner.file_sha256 !== sha256) throw error;
    return importReplayOf(winner);
  }
}
