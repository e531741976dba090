import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

/** Entered figures of an election at and below a kab/kota. */
export async function findRingkasan(db: Kysely<Database>, pemilihanId: string, kabKota: string) {
  return db
    .selectFrom('anev_ringkasan')
    .select(['kode_wilayah', 'metrik', 'nilai'])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .execute();
}

/** Replaces the entered figures of an election under a kab/kota with these (one import). */
export async function replaceRingkasan(
  db: Kysely<Database>,
  pemilihanId: string,
  kabKota: string,
  rows: readonly { kode_wilayah: string; metrik: string; nilai: number }[],
  meta: { sumber: string; updatedBy: string },
): Promise<void> {
  await db
    .deleteFrom('anev_ringkasan')
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .execute();
  if (rows.length === 0) return;
  await db
    .insertInto('anev_ringkasan')
    .values(
      rows.map((r) => ({
        pemilihan_id: pemilihanId,
        kode_wilayah: r.kode_wilayah,
        metrik: r.metrik,
        nilai: r.nilai,
        sumber: meta.sumber,
        updated_by: meta.updatedBy,
      })),
    )
    .execute();
}

/**
 * TPS per child area of an area (`anak`: the child code's length, 8 a kecamatan, 13 a kelurahan): an
 * election's own TPS (a PSU) when `pemilihanId` is given.
 */
export async function countTpsPerAnak(
  db: Kysely<Database>,
  kode: string,
  anak: number,
  pemilihanId?: string,
) {
  let query = db
    .selectFrom('tps as t')
    .select([sql<string>`substr(t.kode_wilayah, 1, ${anak})`.as('anak'), sql<number>`count(*)::int`.as('n')])
    .where(withinWilayah('t.kode_wilayah', kode))
    .groupBy(sql`1`);
  if (pemilihanId !== undefined) {
    query = query
      .innerJoin('pemilihan_tps as pt', 'pt.tps_id', 't.id')
      .where('pt.pemilihan_id', '=', pemilihanId);
  }
  return query.execute();
}

/** TPS that re-voted in a PSU of this election, per child area (as countTpsPerAnak). */
export async function countPsuTpsPerAnak(db: Kysely<Database>, kode: string, anak: number, indukId: string) {
  return db
    .selectFrom('pemilihan_tps as pt')
    .innerJoin('pemilihan as p', 'p.id', 'pt.pemilihan_id')
    .innerJoin('tps as t', 't.id', 'pt.tps_id')
    .select([
      sql<string>`substr(t.kode_wilayah, 1, ${anak})`.as('anak'),
      sql<number>`count(DISTINCT t.id)::int`.as('n'),
    ])
    .where('p.induk_id', '=', indukId)
    .where('p.jenis', '=', 'psu')
    .where(withinWilayah('t.kode_wilayah', kode))
    .groupBy(sql`1`)
    .execute();
}
