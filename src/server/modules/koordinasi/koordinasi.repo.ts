/**
 * The SQL of a region's koordinasi settings: its stage offsets and turnout figures per election, its
 * Forkopimda (shared by every election it holds) and its readiness checklist. The other subjects'
 * SQL: koordinasi-rakor.repo.ts, koordinasi-tindak-lanjut.repo.ts, koordinasi-imbauan.repo.ts,
 * koordinasi-nphd.repo.ts.
 */
import { sql, type Kysely } from 'kysely';
import type { Agency } from '../../../domain/access/roles';
import type { SatuanPolri, StatusKepalaDaerah } from '../../../domain/koordinasi/rakor';
import type { TahapanTemplate } from '../../../domain/koordinasi/tahapan';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

/** A region's stage offsets and turnout figures in an election. */
export async function findRegion(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('koordinasi_region_pemilihan')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .executeTakeFirst();
}

export async function upsertRegion(
  db: Db,
  pemilihanId: string,
  kode: string,
  change: {
    tahapan?: readonly TahapanTemplate[] | null;
    target_partisipasi?: number | null;
    partisipasi?: number | null;
    psu_count?: number | null;
    updated_by: string;
  },
): Promise<void> {
  const { tahapan, ...rest } = change;
  const values = {
    ...rest,
    ...(tahapan === undefined ? {} : { tahapan: tahapan === null ? null : JSON.stringify(tahapan) }),
  };
  await db
    .insertInto('koordinasi_region_pemilihan')
    .values({ pemilihan_id: pemilihanId, kode_wilayah: kode, ...values })
    .onConflict((oc) =>
      oc.columns(['pemilihan_id', 'kode_wilayah']).doUpdateSet({ ...values, updated_at: sql`now()` }),
    )
    .execute();
}

/** A region's Forkopimda, shared by every election it holds. */
export async function findForkopimda(db: Db, kode: string) {
  return db.selectFrom('koordinasi_region').selectAll().where('kode_wilayah', '=', kode).executeTakeFirst();
}

export async function upsertForkopimda(
  db: Db,
  kode: string,
  change: {
    status_kepala_daerah: StatusKepalaDaerah;
    satuan_polri: SatuanPolri;
    ada_lanal: boolean;
    updated_by: string;
  },
): Promise<void> {
  await db
    .insertInto('koordinasi_region')
    .values({ kode_wilayah: kode, ...change })
    .onConflict((oc) => oc.column('kode_wilayah').doUpdateSet({ ...change, updated_at: sql`now()` }))
    .execute();
}

export async function insertKesiapanItems(
  db: Db,
  rows: {
    pemilihan_id: string;
    kode_wilayah: string;
    kode: string;
    judul: string;
    agency: Agency;
    due_offset: number;
  }[],
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await db
    .insertInto('kesiapan_item')
    .values(rows)
    .onConflict((oc) => oc.columns(['pemilihan_id', 'kode_wilayah', 'kode']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0);
}

export async function findKesiapan(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('kesiapan_item')
    .select(['id', 'kode_wilayah', 'kode', 'judul', 'agency', 'due_offset', 'done_on', 'catatan'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .orderBy('due_offset')
    .orderBy('kode')
    .execute();
}

export async function findKesiapanItem(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('kesiapan_item')
    .selectAll()
    .where('id', '=', id)
    .where('pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function updateKesiapanItem(
  db: Db,
  id: string,
  change: { done_on: string | null; done_by: string | null; catatan: string | null },
): Promise<void> {
  await db.updateTable('kesiapan_item').set(change).where('id', '=', id).execute();
}
