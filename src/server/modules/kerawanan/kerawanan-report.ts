/**
 * The mapping of a wilayah as a file (the report use case): the printable "daftar TPS rawan" for a
 * rakor (pdfmake, A4 landscape): counts per category, then per kecamatan the TPS that are rawan,
 * sangat rawan or khusus with the indicators that made them so. And the mapping as CSV, XLSX or
 * GeoJSON rows (the CSV re-imports).
 */
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { CSV_OPTIONS } from '../../files/csv';
import { pdfListNote, pdfListPages, pdfListTable, pdfPerKecamatan, renderPdf } from '../../files/pdf';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';
import type { Actor } from '../../../domain/access/scope';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import type { Kategori } from '../../../domain/kerawanan/score-tps';
import { waktuSetempat } from '../../../domain/time/zona';
import { authorize, scopeFor } from '../../cross-cutting/access';
import { DomainError } from '../../errors';
import type { PemilihanContext } from '../pemilihan/pemilihan.service';
import type { KerawananContext } from './kerawanan-context';
import { findTpsWithKerawanan } from './kerawanan.repo';
import { toReportRow } from './kerawanan.view';

export const KATEGORI_LABEL: Record<Kategori, string> = {
  kurang_rawan: 'Kurang rawan',
  rawan: 'Rawan',
  sangat_rawan: 'Sangat rawan',
  khusus: 'TPS khusus',
};
const PHASE_LABEL: Record<Phase, string> = {
  pra: 'Pra pemungutan suara',
  saat: 'Hari pemungutan suara',
  pasca: 'Pasca pemungutan suara',
};

export interface ReportRow {
  kodeTps: string;
  nomor: number;
  kodeWilayah: string;
  kelurahan: string;
  kodeKecamatan: string;
  kecamatan: string;
  dpt: number;
  lat: number | null;
  lon: number | null;
  suggested: Kategori | null;
  override: Kategori | null;
  overrideReason: string | null;
  kategori: Kategori | null;
  score: number | null;
  indicators: string[];
}

interface DaftarTpsRawan {
  namaWilayah: string;
  /** The area printed; its province's zone (WIB, WITA, WIT) is the clock of the printing time. */
  kodeWilayah: string;
  /** The election the mapping belongs to, printed under the title. */
  namaPemilihan: string;
  phase: Phase;
  printedAt: Date;
  rows: ReportRow[];
  labels: ReadonlyMap<string, string>;
}

export function buildDaftarTpsRawanPdf(input: DaftarTpsRawan): Promise<Buffer> {
  return renderPdf(daftarTpsRawanDoc(input));
}

/** The daftar TPS rawan as a pdfmake document (what buildDaftarTpsRawanPdf renders). */
export function daftarTpsRawanDoc(input: DaftarTpsRawan): TDocumentDefinitions {
  const counts = new Map<string, number>();
  for (const row of input.rows)
    counts.set(row.kategori ?? 'belum', (counts.get(row.kategori ?? 'belum') ?? 0) + 1);
  const listed = input.rows.filter(
    (r) => r.kategori === 'rawan' || r.kategori === 'sangat_rawan' || r.kategori === 'khusus',
  );
  const sections = pdfPerKecamatan(listed, (rows) =>
    pdfListTable(
      ['No', 'TPS', 'Kelurahan/desa', 'DPT', 'Kategori', 'Indikator yang terpenuhi'],
      rows.map((r, i): TableCell[] => [
        String(i + 1),
        `TPS ${String(r.nomor).padStart(3, '0')}\n${r.kodeTps}`,
        r.kelurahan,
        { text: r.dpt.toLocaleString('id-ID'), alignment: 'right' },
        r.override
          ? `${KATEGORI_LABEL[r.override]}*\n(usulan: ${r.suggested ? KATEGORI_LABEL[r.suggested] : '-'})`
          : r.kategori
            ? KATEGORI_LABEL[r.kategori]
            : '-',
        r.indicators.map((k) => `• ${input.labels.get(k) ?? k}`).join('\n') +
          (r.overrideReason ? `\n* ${r.overrideReason}` : ''),
      ]),
      [22, 70, 90, 40, 80, '*'],
    ),
  );

  return {
    ...pdfListPages(`Siaga · Daftar TPS rawan · ${input.namaWilayah}`),
    info: { title: `Daftar TPS rawan ${input.namaWilayah}`, creator: 'Siaga' },
    content: [
      { text: 'DAFTAR TPS RAWAN', style: 'h1' },
      { text: `${input.namaWilayah} · ${input.namaPemilihan} · ${PHASE_LABEL[input.phase]}`, style: 'sub' },
      pdfListNote(
        `Dicetak ${waktuSetempat(input.printedAt, input.kodeWilayah)} · ${input.rows.length} TPS dipetakan`,
      ),
      {
        table: {
          body: [
            ['Kurang rawan', 'Rawan', 'Sangat rawan', 'TPS khusus', 'Belum dinilai'].map(
              (text): TableCell => ({ text, style: 'th' }),
            ),
            ['kurang_rawan', 'rawan', 'sangat_rawan', 'khusus', 'belum'].map((k): TableCell => ({
              text: String(counts.get(k) ?? 0),
              alignment: 'center',
            })),
          ],
        },
      },
      {
        text: 'Kategori usulan dihitung dari indikator Bawaslu 2024 dengan bobot bawaan Siaga; * = ditetapkan perencana.',
        fontSize: 7,
        color: '#555',
        margin: [0, 4, 0, 0],
      },
      ...sections,
      ...(listed.length === 0
        ? [{ text: 'Tidak ada TPS rawan, sangat rawan atau khusus.', margin: [0, 12, 0, 0] } as Content]
        : []),
    ],
  };
}

const EXPORT_HEADERS = [
  'kode_tps',
  'kecamatan',
  'kelurahan',
  'tps',
  'dpt',
  'kategori_usulan',
  'skor',
  'kategori_ditetapkan',
  'alasan_penetapan',
  'kategori',
  'indikator',
] as const;

function exportCells(r: ReportRow): (string | number | null)[] {
  return [
    r.kodeTps,
    r.kecamatan,
    r.kelurahan,
    r.nomor,
    r.dpt,
    r.suggested,
    r.score,
    r.override,
    r.overrideReason,
    r.kategori,
    r.indicators.join(';'),
  ];
}

export function mappingCsv(rows: ReportRow[]): string {
  return stringify([[...EXPORT_HEADERS], ...rows.map(exportCells)], CSV_OPTIONS);
}

export async function mappingXlsx(rows: ReportRow[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Kerawanan');
  sheet.addRow([...EXPORT_HEADERS]).font = { bold: true };
  for (const row of rows) sheet.addRow(exportCells(row));
  sheet.columns.forEach((column) => (column.width = 16));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

export function mappingGeoJson(rows: ReportRow[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: rows.map((r) => ({
      type: 'Feature',
      id: r.kodeTps,
      geometry: r.lat === null || r.lon === null ? null : { type: 'Point', coordinates: [r.lon, r.lat] },
      properties: {
        kode: r.kodeTps,
        kecamatan: r.kecamatan,
        kelurahan: r.kelurahan,
        kategori: r.kategori,
        kategoriUsulan: r.suggested,
        kategoriDitetapkan: r.override,
        skor: r.score,
        indikator: r.indicators,
      },
    })),
  });
}

export function createReportUseCase(ctx: KerawananContext) {
  const { db, deps, regionFor } = ctx;
  return {
    /** The mapping of a wilayah as a printable PDF (daftar TPS rawan) or as CSV, XLSX or GeoJSON. */
    async report(
      actor: Actor,
      pemilihan: PemilihanContext,
      wilayah: string | undefined,
      phase: Phase,
      format: 'pdf' | 'csv' | 'xlsx' | 'geojson',
    ): Promise<{ body: Buffer | string; fileName: string }> {
      const scope = scopeFor(actor, wilayah);
      authorize(actor, 'kerawanan:read', scope);
      if (scope === null)
        throw new DomainError('validation', 'Pilih wilayah (provinsi, kab/kota atau kecamatan)');
      const area = await deps.wilayah.require(scope);
      const { catalogue } = await regionFor(scope);
      const rows = (await findTpsWithKerawanan(db, pemilihan.id, scope, phase)).map(toReportRow);
      const base = `kerawanan-${phase}-${scope.replaceAll('.', '')}`;
      switch (format) {
        case 'pdf':
          return {
            fileName: `daftar-tps-rawan-${phase}-${scope.replaceAll('.', '')}.pdf`,
            body: await buildDaftarTpsRawanPdf({
              namaWilayah: area.nama,
              kodeWilayah: scope,
              namaPemilihan: pemilihan.nama,
              phase,
              printedAt: deps.clock.now(),
              rows,
              labels: new Map(catalogue.indicators.map((i) => [i.kode, i.label])),
            }),
          };
        case 'csv':
          return { fileName: `${base}.csv`, body: mappingCsv(rows) };
        case 'xlsx':
          return { fileName: `${base}.xlsx`, body: await mappingXlsx(rows) };
        case 'geojson':
          return { fileName: `${base}.geojson`, body: mappingGeoJson(rows) };
      }
    },
  };
}
