/** SQL of the kampanye module: paslon, campaign events and posko of one election. */
import type { Insertable, Kysely } from 'kysely';
import type { Database, KampanyeKegiatanTable, PaslonTable, PoskoPaslonTable } from '../../db/schema';
import { relatedToWilayah, withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function findPaslonByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('paslon')
    .select(['id', 'pemilihan_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertPaslon(db: Db, row: Insertable<PaslonTable>): Promise<string> {
  const { id } = await db.insertInto('paslon').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

function paslonQuery(db: Db, pemilihanId: string) {
  return db
    .selectFrom('paslon')
    .innerJoin('wilayah', 'wilayah.kode', 'paslon.kode_wilayah')
    .select([
      'paslon.id',
      'paslon.pemilihan_id',
      'paslon.kode_wilayah',
      'wilayah.nama as nama_wilayah',
      'paslon.nomor_urut',
      'paslon.nama',
    ])
    .where('paslon.pemilihan_id', '=', pemilihanId);
}

/**
 * The paslon of the contests that concern an area: a contest's region at, above or below it (the
 * governor's pairs campaign in every kab/kota of the province).
 */
export async function findPaslonRelated(db: Db, pemilihanId: string, kode: string | null) {
  let q = paslonQuery(db, pemilihanId);
  if (kode !== null) q = q.where(relatedToWilayah('paslon.kode_wilayah', kode));
  return q.orderBy('paslon.kode_wilayah').orderBy('paslon.nomor_urut').execute();
}

export async function findPaslon(db: Db, pemilihanId: string, id: string) {
  return paslonQuery(db, pemilihanId).where('paslon.id', '=', id).executeTakeFirst();
}
export type PaslonRow = NonNullable<Awaited<ReturnType<typeof findPaslon>>>;

export async function findKegiatanByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('kampanye_kegiatan')
    .select(['id', 'pemilihan_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertKegiatan(db: Db, rows: Insertable<KampanyeKegiatanTable>[]): Promise<string[]> {
  if (rows.length === 0) return [];
  const inserted = await db.insertInto('kampanye_kegiatan').values(rows).returning('id').execute();
  return inserted.map((r) => r.id);
}

function kegiatanQuery(db: Db, pemilihanId: string) {
  return db
    .selectFrom('kampanye_kegiatan as k')
    .innerJoin('wilayah as w', 'w.kode', 'k.kode_wilayah')
    .leftJoin('paslon as p', 'p.id', 'k.paslon_id')
    .select([
      'k.id',
      'k.pemilihan_id',
      'k.jenis',
      'k.paslon_id',
      'p.nomor_urut',
      'p.nama as nama_paslon',
      'k.judul',
      'k.kode_wilayah',
      'w.nama as nama_wilayah',
      'k.tempat',
      'k.alamat',
      'k.mulai_at',
      'k.selesai_at',
      'k.sttp_nomor',
      'k.perkiraan_massa',
      'k.kontak',
      'k.dibatalkan_at',
      'k.version',
    ])
    .where('k.pemilihan_id', '=', pemilihanId);
}

/** The events of an area (null: the nation) in an election, in time order. */
export async function findKegiatanWithin(db: Db, pemilihanId: string, kode: string | null) {
  let q = kegiatanQuery(db, pemilihanId);
  if (kode !== null) q = q.where(withinWilayah('k.kode_wilayah', kode));
  return q.orderBy('k.mulai_at').orderBy('k.id').execute();
}
export type KegiatanRow = Awaited<ReturnType<typeof findKegiatanWithin>>[number];

export async function findKegiatan(db: Db, pemilihanId: string, id: string) {
  return kegiatanQuery(db, pemilihanId).where('k.id', '=', id).executeTakeFirst();
}

export async function findKegiatanForUpdate(db: Db, id: string) {
  return db.selectFrom('kampanye_kegiatan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function cancelKegiatan(db: Db, id: string, at: Date, alasan: string) {
  await db
    .updateTable('kampanye_kegiatan')
    .set((eb) => ({ dibatalkan_at: at, alasan_batal: alasan, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function findPoskoByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('posko_paslon')
    .select(['id', 'pemilihan_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertPosko(db: Db, row: Insertable<PoskoPaslonTable>): Promise<string> {
  const { id } = await db.insertInto('posko_paslon').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

function poskoQuery(db: Db, pemilihanId: string) {
  return db
    .selectFrom('posko_paslon as k')
    .innerJoin('wilayah as w', 'w.kode', 'k.kode_wilayah')
    .innerJoin('paslon as p', 'p.id', 'k.paslon_id')
    .select([
      'k.id',
      'k.paslon_id',
      'p.nomor_urut',
      'p.nama as nama_paslon',
      'k.nama',
      'k.kode_wilayah',
      'w.nama as nama_wilayah',
      'k.lat',
      'k.lon',
      'k.alamat',
      'k.kontak_nama',
      'k.kontak_telepon',
      'k.jaga_mulai',
      'k.jaga_selesai',
      'k.kebutuhan_polri',
      'k.version',
    ])
    .where('k.pemilihan_id', '=', pemilihanId);
}

export async function findPoskoWithin(db: Db, pemilihanId: string, kode: string | null) {
  let q = poskoQuery(db, pemilihanId);
  if (kode !== null) q = q.where(withinWilayah('k.kode_wilayah', kode));
  return q.orderBy('p.nomor_urut').orderBy('k.nama').execute();
}

export async function findPosko(db: Db, pemilihanId: string, id: string) {
  return poskoQuery(db, pemilihanId).where('k.id', '=', id).executeTakeFirst();
}
export type PoskoRow = NonNullable<Awaited<ReturnType<typeof findPosko>>>;

/** The posko locked for a change of its guard. */
export async function findPoskoForUpdate(db: Db, id: string) {
  return db.selectFrom('posko_paslon').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function updatePoskoJaga(
  db: Db,
  id: string,
  jaga: { jaga_mulai: Date; jaga_selesai: Date; kebutuhan_polri: number },
): Promise<void> {
  await db
    .updateTable('posko_paslon')
    .set((eb) => ({ ...jaga, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}
