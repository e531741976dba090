/** SQL of laporan berjenjang: situation reports, the region's schedule, children for roll-ups. */
import { sql, type Kysely } from 'kysely';
import type { Laporan } from '../../../contracts/laporan';
import type { JadwalLaporan } from '../../../domain/laporan/jadwal';
import type { HitunganSituasi, LevelSituasi, RollUpSituasi } from '../../../domain/laporan/situasi';
import type { Database } from '../../db/schema';
import { visibleFrom, withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function findJadwal(db: Db, pemilihanId: string, kabKota: string) {
  return db
    .selectFrom('laporan_jadwal')
    .select('jadwal')
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kabKota)
    .executeTakeFirst();
}

export async function upsertJadwal(
  db: Db,
  pemilihanId: string,
  kabKota: string,
  jadwal: JadwalLaporan,
  by: string,
) {
  const value = JSON.stringify(jadwal);
  await db
    .insertInto('laporan_jadwal')
    .values({ pemilihan_id: pemilihanId, kode_wilayah: kabKota, jadwal: value, updated_by: by })
    .onConflict((oc) =>
      oc
        .columns(['pemilihan_id', 'kode_wilayah'])
        .doUpdateSet({ jadwal: value, updated_by: by, updated_at: sql`now()` }),
    )
    .execute();
}

export async function findSebutanLevel(db: Db, kabKota: string) {
  return db
    .selectFrom('laporan_sebutan_level')
    .select(['kondusif', 'waspada', 'genting'])
    .where('kode_wilayah', '=', kabKota)
    .executeTakeFirst();
}

export async function upsertSebutanLevel(
  db: Db,
  kabKota: string,
  words: { kondusif: string; waspada: string; genting: string },
  by: string,
) {
  await db
    .insertInto('laporan_sebutan_level')
    .values({ kode_wilayah: kabKota, ...words, updated_by: by })
    .onConflict((oc) =>
      oc.column('kode_wilayah').doUpdateSet({ ...words, updated_by: by, updated_at: sql`now()` }),
    )
    .execute();
}

export async function deleteSebutanLevel(db: Db, kabKota: string) {
  await db.deleteFrom('laporan_sebutan_level').where('kode_wilayah', '=', kabKota).execute();
}

function laporanQuery(db: Db) {
  return db
    .selectFrom('laporan_situasi as l')
    .innerJoin('wilayah as w', 'w.kode', 'l.kode_wilayah')
    .innerJoin('app_user as u', 'u.id', 'l.submitted_by')
    .select([
      'l.id',
      'l.pemilihan_id',
      'l.kode_wilayah',
      'w.nama as nama_wilayah',
      'l.slot_at',
      'l.situasi',
      'l.uraian',
      'l.jumlah',
      'l.status',
      'l.via',
      'l.dibuat_at',
      'l.diterima_at',
      'l.versi',
      'l.dikoreksi_at',
      'l.diganti_at',
      'u.nama as pelapor',
    ]);
}
export type LaporanRow = NonNullable<Awaited<ReturnType<typeof findLaporan>>>;

export async function findLaporan(db: Db, pemilihanId: string, id: string) {
  return laporanQuery(db).where('l.pemilihan_id', '=', pemilihanId).where('l.id', '=', id).executeTakeFirst();
}

export async function findLaporanByClientId(db: Db, clientId: string) {
  return laporanQuery(db).where('l.client_id', '=', clientId).executeTakeFirst();
}

/** The version that counts for an area and period (the newest; earlier ones have diganti_at). */
export async function findLaporanForSlot(db: Db, pemilihanId: string, kode: string, slotAt: Date) {
  return laporanQuery(db)
    .where('l.pemilihan_id', '=', pemilihanId)
    .where('l.kode_wilayah', '=', kode)
    .where('l.slot_at', '=', slotAt)
    .where('l.diganti_at', 'is', null)
    .executeTakeFirst();
}

/** Every version of an area's report for one period, newest first. */
export async function findVersions(db: Db, pemilihanId: string, kode: string, slotAt: Date) {
  return laporanQuery(db)
    .where('l.pemilihan_id', '=', pemilihanId)
    .where('l.kode_wilayah', '=', kode)
    .where('l.slot_at', '=', slotAt)
    .orderBy('l.versi', 'desc')
    .execute();
}

/** The version a correction names, by its id or its client id (a phone may know only the latter). */
export async function findLaporanByIdOrClientId(db: Db, pemilihanId: string, ref: string) {
  return laporanQuery(db)
    .where('l.pemilihan_id', '=', pemilihanId)
    .where((eb) => eb.or([eb('l.id', '=', ref), eb('l.client_id', '=', ref)]))
    .executeTakeFirst();
}

/** Locks the current version of an area's period for a correction; its id, or none. */
export async function lockCurrentVersion(db: Db, pemilihanId: string, kode: string, slotAt: Date) {
  return db
    .selectFrom('laporan_situasi')
    .select(['id', 'versi', 'dibuat_at'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .where('slot_at', '=', slotAt)
    .where('diganti_at', 'is', null)
    .forUpdate()
    .executeTakeFirst();
}

export async function markReplaced(db: Db, id: string, at: Date): Promise<void> {
  await db.updateTable('laporan_situasi').set({ diganti_at: at }).where('id', '=', id).execute();
}

/** The slots an area already reported for, between two instants. */
export async function findSubmittedSlots(
  db: Db,
  pemilihanId: string,
  kode: string,
  from: Date,
  to: Date,
): Promise<Date[]> {
  const rows = await db
    .selectFrom('laporan_situasi')
    .select('slot_at')
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_wilayah', '=', kode)
    .where('diganti_at', 'is', null)
    .where('slot_at', '>=', from)
    .where('slot_at', '<=', to)
    .execute();
  return rows.map((r) => new Date(r.slot_at));
}

export async function insertLaporan(
  db: Db,
  row: {
    client_id: string;
    pemilihan_id: string;
    kode_wilayah: string;
    slot_at: Date;
    situasi: LevelSituasi;
    uraian: string;
    jumlah: HitunganSituasi;
    rollup: RollUpSituasi | null;
    via: 'web' | 'sms';
    dibuat_at: Date;
    submitted_by: string;
    /** For a correction: its version number and when it was written. */
    versi?: number;
    dikoreksi_at?: Date;
  },
): Promise<{ id: string }> {
  // A second copy of a client id fails on its unique index: cross-cutting/create-once answers it.
  return db
    .insertInto('laporan_situasi')
    .values({
      ...row,
      jumlah: JSON.stringify(row.jumlah),
      rollup: row.rollup === null ? null : JSON.stringify(row.rollup),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Children of an area with their report for one slot (null when none). */
export async function findChildrenWithReport(db: Db, pemilihanId: string, parentKode: string, slotAt: Date) {
  const children = await db
    .selectFrom('wilayah')
    .select(['kode', 'nama'])
    .where('parent_kode', '=', parentKode)
    .orderBy('kode')
    .execute();
  const reports = await laporanQuery(db)
    .where('l.pemilihan_id', '=', pemilihanId)
    .where('l.slot_at', '=', slotAt)
    .where('l.diganti_at', 'is', null)
    .where(withinWilayah('l.kode_wilayah', parentKode))
    .where('w.parent_kode', '=', parentKode)
    .execute();
  const byKode = new Map(reports.map((r) => [r.kode_wilayah, r]));
  return children.map((c) => ({ ...c, laporan: byKode.get(c.kode) ?? null }));
}

export async function findLaporanPage(
  db: Db,
  pemilihanId: string,
  scope: string | null,
  page: { page: number; pageSize: number },
) {
  const base = db
    .selectFrom('laporan_situasi as l')
    .where('l.pemilihan_id', '=', pemilihanId)
    .where('l.diganti_at', 'is', null)
    .where(visibleFrom('l.kode_wilayah', scope));
  const [items, total] = await Promise.all([
    laporanQuery(db)
      .where('l.id', 'in', base.select('l.id'))
      .orderBy('l.slot_at', 'desc')
      .orderBy('l.kode_wilayah')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { items, total: total.n };
}

export async function findReportsOfDay(db: Db, pemilihanId: string, kabKota: string, from: Date, to: Date) {
  return laporanQuery(db)
    .where('l.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('l.kode_wilayah', kabKota))
    .where('l.diganti_at', 'is', null)
    .where('l.slot_at', '>=', from)
    .where('l.slot_at', '<', to)
    .orderBy('l.kode_wilayah')
    .orderBy('l.slot_at')
    .execute();
}

export async function setLaporanStatus(
  db: Db,
  id: string,
  from: Laporan['status'],
  change: { status: Laporan['status']; approved_by?: string; approved_at?: Date; published_at?: Date },
): Promise<number> {
  const result = await db
    .updateTable('laporan_situasi')
    .set(change)
    .where('id', '=', id)
    .where('diganti_at', 'is', null)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Incidents reported in a kab/kota during a period, by category (for the daily report). */
export async function countKejadianByKategori(
  db: Db,
  pemilihanId: string,
  kabKota: string,
  from: Date,
  to: Date,
) {
  return db
    .selectFrom('kejadian')
    .select(['kategori', 'severity', (eb) => eb.fn.countAll<number>().as('n')])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .where('reported_at', '>=', from)
    .where('reported_at', '<', to)
    .where('status', 'not in', ['ditolak', 'digabung'])
    .groupBy(['kategori', 'severity'])
    .orderBy('kategori')
    .execute();
}

/**
 * For the anev's timeliness: per area under a kab/kota and slot of an election, when its first
 * version was written (a correction never changes whether the report came on time).
 */
export async function findFirstWritten(db: Db, pemilihanId: string, kabKota: string) {
  return db
    .selectFrom('laporan_situasi')
    .select(['kode_wilayah', 'slot_at', (eb) => eb.fn.min('dibuat_at').as('pertama')])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kabKota))
    .groupBy(['kode_wilayah', 'slot_at'])
    .execute();
}

/** The areas that report under a kab/kota: itself, its kecamatan and their kelurahan/desa. */
export async function findReportingAreas(db: Db, kabKota: string) {
  return db
    .selectFrom('wilayah')
    .select('kode')
    .where(withinWilayah('kode', kabKota))
    .where('level', '>=', 2)
    .execute();
}
