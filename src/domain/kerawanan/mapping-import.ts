/**
 * Reading a kab/kota's whole kerawanan mapping from a sheet: one row per TPS, identified by its KPU
 * code (`kode_tps`, 13 digits), with the indicators that hold as catalogue codes or Bawaslu numbers
 * ("7;8;22") in an `indikator` column. Pure; every bad row is reported with an Indonesian reason.
 */
import { cellText, normalizeHeader, type Cell, type SheetError } from '../sheet/cells';
import type { IndicatorCatalogue } from './catalogue';

export interface MappingRow {
  row: number;
  tpsId: string;
  indicators: string[];
}

/** One data row of a per-TPS sheet: its TPS (null when the code is bad) and its other cells. */
export interface TpsSheetRow {
  row: number;
  tpsId: string | null;
  cells: readonly Cell[];
}

/**
 * The rows of a sheet with one TPS per row, identified by its KPU code (`kode_tps`, 13 digits), with
 * the header found under any title block and `columns` (normalised names, first match wins) located.
 * Bad codes, unknown TPS and repeated TPS are reported per row; the caller reads the other cells.
 */
export function readTpsSheet<K extends string>(
  cells: readonly (readonly Cell[])[],
  tpsByKode: ReadonlyMap<string, string>,
  columns: Record<K, { names: readonly string[]; required: boolean }>,
):
  | { ok: true; rows: TpsSheetRow[]; at: Record<K, number>; errors: SheetError[] }
  | { ok: false; errors: SheetError[] } {
  const headerIndex = cells.findIndex((row) => row.some((c) => normalizeHeader(cellText(c)) === 'kodetps'));
  if (headerIndex < 0) {
    return {
      ok: false,
      errors: [{ row: 1, column: 'kode_tps', value: '', reason: 'Kolom kode_tps tidak ditemukan' }],
    };
  }
  const headers = cells[headerIndex]!.map((c) => normalizeHeader(cellText(c)));
  const at = {} as Record<K, number>;
  for (const [key, column] of Object.entries(columns) as [
    K,
    { names: readonly string[]; required: boolean },
  ][]) {
    at[key] = headers.findIndex((h) => column.names.includes(h));
    if (at[key] < 0 && column.required) {
      return {
        ok: false,
        errors: [{ row: headerIndex + 1, column: key, value: '', reason: `Kolom ${key} tidak ditemukan` }],
      };
    }
  }
  const kodeAt = headers.indexOf('kodetps');
  const rows: TpsSheetRow[] = [];
  const errors: SheetError[] = [];
  const seen = new Map<string, number>();
  cells.slice(headerIndex + 1).forEach((cellsOfRow, index) => {
    const row = headerIndex + index + 2;
    if (cellsOfRow.every((c) => cellText(c) === '')) return;
    const kode = cellText(cellsOfRow[kodeAt]).replace(/\D/g, '');
    const tpsId = tpsByKode.get(kode);
    let found: string | null = null;
    if (!/^\d{13}$/.test(kode)) {
      errors.push({
        row,
        column: 'kode_tps',
        value: cellText(cellsOfRow[kodeAt]),
        reason: 'Kode TPS harus 13 digit (kode kelurahan + nomor TPS)',
      });
    } else if (!tpsId) {
      errors.push({ row, column: 'kode_tps', value: kode, reason: 'TPS tidak ada di wilayah impor ini' });
    } else if (seen.has(kode)) {
      errors.push({
        row,
        column: 'kode_tps',
        value: kode,
        reason: `TPS ini sudah ada di baris ${seen.get(kode)}`,
      });
    } else {
      seen.set(kode, row);
      found = tpsId;
    }
    rows.push({ row, tpsId: found, cells: cellsOfRow });
  });
  return { ok: true, rows, at, errors };
}

export function parseMappingSheet(
  cells: readonly (readonly Cell[])[],
  tpsByKode: ReadonlyMap<string, string>,
  catalogue: IndicatorCatalogue,
): { rows: MappingRow[]; errors: SheetError[] } {
  const sheet = readTpsSheet(cells, tpsByKode, {
    indikator: { names: ['indikator', 'indikatorterpenuhi'], required: true },
  });
  if (!sheet.ok) return { rows: [], errors: sheet.errors };
  const byKode = new Map(catalogue.indicators.map((i) => [i.kode, i.kode]));
  const byNomor = new Map(
    catalogue.indicators.filter((i) => i.nomor !== null).map((i) => [String(i.nomor), i.kode]),
  );
  const rows: MappingRow[] = [];
  const errors = sheet.errors;
  for (const { row, tpsId, cells: cellsOfRow } of sheet.rows) {
    let ok = tpsId !== null;
    const raw = cellText(cellsOfRow[sheet.at.indikator]);
    const tokens = raw === '' || raw === '-' ? [] : raw.split(/[;,\s]+/).filter((x) => x !== '');
    const indicators: string[] = [];
    for (const token of tokens) {
      const resolved = byKode.get(token) ?? byNomor.get(token);
      if (resolved === undefined) {
        errors.push({
          row,
          column: 'indikator',
          value: token,
          reason: 'Indikator tidak dikenal (pakai kode atau nomor 1-25 Bawaslu)',
        });
        ok = false;
      } else {
        indicators.push(resolved);
      }
    }
    if (ok) rows.push({ row, tpsId: tpsId!, indicators: [...new Set(indicators)].sort() });
  }
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}
