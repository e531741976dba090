/**
 * One pdfmake set-up for every printable report: the bundled Roboto fonts, and no file or URL read
 * because a document's content named it.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import pdfmake from 'pdfmake';
import type { Content, ContentTable, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces';

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');
pdfmake.setFonts({
  Roboto: {
    normal: path.join(fontDir, 'Roboto-Regular.ttf'),
    bold: path.join(fontDir, 'Roboto-Medium.ttf'),
    italics: path.join(fontDir, 'Roboto-Italic.ttf'),
    bolditalics: path.join(fontDir, 'Roboto-MediumItalic.ttf'),
  },
});
pdfmake.setUrlAccessPolicy(() => false);
pdfmake.setLocalAccessPolicy((file) => path.resolve(file).startsWith(fontDir));

export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return pdfmake.createPdf(doc).getBuffer();
}

/** The table every report prints: a shaded header row, light rules, room below. */
export function pdfTable(header: string[], rows: TableCell[][], widths: (string | number)[]): Content {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((text) => ({ text, bold: true, fillColor: '#e8eef5' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    margin: [0, 4, 0, 12],
  };
}

/** The styles of a one-page-or-so report (laporan situasi, notulen, ringkasan): centred title, subtitle, sections. */
export const PDF_REPORT_STYLES: TDocumentDefinitions['styles'] = {
  title: { fontSize: 16, bold: true, alignment: 'center' },
  subtitle: { fontSize: 12, alignment: 'center', margin: [0, 0, 0, 12] },
  h2: { fontSize: 12, bold: true, margin: [0, 8, 0, 4] },
};

/** The small grey line that closes a report: when and from where it was printed. */
export function pdfPrintedNote(text: string): Content {
  return { text, fontSize: 8, color: '#555555', margin: [0, 20, 0, 0] };
}

/**
 * A long list printed for a meeting (daftar TPS rawan, plotting): A4 landscape, the list's name and
 * area at the top of every page and "Halaman n dari m" at the foot, so loose pages are put back in order;
 * with the styles its content uses (title `h1`, line under it `sub`, group heading `h2`).
 */
export function pdfListPages(
  runningHeader: string,
): Pick<
  TDocumentDefinitions,
  'pageSize' | 'pageOrientation' | 'pageMargins' | 'header' | 'footer' | 'styles' | 'defaultStyle'
> {
  return {
    pageSize: 'A4',
    pageOrientation: 'landscape',
    pageMargins: [36, 48, 36, 40],
    header: { text: runningHeader, margin: [36, 20, 36, 0], fontSize: 8, color: '#555' },
    footer: (page, pages) => ({
      text: `Halaman ${page} dari ${pages}`,
      alignment: 'center',
      fontSize: 8,
      margin: [0, 12, 0, 0],
    }),
    styles: {
      h1: { fontSize: 16, bold: true },
      h2: { fontSize: 11, bold: true, margin: [0, 6, 0, 4] },
      sub: { fontSize: 10, margin: [0, 2, 0, 2] },
      th: { bold: true, fillColor: '#edf2f7', fontSize: 8 },
    },
    defaultStyle: { font: 'Roboto', fontSize: 9 },
  };
}

/** The grey line under a long list's title: who set it, when it was printed, how many rows. */
export function pdfListNote(text: string): Content {
  return { text, fontSize: 8, color: '#555', margin: [0, 0, 0, 8] };
}

/**
 * A list of TPS split by kecamatan, in the order the rows come: per kecamatan a heading
 * "Kecamatan X (n TPS)" over the table `table` makes of its rows.
 */
export function pdfPerKecamatan<R extends { kecamatan: string }>(
  rows: readonly R[],
  table: (rows: R[]) => Content,
): Content[] {
  const byKecamatan = new Map<string, R[]>();
  for (const r of rows) byKecamatan.set(r.kecamatan, [...(byKecamatan.get(r.kecamatan) ?? []), r]);
  return [...byKecamatan].map(([kecamatan, list]) => ({
    stack: [{ text: `Kecamatan ${kecamatan} (${list.length} TPS)`, style: 'h2' }, table(list)],
    margin: [0, 8, 0, 0],
  }));
}

/** A table of a long list (pdfListPages): shaded header cells, light rules, small type. */
export function pdfListTable(
  header: readonly string[],
  rows: TableCell[][],
  widths: (string | number)[],
): ContentTable {
  return {
    table: {
      headerRows: 1,
      widths,
      body: [header.map((text): TableCell => ({ text, style: 'th' })), ...rows],
    },
    layout: 'lightHorizontalLines',
    fontSize: 8,
  };
}
