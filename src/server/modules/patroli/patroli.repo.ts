/** SQL of the patroli module: patrols of an election and their append-only log. */
import type { Insertable, Kysely } from 'kysely';
import type { StatusPatroli } from '../../../domain/patroli/patroli';
import type { Database, PatroliLogTable, PatroliTable } from '../../db/schema';
import { relatedToWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

function patroliQuery(db: Db, pemilihanId: string) {
  return db
    .selectFrom('patroli as p')
    .innerJoin('wilayah as w', 'w.kode', 'p.kode_wilayah')
    .select([
      'p.id',
      'p.pemilihan_id',
      'p.nama',
      'p.kode_wilayah',
      'w.nama as nama_wilayah',
      'p.unsur',
      'p.tujuan',
      'p.sasaran',
      'p.mulai_at',
      'p.selesai_at',
      'p.status',
      'p.version',
      (eb) =>
        eb
          .selectFrom('patroli_log as l')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('l.patroli_id', '=', 'p.id')
          .where('l.aksi', '=', 'titik')
          .as('jumlah_titik'),
      (eb) =>
        eb
          .selectFrom('patroli_log as l')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('l.patroli_id', '=', 'p.id')
          .where('l.aksi', '=', 'temuan')
          .as('jumlah_temuan'),
    ])
    .where('p.pemilihan_id', '=', pemilihanId);
}

/** Patrols whose area concerns `kode` (at or below it, or one of its ancestors), latest first. */
export async function findPatroliRelated(db: Db, pemilihanId: string, kode: string | null) {
  let q = patroliQuery(db, pemilihanId);
  if (kode !== null) q = q.where(relatedToWilayah('p.kode_wilayah', kode));
  return q.orderBy('p.mulai_at', 'desc').orderBy('p.id').limit(200).execute();
}
export type PatroliRow = Awaited<ReturnType<typeof findPatroliRelated>>[number];

export async function findPatroli(db: Db, pemilihanId: string, id: string) {
  return patroliQuery(db, pemilihanId).where('p.id', '=', id).executeTakeFirst();
}

export async function findPatroliForUpdate(db: Db, id: string) {
  return db.selectFrom('patroli').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findPatroliByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('patroli')
    .select(['id', 'pemilihan_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertPatroli(db: Db, row: Insertable<PatroliTable>): Promise<string> {
  const { id } = await db.insertInto('patroli').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function setStatus(db: Db, id: string, status: StatusPatroli) {
  await db
    .updateTable('patroli')
    .set((eb) => ({ status, version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .execute();
}

export async function findLogByClientId(db: Db, userId: string, clientId: string) {
  return db
    .selectFrom('patroli_log')
    .select(['id', 'patroli_id', 'kejadian_id'])
    .where('created_by', '=', userId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function insertLog(db: Db, row: Insertable<PatroliLogTable>): Promise<string> {
  const { id } = await db.insertInto('patroli_log').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function findLog(db: Db, patroliId: string) {
  return db
    .selectFrom('patroli_log as l')
    .leftJoin('wilayah as w', 'w.kode', 'l.kode_wilayah')
    .select([
      'l.id',
      'l.client_id',
      'l.aksi',
      'l.dicatat_at',
      'l.kode_wilayah',
      'w.nama as nama_wilayah',
      'l.lat',
      'l.lon',
      'l.uraian',
      'l.kategori',
      'l.kejadian_id',
      'l.created_by',
    ])
    .where('l.patroli_id', '=', patroliId)
    .orderBy('l.dicatat_at')
    .orderBy('l.created_at')
    .execute();
}
export type LogRow = Awaited<ReturnType<typeof findLog>>[number];

export async function findLogEntryForUpdate(db: Db, patroliId: string, logId: string) {
  return db
    .selectFrom('patroli_log')
    .selectAll()
    .where('patroli_id', '=', patroliId)
    .where('id', '=', logId)
    .forUpdate()
    .executeTakeFirst();
}

export async function linkKejadian(db: Db, logId: string, kejadianId: string) {
  await db.updateTable('patroli_log').set({ kejadian_id: kejadianId }).where('id', '=', logId).execute();
}

/**
 * The places logged in [from, to) by the patrols of an election whose area concerns `kode`: the
 * week's coverage (served by patroli_wilayah_idx and patroli_log_patroli_idx).
 */
export async function findLintasan(db: Db, pemilihanId: string, kode: string, from: Date, to: Date) {
  return db
    .selectFrom('patroli_log as l')
    .innerJoin('patroli as p', 'p.id', 'l.patroli_id')
    .select(['l.patroli_id', 'l.kode_wilayah', 'l.dicatat_at'])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where(relatedToWilayah('p.kode_wilayah', kode))
    .where('l.kode_wilayah', 'is not', null)
    .where('l.dicatat_at', '>=', from)
    .where('l.dicatat_at', '<', to)
    .execute();
}
