/** SQL of rencana pengamanan: forces, tiga pilar, settings, plans and their per-TPS rows. */
import { sql, type Kysely } from 'kysely';
import type { Database, PamPlanTpsTable } from '../../db/schema';
import { tpsOfPemilihan } from '../../db/pemilihan-tps';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

/** Kecamatan (level 3) and kelurahan/desa (level 4) of a kab/kota, with names, in code order. */
export async function findAreasOfKabKota(db: Db, kodeKabKota: string) {
  return db
    .selectFrom('wilayah')
    .select(['kode', 'nama', 'level', 'parent_kode'])
    .where(withinWilayah('wilayah.kode', kodeKabKota))
    .orderBy('kode')
    .execute();
}

/**
 * Every TPS of a kab/kota that votes in an election (a PSU: its own TPS) with its current pra-phase
 * category in that same election (override first) and whether it is a special location; the
 * planner's TPS input.
 */
export async function findTpsForPlan(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('tps')
    .leftJoin('kerawanan_assessment as a', (join) =>
      join
        .on('a.pemilihan_id', '=', pemilihanId)
        .onRef('a.tps_id', '=', 'tps.id')
        .on('a.phase', '=', 'pra')
        .on('a.is_current', '=', true),
    )
    .leftJoin('kerawanan_override as o', (join) =>
      join
        .on('o.pemilihan_id', '=', pemilihanId)
        .onRef('o.tps_id', '=', 'tps.id')
        .on('o.phase', '=', 'pra')
        .on('o.is_current', '=', true),
    )
    .select([
      'tps.id',
      'tps.kode',
      'tps.kode_wilayah',
      'tps.nomor',
      'tps.lokasi_khusus',
      'a.kategori',
      'o.kategori as override_kategori',
    ])
    .where(withinWilayah('tps.kode_wilayah', kodeKabKota))
    .where(tpsOfPemilihan('tps', pemilihanId))
    .orderBy('tps.kode_wilayah')
    .orderBy('tps.nomor')
    .execute();
}
export type TpsForPlanRow = Awaited<ReturnType<typeof findTpsForPlan>>[number];

// ── units ──

export async function findUnits(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('pam_unit')
    .selectAll()
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .orderBy('force')
    .orderBy('home_kecamatan')
    .orderBy('nama')
    .orderBy('id')
    .execute();
}
export type UnitRow = Awaited<ReturnType<typeof findUnits>>[number];

export async function findUnit(db: Db, id: string) {
  return db.selectFrom('pam_unit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUnitIdByClientId(db: Db, clientId: string) {
  return db.selectFrom('pam_unit').select('id').where('client_id', '=', clientId).executeTakeFirst();
}

export interface NewUnit {
  pemilihan_id: string;
  client_id: string;
  kode_kabkota: string;
  force: string;
  kind: string;
  nama: string;
  jabatan: string | null;
  nrp?: string | null;
  jumlah: number;
  home_kecamatan: string | null;
  home_kelurahan: string | null;
  available: boolean;
  keterangan: string;
  source: 'manual' | 'import';
  is_generated?: boolean;
  created_by: string | null;
}

/** Inserts a unit unless its client_id is taken (then undefined: the caller replays). */
export async function insertUnit(db: Db, row: NewUnit) {
  return db
    .insertInto('pam_unit')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function insertUnits(db: Db, rows: readonly NewUnit[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('pam_unit')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** Updates a unit at `version`; undefined when someone else changed it first. */
export async function updateUnit(
  db: Db,
  id: string,
  version: number,
  set: Omit<NewUnit, 'pemilihan_id' | 'client_id' | 'kode_kabkota' | 'source' | 'created_by'>,
) {
  return db
    .updateTable('pam_unit')
    .set({ ...set, updated_at: sql<Date>`now()`, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returningAll()
    .executeTakeFirst();
}

/** Removes a kab/kota's imported roster (a new import replaces it whole); manual units stay. */
export async function deleteImportedUnits(db: Db, pemilihanId: string, kodeKabKota: string): Promise<number> {
  const result = await db
    .deleteFrom('pam_unit')
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .where('source', '=', 'import')
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

// ── tiga pilar ──

export async function findTigaPilarRecords(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('pam_tiga_pilar')
    .select(['kode_kelurahan', 'peran', 'nama'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .orderBy('kode_kelurahan')
    .orderBy('nama')
    .execute();
}

/** Active accounts of lurah, Babinsa and Bhabinkamtibmas at kelurahan level in a kab/kota. */
export async function findTigaPilarAccounts(db: Db, kodeKabKota: string) {
  return db
    .selectFrom('app_user')
    .select(['kode_wilayah', 'role', 'nama'])
    .where('role', 'in', ['lurah', 'babinsa', 'bhabinkamtibmas'])
    .where('is_active', '=', true)
    .where(withinWilayah('app_user.kode_wilayah', kodeKabKota))
    .orderBy('kode_wilayah')
    .execute();
}

export async function insertTigaPilar(
  db: Db,
  rows: readonly {
    pemilihan_id: string;
    kode_kabkota: string;
    kode_kelurahan: string;
    peran: string;
    nama: string;
    source: 'manual' | 'import';
    is_generated?: boolean;
    updated_by: string | null;
  }[],
): Promise<number> {
  let inserted = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const result = await db
      .insertInto('pam_tiga_pilar')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns(['pemilihan_id', 'kode_kelurahan', 'peran', 'nama']).doNothing())
      .executeTakeFirst();
    inserted += Number(result.numInsertedOrUpdatedRows ?? 0);
  }
  return inserted;
}

export async function deleteImportedTigaPilar(
  db: Db,
  pemilihanId: string,
  kodeKabKota: string,
): Promise<void> {
  await db
    .deleteFrom('pam_tiga_pilar')
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .where('source', '=', 'import')
    .execute();
}

// ── setting ──

export async function findSetting(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('pam_setting')
    .leftJoin('app_user as u', 'u.id', 'pam_setting.updated_by')
    .select([
      'pam_setting.kode_kabkota',
      'pam_setting.pola',
      'pam_setting.reserve',
      'pam_setting.catatan',
      'pam_setting.updated_at',
      'pam_setting.version',
      'u.username as updated_by',
    ])
    .where('pam_setting.pemilihan_id', '=', pemilihanId)
    .where('pam_setting.kode_kabkota', '=', kodeKabKota)
    .executeTakeFirst();
}

interface SettingRow {
  pemilihan_id: string;
  kode_kabkota: string;
  pola: unknown;
  reserve: unknown;
  catatan: string;
  updated_by: string | null;
}

export async function insertSetting(db: Db, row: SettingRow) {
  return db
    .insertInto('pam_setting')
    .values({ ...row, pola: JSON.stringify(row.pola), reserve: JSON.stringify(row.reserve) })
    .onConflict((oc) => oc.columns(['pemilihan_id', 'kode_kabkota']).doNothing())
    .returning('version')
    .executeTakeFirst();
}

export async function updateSetting(db: Db, version: number, row: SettingRow) {
  return db
    .updateTable('pam_setting')
    .set({
      pola: JSON.stringify(row.pola),
      reserve: JSON.stringify(row.reserve),
      catatan: row.catatan,
      updated_by: row.updated_by,
      updated_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
    })
    .where('pemilihan_id', '=', row.pemilihan_id)
    .where('kode_kabkota', '=', row.kode_kabkota)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

// ── plans ──

const planColumns = [
  'p.id',
  'p.pemilihan_id',
  'p.client_id',
  'p.kode_kabkota',
  'p.nomor',
  'p.status',
  'p.parent_id',
  'p.alasan',
  'p.created_at',
  'p.approved_at',
  'p.version',
  'p.summary',
  'p.skenario',
  'cu.username as created_by',
  'au.username as approved_by',
] as const;

function plans(db: Db) {
  return db
    .selectFrom('pam_plan as p')
    .innerJoin('app_user as cu', 'cu.id', 'p.created_by')
    .leftJoin('app_user as au', 'au.id', 'p.approved_by');
}

export async function findPlans(db: Db, pemilihanId: string, kodeKabKota: string) {
  return plans(db)
    .select(planColumns)
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('p.kode_kabkota', '=', kodeKabKota)
    .orderBy('p.nomor', 'desc')
    .execute();
}
export type PlanRow = Awaited<ReturnType<typeof findPlans>>[number];

export async function findPlan(db: Db, id: string) {
  return plans(db).select(planColumns).where('p.id', '=', id).executeTakeFirst();
}

/** The recorded planner input and per-unit assignments of a plan (large: read only when needed). */
export async function findPlanInput(db: Db, id: string) {
  return db.selectFrom('pam_plan').select(['input', 'penugasan']).where('id', '=', id).executeTakeFirst();
}

export async function findPlanIdByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('pam_plan')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function findApprovedPlanId(db: Db, pemilihanId: string, kodeKabKota: string) {
  return db
    .selectFrom('pam_plan')
    .select(['id', 'nomor'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .where('status', '=', 'approved')
    .executeTakeFirst();
}

/** Serialises plan numbering per kab/kota and election within the caller's transaction. */
export async function lockKabKotaPlans(db: Db, pemilihanId: string, kodeKabKota: string): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(${`pam_plan:${pemilihanId}:${kodeKabKota}`}))`.execute(db);
}

export async function nextPlanNomor(db: Db, pemilihanId: string, kodeKabKota: string): Promise<number> {
  const row = await db
    .selectFrom('pam_plan')
    .select((eb) => eb.fn.max('nomor').as('nomor'))
    .where('pemilihan_id', '=', pemilihanId)
    .where('kode_kabkota', '=', kodeKabKota)
    .executeTakeFirst();
  return Number(row?.nomor ?? 0) + 1;
}

export async function insertPlan(
  db: Db,
  row: {
    pemilihan_id: string;
    client_id: string;
    kode_kabkota: string;
    nomor: number;
    input: unknown;
    summary: unknown;
    penugasan: unknown;
    skenario: unknown;
    parent_id: string | null;
    created_by: string;
  },
) {
  return db
    .insertInto('pam_plan')
    .values({
      ...row,
      input: JSON.stringify(row.input),
      summary: JSON.stringify(row.summary),
      penugasan: JSON.stringify(row.penugasan),
      skenario: JSON.stringify(row.skenario),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** One TPS row of a plan as written (every column is the planner's; none has a default). */
export type NewPlanTps = PamPlanTpsTable;

export async function insertPlanTps(db: Db, rows: readonly NewPlanTps[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('pam_plan_tps')
      .values(rows.slice(i, i + 500).map((r) => ({ ...r, petugas: JSON.stringify(r.petugas) })))
      .execute();
  }
}

export async function supersedePlan(db: Db, id: string): Promise<void> {
  await db
    .updateTable('pam_plan')
    .set({ status: 'superseded', version: sql<number>`version + 1` })
    .where('id', '=', id)
    .execute();
}

/** Approves a draft at `version`; undefined when it changed or is no longer a draft. */
export async function approvePlan(
  db: Db,
  id: string,
  version: number,
  by: { approved_by: string; alasan: string | null },
) {
  return db
    .updateTable('pam_plan')
    .set({
      status: 'approved',
      approved_by: by.approved_by,
      approved_at: sql<Date>`now()`,
      alasan: by.alasan,
      version: sql<number>`version + 1`,
    })
    .where('id', '=', id)
    .where('version', '=', version)
    .where('status', '=', 'draft')
    .returning('id')
    .executeTakeFirst();
}

function planTps(db: Db, planId: string, filter: { wilayah: string; covered?: boolean | undefined }) {
  let q = db
    .selectFrom('pam_plan_tps as r')
    .innerJoin('wilayah as kel', 'kel.kode', 'r.kode_wilayah')
    .innerJoin('wilayah as kec', 'kec.kode', 'kel.parent_kode')
    .where('r.plan_id', '=', planId)
    .where(withinWilayah('r.kode_wilayah', filter.wilayah));
  if (filter.covered !== undefined) q = q.where('r.covered', '=', filter.covered);
  return q;
}

/** A page of a plan's TPS rows at or below a wilayah, in code order. */
export async function findPlanTpsPage(
  db: Db,
  planId: string,
  filter: { wilayah: string; covered?: boolean | undefined },
  page: { page: number; pageSize: number },
) {
  const [items, total] = await Promise.all([
    planTps(db, planId, filter)
      .selectAll('r')
      .select(['kel.nama as kelurahan', 'kec.nama as kecamatan'])
      .orderBy('r.kode_wilayah')
      .orderBy('r.nomor')
      .limit(page.pageSize)
      .offset((page.page - 1) * page.pageSize)
      .execute(),
    planTps(db, planId, filter)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/** Every TPS row of a plan at or below a wilayah (plotting lists; one kab/kota at most). */
export async function findPlanTpsAll(db: Db, planId: string, wilayah: string) {
  return planTps(db, planId, { wilayah })
    .selectAll('r')
    .select(['kel.nama as kelurahan', 'kec.nama as kecamatan'])
    .orderBy('r.kode_wilayah')
    .orderBy('r.nomor')
    .execute();
}
export type PlanTpsDbRow = Awaited<ReturnType<typeof findPlanTpsAll>>[number];

/** A plan's TPS with their coordinates and whether they are covered, for the coverage map. */
export async function findPlanTpsPoints(db: Db, planId: string, wilayah: string) {
  return planTps(db, planId, { wilayah })
    .innerJoin('tps as t', 't.id', 'r.tps_id')
    .select(['r.tps_id', 'r.nomor', 'r.kategori', 'r.covered', 'r.polri_assigned', 't.lat', 't.lon'])
    .where('t.lat', 'is not', null)
    .orderBy('r.kode_wilayah')
    .orderBy('r.nomor')
    .limit(20_000)
    .execute();
}
