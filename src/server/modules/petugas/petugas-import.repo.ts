/** The SQL of a roster's import: the TPS it looks up, its diff, its bulk writes, its record and statistics. */
import { sql, type Kysely } from 'kysely';
import { tpsOfPemilihan } from '../../db/pemilihan-tps';
import { columnList, recordset, type RecordsetColumns } from '../../db/recordset';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';
import type { NewPetugasRow } from './petugas.repo';

type Q = Kysely<Database>;

/** The TPS voting in the election at or below `kode`, as an import looks them up (no names). */
export async function findTpsKeysWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('t'))
    .select(['t.id', 't.nomor', 't.kode_wilayah'])
    .where(withinWilayah('t.kode_wilayah', kode))
    .execute();
}

const ROSTER_COLUMNS = {
  jenis: 'text',
  jabatan: 'text',
  kode_wilayah: 'text',
  tps_id: 'uuid',
  nama: 'text',
  nik: 'text',
  telepon: 'text',
  tanggal_lahir: 'text',
  jenis_kelamin: 'text',
} as const satisfies RecordsetColumns;
export type ImportedPetugasRow = Omit<NewPetugasRow, 'pemilihan_id' | 'import_id' | 'created_by'>;

/**
 * Many officers of one import in one statement, the rows as one JSON parameter (db/recordset.ts): the
 * import's bulk path. The election and the import are one parameter each, not a key of every row;
 * who imported them is the import's (petugas_import.actor_user_id), so the rows carry no created_by
 * and skip its foreign-key check, one of the per-row costs the bulk load (COPY) does not pay
 * (bench/petugas.ts). `tanggal_lahir` travels as text and is cast once.
 */
export async function insertPetugasBatch(
  db: Q,
  from: { pemilihanId: string; importId: string },
  rows: readonly ImportedPetugasRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(ROSTER_COLUMNS).map((c) => (c === 'tanggal_lahir' ? 'tanggal_lahir::date' : c));
  await sql`
    INSERT INTO petugas (pemilihan_id, import_id, ${columnList(ROSTER_COLUMNS)})
    SELECT ${from.pemilihanId}::uuid, ${from.importId}::uuid, ${sql.raw(cols.join(', '))}
    FROM ${recordset(rows, ROSTER_COLUMNS)}`.execute(db);
}

/** Many officers changed in one statement (an import's rows whose NIK is already on record). */
export async function updatePetugasBatch(
  db: Q,
  rows: readonly (Omit<NewPetugasRow, 'pemilihan_id' | 'created_by' | 'nik'> & { id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = {
    id: 'uuid',
    jenis: 'text',
    jabatan: 'text',
    kode_wilayah: 'text',
    tps_id: 'uuid',
    nama: 'text',
    telepon: 'text',
    tanggal_lahir: 'text',
    jenis_kelamin: 'text',
    import_id: 'uuid',
  } as const;
  await sql`
    UPDATE petugas AS p SET jenis = r.jenis, jabatan = r.jabatan, kode_wilayah = r.kode_wilayah,
      tps_id = r.tps_id, nama = r.nama, telepon = r.telepon, tanggal_lahir = r.tanggal_lahir::date,
      jenis_kelamin = r.jenis_kelamin, import_id = r.import_id, is_generated = false,
      updated_at = now(), version = p.version + 1
    FROM ${recordset(rows, columns)}
    WHERE p.id = r.id`.execute(db);
}

/** Officers of an election at or below `kode`, for an import's diff. */
export async function findPetugasForDiff(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas')
    .select([
      'id',
      'nik',
      'jenis',
      'jabatan',
      'kode_wilayah',
      'tps_id',
      'nama',
      'telepon',
      'tanggal_lahir',
      'jenis_kelamin',
    ])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .execute();
}

/** NIKs already serving elsewhere in the election (outside `kode`): a person serves once. */
export async function findNikOutside(db: Q, pemilihanId: string, kode: string, niks: readonly string[]) {
  if (niks.length === 0) return [];
  const { rows } = await sql<{ nik: string; kode_wilayah: string }>`
    SELECT nik, kode_wilayah FROM petugas
    WHERE pemilihan_id = ${pemilihanId} AND nik = ANY(${sql.val([...niks])}::text[])
      AND NOT (kode_wilayah = ${kode} OR kode_wilayah LIKE ${`${kode}.%`})`.execute(db);
  return rows;
}

export async function findImportByKey(db: Q, key: string) {
  return db.selectFrom('petugas_import').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function insertImport(db: Q, row: Omit<Database['petugas_import'], 'id' | 'created_at'>) {
  return db
    .insertInto('petugas_import')
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setImportCounts(
  db: Q,
  id: string,
  counts: { inserted: number; updated: number; unchanged: number },
): Promise<void> {
  await db.updateTable('petugas_import').set(counts).where('id', '=', id).execute();
}

/** The officers the planner's statistics count (pg_class.reltuples; -1 before the first ANALYZE). */
export async function petugasReltuples(db: Q): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'petugas'::regclass`.execute(db);
  return rows[0]?.n ?? -1;
}

export async function analyzePetugas(db: Q): Promise<void> {
  await sql`ANALYZE petugas`.execute(db);
}
