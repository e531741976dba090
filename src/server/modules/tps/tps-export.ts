/**
 * Streams TPS exports chunk by chunk, so a national export never sits in memory whole:
 * CSV (UTF-8 with BOM, so Excel shows names right), XLSX, and GeoJSON (RFC 7946: WGS 84,
 * [longitude, latitude] order; TPS without coordinates carry a null geometry).
 */
import { PassThrough, type Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import ExcelJS from 'exceljs';
import { CSV_OPTIONS } from '../../files/csv';
import { TPS_EXPORT_CONTENT_TYPES, type Tps } from '../../../contracts/tps';
import { EXPORT_COLUMNS } from './tps.view';

export type ExportFormat = 'csv' | 'xlsx' | 'geojson';

export const EXPORT_CONTENT_TYPES: Record<ExportFormat, string> = TPS_EXPORT_CONTENT_TYPES;

export function exportTps(format: ExportFormat, chunks: AsyncIterable<Tps[]>): Readable {
  const out = new PassThrough();
  const write = async (): Promise<void> => {
    switch (format) {
      case 'csv': {
        const csv = stringify({ ...CSV_OPTIONS, header: true, columns: EXPORT_COLUMNS.map((c) => c.header) });
        csv.pipe(out);
        for await (const chunk of chunks) {
          for (const tps of chunk) {
            if (!csv.write(EXPORT_COLUMNS.map((c) => c.get(tps) ?? ''))) {
              await new Promise((resolve) => csv.once('drain', resolve));
            }
          }
        }
        csv.end();
        return;
      }
      case 'xlsx': {
        const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false });
        const sheet = workbook.addWorksheet('TPS');
        sheet.columns = EXPORT_COLUMNS.map((c) => ({ header: c.header, key: c.header, width: c.width }));
        sheet.getRow(1).font = { bold: true };
        for await (const chunk of chunks) {
          for (const tps of chunk) sheet.addRow(EXPORT_COLUMNS.map((c) => c.get(tps))).commit();
        }
        sheet.commit();
        await workbook.commit();
        return;
      }
      case 'geojson': {
        out.write('{"type":"FeatureCollection","features":[');
        let first = true;
        for await (const chunk of chunks) {
          const parts = chunk.map((tps) =>
            JSON.stringify({
              type: 'Feature',
              id: tps.kode,
              geometry:
                tps.lat === null || tps.lon === null
                  ? null
                  : { type: 'Point', coordinates: [tps.lon, tps.lat] },
              properties: {
                kode: tps.kode,
                kodeWilayah: tps.kodeWilayah,
                nama: tps.nama,
                kecamatan: tps.namaKecamatan,
                kelurahan: tps.namaKelurahan,
                dptTotal: tps.dptTotal,
                dptLaki: tps.dptLaki,
                dptPerempuan: tps.dptPerempuan,
                alamat: tps.alamat,
                akses: tps.akses,
                lokasiKhusus: tps.lokasiKhusus,
                isGenerated: tps.isGenerated,
              },
            }),
          );
          if (parts.length === 0) continue;
          out.write((first ? '' : ',') + parts.join(','));
          first = false;
        }
        out.end(']}');
        return;
      }
    }
  };
  write().catch((error: unknown) => out.destroy(error instanceof Error ? error : new Error(String(error))));
  return out;
}
