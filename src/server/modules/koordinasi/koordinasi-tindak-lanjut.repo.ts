/**
 * The SQL of tindak lanjut (a rakor's decisions and other action items): insert once per client id,
 * read with their rakor and wilayah, pages by state, the counts the dashboard and the indicators
 * show, the close under its version, and the live items readiness counts.
 */
import { sql, type Kysely } from 'kysely';
import type { Agency } from '../../../domain/access/roles';
import type { TindakLanjutStatus } from '../../../domain/koordinasi/tindak-lanjut';
import type { Database } from '../../db/schema';
import { visibleFrom, withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function insertTindakLanjut(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    rakor_id: string | null;
    kode_wilayah: string;
    keputusan: string;
    owner_agency: Agency;
    due_on: string;
    created_by: string;
  },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('tindak_lanjut')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

function tindakLanjutQuery(db: Db) {
  return db
    .selectFrom('tindak_lanjut as t')
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .leftJoin('rakor as r', 'r.id', 't.rakor_id')
    .leftJoin('app_user as u', 'u.id', 't.selesai_by')
    .select([
      't.id',
      't.rakor_id',
      'r.judul as rakor_judul',
      't.kode_wilayah',
      'w.nama as nama_wilayah',
      't.keputusan',
      't.owner_agency',
      't.due_on',
      't.status',
      't.catatan_selesai',
      't.selesai_at',
      'u.username as selesai_by',
      't.version',
      't.pemilihan_id',
    ]);
}
export type TindakLanjutRow = NonNullable<Awaited<ReturnType<typeof findTindakLanjut>>>;

export async function findTindakLanjut(db: Db, pemilihanId: string, id: string) {
  return tindakLanjutQuery(db)
    .where('t.id', '=', id)
    .where('t.pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findTindakLanjutByClientId(db: Db, clientId: string) {
  return tindakLanjutQuery(db).where('t.client_id', '=', clientId).executeTakeFirst();
}

export async function findKeputusanOf(db: Db, rakorId: string) {
  return tindakLanjutQuery(db)
    .where('t.rakor_id', '=', rakorId)
    .orderBy('t.created_at')
    .orderBy('t.id')
    .execute();
}

/** Open items at or below a wilayah that did not come from `exceptRakorId`: the carried-over agenda. */
export async function findOpenTindakLanjutWithin(
  db: Db,
  pemilihanId: string,
  kode: string,
  exceptRakorId: string,
) {
  return tindakLanjutQuery(db)
    .where('t.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('t.kode_wilayah', kode))
    .where('t.status', '=', 'terbuka')
    .where((eb) => eb.or([eb('t.rakor_id', 'is', null), eb('t.rakor_id', '!=', exceptRakorId)]))
    .orderBy('t.due_on')
    .limit(200)
    .execute();
}

export async function findTindakLanjutPage(
  db: Db,
  filter: {
    pemilihanId: string;
    scope: string | null;
    kode?: string | undefined;
    agency?: Agency | undefined;
    state: 'terbuka' | 'terlambat' | 'selesai' | 'semua';
    today: string;
  },
  page: { page: number; pageSize: number },
) {
  let base = db
    .selectFrom('tindak_lanjut as t')
    .where('t.pemilihan_id', '=', filter.pemilihanId)
    .where(visibleFrom('t.kode_wilayah', filter.scope));
  if (filter.kode !== undefined) base = base.where(withinWilayah('t.kode_wilayah', filter.kode));
  if (filter.agency !== undefined) base = base.where('t.owner_agency', '=', filter.agency);
  if (filter.state === 'terbuka') base = base.where('t.status', '=', 'terbuka');
  if (filter.state === 'selesai') base = base.where('t.status', '=', 'selesai');
  if (filter.state === 'terlambat')
    base = base.where('t.status', '=', 'terbuka').where('t.due_on', '<', filter.today);
  const ids = base.select('t.id');
  const [items, total] = await Promise.all([
    tindakLanjutQuery(db)
      .where('t.id', 'in', ids)
      .orderBy('t.due_on')
      .orderBy('t.id')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function countTindakLanjutFor(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  agency: Agency,
  today: string,
) {
  return db
    .selectFrom('tindak_lanjut as t')
    .where('t.pemilihan_id', '=', pemilihanId)
    .where(visibleFrom('t.kode_wilayah', scope))
    .where('t.owner_agency', '=', agency)
    .where('t.status', '=', 'terbuka')
    .select((eb) => [
      eb.fn.countAll<number>().as('terbuka'),
      eb.fn.sum<number>(sql`CASE WHEN t.due_on < ${today}::date THEN 1 ELSE 0 END`).as('terlambat'),
    ])
    .executeTakeFirstOrThrow();
}

export async function countLateTindakLanjutWithin(db: Db, pemilihanId: string, kode: string, today: string) {
  const row = await db
    .selectFrom('tindak_lanjut')
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .where('status', '=', 'terbuka')
    .where('due_on', '<', today)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return row.n;
}

export async function closeTindakLanjut(
  db: Db,
  id: string,
  version: number,
  change: { status: TindakLanjutStatus; catatan: string; by: string; at: Date },
): Promise<number> {
  const result = await db
    .updateTable('tindak_lanjut')
    .set((eb) => ({
      status: change.status,
      catatan_selesai: change.catatan === '' ? null : change.catatan,
      selesai_at: change.at,
      selesai_by: change.by,
      version: eb('version', '+', 1),
    }))
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'terbuka')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Every live action item of a kab/kota in an election, for readiness (a few hundred at most). */
export async function findTindakLanjutForReadiness(db: Db, pemilihanId: string, kabKota: string) {
  return db
    .selectFrom('tindak_lanjut')
    .select(['id', 'owner_agency', 'due_on', 'status', 'selesai_at'])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .where('status', '!=', 'batal')
    .execute();
}
