/**
 * A sheet's cells as every import reads them (TPS, petugas, kerawanan, medsos, kampanye, logistik, the
 * forces roster): a cell's text, the two ways a header is keyed against an import's aliases, where
 * each column stands, and the one shape of a bad cell. What a row means stays each import's own.
 */

/** A cell as read-sheet.ts gives it (an XLSX date arrives as its ISO string). */
export type Cell = string | number | boolean | null | undefined;

/** A bad cell, at its row as a spreadsheet user counts (header included), in Indonesian. */
export interface SheetError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

/** A cell's text, trimmed; an empty cell is "". */
export function cellText(cell: Cell): string {
  if (cell === null || cell === undefined) return '';
  return String(cell).trim();
}

/** A header by its letters and digits only ("No. Urut" → "nourut"): TPS, petugas, kerawanan, kampanye. */
export function normalizeHeader(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/**
 * A header or a listed value in lower case, each run of spaces, slashes and dashes one underscore
 * ("Waktu Berangkat" → "waktu_berangkat", "Gudang KPU" → "gudang_kpu"): medsos, logistik, the roster.
 */
export function underscoreKey(value: string): string {
  return value
    .toLowerCase()
    .trim()
    .replace(/[\s/-]+/g, '_');
}

/**
 * Where each column stands: the first header cell whose key (`keyOf` of its text) is one of the
 * column's aliases. A column no header names is absent from the map.
 */
export function findColumns<C extends string>(
  header: readonly Cell[],
  aliases: Readonly<Record<C, readonly string[]>>,
  keyOf: (text: string) => string,
): Map<C, number> {
  const keys = header.map((cell) => keyOf(cellText(cell)));
  const columns = new Map<C, number>();
  for (const [column, names] of Object.entries(aliases) as [C, readonly string[]][]) {
    const index = keys.findIndex((key) => names.includes(key));
    if (index >= 0) columns.set(column, index);
  }
  return columns;
}
