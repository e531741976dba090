/**
 * Loads the national Kemendagri hierarchy from the idn-area-data package (data under ODbL; see
 * README "Data"): 38 provinsi, 514 kab/kota, 7,285 kecamatan and 83,762 kelurahan/desa in v4.0.1.
 * Runs once: a database that already holds the wilayah is left alone.
 */
import { getDistricts, getProvinces, getRegencies, getVillages } from 'idn-area-data';
import { parseKodeWilayah } from '../../../domain/wilayah/kode-wilayah';
import type { Db } from '../client';
import type { WilayahRow } from '../schema';
import { countWilayah, insertWilayahBatch } from '../../modules/wilayah/wilayah.repo';

const BATCH = 2000;

function toRow(kode: string, nama: string): WilayahRow {
  const parsed = parseKodeWilayah(kode);
  if (!parsed.ok) throw new Error(`idn-area-data has an invalid code ${kode} (${parsed.error})`);
  return {
    kode: parsed.value.kode,
    nama: nama.trim(),
    level: parsed.value.ancestorKodes.length + 1,
    jenis: parsed.value.jenis,
    parent_kode: parsed.value.parentKode,
  };
}

export interface WilayahLoadResult {
  loaded: boolean;
  counts: { provinsi: number; kabkota: number; kecamatan: number; desa: number };
}

/** Loads every area unless the table is already filled; `onlyProvinsi` limits it (benchmarks of parts). */
export async function loadWilayah(
  db: Db,
  options: { onlyProvinsi?: readonly string[]; onProgress?: (done: number, total: number) => void } = {},
): Promise<WilayahLoadResult> {
  const [provinces, regencies, districts, villages] = await Promise.all([
    getProvinces(),
    getRegencies(),
    getDistricts(),
    getVillages(),
  ]);
  const keep = (kode: string): boolean =>
    options.onlyProvinsi === undefined ||
    options.onlyProvinsi.some((p) => kode === p || kode.startsWith(`${p}.`));
  const levels = [
    provinces.filter((p) => keep(p.code)).map((p) => toRow(p.code, p.name)),
    regencies.filter((r) => keep(r.code)).map((r) => toRow(r.code, r.name)),
    districts.filter((d) => keep(d.code)).map((d) => toRow(d.code, d.name)),
    villages.filter((v) => keep(v.code)).map((v) => toRow(v.code, v.name)),
  ] as const;
  const counts = {
    provinsi: levels[0].length,
    kabkota: levels[1].length,
    kecamatan: levels[2].length,
    desa: levels[3].length,
  };
  if ((await countWilayah(db)) > 0) return { loaded: false, counts };
  const total = levels.reduce((sum, rows) => sum + rows.length, 0);
  let done = 0;
  await db.transaction().execute(async (trx) => {
    // Parents before children, so every foreign key finds its row.
    for (const rows of levels) {
      for (let i = 0; i < rows.length; i += BATCH) {
        const batch = rows.slice(i, i + BATCH);
        await insertWilayahBatch(trx, batch);
        done += batch.length;
        options.onProgress?.(done, total);
      }
    }
  });
  return { loaded: true, counts };
}
