import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { tpsOfPemilihan } from '../../db/pemilihan-tps';
import { withinWilayah } from '../../db/wilayah-prefix';

export async function upsertCatalogue(
  db: Kysely<Database>,
  row: { id: string; version: number; nama: string; source: string; indicators: unknown },
): Promise<void> {
  await db
    .insertInto('kerawanan_catalogue')
    .values({ ...row, indicators: JSON.stringify(row.indicators) })
    .onConflict((oc) => oc.columns(['id', 'version']).doNothing())
    .execute();
}

/**
 * The TPS of an election with their current assessment and override for a phase in that election
 * (filtered by the callers below); a PSU's list holds only its own TPS.
 */
function tpsWithKerawanan(db: Kysely<Database>, pemilihanId: string, phase: string) {
  return db
    .selectFrom('tps')
    .innerJoin('wilayah as kel', 'kel.kode', 'tps.kode_wilayah')
    .innerJoin('wilayah as kec', 'kec.kode', 'kel.parent_kode')
    .leftJoin('kerawanan_assessment as a', (join) =>
      join
        .on('a.pemilihan_id', '=', pemilihanId)
        .onRef('a.tps_id', '=', 'tps.id')
        .on('a.phase', '=', phase)
        .on('a.is_current', '=', true),
    )
    .leftJoin('app_user as au', 'au.id', 'a.assessed_by')
    .leftJoin('kerawanan_override as o', (join) =>
      join
        .on('o.pemilihan_id', '=', pemilihanId)
        .onRef('o.tps_id', '=', 'tps.id')
        .on('o.phase', '=', phase)
        .on('o.is_current', '=', true),
    )
    .leftJoin('app_user as ou', 'ou.id', 'o.decided_by')
    .select([
      'tps.id',
      'tps.kode',
      'tps.kode_wilayah',
      'tps.nomor',
      'tps.lat',
      'tps.lon',
      'tps.lokasi_khusus',
      'kel.nama as nama_kelurahan',
      'kel.parent_kode as kode_kecamatan',
      'kec.nama as nama_kecamatan',
      'tps.dpt_total',
      'a.indicators',
      'a.notes',
      'a.score',
      'a.kategori',
      'a.contributions',
      'a.assessed_at',
      'au.username as assessed_by',
      'o.kategori as override_kategori',
      'o.reason as override_reason',
      'o.decided_at as override_at',
      'ou.username as override_by',
    ])
    .where(tpsOfPemilihan('tps', pemilihanId));
}

/**
 * Every TPS of a wilayah (null: the nation, for the summary's reference scan) in an election with its
 * current assessment and override for a phase, in code order.
 */
export async function findTpsWithKerawanan(
  db: Kysely<Database>,
  pemilihanId: string,
  kodeWilayah: string | null,
  phase: string,
) {
  let q = tpsWithKerawanan(db, pemilihanId, phase);
  if (kodeWilayah !== null) q = q.where(withinWilayah('tps.kode_wilayah', kodeWilayah));
  return q.orderBy('tps.kode_wilayah').orderBy('tps.nomor').execute();
}

/** One TPS with its current assessment and override for a phase (deployment planning asks per TPS). */
export async function findOneTpsWithKerawanan(
  db: Kysely<Database>,
  pemilihanId: string,
  tpsId: string,
  phase: string,
) {
  return tpsWithKerawanan(db, pemilihanId, phase).where('tps.id', '=', tpsId).executeTakeFirst();
}

export type TpsKerawananRow = Awaited<ReturnType<typeof findTpsWithKerawanan>>[number];

export async function findSubmission(db: Kysely<Database>, pemilihanId: string, submissionId: string) {
  return db
    .selectFrom('kerawanan_assessment')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('pemilihan_id', '=', pemilihanId)
    .where('submission_id', '=', submissionId)
    .executeTakeFirstOrThrow();
}

export async function retireCurrentAssessments(
  db: Kysely<Database>,
  pemilihanId: string,
  tpsIds: readonly string[],
  phase: string,
) {
  if (tpsIds.length === 0) return;
  await db
    .updateTable('kerawanan_assessment')
    .set({ is_current: false })
    .where('pemilihan_id', '=', pemilihanId)
    .where('tps_id', 'in', tpsIds)
    .where('phase', '=', phase)
    .where('is_current', '=', true)
    .execute();
}

export async function insertAssessments(
  db: Kysely<Database>,
  rows: {
    pemilihan_id: string;
    tps_id: string;
    phase: string;
    catalogue_id: string;
    catalogue_version: number;
    indicators: string[];
    notes: Record<string, string>;
    score: number;
    kategori: string;
    contributions: unknown;
    submission_id: string;
    assessed_by: string | null;
    is_generated?: boolean;
  }[],
): Promise<void> {
  if (rows.length === 0) return;
  await db
    .insertInto('kerawanan_assessment')
    .values(
      rows.map((r) => ({
        ...r,
        indicators: sql<string[]>`${sql.val(r.indicators)}::text[]`,
        notes: JSON.stringify(r.notes),
        contributions: JSON.stringify(r.contributions),
      })),
    )
    .execute();
}

export async function replaceOverride(
  db: Kysely<Database>,
  row: {
    pemilihan_id: string;
    tps_id: string;
    phase: string;
    kategori: string | null;
    reason: string;
    decided_by: string;
  },
): Promise<void> {
  await db
    .updateTable('kerawanan_override')
    .set({ is_current: false })
    .where('pemilihan_id', '=', row.pemilihan_id)
    .where('tps_id', '=', row.tps_id)
    .where('phase', '=', row.phase)
    .where('is_current', '=', true)
    .execute();
  await db.insertInto('kerawanan_override').values(row).execute();
}

/** Many overrides at once (a Polres's imported list): the current ones of those TPS are retired first. */
export async function replaceOverrides(
  db: Kysely<Database>,
  target: { pemilihanId: string; phase: string },
  rows: readonly { tps_id: string; kategori: string; reason: string; decided_by: string }[],
): Promise<void> {
  if (rows.length === 0) return;
  const { pemilihanId, phase } = target;
  await db
    .updateTable('kerawanan_override')
    .set({ is_current: false })
    .where('pemilihan_id', '=', pemilihanId)
    .where(
      'tps_id',
      'in',
      rows.map((r) => r.tps_id),
    )
    .where('phase', '=', phase)
    .where('is_current', '=', true)
    .execute();
  await db
    .insertInto('kerawanan_override')
    .values(rows.map((r) => ({ ...r, pemilihan_id: pemilihanId, phase })))
    .execute();
}

/** Number of TPS and of assessed TPS per kelurahan/desa under a wilayah in an election, for completion. */
export async function countAssessedByDesa(
  db: Kysely<Database>,
  pemilihanId: string,
  kodeWilayah: string,
  phase: string,
) {
  return db
    .selectFrom('tps')
    .innerJoin('wilayah as kel', 'kel.kode', 'tps.kode_wilayah')
    .leftJoin('kerawanan_assessment as a', (join) =>
      join
        .on('a.pemilihan_id', '=', pemilihanId)
        .onRef('a.tps_id', '=', 'tps.id')
        .on('a.phase', '=', phase)
        .on('a.is_current', '=', true),
    )
    .select([
      'kel.kode',
      'kel.nama',
      (eb) => eb.fn.countAll<number>().as('tps'),
      (eb) => eb.fn.count<number>('a.id').as('assessed'),
    ])
    .where(withinWilayah('tps.kode_wilayah', kodeWilayah))
    .where(tpsOfPemilihan('tps', pemilihanId))
    .groupBy(['kel.kode', 'kel.nama'])
    .orderBy('kel.kode')
    .execute();
}

/** Active area factors at or below a wilayah and on its ancestors (a kab/kota's own factors show in a kecamatan). */
export async function findAreaFactors(
  db: Kysely<Database>,
  kodeWilayah: string,
  ancestorKodes: readonly string[],
) {
  return db
    .selectFrom('wilayah_area_factor as f')
    .innerJoin('wilayah as w', 'w.kode', 'f.kode_wilayah')
    .leftJoin('app_user as u', 'u.id', 'f.created_by')
    .select([
      'f.id',
      'f.kode_wilayah',
      'w.nama as nama_wilayah',
      'f.factor',
      'f.phase',
      'f.note',
      'f.created_at',
      'u.username',
    ])
    .where('f.is_active', '=', true)
    .where((eb) =>
      eb.or([
        withinWilayah('f.kode_wilayah', kodeWilayah),
        ...(ancestorKodes.length > 0 ? [eb('f.kode_wilayah', 'in', ancestorKodes)] : []),
      ]),
    )
    .orderBy('f.kode_wilayah')
    .orderBy('f.created_at')
    .execute();
}

export async function insertAreaFactor(
  db: Kysely<Database>,
  row: { kode_wilayah: string; factor: string; phase: string | null; note: string; created_by: string },
) {
  return db.insertInto('wilayah_area_factor').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findAreaFactor(db: Kysely<Database>, id: string) {
  return db.selectFrom('wilayah_area_factor').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function endAreaFactor(db: Kysely<Database>, id: string): Promise<void> {
  await db
    .updateTable('wilayah_area_factor')
    .set({ is_active: false, ended_at: sql`now()` })
    .where('id', '=', id)
    .execute();
}

export async function findIkp(db: Kysely<Database>, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return db
    .selectFrom('wilayah_ikp')
    .selectAll()
    .where('kode_wilayah', 'in', kodes)
    .orderBy('kode_wilayah')
    .orderBy('indeks')
    .execute();
}

/** One score per wilayah and index: a new score of the same index replaces the old one. */
export async function upsertIkp(
  db: Kysely<Database>,
  row: {
    kode_wilayah: string;
    indeks: string;
    kategori_rilis: string | null;
    score: number;
    year: number;
    source: string;
    updated_by: string;
  },
): Promise<void> {
  await db
    .insertInto('wilayah_ikp')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['kode_wilayah', 'indeks']).doUpdateSet({
        kategori_rilis: row.kategori_rilis,
        score: row.score,
        year: row.year,
        source: row.source,
        updated_by: row.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

/** The setting of the nearest region (kab/kota first, then provinsi) with its catalogue. */
export async function findRegionSetting(db: Kysely<Database>, regionKodes: readonly string[]) {
  if (regionKodes.length === 0) return undefined;
  return db
    .selectFrom('kerawanan_region_setting as s')
    .innerJoin('kerawanan_catalogue as c', (join) =>
      join.onRef('c.id', '=', 's.catalogue_id').onRef('c.version', '=', 's.catalogue_version'),
    )
    .select(['s.kode_wilayah', 's.scoring', 'c.id', 'c.version', 'c.nama', 'c.source', 'c.indicators'])
    .where('s.kode_wilayah', 'in', regionKodes)
    .orderBy(sql`length(s.kode_wilayah)`, 'desc')
    .executeTakeFirst();
}

export async function latestCatalogueVersion(db: Kysely<Database>, id: string): Promise<number> {
  const row = await db
    .selectFrom('kerawanan_catalogue')
    .select((eb) => eb.fn.max('version').as('v'))
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(row?.v ?? 0);
}

export async function upsertRegionSetting(
  db: Kysely<Database>,
  row: {
    kode_wilayah: string;
    catalogue_id: string;
    catalogue_version: number;
    scoring: unknown;
    updated_by: string;
  },
): Promise<void> {
  const values = { ...row, scoring: JSON.stringify(row.scoring) };
  await db
    .insertInto('kerawanan_region_setting')
    .values(values)
    .onConflict((oc) =>
      oc.column('kode_wilayah').doUpdateSet({
        catalogue_id: values.catalogue_id,
        catalogue_version: values.catalogue_version,
        scoring: values.scoring,
        updated_by: values.updated_by,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function findTpsRef(db: Kysely<Database>, id: string) {
  return db.selectFrom('tps').select(['id', 'kode_wilayah']).where('id', '=', id).executeTakeFirst();
}

// ── pengamatan: observations by the lurah, camat and tiga pilar, for Bawaslu to take up ──

/** A new observation; a client id already used is a unique violation (cross-cutting/create-once.ts answers it). */
export async function insertPengamatan(
  db: Kysely<Database>,
  row: {
    client_id: string;
    pemilihan_id: string;
    tps_id: string;
    phase: string;
    indikator: string | null;
    catatan: string;
    created_by: string;
  },
): Promise<{ id: string }> {
  return db.insertInto('kerawanan_pengamatan').values(row).returning('id').executeTakeFirstOrThrow();
}

/** The observation a client id made, to answer its retry (or refuse it in another election). */
export async function findPengamatanByClientId(db: Kysely<Database>, clientId: string) {
  return db
    .selectFrom('kerawanan_pengamatan')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

/**
 * The observations on the TPS of a kelurahan/desa in an election and phase, oldest first, with who
 * wrote them.
 */
export async function findPengamatanOfDesa(
  db: Kysely<Database>,
  pemilihanId: string,
  kodeDesa: string,
  phase: string,
) {
  return db
    .selectFrom('kerawanan_pengamatan as p')
    .innerJoin('tps', 'tps.id', 'p.tps_id')
    .leftJoin('app_user as u', 'u.id', 'p.created_by')
    .leftJoin('app_user as r', 'r.id', 'p.ditanggapi_by')
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('tps.kode_wilayah', '=', kodeDesa)
    .where('p.phase', '=', phase)
    .select([
      'p.id',
      'p.tps_id',
      'p.indikator',
      'p.catatan',
      'p.status',
      'p.tanggapan',
      'p.created_at',
      'u.username as oleh',
      'u.role as oleh_role',
      'r.username as ditanggapi_oleh',
    ])
    .orderBy('p.created_at')
    .orderBy('p.id')
    .execute();
}

export async function findPengamatan(db: Kysely<Database>, id: string) {
  return db
    .selectFrom('kerawanan_pengamatan as p')
    .innerJoin('tps', 'tps.id', 'p.tps_id')
    .where('p.id', '=', id)
    .select(['p.id', 'p.pemilihan_id', 'p.tps_id', 'p.status', 'p.phase', 'tps.kode_wilayah'])
    .executeTakeFirst();
}

/** Bawaslu's answer to an observation: taken up or set aside, once. False when it was answered already. */
export async function answerPengamatan(
  db: Kysely<Database>,
  id: string,
  answer: { status: string; tanggapan: string | null; ditanggapi_by: string },
): Promise<boolean> {
  const result = await db
    .updateTable('kerawanan_pengamatan')
    .set({ ...answer, ditanggapi_at: sql`now()` })
    .where('id', '=', id)
    .where('status', '=', 'baru')
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * For the anev: per child area of an area (`anak`: the child code's length, 8 a kecamatan, 13 a
 * kelurahan), the TPS of an election by final category (after overrides) in a phase, and the
 * kelurahan/desa with at least one TPS rawan or sangat rawan.
 */
export async function countKategoriPerAnak(
  db: Kysely<Database>,
  pemilihanId: string,
  kode: string,
  anak: number,
  phase: string,
) {
  return db
    .selectFrom('tps')
    .leftJoin('kerawanan_assessment as a', (join) =>
      join
        .on('a.pemilihan_id', '=', pemilihanId)
        .onRef('a.tps_id', '=', 'tps.id')
        .on('a.phase', '=', phase)
        .on('a.is_current', '=', true),
    )
    .leftJoin('kerawanan_override as o', (join) =>
      join
        .on('o.pemilihan_id', '=', pemilihanId)
        .onRef('o.tps_id', '=', 'tps.id')
        .on('o.phase', '=', phase)
        .on('o.is_current', '=', true),
    )
    .select([
      sql<string>`substr(tps.kode_wilayah, 1, ${anak})`.as('anak'),
      sql<number>`count(*) FILTER (WHERE coalesce(o.kategori, a.kategori) = 'rawan')::int`.as('rawan'),
      sql<number>`count(*) FILTER (WHERE coalesce(o.kategori, a.kategori) = 'sangat_rawan')::int`.as(
        'sangat_rawan',
      ),
      sql<number>`count(*) FILTER (WHERE coalesce(o.kategori, a.kategori) = 'khusus')::int`.as('khusus'),
      sql<number>`count(DISTINCT tps.kode_wilayah) FILTER (WHERE coalesce(o.kategori, a.kategori) IN ('rawan', 'sangat_rawan'))::int`.as(
        'kelurahan_rawan',
      ),
    ])
    .where(withinWilayah('tps.kode_wilayah', kode))
    .where((eb) => eb.or([eb('a.id', 'is not', null), eb('o.id', 'is not', null)]))
    .where(tpsOfPemilihan('tps', pemilihanId))
    .groupBy(sql`1`)
    .execute();
}
