/** SQL of a TPS import: the TPS it is diffed against, its batch writes, and the import log a retry answers from. */
import { sql, type Kysely } from 'kysely';
import type { Database, NewTps } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

/** Existing TPS under a wilayah, keyed `kode`, for diffing an import against. */
export async function findTpsForDiff(db: Kysely<Database>, scopeKode: string) {
  return db
    .selectFrom('tps')
    .select([
      'id',
      'kode',
      'kode_wilayah',
      'nomor',
      'dpt_total',
      'dpt_laki',
      'dpt_perempuan',
      'alamat',
      'lat',
      'lon',
      'akses',
      'lokasi_khusus',
      'version',
    ])
    .where(withinWilayah('kode_wilayah', scopeKode))
    .execute();
}

export async function insertTpsBatch(db: Kysely<Database>, rows: NewTps[]): Promise<void> {
  if (rows.length === 0) return;
  await db.insertInto('tps').values(rows).execute();
}

/** Updates many TPS in one statement from a VALUES list (an import's changed rows). */
export async function updateTpsBatch(
  db: Kysely<Database>,
  rows: {
    id: string;
    dpt_total: number;
    dpt_laki: number | null;
    dpt_perempuan: number | null;
    alamat: string | null;
    lat: number | null;
    lon: number | null;
    akses: string;
    lokasi_khusus: string | null;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  const values = sql.join(
    rows.map(
      (r) =>
        sql`(${r.id}::uuid, ${r.dpt_total}::int, ${r.dpt_laki}::int, ${r.dpt_perempuan}::int, ${r.alamat}::text, ${r.lat}::float8, ${r.lon}::float8, ${r.akses}::text, ${r.lokasi_khusus}::text)`,
    ),
  );
  await sql`
    UPDATE tps SET dpt_total = v.dpt_total, dpt_laki = v.dpt_laki, dpt_perempuan = v.dpt_perempuan,
      alamat = v.alamat, lat = v.lat, lon = v.lon, akses = v.akses, lokasi_khusus = v.lokasi_khusus,
      is_generated = false, version = tps.version + 1, updated_at = now()
    FROM (VALUES ${values}) AS v(id, dpt_total, dpt_laki, dpt_perempuan, alamat, lat, lon, akses, lokasi_khusus)
    WHERE tps.id = v.id`.execute(db);
}

/**
 * Refreshes the planner's statistics of the TPS table. The embedded engine runs no autovacuum, so
 * after a large import its plans would be made for an empty table (measured: 95 ms instead of 13 ms
 * for a kab/kota page of a national set); on a server it saves waiting for autovacuum.
 */
export async function analyzeTps(db: Kysely<Database>): Promise<void> {
  await sql`ANALYZE tps`.execute(db);
}

export async function findImportByKey(db: Kysely<Database>, idempotencyKey: string) {
  return db
    .selectFrom('tps_import')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
}

export async function insertImport(
  db: Kysely<Database>,
  row: {
    idempotency_key: string;
    file_name: string;
    file_sha256: string;
    kode_wilayah: string;
    actor_user_id: string;
    inserted: number;
    updated: number;
    unchanged: number;
  },
) {
  return db.insertInto('tps_import').values(row).returning('id').executeTakeFirstOrThrow();
}
