/**
 * Example screenshots for the demo (PNG, drawn here: no image files in the repository): a phone-sized
 * frame with a platform-coloured header, grey lines standing for text, and a red box marking the
 * passage reported. Deterministic per seed so that the same demo has the same evidence hashes.
 */
import { crc32, deflateSync } from 'node:zlib';

type Rgb = readonly [number, number, number];

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A 240 × 400 PNG "screenshot" in the given header colour; `seed` varies its lines. */
export function demoScreenshot(header: Rgb, seed: number): Buffer {
  const width = 240;
  const height = 400;
  const raw = Buffer.alloc((width * 3 + 1) * height);
  const lines = Array.from({ length: 14 }, (_, i) => 40 + ((seed * 7 + i * 13) % 140));
  for (let y = 0; y < height; y += 1) {
    const row = y * (width * 3 + 1);
    raw[row] = 0; // no filter
    for (let x = 0; x < width; x += 1) {
      let colour: Rgb = [255, 255, 255];
      if (y < 44) colour = header;
      else if (y >= 60 && y < 60 + 14 * 22) {
        const line = Math.floor((y - 60) / 22);
        const within = (y - 60) % 22;
        if (within >= 6 && within < 14 && x >= 16 && x < 16 + lines[line]!) colour = [170, 170, 170];
        // The reported passage, boxed in red (lines 3 to 6).
        const inBox = line >= 3 && line <= 6 && x >= 10 && x <= 229;
        const edge = x === 10 || x === 229 || (within === 0 && line === 3) || (within === 21 && line === 6);
        const boxed = inBox && edge;
        if (boxed) colour = [200, 20, 20];
      }
      raw[row + 1 + x * 3] = colour[0];
      raw[row + 2 + x * 3] = colour[1];
      raw[row + 3 + x * 3] = colour[2];
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
