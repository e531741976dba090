/**
 * The TPS of an election with their current assessment and override per phase (the reads every
 * kerawanan use case starts from, and the full scan the kept summary is compared with), the
 * assessments and overrides written, and the counts for completion and the anev. Catalogues and
 * settings, area factors and IKP, and observations have their own repos.
 */
import { sql, type Kysely } from 'kysely';
import type { Phase } from '../../../domain/kerawanan/catalogue';
import type { Contribution, Kategori } from '../../../domain/kerawanan/score-tps';
import type { Database } from '../../db/schema';
import { tpsOfPemilihan } from '../../db/pemilihan-tps';
import { withinWilayah } from '../../db/wilayah-prefix';

/**
 * The TPS of an election with their current assessment and override for a phase in that election
 * (filtered by the callers below); a PSU's list holds only its own TPS.
 */
function tpsWithKerawanan(db: Kysely<Database>, pemilihanId: string, phase: Phase) {
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('tps'))
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
    ]);
}

/**
 * Every TPS of a wilayah (null: the nation, for the summary's reference scan) in an election with its
 * current assessment and override for a phase, in code order.
 */
export async function findTpsWithKerawanan(
  db: Kysely<Database>,
  pemilihanId: string,
  kodeWilayah: string | null,
  phase: Phase,
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
  phase: Phase,
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
  phase: Phase,
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
    phase: Phase;
    catalogue_id: string;
    catalogue_version: number;
    indicators: string[];
    notes: Record<string, string>;
    score: number;
    kategori: Kategori;
    contributions: readonly Contribution[];
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
    phase: Phase;
    kategori: Kategori | null;
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
  target: { pemilihanId: string; phase: Phase },
  rows: readonly { tps_id: string; kategori: Kategori; reason: string; decided_by: string }[],
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
  phase: Phase,
) {
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('tps'))
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
    .groupBy(['kel.kode', 'kel.nama'])
    .orderBy('kel.kode')
    .execute();
}

export async function findTpsRef(db: Kysely<Database>, id: string) {
  return db.selectFrom('tps').select(['id', 'kode_wilayah']).where('id', '=', id).executeTakeFirst();
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
  phase: Phase,
) {
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('tps'))
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
    .groupBy(sql`1`)
    .execute();
}
