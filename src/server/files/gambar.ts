/**
 * The one check of an uploaded image, for incident photos and media-sosial evidence alike: the
 * declared type must be JPEG, PNG or WebP, the bytes must say so too (magic numbers), and the size
 * must be within the limit (contracts/kejadian FOTO_MAX_BYTES, Siaga's default).
 */
import { FOTO_MAX_BYTES, FOTO_MIME, type FotoMime } from '../../contracts/kejadian';
import { DomainError } from '../errors';

const MAX_MB = FOTO_MAX_BYTES / (1024 * 1024);

/** What the upload is called in messages and which field errors name: an incident's photo by default. */
export interface JenisGambar {
  field: string;
  nama: string;
}
const FOTO: JenisGambar = { field: 'foto', nama: 'Foto' };

/** 413 with the limit, for the body parser (it counts while reading) and the check below. */
export function gambarTooLarge({ field, nama }: JenisGambar = FOTO): DomainError {
  return new DomainError('payload_too_large', `${nama} terlalu besar; paling besar ${MAX_MB} MB`, {
    field,
    code: 'foto_terlalu_besar',
    maxBytes: FOTO_MAX_BYTES,
  });
}

function unsupported(message: string, field: string): DomainError {
  return new DomainError('unsupported_media_type', message, { field, code: 'jenis_foto_tidak_didukung' });
}

/** The image type the first bytes announce (magic numbers), or null. */
export function sniffImage(bytes: Buffer): FotoMime | null {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'image/jpeg';
  if (
    bytes.length >= 8 &&
    bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))
  )
    return 'image/png';
  if (
    bytes.length >= 12 &&
    bytes.subarray(0, 4).toString('latin1') === 'RIFF' &&
    bytes.subarray(8, 12).toString('latin1') === 'WEBP'
  )
    return 'image/webp';
  return null;
}

/** The checked type of an uploaded image, or the error that says what is wrong with it. */
export function checkGambar(
  upload: { contentType: string | undefined; bytes: Buffer },
  jenis: JenisGambar = FOTO,
): FotoMime {
  const { field, nama } = jenis;
  const declared = (upload.contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!(FOTO_MIME as readonly string[]).includes(declared)) {
    throw unsupported(`${nama} harus berformat JPEG, PNG atau WebP`, field);
  }
  if (upload.bytes.length === 0) {
    throw new DomainError('validation', `${nama} kosong`, { field, code: 'foto_kosong' });
  }
  if (upload.bytes.length > FOTO_MAX_BYTES) throw gambarTooLarge(jenis);
  const mime = sniffImage(upload.bytes);
  if (mime !== declared) throw unsupported('Isi berkas bukan gambar JPEG, PNG atau WebP yang sah', field);
  return mime;
}
