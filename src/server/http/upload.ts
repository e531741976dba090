/** Reads an import upload (multipart: text fields and exactly one file) into memory, for every import route. */
import type { FastifyRequest } from 'fastify';
import { KodeWilayah } from '../../contracts/common';
import { DomainError } from '../errors';
import type { ImportFile } from '../files/read-sheet';
import { findForbiddenText } from './validator';

export async function readUpload(
  request: FastifyRequest,
): Promise<{ fields: Record<string, string>; file: ImportFile }> {
  if (!request.isMultipart()) {
    throw new DomainError('unsupported_media_type', 'Kirim berkas sebagai multipart/form-data');
  }
  const fields: Record<string, string> = {};
  let file: ImportFile | undefined;
  for await (const part of request.parts()) {
    if (part.type === 'file') {
      if (file) throw new DomainError('validation', 'Kirim satu berkas saja');
      file = { fileName: part.filename, data: await part.toBuffer() };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file) throw new DomainError('validation', 'Berkas belum dipilih', { field: 'file' });
  const forbidden = findForbiddenText(fields);
  if (forbidden)
    throw new DomainError(
      'validation',
      'Teks berisi karakter yang tidak diizinkan (NUL atau surrogate tunggal)',
      {
        field: forbidden.path.join('.'),
      },
    );
  return { fields, file };
}

/** The `wilayah` field of an upload as a dotted kode wilayah. */
export function uploadWilayah(fields: Record<string, string>): string {
  if (!fields.wilayah)
    throw new DomainError('validation', 'Wilayah impor belum dipilih', { field: 'wilayah' });
  const parsed = KodeWilayah.safeParse(fields.wilayah);
  if (!parsed.success) throw new DomainError('validation', 'Kode wilayah tidak valid', { field: 'wilayah' });
  return parsed.data;
}
