import { describe, expect, it } from 'vitest';
import { pdfListPages, pdfListTable, pdfPerKecamatan, pdfPrintedNote, renderPdf } from './pdf';

describe('pdfListPages', () => {
  it('prints the running header on A4 landscape and numbers every page out of the total', () => {
    const pages = pdfListPages('Siaga · Daftar TPS rawan · Kota Palopo');
    expect(pages.pageSize).toBe('A4');
    expect(pages.pageOrientation).toBe('landscape');
    expect(pages.header).toMatchObject({ text: 'Siaga · Daftar TPS rawan · Kota Palopo' });
    const footer = pages.footer as (page: number, pages: number) => { text: string };
    expect(footer(2, 5).text).toBe('Halaman 2 dari 5');
  });

  it('renders a document of several pages', async () => {
    const rows = Array.from({ length: 120 }, (_, i) => ({ text: `Baris ${i + 1}` }));
    const pdf = await renderPdf({
      ...pdfListPages('Siaga · uji'),
      content: [...rows, pdfPrintedNote('Dicetak dari Siaga')],
    });
    expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length).toBeGreaterThan(1);
  });
});

describe('pdfPerKecamatan and pdfListTable', () => {
  it('heads each kecamatan with its TPS count, in the order the rows come, over its own table', () => {
    const rows = [
      { kecamatan: 'Wara', tps: 'TPS 001' },
      { kecamatan: 'Telluwanua', tps: 'TPS 001' },
      { kecamatan: 'Wara', tps: 'TPS 002' },
    ];
    const sections = pdfPerKecamatan(rows, (list) =>
      pdfListTable(
        ['TPS'],
        list.map((r) => [r.tps]),
        ['*'],
      ),
    );
    expect(sections).toEqual([
      {
        stack: [
          { text: 'Kecamatan Wara (2 TPS)', style: 'h2' },
          {
            table: {
              headerRows: 1,
              widths: ['*'],
              body: [[{ text: 'TPS', style: 'th' }], ['TPS 001'], ['TPS 002']],
            },
            layout: 'lightHorizontalLines',
            fontSize: 8,
          },
        ],
        margin: [0, 8, 0, 0],
      },
      {
        stack: [
          { text: 'Kecamatan Telluwanua (1 TPS)', style: 'h2' },
          expect.objectContaining({
            table: expect.objectContaining({ body: [[{ text: 'TPS', style: 'th' }], ['TPS 001']] }),
          }),
        ],
        margin: [0, 8, 0, 0],
      },
    ]);
  });

  it('gives the list the styles its table and headings name', () => {
    const { styles } = pdfListPages('Siaga · uji');
    expect(Object.keys(styles ?? {})).toEqual(expect.arrayContaining(['h1', 'h2', 'sub', 'th']));
  });
});
