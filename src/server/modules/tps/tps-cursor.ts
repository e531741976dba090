/**
 * The opaque cursor of a TPS list page (issue 15, keyset pagination): which row a page continues
 * from, in which direction, under which order, and the number of the page it leads to (so the list can
 * still say "page 3 of 80"). Base64url JSON: opaque to the caller, who only hands it back.
 */
import { z } from 'zod';
import { TPS_SORTS } from '../../../contracts/tps';
import { DomainError } from '../../errors';
import type { TpsSeek, TpsSort } from './tps.repo';

const Cursor = z.object({
  s: z.enum(TPS_SORTS),
  d: z.enum(['after', 'before']),
  dpt: z.number().int().min(0),
  kode: z.string().regex(/^\d{13}$/),
  p: z.number().int().min(1),
});

export interface TpsCursor {
  sort: TpsSort;
  seek: TpsSeek;
  page: number;
}

export function encodeTpsCursor(cursor: TpsCursor): string {
  const { sort, seek, page } = cursor;
  const value: z.infer<typeof Cursor> = {
    s: sort,
    d: seek.direction,
    dpt: seek.dpt,
    kode: seek.kode,
    p: page,
  };
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** The cursor a page gave, for a list in the same order; anything else is refused with 400. */
export function decodeTpsCursor(text: string, sort: TpsSort): TpsCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  const parsed = Cursor.safeParse(value);
  if (!parsed.success) {
    throw new DomainError('validation', 'Penanda halaman tidak valid; muat ulang daftar', {
      field: 'cursor',
    });
  }
  if (parsed.data.s !== sort) {
    throw new DomainError('validation', 'Penanda halaman milik urutan lain; muat ulang daftar', {
      field: 'cursor',
    });
  }
  const { d, dpt, kode, p } = parsed.data;
  return { sort, seek: { direction: d, dpt, kode }, page: p };
}
