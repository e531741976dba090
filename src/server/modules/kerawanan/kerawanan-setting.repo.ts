/**
 * The indicator catalogues (Bawaslu's and a region's own, each change a new version) and the setting
 * of a provinsi or kab/kota that names its catalogue and thresholds.
 */
import { sql, type Kysely } from 'kysely';
import type { Indicator } from '../../../domain/kerawanan/catalogue';
import type { ScoringConfig } from '../../../domain/kerawanan/score-tps';
import type { Database } from '../../db/schema';

export async function upsertCatalogue(
  db: Kysely<Database>,
  row: { id: string; version: number; nama: string; source: string; indicators: readonly Indicator[] },
): Promise<void> {
  await db
    .insertInto('kerawanan_catalogue')
    .values({ ...row, indicators: JSON.stringify(row.indicators) })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
}

/** The setting of the nearest region (kab/kota first, then provinsi) with its catalogue. */
export async function findRegionSetting(db: Kysely<Database>, regionKodes: readonly string[]) {
  if (regionKodes.length === 0) return undefined;
  return db
    .selectFrom('kerawanan_region_setting as s')
    .innerJoin('kerawanan_catalogue as c', (join) =>
      join.onRef('c.id', '=', 's.catalogue_id').onRef('c.version', '=', 's.catalogue_version'),
    )
    .select(['s.kode_wilayah', 's.scoring', 'c.id', 'c.version', 'c.nama', 'c.source', 'c.indicators'])
    .where('s.kode_wilayah', 'in', regionKodes)
    .orderBy(sql`length(s.kode_wilayah)`, 'desc')
    .executeTakeFirst();
}

export async function latestCatalogueVersion(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('kerawanan_catalogue')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function upsertRegionSetting(
  db: Kysely<Database>,
  row: {
    kode_wilayah: string;
    catalogue_id: string;
    catalogue_version: number;
    scoring: ScoringConfig;
    updated_by: string;
  },
): Promise<void> {
  const values = { ...row, scoring: JSON.stringify(row.scoring) };
  await db
    .insertInto('kerawanan_region_setting')
    .values(values)
    .onConflict((oc) =>
      oc.column('kode_wilayah').doUpdateSet({
        catalogue_id: values.catalogue_id,
        catalogue_version: values.catalogue_version,
        scoring: values.scoring,
        updated_by: values.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
