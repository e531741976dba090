/**
 * Sending an incident photo: after the text (a weak signal gets the report through first), as the
 * raw image body of PUT /api/kejadian/:id/foto. Large phone photos are shrunk in the browser first.
 */
import type { z } from 'zod';
import type { FotoResult } from '../../../contracts/kejadian';
import { FOTO_MAX_BYTES, FOTO_MIME } from '../../../contracts/kejadian';
import { kejadianApi } from '../../../contracts/routes/kejadian';
import { call } from '../../api/client';

/** Longest side after shrinking: enough to read a banner or a face at a TPS (Siaga's default). */
const MAX_SIDE_PX = 1600;
const SHRINK_ABOVE_BYTES = 1024 * 1024;

export function isFotoType(type: string): boolean {
  return (FOTO_MIME as readonly string[]).includes(type);
}

/** A JPEG of at most MAX_SIDE_PX when the photo is large and the browser can draw it; else the file. */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (file.size <= SHRINK_ABOVE_BYTES || typeof createImageBitmap !== 'function') return file;
  try {
    const bitmap = await createImageBitmap(file);
    const scale = Math.min(1, MAX_SIDE_PX / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    const context = canvas.getContext('2d');
    if (!context) return file;
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.8));
    return blob !== null && blob.size < file.size ? blob : file;
  } catch {
    return file;
  }
}

export function isFotoTooLarge(blob: Blob): boolean {
  return blob.size > FOTO_MAX_BYTES;
}

export function uploadFoto(kejadianId: string, blob: Blob): Promise<z.infer<typeof FotoResult>> {
  return call(kejadianApi.putByIdFoto, { params: { id: kejadianId }, body: blob });
}
