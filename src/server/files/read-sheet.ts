/**
 * Reads the first sheet of an uploaded XLSX, or a CSV (comma, semicolon or tab separated, with or
 * without a BOM), into rows of cells, for every import in Siaga.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/tps/tps-import';
import { DomainError } from '../errors';

export interface ImportFile {
  fileName: string;
  data: Buffer;
}

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  // Error cells and anything unrecognised read as empty, and validation says what is missing.
  return null;
}

/** Cells of the first sheet of an XLSX file, or of a CSV (comma, semicolon or tab separated). */
export async function readSheet(file: ImportFile): Promise<Cell[][]> {
  const name = file.fileName.toLowerCase();
  if (name.endsWith('.xlsx')) {
    const workbook = new ExcelJS.Workbook();
    try {
      await workbook.xlsx.load(file.data as unknown as ArrayBuffer);
    } catch {
      throw new DomainError(
        'validation',
        'Berkas XLSX tidak dapat dibaca; simpan ulang sebagai .xlsx dari Excel',
      );
    }
    const sheet = workbook.worksheets[0];
    if (!sheet) throw new DomainError('validation', 'Berkas XLSX tidak memiliki lembar kerja');
    const rows: Cell[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows[rowNumber - 1] = values.map((v) => cellValue(v));
    });
    return Array.from(rows, (row) => row ?? []);
  }
  if (name.endsWith('.csv') || name.endsWith('.txt')) {
    const text = file.data.toString('utf8');
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = [';', '\t', ','].reduce((best, d) =>
      firstLine.split(d).length > firstLine.split(best).length ? d : best,
    );
    try {
      return parseCsv(text, { delimiter, bom: true, relax_column_count: true, skip_empty_lines: false });
    } catch (error) {
      throw new DomainError('validation', `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
    }
  }
  throw new DomainError('unsupported_media_type', 'Jenis berkas tidak didukung; gunakan .xlsx atau .csv');
}
