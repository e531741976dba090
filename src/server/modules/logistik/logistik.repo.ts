/** SQL of distribusi logistik: legs, handovers (append-only), their files, warnings. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Database, LogistikLegTable, LogistikPeringatanTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

/** Legs of a kab/kota in an election, in departure order. */
export async function findLegs(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('logistik_leg')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .orderBy('berangkat')
    .orderBy('id')
    .execute();
}
export type LegRow = Awaited<ReturnType<typeof findLegs>>[number];

export async function findLeg(db: Db, id: string) {
  return db.selectFrom('logistik_leg').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLegByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('logistik_leg')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export type NewLeg = Insertable<LogistikLegTable>;

export async function insertLeg(db: Db, row: NewLeg) {
  return db
    .insertInto('logistik_leg')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function insertLegs(db: Db, rows: readonly NewLeg[]) {
  if (rows.length === 0) return [];
  return db
    .insertInto('logistik_leg')
    .values([...rows])
    .returningAll()
    .execute();
}

export async function updateLeg(
  db: Db,
  id: string,
  version: number,
  set: Omit<NewLeg, 'pemilihan_id' | 'client_id' | 'kode_kabkota' | 'created_by'>,
) {
  return db
    .updateTable('logistik_leg')
    .set({ ...set, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

export async function setSebelumnya(db: Db, id: string, sebelumnyaId: string): Promise<void> {
  await db.updateTable('logistik_leg').set({ sebelumnya_id: sebelumnyaId }).where('id', '=', id).execute();
}

export async function deleteLeg(db: Db, id: string, version: number) {
  return db
    .deleteFrom('logistik_leg')
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Whether a leg has a handover or a continuation (then it is part of the record and stays). */
export async function legInUse(db: Db, id: string): Promise<boolean> {
  const row = await db
    .selectNoFrom((eb) => [
      eb.exists(eb.selectFrom('logistik_serah_terima').select('id').where('leg_id', '=', id)).as('st'),
      eb.exists(eb.selectFrom('logistik_leg').select('id').where('sebelumnya_id', '=', id)).as('next'),
    ])
    .executeTakeFirstOrThrow();
  return Boolean(row.st) || Boolean(row.next);
}

/** The TPS a leg names, by kelurahan and number, when it exists. */
export async function findTps(db: Db, kodeWilayah: string, nomor: number) {
  return db
    .selectFrom('tps')
    .select(['id', 'lat', 'lon'])
    .where('kode_wilayah', '=', kodeWilayah)
    .where('nomor', '=', nomor)
    .executeTakeFirst();
}

/** Names of the kab/kota's areas (for the board and the import by name). */
export async function findAreas(db: Db, kodeKabKota: string) {
  return db
    .selectFrom('wilayah')
    .select(['kode', 'nama', 'level'])
    .where(withinWilayah('kode', kodeKabKota))
    .execute();
}

/** The located TPS of a kab/kota, to place its legs' points on the map (domain/logistik/titik-peta.ts). */
export async function findTpsTitik(db: Db, kodeKabKota: string) {
  const rows = await db
    .selectFrom('tps')
    .select(['kode_wilayah', 'nomor', 'lat', 'lon'])
    .where(withinWilayah('kode_wilayah', kodeKabKota))
    .where('lat', 'is not', null)
    .where('lon', 'is not', null)
    .execute();
  return rows.map((r) => ({ kodeWilayah: r.kode_wilayah, nomor: r.nomor, lat: r.lat!, lon: r.lon! }));
}

export async function findSerahTerimaOfLegs(db: Db, legIds: readonly string[]) {
  if (legIds.length === 0) return [];
  return db
    .selectFrom('logistik_serah_terima')
    .selectAll()
    .where('leg_id', 'in', legIds)
    .orderBy('dicatat_pada')
    .orderBy('id')
    .execute();
}
export type SerahTerimaRow = Awaited<ReturnType<typeof findSerahTerimaOfLegs>>[number];

export async function findSerahTerima(db: Db, id: string) {
  return db.selectFrom('logistik_serah_terima').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSerahTerimaByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('logistik_serah_terima')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertSerahTerima(
  db: Db,
  row: Omit<Insertable<Database['logistik_serah_terima']>, 'segel'> & { segel: readonly string[] },
) {
  return db
    .insertInto('logistik_serah_terima')
    .values({ ...row, segel: JSON.stringify(row.segel) })
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

/** Attaches a photo or signature to a handover that has none yet; undefined when it already has one. */
export async function attachBerkas(db: Db, id: string, kind: 'foto' | 'ttd', sha256: string) {
  const column = kind === 'foto' ? 'foto_sha256' : 'ttd_sha256';
  return db
    .updateTable('logistik_serah_terima')
    .set({ [column]: sha256 })
    .where('id', '=', id)
    .where(column, 'is', null)
    .returning('id')
    .executeTakeFirst();
}

export async function insertPeringatan(db: Db, row: Insertable<LogistikPeringatanTable>) {
  return db
    .insertInto('logistik_peringatan')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returningAll()
    .executeTakeFirst();
}

export async function findPeringatanByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('logistik_peringatan')
    .selectAll()
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/** Warnings of a kab/kota in an election, by start. */
export async function findPeringatan(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('logistik_peringatan')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .orderBy('mulai')
    .orderBy('id')
    .execute();
}
export type PeringatanRow = Awaited<ReturnType<typeof findPeringatan>>[number];
