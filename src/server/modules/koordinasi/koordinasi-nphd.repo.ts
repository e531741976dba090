/**
 * The SQL of NPHD: one agreement per election, kab/kota and recipient (upserted), and its
 * disbursements and realised spending (once per client id).
 */
import { sql, type Kysely } from 'kysely';
import type { JenisTransaksiNphd } from '../../../contracts/koordinasi';
import type { PenerimaNphd } from '../../../domain/koordinasi/nphd';
import type { Database } from '../../db/schema';

type Db = Kysely<Database>;

export async function findNphdOf(db: Db, pemilihanId: string, kode: string) {
  return db
    .selectFrom('nphd')
    .select(['id', 'penerima', 'nomor', 'nilai', 'ditandatangani_on'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .execute();
}

export async function findNphdById(db: Db, pemilihanId: string, id: string) {
  return db
    .selectFrom('nphd')
    .selectAll()
    .where('id', '=', id)
    .where('pemilihan_id', '=', pemilihanId)
    .executeTakeFirst();
}

export async function findNphdTransaksi(db: Db, nphdIds: readonly string[]) {
  if (nphdIds.length === 0) return [];
  return db
    .selectFrom('nphd_transaksi')
    .select(['id', 'nphd_id', 'jenis', 'nilai', 'tanggal', 'keterangan'])
    .where('nphd_id', 'in', [...nphdIds])
    .orderBy('tanggal')
    .orderBy('created_at')
    .execute();
}

export async function upsertNphd(
  db: Db,
  row: {
    pemilihan_id: string;
    kode_wilayah: string;
    penerima: PenerimaNphd;
    nomor: string;
    nilai: number;
    ditandatangani_on: string | null;
    updated_by: string;
  },
) {
  return db
    .insertInto('nphd')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['pemilihan_id', 'kode_wilayah', 'penerima']).doUpdateSet({
        nomor: row.nomor,
        nilai: row.nilai,
        ditandatangani_on: row.ditandatangani_on,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function insertNphdTransaksi(
  db: Db,
  row: {
    client_id: string;
    nphd_id: string;
    jenis: JenisTransaksiNphd;
    nilai: number;
    tanggal: string;
    keterangan: string;
    created_by: string;
  },
): Promise<boolean> {
  const inserted = await db
    .insertInto('nphd_transaksi')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}
