/**
 * The figures behind the kerawanan summary at provinsi and national scale: per kecamatan, kept by the
 * database (rollup_kerawanan, migration 20261206T0096) and the TPS counts of each area (rollup_tps,
 * 20261206T0095). The full scan stays in kerawanan.repo.ts (findTpsWithKerawanan) as the reference.
 */
import { sql, type AliasedSelectQueryBuilder } from 'kysely';
import type { Db } from '../../db/client';
import { withinWilayah } from '../../db/wilayah-prefix';

const FIGURES = [
  'r.assessed',
  'r.kurang_rawan',
  'r.rawan',
  'r.sangat_rawan',
  'r.khusus',
  'r.indikator',
] as const;

/**
 * Every kecamatan at or below a wilayah (null: the nation) with TPS in an election: its name, its
 * TPS and the kept figures of the phase (null where nothing was assessed). One statement, one row per
 * kecamatan: the nation is 7,285 rows. An election with a TPS list (a PSU) counts its list, any other
 * every TPS (db/pemilihan-tps.ts).
 */
export async function findKecamatanFigures(db: Db, pemilihanId: string, phase: string, scope: string | null) {
  const listed = await db
    .selectFrom('pemilihan_tps')
    .select('tps_id')
    .where('pemilihan_id', '=', pemilihanId)
    .limit(1)
    .executeTakeFirst();
  const areas: AliasedSelectQueryBuilder<{ kode: string; tps: number }, 'a'> = listed
    ? db
        .selectFrom('pemilihan_tps as pt')
        .innerJoin('tps', 'tps.id', 'pt.tps_id')
        .innerJoin('wilayah as kel', 'kel.kode', 'tps.kode_wilayah')
        .select([sql<string>`kel.parent_kode`.as('kode'), sql<number>`count(*)`.as('tps')])
        .where('pt.pemilihan_id', '=', pemilihanId)
        .where(scope === null ? sql<boolean>`true` : withinWilayah('tps.kode_wilayah', scope))
        .groupBy('kel.parent_kode')
        .as('a')
    : db
        .selectFrom('rollup_tps as t')
        .select([sql<string>`t.kode`.as('kode'), sql<number>`t.tps`.as('tps')])
        .where('t.level', '=', 3)
        .where('t.tps', '>', 0)
        .where(scope === null ? sql<boolean>`true` : withinWilayah('t.kode', scope))
        .as('a');
  return db
    .selectFrom(areas)
    .innerJoin('wilayah as w', 'w.kode', 'a.kode')
    .leftJoin('rollup_kerawanan as r', (join) =>
      join
        .on('r.pemilihan_id', '=', pemilihanId)
        .on('r.phase', '=', phase)
        .onRef('r.kode_kecamatan', '=', 'a.kode'),
    )
    .select(['w.kode', 'w.nama', 'a.tps', ...FIGURES])
    .execute();
}
