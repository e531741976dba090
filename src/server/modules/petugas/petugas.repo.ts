/**
 * The SQL of the petugas rosters: the TPS of an election, officers read and written one at a time,
 * the KPPS chairs' own TPS, an area's officers for its summary and its export. Imports are in
 * petugas-import.repo.ts, check-ins in petugas-hadir.repo.ts, health, incidents and a region's rule
 * in petugas-kesehatan.repo.ts.
 */
import { sql, type Kysely } from 'kysely';
import { isTpsInPemilihan, tpsOfPemilihan } from '../../db/pemilihan-tps';
import type { Database, PetugasTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Q = Kysely<Database>;

/** The TPS voting in the election at or below `kode`, with their kelurahan's name. */
export async function findTpsOfPemilihanWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('t'))
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .select(['t.id', 't.kode', 't.nomor', 't.kode_wilayah', 'w.nama as nama_desa'])
    .where(withinWilayah('t.kode_wilayah', kode))
    .orderBy('t.kode')
    .execute();
}

/** One TPS with its kelurahan's name and whether it votes in the election. */
export async function findTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('tps as t')
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .select([
      't.id',
      't.kode',
      't.nomor',
      't.kode_wilayah',
      'w.nama as nama_desa',
      isTpsInPemilihan('t', pemilihanId).as('dalam_pemilihan'),
    ])
    .where('t.id', '=', tpsId)
    .executeTakeFirst();
}

const PETUGAS_COLUMNS = [
  'p.id',
  'p.pemilihan_id',
  'p.jenis',
  'p.jabatan',
  'p.kode_wilayah',
  'p.tps_id',
  'p.nama',
  'p.nik',
  'p.telepon',
  'p.tanggal_lahir',
  'p.jenis_kelamin',
  'p.user_id',
  'p.kesehatan_dihapus_at',
  'p.version',
] as const;

/** The officers of one TPS, with their screening (if any), in the order a roster is read. */
export async function findPetugasOfTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select([
      ...PETUGAS_COLUMNS,
      's.diperiksa_on',
      's.fasilitas',
      's.sistolik',
      's.diastolik',
      's.gula_darah',
      's.faktor_risiko',
      's.hasil',
      's.catatan',
    ])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('p.tps_id', '=', tpsId)
    .orderBy(sql`CASE p.jenis WHEN 'kpps' THEN 0 WHEN 'linmas' THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE p.jabatan WHEN 'ketua' THEN 0 WHEN 'anggota' THEN 1 ELSE 2 END`)
    .orderBy('p.nama')
    .execute();
}
export type PetugasRosterRow = Awaited<ReturnType<typeof findPetugasOfTps>>[number];

/** Reserves of a kelurahan/desa (they serve no one TPS) who may relieve at its TPS. */
export async function findCadanganOfDesa(db: Q, pemilihanId: string, kodeDesa: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select(['p.id', 'p.nama', 'p.jenis', 'p.jabatan', 'p.tps_id', 'p.kode_wilayah', 's.hasil'])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('p.kode_wilayah', '=', kodeDesa)
    .where('p.jabatan', '=', 'cadangan')
    .where('p.tps_id', 'is', null)
    .execute();
}

/** One officer, for the checks of a change. */
export async function findPetugas(db: Q, id: string) {
  return db.selectFrom('petugas as p').select(PETUGAS_COLUMNS).where('p.id', '=', id).executeTakeFirst();
}

/** The TPS a KPPS chair chairs in an election: their "own TPS". */
export async function findTpsChairedBy(db: Q, pemilihanId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('petugas')
    .select(['user_id', 'tps_id'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('user_id', 'in', [...new Set(userIds)])
    .where('jenis', '=', 'kpps')
    .where('jabatan', '=', 'ketua')
    .where('tps_id', 'is not', null)
    .execute();
}

/** Every officer of an area with what a summary needs (no personal data). */
export async function findPetugasSummaryWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select(['p.id', 'p.jenis', 'p.jabatan', 'p.tps_id', 'p.kode_wilayah', 's.hasil'])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('p.kode_wilayah', kode))
    .execute();
}

export async function insertPetugas(db: Q, row: NewPetugasRow) {
  return db.insertInto('petugas').values(row).returning('id').executeTakeFirstOrThrow();
}

/** One officer changed against the version read; undefined when someone changed it first. */
export async function updatePetugas(
  db: Q,
  id: string,
  version: number,
  values: Pick<PetugasTable, 'jabatan' | 'nama' | 'nik' | 'telepon' | 'tanggal_lahir' | 'jenis_kelamin'>,
) {
  return db
    .updateTable('petugas')
    .set({ ...values, is_generated: false, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/** An officer to write: the table's own columns (db/schema.ts), an import's id and the generated flag optional. */
export type NewPetugasRow = Pick<
  PetugasTable,
  | 'pemilihan_id'
  | 'jenis'
  | 'jabatan'
  | 'kode_wilayah'
  | 'tps_id'
  | 'nama'
  | 'nik'
  | 'telepon'
  | 'tanggal_lahir'
  | 'jenis_kelamin'
  | 'created_by'
> &
  Partial<Pick<PetugasTable, 'import_id'>> & { is_generated?: boolean };

/** Streams an area's officers in keyset-paginated chunks for the (masked) export. */
export async function* streamPetugas(db: Q, pemilihanId: string, kode: string, chunkSize = 2000) {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('petugas as p')
      .leftJoin('tps as t', 't.id', 'p.tps_id')
      .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
      .select([
        ...PETUGAS_COLUMNS,
        't.nomor as nomor_tps',
        sql<boolean>`s.petugas_id IS NOT NULL`.as('diskrining'),
      ])
      .where('p.pemilihan_id', '=', pemilihanId)
      .where(withinWilayah('p.kode_wilayah', kode))
      .where('p.id', '>', after === '' ? '00000000-0000-0000-0000-000000000000' : after)
      .orderBy('p.id')
      .limit(chunkSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < chunkSize) return;
  }
}
