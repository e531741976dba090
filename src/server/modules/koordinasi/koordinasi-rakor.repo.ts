/**
 * The SQL of rakor: the meeting once per client id, its invitees and their attendance, its minutes
 * (once per client id), its optimistic version, and the meetings held in a region.
 */
import type { Kysely } from 'kysely';
import type { RakorDetail } from '../../../contracts/koordinasi';
import type { Agency } from '../../../domain/access/roles';
import type { JenisRakor, Kehadiran } from '../../../domain/koordinasi/rakor';
import type { Database } from '../../db/schema';
import { visibleFrom, withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function insertRakor(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    kode_wilayah: string;
    jenis: JenisRakor;
    judul: string;
    tempat: string;
    mulai_at: Date;
    created_by: string;
  },
): Promise<{ id: string }> {
  // A second copy of the client id fails on its unique index: createOnce answers with the first.
  return db.insertInto('rakor').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findRakorIdByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('rakor')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertPeserta(
  db: Db,
  rows: { rakor_id: string; urutan: number; jabatan: string; agency: Agency }[],
): Promise<void> {
  if (rows.length > 0) await db.insertInto('rakor_peserta').values(rows).execute();
}

const rakorColumns = [
  'rakor.id',
  'rakor.kode_wilayah',
  'w.nama as nama_wilayah',
  'rakor.jenis',
  'rakor.judul',
  'rakor.tempat',
  'rakor.mulai_at',
  'rakor.status',
  'rakor.version',
] as const;

/** A rakor of the election; another election's answers nothing. */
export async function findRakor(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('rakor')
    .innerJoin('wilayah as w', 'w.kode', 'rakor.kode_wilayah')
    .select(rakorColumns)
    .where('rakor.id', '=', id)
    .where('rakor.pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findRakorPage(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('rakor')
    .where('rakor.pemilihan_id', '=', pemilihanId)
    .where(visibleFrom('rakor.kode_wilayah', scope));
  const [items, total] = await Promise.all([
    base
      .innerJoin('wilayah as w', 'w.kode', 'rakor.kode_wilayah')
      .select(rakorColumns)
      .orderBy('rakor.mulai_at', 'desc')
      .orderBy('rakor.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findPeserta(db: Db, rakorId: string) {
  return db
    .selectFrom('rakor_peserta')
    .select(['id', 'jabatan', 'agency', 'kehadiran', 'diwakili_oleh'])
    .where('rakor_id', '=', rakorId)
    .orderBy('urutan')
    .execute();
}

export async function updateKehadiran(
  db: Db,
  rakorId: string,
  entry: { pesertaId: string; kehadiran: Kehadiran; diwakiliOleh: string | null },
): Promise<number> {
  const result = await db
    .updateTable('rakor_peserta')
    .set({ kehadiran: entry.kehadiran, diwakili_oleh: entry.diwakiliOleh })
    .where('id', '=', entry.pesertaId)
    .where('rakor_id', '=', rakorId)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Optimistic version step of a rakor; 0 when someone else changed it first. */
export async function bumpRakor(
  db: Db,
  id: string,
  version: number,
  status?: RakorDetail['status'],
): Promise<number> {
  const result = await db
    .updateTable('rakor')
    .set((eb) => ({ version: eb('version', '+', 1), ...(status === undefined ? {} : { status }) }))
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function insertCatatan(
  db: Db,
  row: { client_id: string; rakor_id: string; pembicara: string; pokok: string; created_by: string },
): Promise<boolean> {
  const inserted = await db
    .insertInto('rakor_catatan')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function findCatatan(db: Db, rakorId: string) {
  return db
    .selectFrom('rakor_catatan')
    .select(['id', 'pembicara', 'pokok', 'created_at'])
    .where('rakor_id', '=', rakorId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function countRakorSelesai(db: Db, pemilihanId: string, kode: string) {
  const row = await db
    .selectFrom('rakor')
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .where('status', '=', 'selesai')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}
