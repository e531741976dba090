import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database, HariLiburTable, PemilihanTable } from '../../db/schema';

export type PemilihanRow = Selectable<PemilihanTable> & {
  nama_wilayah: string | null;
  /** The listed voting areas (pemilihan_wilayah). */
  wilayah_peserta: string[];
  /** The kelurahan of its TPS (pemilihan_tps), each once. */
  tps_wilayah: string[];
  jumlah_tps: number;
};

function withPeserta(db: Kysely<Database>) {
  return db
    .selectFrom('pemilihan as p')
    .leftJoin('wilayah as w', 'w.kode', 'p.kode_wilayah')
    .selectAll('p')
    .select([
      'w.nama as nama_wilayah',
      sql<string[]>`coalesce((SELECT json_agg(pw.kode_wilayah ORDER BY pw.kode_wilayah)
        FROM pemilihan_wilayah pw WHERE pw.pemilihan_id = p.id), '[]')`.as('wilayah_peserta'),
      sql<string[]>`coalesce((SELECT json_agg(DISTINCT t.kode_wilayah)
        FROM pemilihan_tps pt JOIN tps t ON t.id = pt.tps_id WHERE pt.pemilihan_id = p.id), '[]')`.as(
        'tps_wilayah',
      ),
      sql<number>`(SELECT count(*)::int FROM pemilihan_tps pt WHERE pt.pemilihan_id = p.id)`.as('jumlah_tps'),
    ]);
}

/** Every election with its voting areas; the service keeps those that concern the reader. */
export async function findAllPemilihan(db: Kysely<Database>): Promise<PemilihanRow[]> {
  return withPeserta(db).orderBy('p.hari_pemungutan', 'desc').orderBy('p.created_at').execute();
}

export async function findPemilihan(db: Kysely<Database>, id: string): Promise<PemilihanRow | undefined> {
  return withPeserta(db).where('p.id', '=', id).executeTakeFirst();
}

export async function findPemilihanForUpdate(db: Kysely<Database>, id: string) {
  return db.selectFrom('pemilihan').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findPemilihanByClientId(db: Kysely<Database>, clientId: string) {
  return db.selectFrom('pemilihan').select(['id']).where('client_id', '=', clientId).executeTakeFirst();
}

export async function findAnak(db: Kysely<Database>, indukId: string) {
  return db
    .selectFrom('pemilihan')
    .select(['id', 'nama', 'jenis', 'hari_pemungutan'])
    .where('induk_id', '=', indukId)
    .orderBy('hari_pemungutan')
    .execute();
}

export async function findTahapan(db: Kysely<Database>, pemilihanId: string) {
  return db
    .selectFrom('pemilihan_tahapan')
    .select(['kode', 'nama', 'mulai_on', 'selesai_on'])
    .where('pemilihan_id', '=', pemilihanId)
    .orderBy('urutan')
    .execute();
}

export async function replaceTahapan(
  db: Kysely<Database>,
  pemilihanId: string,
  tahapan: readonly { kode: string; nama: string; mulaiOn: string; selesaiOn: string }[] | null,
): Promise<void> {
  await db.deleteFrom('pemilihan_tahapan').where('pemilihan_id', '=', pemilihanId).execute();
  if (tahapan === null || tahapan.length === 0) return;
  await db
    .insertInto('pemilihan_tahapan')
    .values(
      tahapan.map((t, i) => ({
        pemilihan_id: pemilihanId,
        urutan: i + 1,
        kode: t.kode,
        nama: t.nama,
        mulai_on: t.mulaiOn,
        selesai_on: t.selesaiOn,
      })),
    )
    .execute();
}

export async function findWilayahPeserta(db: Kysely<Database>, pemilihanId: string) {
  return db
    .selectFrom('pemilihan_wilayah as pw')
    .innerJoin('wilayah as w', 'w.kode', 'pw.kode_wilayah')
    .select(['w.kode', 'w.nama'])
    .where('pw.pemilihan_id', '=', pemilihanId)
    .orderBy('w.kode')
    .execute();
}

export async function findPemilihanTps(db: Kysely<Database>, pemilihanId: string) {
  return db
    .selectFrom('pemilihan_tps as pt')
    .innerJoin('tps as t', 't.id', 'pt.tps_id')
    .select(['t.id', 't.kode', 't.nomor', 't.kode_wilayah', 'pt.alasan'])
    .where('pt.pemilihan_id', '=', pemilihanId)
    .orderBy('t.kode')
    .execute();
}

/** The kelurahan of each of these TPS (unknown ids are absent). */
export async function findTpsWilayah(db: Kysely<Database>, tpsIds: readonly string[]) {
  if (tpsIds.length === 0) return [];
  return db.selectFrom('tps').select(['id', 'kode_wilayah']).where('id', 'in', tpsIds).execute();
}

/** Areas among `kode` with their kind (kelurahan, desa, ...); unknown codes are absent. */
export async function findWilayahJenis(db: Kysely<Database>, kode: readonly string[]) {
  if (kode.length === 0) return [];
  return db.selectFrom('wilayah').select(['kode', 'jenis']).where('kode', 'in', kode).execute();
}

export async function insertPemilihan(
  db: Kysely<Database>,
  values: {
    client_id: string | null;
    nama: string;
    jenis: PemilihanTable['jenis'];
    hari_pemungutan: string;
    kode_wilayah: string | null;
    induk_id: string | null;
    catatan: string;
    is_generated?: boolean;
    ditutup_at?: Date | null;
    created_by: string | null;
  },
  peserta: { wilayah: readonly string[]; tps: readonly { tpsId: string; alasan: string }[] },
): Promise<string> {
  const { id } = await db.insertInto('pemilihan').values(values).returning('id').executeTakeFirstOrThrow();
  if (peserta.wilayah.length > 0) {
    await db
      .insertInto('pemilihan_wilayah')
      .values(peserta.wilayah.map((kode) => ({ pemilihan_id: id, kode_wilayah: kode })))
      .execute();
  }
  if (peserta.tps.length > 0) {
    await db
      .insertInto('pemilihan_tps')
      .values(peserta.tps.map((t) => ({ pemilihan_id: id, tps_id: t.tpsId, alasan: t.alasan })))
      .execute();
  }
  return id;
}

export async function updatePemilihan(
  db: Kysely<Database>,
  id: string,
  values: { nama?: string; hari_pemungutan?: string; catatan?: string; ditutup_at?: Date | null },
): Promise<void> {
  await db
    .updateTable('pemilihan')
    .set({ ...values, version: sql`version + 1` })
    .where('id', '=', id)
    .execute();
}

export async function findHariLibur(db: Kysely<Database>, tahun?: number) {
  let query = db.selectFrom('hari_libur').selectAll().orderBy('tanggal');
  if (tahun !== undefined) {
    query = query.where('tanggal', '>=', `${tahun}-01-01`).where('tanggal', '<=', `${tahun}-12-31`);
  }
  return query.execute();
}

export async function upsertHariLibur(db: Kysely<Database>, row: Selectable<HariLiburTable>) {
  const before = await db
    .selectFrom('hari_libur')
    .selectAll()
    .where('tanggal', '=', row.tanggal)
    .executeTakeFirst();
  await db
    .insertInto('hari_libur')
    .values(row)
    .onConflict((oc) =>
      oc.column('tanggal').doUpdateSet({ nama: row.nama, jenis: row.jenis, sumber: row.sumber }),
    )
    .execute();
  return before;
}

export async function deleteHariLibur(db: Kysely<Database>, tanggal: string) {
  return db.deleteFrom('hari_libur').where('tanggal', '=', tanggal).returningAll().executeTakeFirst();
}

/** Adds the official holidays of the years the table does not hold yet (bootstrap). */
export async function seedHariLibur(
  db: Kysely<Database>,
  rows: readonly Selectable<HariLiburTable>[],
): Promise<number> {
  const years = await db
    .selectFrom('hari_libur')
    .select(sql<number>`extract(year FROM tanggal)::int`.as('tahun'))
    .distinct()
    .execute();
  const held = new Set(years.map((y) => String(y.tahun)));
  const missing = rows.filter((row) => !held.has(row.tanggal.slice(0, 4)));
  if (missing.length === 0) return 0;
  await db
    .insertInto('hari_libur')
    .values([...missing])
    .onConflict((oc) => oc.column('tanggal').doNothing())
    .execute();
  return missing.length;
}

/** Of these elections, those a TPS votes in (the one rule, siaga_pemilihan_memuat: db/pemilihan-tps.ts). */
export async function findPemilihanMemuatTps(db: Kysely<Database>, ids: readonly string[], tpsId: string) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('pemilihan as p')
    .innerJoin('tps as t', (join) => join.on('t.id', '=', tpsId))
    .select('p.id')
    .where('p.id', 'in', ids)
    .where(sql<boolean>`siaga_pemilihan_memuat(p.id, t.id, t.kode_wilayah)`)
    .execute();
}
