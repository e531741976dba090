/**
 * The words a PDF from files/pdf.ts shows, for tests that ask what a printed page says. pdfmake
 * (pdfkit) embeds subsets of Roboto: a content stream draws glyph ids (`[<0012 0034> 12 <…>] TJ`),
 * which only the font's ToUnicode CMap turns back into text. This reads exactly what pdfkit writes
 * (Flate streams, one bfrange array per 256 glyphs, fonts named /F1… in the page resources); it is
 * not a general PDF reader.
 */
import { inflateSync } from 'node:zlib';

interface PdfObject {
  dict: string;
  stream: Buffer | null;
}

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const text = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  for (const match of text.matchAll(/(\d+) 0 obj\s*/g)) {
    const start = match.index + match[0].length;
    const end = text.indexOf('endobj', start);
    const body = text.slice(start, end);
    const streamAt = body.indexOf('stream');
    if (streamAt < 0) {
      objects.set(Number(match[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, streamAt);
    const dataStart = start + streamAt + 'stream'.length + (body[streamAt + 6] === '\r' ? 2 : 1);
    const raw = pdf.subarray(dataStart, text.lastIndexOf('endstream', end));
    objects.set(Number(match[1]), {
      dict,
      stream: dict.includes('/FlateDecode') ? inflateSync(raw) : raw,
    });
  }
  return objects;
}

/** Glyph id (4 hex digits) → the text it stands for, from a ToUnicode CMap's bfrange arrays. */
function readCmap(cmap: string): Map<string, string> {
  const glyphs = new Map<string, string>();
  for (const range of cmap.matchAll(/<([0-9a-fA-F]{4})> <[0-9a-fA-F]{4}> \[([^\]]*)\]/g)) {
    const first = parseInt(range[1]!, 16);
    [...range[2]!.matchAll(/<([^>]*)>/g)].forEach((entry, i) => {
      const units = entry[1]!.split(' ').map((hex) => parseInt(hex, 16));
      glyphs.set((first + i).toString(16).padStart(4, '0'), String.fromCharCode(...units));
    });
  }
  return glyphs;
}

/**
 * Every line of text the PDF draws, page after page: the words pdfmake draws one by one, joined while
 * they stand on the same baseline (the `Tm` before each).
 */
export function pdfText(pdf: Buffer): string[] {
  const objects = readObjects(pdf);
  const fonts = new Map<string, Map<string, string>>();
  for (const { dict } of objects.values()) {
    const resources = /\/Font\s*<<([^>]*)>>/.exec(dict);
    for (const font of resources?.[1]?.matchAll(/\/(F\d+) (\d+) 0 R/g) ?? []) {
      const toUnicode = /\/ToUnicode (\d+) 0 R/.exec(objects.get(Number(font[2]))?.dict ?? '');
      const cmap = objects.get(Number(toUnicode?.[1]))?.stream;
      if (cmap) fonts.set(font[1]!, readCmap(cmap.toString('latin1')));
    }
  }
  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || dict.includes('/Subtype') || dict.includes('/Type')) continue;
    let glyphs: Map<string, string> | undefined;
    let baseline: string | undefined;
    let line = '';
    const ops = /\/(F\d+) [\d.]+ Tf|1 0 0 1 [-\d.]+ ([-\d.]+) Tm|\[([^\]]*)\] TJ/g;
    for (const op of stream.toString('latin1').matchAll(ops)) {
      if (op[1]) glyphs = fonts.get(op[1]);
      else if (op[2] !== undefined) {
        if (op[2] !== baseline && line !== '') lines.push(line.trim());
        if (op[2] !== baseline) line = '';
        baseline = op[2];
      } else if (op[3] !== undefined) {
        const codes = [...op[3].matchAll(/<([0-9a-fA-F]*)>/g)].flatMap((s) => s[1]!.match(/.{4}/g) ?? []);
        line += codes.map((code) => glyphs?.get(code.toLowerCase()) ?? '?').join('');
      }
    }
    if (line !== '') lines.push(line.trim());
  }
  return lines;
}
