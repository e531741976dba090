/** The area factors of a wilayah (flood season, river access…) and Bawaslu's index scores (IKP) of a provinsi or kab/kota. */
import { sql, type Kysely } from 'kysely';
import type { AreaFactorKode, IkpKategori, IndeksKerawanan } from '../../../domain/kerawanan/area-factors';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

/** Active area factors at or below a wilayah and on its ancestors (a kab/kota's own factors show in a kecamatan). */
export async function findAreaFactors(
  db: Kysely<Database>,
  kodeWilayah: string,
  ancestorKodes: readonly string[],
) {
  return db
    .selectFrom('wilayah_area_factor as f')
    .innerJoin('wilayah as w', 'w.kode', 'f.kode_wilayah')
    .leftJoin('app_user as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.kode_wilayah',
      'w.nama as nama_wilayah',
      'f.factor',
      'f.phase',
      'f.note',
      'f.created_at',
      'u.username',
    ])
    .where('f.is_active', '=', true)
    .where((eb) =>
      eb.or([
        withinWilayah('f.kode_wilayah', kodeWilayah),
        ...(ancestorKodes.length > 0 ? [eb('f.kode_wilayah', 'in', ancestorKodes)] : []),
      ]),
    )
    .orderBy('f.kode_wilayah')
    .orderBy('f.created_at')
    .execute();
}

export async function insertAreaFactor(
  db: Kysely<Database>,
  row: {
    kode_wilayah: string;
    factor: AreaFactorKode;
    phase: Phase | null;
    note: string;
    created_by: string;
  },
) {
  return db.insertInto('wilayah_area_factor').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findAreaFactor(db: Kysely<Database>, id: string) {
  return db.selectFrom('wilayah_area_factor').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endAreaFactor(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('wilayah_area_factor')
    .set({ is_active: false, ended_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findIkp(db: Kysely<Database>, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return db
    .selectFrom('wilayah_ikp')
    .selectAll()
    .where('kode_wilayah', 'in', kodes)
    .orderBy('kode_wilayah')
    .orderBy('indeks')
    .execute();
}

/** One score per wilayah and index: a new score of the same index replaces the old one. */
export async function upsertIkp(
  db: Kysely<Database>,
  row: {
    kode_wilayah: string;
    indeks: IndeksKerawanan;
    kategori_rilis: IkpKategori | null;
    score: number;
    year: number;
    source: string;
    updated_by: string;
  },
): Promise<void> {
  await db
    .insertInto('wilayah_ikp')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kode_wilayah', 'indeks']).doUpdateSet({
        kategori_rilis: row.kategori_rilis,
        score: row.score,
        year: row.year,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}
