/** SQL of voting day: status reports, the current status per TPS, and the maintained roll-up. */
import { sql, type Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Db = Kysely<Database>;

export async function findTpsForStatus(db: Db, tpsId: string) {
  return db
    .selectFrom('tps')
    .select(['id', 'kode_wilayah', 'dpt_total', 'nomor'])
    .where('id', '=', tpsId)
    .executeTakeFirst();
}

const rollupSums = [
  sql<number>`coalesce(sum(r.tps), 0)`.as('tps'),
  sql<number>`coalesce(sum(r.dpt), 0)`.as('dpt'),
  sql<number>`coalesce(sum(r.petugas_hadir), 0)`.as('petugas_hadir'),
  sql<number>`coalesce(sum(r.logistik_lengkap), 0)`.as('logistik_lengkap'),
  sql<number>`coalesce(sum(r.dibuka), 0)`.as('dibuka'),
  sql<number>`coalesce(sum(r.pemungutan), 0)`.as('pemungutan'),
  sql<number>`coalesce(sum(r.ditutup), 0)`.as('ditutup'),
  sql<number>`coalesce(sum(r.penghitungan_selesai), 0)`.as('penghitungan_selesai'),
  sql<number>`coalesce(sum(r.pemilih), 0)`.as('pemilih'),
  sql<number>`coalesce(sum(r.dpt_pemilih_dilaporkan), 0)`.as('dpt_pemilih_dilaporkan'),
];
export type RollupRow = {
  tps: number;
  dpt: number;
  petugas_hadir: number;
  logistik_lengkap: number;
  dibuka: number;
  pemungutan: number;
  ditutup: number;
  penghitungan_selesai: number;
  pemilih: number;
  dpt_pemilih_dilaporkan: number;
};

/** One wilayah's counters ('' is the nation): at most 32 shard rows. */
export async function findRollup(db: Db, kode: string): Promise<RollupRow> {
  return await db
    .selectFrom('rollup_hari_h as r')
    .select(rollupSums)
    .where('r.kode', '=', kode)
    .executeTakeFirstOrThrow();
}

/** The counters of every child of a wilayah (provinsi of the nation when parent is null). */
export async function findChildRollups(db: Db, parentKode: string | null) {
  const children = db
    .selectFrom('wilayah')
    .select(['kode', 'nama'])
    .where((eb) =>
      parentKode === null ? eb('parent_kode', 'is', null) : eb('parent_kode', '=', parentKode),
    );
  return (await db
    .selectFrom(children.as('w'))
    .innerJoin('rollup_hari_h as r', 'r.kode', 'w.kode')
    .select(['w.kode', 'w.nama', ...rollupSums])
    .groupBy(['w.kode', 'w.nama'])
    .orderBy('w.kode')
    .execute()) as (RollupRow & { kode: string; nama: string })[];
}

/** The same figures by scanning TPS and statuses: the reference for tests and the benchmark. */
export async function scanRollup(db: Db, kode: string | null): Promise<RollupRow> {
  let q = db.selectFrom('tps as t').leftJoin('tps_status as s', 's.tps_id', 't.id');
  if (kode !== null) q = q.where(withinWilayah('t.kode_wilayah', kode));
  const count = (stage: string) => sql<number>`count(*) FILTER (WHERE s.stage = ${stage})`.as(stage);
  return (await q
    .select([
      sql<number>`count(*)`.as('tps'),
      sql<number>`coalesce(sum(t.dpt_total), 0)`.as('dpt'),
      count('petugas_hadir'),
      count('logistik_lengkap'),
      count('dibuka'),
      count('pemungutan'),
      count('ditutup'),
      count('penghitungan_selesai'),
      sql<number>`coalesce(sum(s.pemilih), 0)`.as('pemilih'),
      sql<number>`coalesce(sum(t.dpt_total) FILTER (WHERE s.pemilih IS NOT NULL), 0)`.as(
        'dpt_pemilih_dilaporkan',
      ),
    ])
    .executeTakeFirstOrThrow()) as RollupRow;
}

export async function insertSituasi(
  db: Db,
  row: {
    client_id: string;
    tps_id: string;
    situasi: string;
    catatan: string;
    via: 'web' | 'sms';
    dibuat_at: Date;
    created_by: string;
  },
): Promise<{ id: string } | undefined> {
  return db
    .insertInto('tps_situasi')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function findTpsStatusWithin(db: Db, kode: string, limit: number) {
  // The latest security report per TPS of the area (one index range per TPS).
  const latest = db
    .selectFrom('tps_situasi as x')
    .innerJoin('tps as tx', 'tx.id', 'x.tps_id')
    .where(withinWilayah('tx.kode_wilayah', kode))
    .distinctOn('x.tps_id')
    .select(['x.tps_id', 'x.situasi', 'x.dibuat_at'])
    .orderBy('x.tps_id')
    .orderBy('x.dibuat_at', 'desc');
  return db
    .selectFrom('tps as t')
    .leftJoin('tps_status as s', 's.tps_id', 't.id')
    .leftJoin(latest.as('k'), 'k.tps_id', 't.id')
    .select([
      'k.situasi',
      'k.dibuat_at as situasi_at',
      't.id',
      't.kode',
      't.nomor',
      't.kode_wilayah',
      't.dpt_total',
      't.lat',
      't.lon',
      's.stage',
      's.pemilih',
      's.updated_at',
    ])
    .where(withinWilayah('t.kode_wilayah', kode))
    .orderBy('t.kode')
    .limit(limit + 1)
    .execute();
}

export async function findTpsIdByKode(db: Db, kodeTps: string) {
  return db.selectFrom('tps').select('id').where('kode', '=', kodeTps).executeTakeFirst();
}

/**
 * One status report as one statement (atomic on its own, one round trip). The stage rule is the
 * domain's `canAdvance` (forward only, skipping allowed) written as array positions; the route tests
 * hold both to the same cases. Keep the report in the
 * history unless its client id was seen; move the TPS's status only forward (or update the count at
 * the same stage), guarding the upsert too so that two first reports racing cannot move it back;
 * write the audit row and the live event only when the status moved. The roll-up trigger runs inside.
 */
export async function applyStatusReport(
  db: Db,
  p: {
    clientId: string;
    tpsId: string;
    kodeWilayah: string;
    stage: string;
    pemilih: number | null;
    via: 'web' | 'sms';
    dibuatAt: Date;
    now: Date;
    actor: { userId: string; username: string };
    stages: readonly string[];
    channel: string;
  },
): Promise<{
  inserted: boolean;
  curStage: string;
  curPemilih: number | null;
  newStage: string | null;
  newPemilih: number | null;
}> {
  const stages = sql`${sql.val([...p.stages])}::text[]`;
  const result = await sql<{
    inserted: boolean;
    cur_stage: string;
    cur_pemilih: number | null;
    new_stage: string | null;
    new_pemilih: number | null;
  }>`
    WITH ins AS (
      INSERT INTO tps_status_laporan (client_id, tps_id, stage, pemilih, via, dibuat_at, created_by)
      VALUES (${p.clientId}, ${p.tpsId}, ${p.stage}, ${p.pemilih}, ${p.via}, ${p.dibuatAt}, ${p.actor.userId})
      ON CONFLICT (client_id) DO NOTHING
      RETURNING id
    ), cur AS (
      SELECT stage, pemilih FROM tps_status WHERE tps_id = ${p.tpsId} FOR UPDATE
    ), d AS (
      SELECT EXISTS (SELECT 1 FROM ins) AS inserted,
             coalesce((SELECT stage FROM cur), 'belum_lapor') AS cur_stage,
             (SELECT pemilih FROM cur) AS cur_pemilih
    ), upd AS (
      INSERT INTO tps_status AS s (tps_id, stage, pemilih, updated_at, updated_by)
      SELECT ${p.tpsId}, ${p.stage}, coalesce(${p.pemilih}::integer, d.cur_pemilih), ${p.now}, ${p.actor.userId}
      FROM d
      WHERE d.inserted AND (
        array_position(${stages}, ${p.stage}::text) > array_position(${stages}, d.cur_stage)
        OR (${p.stage}::text = d.cur_stage AND ${p.pemilih}::integer IS NOT NULL
            AND ${p.pemilih}::integer IS DISTINCT FROM d.cur_pemilih)
      )
      ON CONFLICT (tps_id) DO UPDATE
        SET stage = EXCLUDED.stage, pemilih = EXCLUDED.pemilih,
            updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
        WHERE array_position(${stages}, EXCLUDED.stage) > array_position(${stages}, s.stage)
           OR (EXCLUDED.stage = s.stage AND EXCLUDED.pemilih IS DISTINCT FROM s.pemilih)
      RETURNING s.stage, s.pemilih
    ), aud AS (
      INSERT INTO audit_log (actor_user_id, actor_username, action, entity, entity_id, kode_wilayah, before, after)
      SELECT ${p.actor.userId}, ${p.actor.username}, 'status', 'tps_status', ${p.tpsId}, ${p.kodeWilayah},
             CASE WHEN d.cur_stage = 'belum_lapor' THEN NULL
                  ELSE jsonb_build_object('stage', d.cur_stage, 'pemilih', d.cur_pemilih) END,
             jsonb_build_object('stage', upd.stage, 'pemilih', upd.pemilih, 'via', ${p.via}::text)
      FROM upd, d
    ), note AS (
      SELECT pg_notify(${p.channel}, json_build_object(
        'type', 'tps_status', 'kodeWilayah', ${p.kodeWilayah}::text, 'id', ${p.tpsId}::text,
        'at', ${p.now.toISOString()}::text,
        'data', json_build_object('tahap', upd.stage, 'pemilih', upd.pemilih))::text)
      FROM upd
    )
    SELECT d.inserted, d.cur_stage, d.cur_pemilih,
           (SELECT stage FROM upd) AS new_stage, (SELECT pemilih FROM upd) AS new_pemilih,
           (SELECT count(*) FROM note) AS notified
    FROM d
  `.execute(db);
  const row = result.rows[0]!;
  return {
    inserted: row.inserted,
    curStage: row.cur_stage,
    curPemilih: row.cur_pemilih,
    newStage: row.new_stage,
    newPemilih: row.new_pemilih,
  };
}
