/**
 * Date cells of an uploaded XLSX are read as their sheet shows them, on no clock of their own: each
 * import places them on its region's clock.
 */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseTanggal } from '../../domain/petugas/petugas-import';
import { parseWaktuSetempat } from '../../domain/time/waktu-setempat';
import { readSheet } from './read-sheet';

/** An XLSX whose second row holds these values, as Excel saves what a person typed. */
async function xlsxWith(values: unknown[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Data');
  sheet.addRow(values.map((_, i) => `kolom${i + 1}`));
  sheet.addRow(values);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readSheet', () => {
  it('reads a date-time cell as the wall clock it shows, which each import places on its own region’s clock', async () => {
    // exceljs writes and reads the typed wall clock as the Date with those UTC fields.
    const typed = new Date(Date.UTC(2024, 10, 27, 8, 15));
    const rows = await readSheet({ fileName: 'jadwal.xlsx', data: await xlsxWith([typed, 'teks']) });
    expect(rows[1]).toEqual(['2024-11-27T08:15', 'teks']);
    // 08:15 in Makassar (WITA, UTC+8) is 00:15 UTC; in Jayapura (WIT, UTC+9) 23:15 UTC the day before.
    expect(parseWaktuSetempat(rows[1]![0] as string, 8)?.toISOString()).toBe('2024-11-27T00:15:00.000Z');
    expect(parseWaktuSetempat(rows[1]![0] as string, 9)?.toISOString()).toBe('2024-11-26T23:15:00.000Z');
  });

  it('reads a date cell as its day, whatever the server’s or the region’s clock', async () => {
    const rows = await readSheet({
      fileName: 'petugas.xlsx',
      data: await xlsxWith([new Date(Date.UTC(1990, 0, 31))]),
    });
    expect(rows[1]).toEqual(['1990-01-31T00:00']);
    expect(parseTanggal(rows[1]![0] as string)).toBe('1990-01-31');
  });

  it('reads a time-of-day cell as the time it shows, which an import wanting a date refuses', async () => {
    // What exceljs hands over for 07:30 typed alone in a cell: day zero of Excel's 1900 date system.
    const rows = await readSheet({
      fileName: 'kampanye.xlsx',
      data: await xlsxWith([
        new Date(Date.UTC(1899, 11, 30, 7, 30)),
        new Date(Date.UTC(2024, 10, 27, 7, 30)),
      ]),
    });
    expect(rows[1]).toEqual(['07:30', '2024-11-27T07:30']);
    expect(parseWaktuSetempat(rows[1]![0] as string, 8)).toBeNull();
  });

  it('reads a time-of-day cell of a 1904-system workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.properties.date1904 = true;
    const sheet = workbook.addWorksheet('Data');
    sheet.addRow(['jam']);
    sheet.addRow([new Date(Date.UTC(1904, 0, 1, 16, 5))]);
    const rows = await readSheet({
      fileName: 'mac.xlsx',
      data: Buffer.from(await workbook.xlsx.writeBuffer()),
    });
    expect(rows[1]).toEqual(['16:05']);
  });
});
