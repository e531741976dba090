/**
 * The one set-up of every CSV Siaga writes. A cell that begins with `=`, `+`, `-`, `@`, a tab or a
 * carriage return is read by spreadsheets as a formula (CSV injection, OWASP: "CSV Injection"): such
 * text gets a leading apostrophe, which the spreadsheet shows as plain text. Numbers stay numbers, so a
 * southern latitude (-2.99) is written as it is.
 */
import type { Options } from 'csv-stringify';

const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;
const PLAIN_NUMBER = /^[+-]?\d+(?:[.,]\d+)?$/;

/** `value` as a spreadsheet will show it, never as a formula it would run. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) && !PLAIN_NUMBER.test(value) ? `'${value}` : value;
}

/** Options of every CSV export: a BOM (Excel reads UTF-8), formulas neutralised. */
export const CSV_OPTIONS: Options = { bom: true, cast: { string: neutraliseFormula } };
