/**
 * Reading a kab/kota's whole kerawanan mapping from a sheet: one row per TPS, identified by its KPU
 * code (`kode_tps`, 13 digits), with the indicators that hold as catalogue codes or Bawaslu numbers
 * ("7;8;22") in an `indikator` column. Pure; every bad row is reported with an Indonesian reason.
 */
import type { Cell } from '../tps/tps-import';
import { normalizeHeader } from '../tps/tps-import';
import type { IndicatorCatalogue } from './catalogue';

export interface MappingRow {
  row: number;
  tpsId: string;
  indicators: string[];
}

export interface MappingError {
  row: number;
  column: string;
  value: string;
  reason: string;
}

const text = (cell: Cell): string => (cell === null || cell === undefined ? '' : String(cell).trim());

export function parseMappingSheet(
  cells: readonly (readonly Cell[])[],
  tpsByKode: ReadonlyMap<string, string>,
  catalogue: IndicatorCatalogue,
): { rows: MappingRow[]; errors: MappingError[] } {
  const headerIndex = cells.findIndex((row) => row.some((c) => normalizeHeader(text(c)) === 'kodetps'));
  if (headerIndex < 0) {
    return {
      rows: [],
      errors: [{ row: 1, column: 'kode_tps', value: '', reason: 'Kolom kode_tps tidak ditemukan' }],
    };
  }
  const headers = cells[headerIndex]!.map((c) => normalizeHeader(text(c)));
  const kodeAt = headers.indexOf('kodetps');
  const indikatorAt = headers.findIndex((h) => h === 'indikator' || h === 'indikatorterpenuhi');
  if (indikatorAt < 0) {
    return {
      rows: [],
      errors: [
        { row: headerIndex + 1, column: 'indikator', value: '', reason: 'Kolom indikator tidak ditemukan' },
      ],
    };
  }
  const byKode = new Map(catalogue.indicators.map((i) => [i.kode, i.kode]));
  const byNomor = new Map(
    catalogue.indicators.filter((i) => i.nomor !== null).map((i) => [String(i.nomor), i.kode]),
  );
  const rows: MappingRow[] = [];
  const errors: MappingError[] = [];
  const seen = new Map<string, number>();
  cells.slice(headerIndex + 1).forEach((cellsOfRow, index) => {
    const row = headerIndex + index + 2;
    if (cellsOfRow.every((c) => text(c) === '')) return;
    const kode = text(cellsOfRow[kodeAt]).replace(/\D/g, '');
    const tpsId = tpsByKode.get(kode);
    let ok = true;
    if (!/^\d{13}$/.test(kode)) {
      errors.push({
        row,
        column: 'kode_tps',
        value: text(cellsOfRow[kodeAt]),
        reason: 'Kode TPS harus 13 digit (kode kelurahan + nomor TPS)',
      });
      ok = false;
    } else if (!tpsId) {
      errors.push({ row, column: 'kode_tps', value: kode, reason: 'TPS tidak ada di wilayah impor ini' });
      ok = false;
    } else if (seen.has(kode)) {
      errors.push({
        row,
        column: 'kode_tps',
        value: kode,
        reason: `TPS ini sudah ada di baris ${seen.get(kode)}`,
      });
      ok = false;
    } else {
      seen.set(kode, row);
    }
    const raw = text(cellsOfRow[indikatorAt]);
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
  });
  return { rows, errors };
}
