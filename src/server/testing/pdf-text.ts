/**
 * The lines a printed PDF shows, for tests that ask what a page says. pdfmake embeds subsets of its
 * fonts, so the text is read back through each font's ToUnicode map: unpdf (PDF.js in a build for
 * Node) does that, as a browser's PDF viewer would.
 */
import { extractText, getDocumentProxy } from 'unpdf';

/** Every line of text the PDF draws, page after page. */
export async function pdfText(pdf: Buffer): Promise<string[]> {
  const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: false });
  return text.flatMap((page) => page.split('\n'));
}
