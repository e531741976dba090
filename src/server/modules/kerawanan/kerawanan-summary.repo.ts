/**
 * The figures behind the kerawanan summary at provinsi and national scale: per kecamatan, kept by the
 * database (rollup_kerawanan, migration 20261206T0096) and the TPS of each kecamatan in the election
 * (rollup_hari_h, 20261206T0051). The full scan stays in kerawanan.repo.ts (findTpsWithKerawanan) as the reference.
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
 * kecamatan: the nation is 7,285 rows. The election's own TPS per kecamatan come from the voting-day
 * counters kept per election (rollup_hari_h, migration 20261206T0051), which count the TPS that vote
 * in it by the one rule (db/pemilihan-tps.ts): a PSU its list, a Pilkades its desa.
 */
export async function findKecamatanFigures(db: Db, pemilihanId: string, phase: string, scope: string | null) {
  const areas: AliasedSelectQueryBuilder<{ kode: string; tps: number }, 'a'> = db
    .selectFrom('rollup_hari_h as t')
    .innerJoin('wilayah as kec', 'kec.kode', 't.kode')
    .select([sql<string>`t.kode`.as('kode'), sql<number>`sum(t.tps)`.as('tps')])
    .where('t.pemilihan_id', '=', pemilihanId)
    .where('kec.level', '=', 3)
    .where(scope === null ? sql<boolean>`true` : withinWilayah('t.kode', scope))
    .groupBy('t.kode')
    .having(sql<number>`sum(t.tps)`, '>', 0)
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
