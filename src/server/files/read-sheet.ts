/**
 * Reads the first sheet of an uploaded XLSX, or a CSV (comma, semicolon or tab separated, with or
 * without a BOM), into rows of cells, for every import in Siaga.
 */
import { parse as parseCsv } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { Cell } from '../../domain/sheet/cells';
import { DomainError } from '../errors';

export interface ImportFile {
  fileName: string;
  data: Buffer;
}

/**
 * A date or date-time cell as its sheet shows it, `YYYY-MM-DDTHH:MM` with no zone. Excel keeps a
 * serial day number with no time zone, which exceljs turns into the Date whose UTC fields are the
 * written ones: 08:15 typed in Makassar arrives as 08:15Z. Written with its `Z`, the import read it
 * as 08:15 UTC, 16:15 WITA; without it, every import reads it on its region's clock
 * (domain/time/waktu-setempat.ts), and a date column takes its first ten characters. Seconds are
 * left out: no import keeps them, and a local time with seconds is refused as a typing error.
 */
function wallClock(value: Date): string {
  const shown = value.toISOString().slice(0, 16);
  // A time of day with no date ("07:00" typed under "Jam mulai") is the fraction of a day after
  // Excel's day zero, which exceljs dates 1899-12-30 (the 1900 date system) or 1904-01-01 (the 1904
  // system, older Mac workbooks). It is read as the time it shows, so that an import that wants a
  // date and a time refuses it as unreadable instead of storing an event in 1899.
  return EXCEL_DAY_ZERO.has(shown.slice(0, 10)) ? shown.slice(11) : shown;
}
const EXCEL_DAY_ZERO = new Set(['1899-12-30', '1904-01-01']);

function cellValue(value: ExcelJS.CellValue): Cell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return wallClock(value);
  if (typeof value === 'object') {
    if ('result' in value) return cellValue(value.result);
    if ('richText' in value) return value.richText.map((part) => part.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
  }
  // Error cells and anything unrecognised read as empty, and validation says what is missing.
  return null;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const NEUTRALISED = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * Windows-1252 bytes 0x80–0x9F (€, ‘ ’ “ ” – — …): Node's TextDecoder reads them as Latin-1 control
 * characters, so they are mapped here (the five bytes Windows-1252 leaves undefined keep their value).
 */
const CP1252_HIGH = [
  0x20ac, 0x0081, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152,
  0x008d, 0x017d, 0x008f, 0x0090, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122,
  0x0161, 0x203a, 0x0153, 0x009d, 0x017e, 0x0178,
];

function decodeWindows1252(data: Buffer): string {
  let text = '';
  for (const byte of data) {
    text += String.fromCharCode(byte >= 0x80 && byte <= 0x9f ? CP1252_HIGH[byte - 0x80]! : byte);
  }
  return text;
}

/**
 * The text of an uploaded CSV. Spreadsheets from Indonesian offices are often saved as "CSV" in the
 * Windows code page (Windows-1252, a superset of Latin-1) or as Excel's "Unicode text" (UTF-16 with
 * a byte-order mark): bytes that are not valid UTF-8 are read as Windows-1252, and a UTF-16 mark is
 * honoured, rather than storing mojibake (docs/decisions/0012-bad-input.md). A NUL is no text at all.
 */
export function decodeText(data: Buffer): string {
  let text: string;
  if (data[0] === 0xff && data[1] === 0xfe) text = new TextDecoder('utf-16le').decode(data);
  else if (data[0] === 0xfe && data[1] === 0xff) text = new TextDecoder('utf-16be').decode(data);
  else {
    try {
      text = utf8.decode(data);
    } catch {
      text = decodeWindows1252(data);
    }
  }
  if (text.includes('\u0000'))
    throw new DomainError(
      'validation',
      'Berkas berisi karakter NUL; simpan ulang sebagai CSV (teks) atau .xlsx',
    );
  return text;
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
    const text = decodeText(file.data);
    const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
    const delimiter = [';', '\t', ','].reduce((best, d) =>
      firstLine.split(d).length > firstLine.split(best).length ? d : best,
    );
    try {
      const rows: string[][] = parseCsv(text, {
        delimiter,
        bom: true,
        relax_column_count: true,
        skip_empty_lines: false,
      });
      // A cell Siaga's own CSV export neutralised ('=…, files/csv.ts) reads back as it was stored.
      return rows.map((row) => row.map((cell) => (NEUTRALISED.test(cell) ? cell.slice(1) : cell)));
    } catch (error) {
      throw new DomainError('validation', `Berkas CSV tidak dapat dibaca: ${(error as Error).message}`);
    }
  }
  throw new DomainError('unsupported_media_type', 'Jenis berkas tidak didukung; gunakan .xlsx atau .csv');
}
