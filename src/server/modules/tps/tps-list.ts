/**
 * A TPS list page: by page number (an offset, for small areas and old links) or by the cursor of the
 * page before (keyset: a national list reads only its own rows, issue 15); the total and DPT come
 * from the figures the database keeps per area (rollup_tps) unless a filter narrows further.
 */
import type { TpsListQuery, TpsPage } from '../../../contracts/tps';
import type { Actor } from '../../../domain/access/scope';
import { authorize, scopeFor } from '../../cross-cutting/access';
import type { Db } from '../../db/client';
import { decodeTpsCursor, encodeTpsCursor } from './tps-cursor';
import { findTpsPage, type TpsFilter, type TpsListRow } from './tps.repo';
import { toTpsView } from './tps.view';

export async function listTps(db: Db, actor: Actor, query: TpsListQuery): Promise<TpsPage> {
  const scopeKode = scopeFor(actor, query.wilayah);
  authorize(actor, 'tps:read', scopeKode);
  const filter: TpsFilter = {
    scopeKode,
    q: query.q,
    akses: query.akses,
    lokasiKhusus: query.lokasiKhusus,
    tanpaKoordinat: query.tanpaKoordinat,
  };
  const { sort, pageSize } = query;
  const cursor = query.cursor === undefined ? undefined : decodeTpsCursor(query.cursor, sort);
  const found = await findTpsPage(
    db,
    filter,
    cursor ? { sort, pageSize, seek: cursor.seek } : { sort, pageSize, offset: (query.page - 1) * pageSize },
  );
  const { rows, more, total, dptTotal } = found;
  const backward = cursor?.seek.direction === 'before';
  // Going back, the first page is the one with nothing before it, whatever number the cursor carried.
  const page = backward ? (more ? Math.max(2, cursor.page) : 1) : (cursor?.page ?? query.page);
  const hasNext = backward ? rows.length > 0 : more;
  const hasPrev = backward ? more : page > 1 && rows.length > 0;
  const at = (row: TpsListRow | undefined, direction: 'after' | 'before', to: number) =>
    row === undefined
      ? null
      : encodeTpsCursor({ sort, seek: { direction, dpt: row.dpt_total, kode: row.kode }, page: to });
  return {
    items: rows.map(toTpsView),
    page,
    pageSize,
    total,
    dptTotal,
    nextCursor: hasNext ? at(rows.at(-1), 'after', page + 1) : null,
    prevCursor: hasPrev ? at(rows[0], 'before', page - 1) : null,
  };
}
