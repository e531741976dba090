/** SQL of rencana pengamanan's inputs: the kab/kota's areas and TPS, forces, tiga pilar, settings (plans: pengamanan-plan.repo.ts). */
import { sql, type Kysely } from 'kysely';
import type { TigaPilarPeran } from '../../../contracts/pengamanan';
import type { PolaPengamanan, ReservePolicy } from '../../../domain/pengamanan/pola';
import type { Force, PersonnelKind } from '../../../domain/pengamanan/unit';
import type { Database } from '../../db/schema';
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
    .selectFrom(tpsOfPemilihan(pemilihanId).as('tps'))
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
  return db
    .selectFrom('pam_unit')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export interface NewUnit {
  pemilihan_id: string;
  client_id: string;
  kode_kabkota: string;
  force: Force;
  kind: PersonnelKind;
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

/** Inserts a unit; a client id already taken is a unique violation (create-once answers it). */
export async function insertUnit(db: Db, row: NewUnit) {
  return db.insertInto('pam_unit').values(row).returning('id').executeTakeFirstOrThrow();
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
    peran: TigaPilarPeran;
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
export type SettingDbRow = NonNullable<Awaited<ReturnType<typeof findSetting>>>;

interface SettingRow {
  pemilihan_id: string;
  kode_kabkota: string;
  pola: PolaPengamanan;
  reserve: ReservePolicy;
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
