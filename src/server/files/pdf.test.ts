import { describe, expect, it } from 'vitest';
import { pdfListPages, pdfPrintedNote, renderPdf } from './pdf';

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
