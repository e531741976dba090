/** SQL of rencana pengamanan's plans: versions, numbering, approval and their per-TPS rows. */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { StoredSummary, WhatIfChange } from '../../../contracts/pengamanan';
import type { PlanSnapshot, UnitPenugasan } from '../../../domain/pengamanan/rencana-tersimpan';
import type { Database, PamPlanTpsTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

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
    input: PlanSnapshot;
    summary: StoredSummary;
    penugasan: readonly UnitPenugasan[];
    skenario: readonly WhatIfChange[];
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
export type NewPlanTps = Selectable<PamPlanTpsTable>;

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
export type PlanTpsPoint = Awaited<ReturnType<typeof findPlanTpsPoints>>[number];
