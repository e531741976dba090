/**
 * What every sheet import shares (TPS, petugas, kerawanan, medsos, roster, kampanye, logistik): finding
 * the header row below a title block, the file's fingerprint, the answer to a retried import or to one
 * that lost a race, the refusal that lists every bad row (or finds none), and the batched writes; for
 * the large imports that report their progress (TPS, petugas), the reading of the sheet and the count
 * of what was written. The rows themselves are each import's own domain (domain/tps/tps-import.ts,
 * domain/petugas/petugas-import.ts, …).
 */
import { createHash } from 'node:crypto';
import type { TpsImportResult } from '../../contracts/tps';
import type { Cell, SheetError } from '../../domain/sheet/cells';
import type { AuditRecord } from '../cross-cutting/audit-log';
import { isUniqueViolation } from '../db/pg-errors';
import { DomainError } from '../errors';
import { readSheet, type ImportFile } from './read-sheet';

/** Rows scanned above the header: KPU sheets often open with a title block. */
const HEADER_SEARCH_ROWS = 15;
/** Most row errors reported: enough to fix a file, not so many the answer becomes megabytes. */
const MAX_REPORTED_ERRORS = 1000;

/** How far a large import is, as its progress stream tells the uploader (bytes read, then rows). */
export type ImportProgress = { phase: 'parse' | 'validate' | 'write'; done: number; total: number };

type HeaderAttempt<C> = { ok: true; columns: C } | { ok: false; errors: SheetError[] };

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

/**
 * An upload's cells up to its header and the data rows below it: the bytes read are told to
 * `onProgress` (none, then all: the reader takes the file whole), then the header found by `map`.
 */
export async function readImportSheet<C>(
  file: ImportFile,
  map: (row: readonly Cell[]) => HeaderAttempt<C>,
  onProgress: (progress: ImportProgress) => void,
): Promise<{ headerIndex: number; columns: C; dataRows: Cell[][] }> {
  onProgress({ phase: 'parse', done: 0, total: file.data.length });
  const cells = await readSheet(file);
  onProgress({ phase: 'parse', done: file.data.length, total: file.data.length });
  const { headerIndex, columns } = findHeaderRow(cells, map);
  return { headerIndex, columns, dataRows: cells.slice(headerIndex + 1) };
}

/** The file's SHA-256 (hex): what tells a retried import from another file under the same key. */
export function fileSha256(file: ImportFile): string {
  return createHash('sha256').update(file.data).digest('hex');
}

/**
 * All rows refused, each error at its row in the file (shifted by the rows above the header; 0 when
 * the parser counts rows in the file already).
 */
export function importInvalid(errors: readonly SheetError[], headerIndex = 0): DomainError {
  return new DomainError(
    'import_invalid',
    `${errors.length} kesalahan di berkas; tidak ada data yang disimpan`,
    {
      errors: errors.slice(0, MAX_REPORTED_ERRORS).map((e) => ({ ...e, row: e.row + headerIndex })),
      totalErrors: errors.length,
    },
  );
}

/**
 * The all-or-nothing gate before an import writes: `import_invalid` with every bad row, or with none
 * when the file holds no rows (`rowNoun` names them: "Berkas tidak berisi baris TPS").
 */
export function requireImportRows(
  errors: readonly SheetError[],
  rowCount: number,
  rowNoun: string,
  headerIndex = 0,
): void {
  if (errors.length > 0) throw importInvalid(errors, headerIndex);
  if (rowCount === 0)
    throw new DomainError('import_invalid', `Berkas tidak berisi baris ${rowNoun}`, { errors: [] });
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

/** What became of an import's rows: written new, changed, or found as they were. */
export interface ImportCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

/** The answer to an import that ran: its log row, its area, the rows it read and what became of them. */
export function importResultOf(
  importId: string,
  wilayah: string,
  rows: number,
  counts: ImportCounts,
): TpsImportResult {
  return { importId, wilayah, rows, ...counts, replayed: false };
}

/**
 * The one audit row of an import that ran (`entity`: its log table): the file by name and fingerprint,
 * the election when the import is one election's, and its counts. The rows it wrote are traced to it
 * through the log, so no row's data is repeated here.
 */
export function importAuditRecord(
  entity: 'tps_import' | 'petugas_import',
  run: {
    importId: string;
    wilayah: string;
    file: ImportFile;
    sha256: string;
    pemilihanId?: string;
    counts: ImportCounts;
  },
): AuditRecord {
  return {
    action: 'import',
    entity,
    entityId: run.importId,
    kodeWilayah: run.wilayah,
    before: null,
    after: {
      fileName: run.file.fileName,
      sha256: run.sha256,
      ...(run.pemilihanId === undefined ? {} : { pemilihanId: run.pemilihanId }),
      ...run.counts,
    },
  };
}

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

/**
 * The answer to an import whose idempotency key is on record: the first run's result when the same
 * file comes again (for the same election, when the log keeps one), `conflict` when the key came with
 * another file; undefined when the key is new and the import runs.
 */
export function replayOfRetry(
  previous: (ImportLogRow & { pemilihan_id?: string }) | undefined,
  sha256: string,
  pemilihanId?: string,
): TpsImportResult | undefined {
  if (!previous) return undefined;
  if (previous.file_sha256 !== sha256 || previous.pemilihan_id !== pemilihanId)
    throw new DomainError('conflict', 'Kunci idempotensi ini sudah dipakai untuk berkas lain');
  return importReplayOf(previous);
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
 * The `wrote` of `writeInBatches` for an import's statements, together `total` rows: tells
 * `onProgress` the rows written so far after each statement.
 */
export function writeProgress(
  total: number,
  onProgress: (progress: ImportProgress) => void,
): (count: number) => void {
  let done = 0;
  return (count) => {
    done += count;
    onProgress({ phase: 'write', done, total });
  };
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
