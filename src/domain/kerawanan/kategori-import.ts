/**
 * A Polres's own list of TPS categories (kurang rawan / rawan / sangat rawan / khusus per TPS, from
 * Baintelkam intelligence, the IKP and past incidents: pilkada-facts §2.3), read as planner overrides
 * with a reason. One row per TPS: `kode_tps`, `kategori`, and optionally `alasan` (else the file's
 * reason). Pure; every bad row is reported with an Indonesian reason, as the other imports do.
 */
import { cellText, type Cell, type SheetError } from '../sheet/cells';
import { readTpsSheet } from './mapping-import';
import { KATEGORI, type Kategori } from './score-tps';

export interface KategoriRow {
  row: number;
  tpsId: string;
  kategori: Kategori;
  alasan: string;
}

/** The shortest reason kerawanan_override accepts, and the longest. */
export const ALASAN_MIN = 5;
export const ALASAN_MAX = 1000;

/** "Sangat Rawan", "sangat_rawan", "SANGAT-RAWAN", "TPS khusus" → the category; else null. */
export function kategoriFromText(value: string): Kategori | null {
  const key = value
    .toLowerCase()
    .replace(/^tps\s+/, '')
    .replace(/[\s_-]+/g, '_')
    .trim();
  return (KATEGORI as readonly string[]).includes(key) ? (key as Kategori) : null;
}

export function parseKategoriSheet(
  cells: readonly (readonly Cell[])[],
  tpsByKode: ReadonlyMap<string, string>,
  alasanBerkas: string,
): { rows: KategoriRow[]; errors: SheetError[] } {
  const sheet = readTpsSheet(cells, tpsByKode, {
    kategori: { names: ['kategori', 'kategoritps', 'kerawanan'], required: true },
    alasan: { names: ['alasan', 'keterangan', 'dasar'], required: false },
  });
  if (!sheet.ok) return { rows: [], errors: sheet.errors };
  const rows: KategoriRow[] = [];
  const errors = sheet.errors;
  for (const { row, tpsId, cells: cellsOfRow } of sheet.rows) {
    const raw = cellText(cellsOfRow[sheet.at.kategori]);
    const kategori = kategoriFromText(raw);
    const alasan = (sheet.at.alasan >= 0 ? cellText(cellsOfRow[sheet.at.alasan]) : '') || alasanBerkas.trim();
    let ok = tpsId !== null;
    if (kategori === null) {
      errors.push({
        row,
        column: 'kategori',
        value: raw,
        reason: 'Kategori harus kurang rawan, rawan, sangat rawan atau khusus',
      });
      ok = false;
    }
    if (alasan.length < ALASAN_MIN || alasan.length > ALASAN_MAX) {
      errors.push({
        row,
        column: 'alasan',
        value: alasan,
        reason: `Alasan ${ALASAN_MIN}-${ALASAN_MAX} huruf (isi kolom alasan atau alasan untuk seluruh berkas)`,
      });
      ok = false;
    }
    if (ok) rows.push({ row, tpsId: tpsId!, kategori: kategori!, alasan });
  }
  return { rows, errors: errors.sort((a, b) => a.row - b.row) };
}
