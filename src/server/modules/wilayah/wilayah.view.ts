/** Wilayah rows as the contract's shapes: a summary, and a search hit with the names of its parents. */
import type { WilayahSearchResult, WilayahSummary } from '../../../contracts/wilayah';
import type { WilayahRow } from '../../db/schema';
import type { searchWilayah } from './wilayah.repo';

type SearchRow = Awaited<ReturnType<typeof searchWilayah>>[number];

export function toWilayahSummary(
  row: Pick<WilayahRow, 'kode' | 'nama' | 'level' | 'jenis' | 'parent_kode'>,
): WilayahSummary {
  return {
    kode: row.kode,
    nama: row.nama,
    level: row.level,
    jenis: row.jenis,
    parentKode: row.parent_kode,
  };
}

/** A search hit; its path names the parents from the highest down (`Provinsi › Kota › Kecamatan`). */
export function toWilayahSearchResult(row: SearchRow): WilayahSearchResult {
  return {
    ...toWilayahSummary(row),
    path: [row.p3, row.p2, row.p1].filter((name): name is string => name !== null).join(' › '),
  };
}
