/** SQL of voting day: status reports, the current status per TPS, and the maintained roll-up. */
import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { TahapTps } from '../../../domain/hari-h/tps-status';
import type { LevelSituasi } from '../../../domain/laporan/situasi';
import type { Database } from '../../db/schema';
import { columnList, recordset } from '../../db/recordset';
import { isTpsInPemilihan, tpsOfPemilihan } from '../../db/pemilihan-tps';
import { withinWilayah } from '../../db/wilayah-prefix';
import type { RollupDelta } from '../../../domain/hari-h/rollup';

type Db = Kysely<Database>;

/** What a status or security report needs of its TPS: scope, turnout check, name in answers. */
const TPS_FOR_STATUS = ['id', 'kode_wilayah', 'dpt_total', 'nomor'] as const;

/** A TPS and whether it votes in the election (a PSU holds only its own TPS). */
export async function findTpsForStatus(db: Db, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('tps')
    .select([...TPS_FOR_STATUS, isTpsInPemilihan('tps', pemilihanId).as('dalam_pemilihan')])
    .where('id', '=', tpsId)
    .executeTakeFirst();
}

/**
 * The TPS of a batch of reports, locked until the transaction ends (in id order, so two batches never
 * deadlock). NO KEY UPDATE: the reports' foreign keys to the TPS still go through; a second batch on
 * the same TPS waits (hari-h.service.ts writeStatusBatch says why the lock is here).
 */
export async function lockTpsForStatus(db: Db, tpsIds: readonly string[], pemilihanIds: readonly string[]) {
  if (tpsIds.length === 0) return [];
  return db
    .selectFrom('tps')
    .select([
      ...TPS_FOR_STATUS,
      // The elections of the batch that this TPS votes in.
      sql<string[]>`array(SELECT e::text FROM unnest(${sql.val([...new Set(pemilihanIds)])}::uuid[]) AS e
        WHERE siaga_pemilihan_memuat(e, tps.id, tps.kode_wilayah))::text[]`.as('pemilihan'),
    ])
    .where('id', '=', sql<string>`any(${sql.val([...new Set(tpsIds)])}::uuid[])`)
    .orderBy('id')
    .forNoKeyUpdate()
    .execute();
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

/** One wilayah's counters in an election ('' is the nation): at most 32 shard rows. */
export async function findRollup(db: Db, pemilihanId: string, kode: string): Promise<RollupRow> {
  return await db
    .selectFrom('rollup_hari_h as r')
    .select(rollupSums)
    .where('r.pemilihan_id', '=', pemilihanId)
    .where('r.kode', '=', kode)
    .executeTakeFirstOrThrow();
}

/**
 * The counters of every child of a wilayah in an election (provinsi of the nation when parent is
 * null); children where the election has no TPS are left out.
 */
export async function findChildRollups(db: Db, pemilihanId: string, parentKode: string | null) {
  const children = db
    .selectFrom('wilayah')
    .select(['kode', 'nama'])
    .where((eb) =>
      parentKode === null ? eb('parent_kode', 'is', null) : eb('parent_kode', '=', parentKode),
    );
  return (await db
    .selectFrom(children.as('w'))
    .innerJoin('rollup_hari_h as r', (join) =>
      join.onRef('r.kode', '=', 'w.kode').on('r.pemilihan_id', '=', pemilihanId),
    )
    .select(['w.kode', 'w.nama', ...rollupSums])
    .groupBy(['w.kode', 'w.nama'])
    .orderBy('w.kode')
    .execute()) as (RollupRow & { kode: string; nama: string })[];
}

/** The same figures by scanning TPS and statuses: the reference for tests and the benchmark. */
export async function scanRollup(db: Db, pemilihanId: string, kode: string | null): Promise<RollupRow> {
  let q = db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('t'))
    .leftJoin('tps_status as s', (join) =>
      join.onRef('s.tps_id', '=', 't.id').on('s.pemilihan_id', '=', pemilihanId),
    );
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
    pemilihan_id: string;
    tps_id: string;
    situasi: LevelSituasi;
    catatan: string;
    via: 'web' | 'sms';
    dibuat_at: Date;
    created_by: string;
  },
): Promise<{ id: string }> {
  // A second copy of a client id fails on its unique index: cross-cutting/create-once answers it.
  return db.insertInto('tps_situasi').values(row).returning('id').executeTakeFirstOrThrow();
}

export async function findSituasiByClientId(db: Db, clientId: string) {
  return db
    .selectFrom('tps_situasi')
    .select(['id', 'pemilihan_id'])
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}

export async function findTpsStatusWithin(db: Db, pemilihanId: string, kode: string, limit: number) {
  // The latest security report per TPS of the area in the election (one index range per TPS).
  const latest = db
    .selectFrom('tps_situasi as x')
    .innerJoin('tps as tx', 'tx.id', 'x.tps_id')
    .where('x.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('tx.kode_wilayah', kode))
    .distinctOn('x.tps_id')
    .select(['x.tps_id', 'x.situasi', 'x.dibuat_at'])
    .orderBy('x.tps_id')
    .orderBy('x.dibuat_at', 'desc');
  return db
    .selectFrom(tpsOfPemilihan(pemilihanId).as('t'))
    .leftJoin('tps_status as s', (join) =>
      join.onRef('s.tps_id', '=', 't.id').on('s.pemilihan_id', '=', pemilihanId),
    )
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
 * A batch of status reports is written by the service in one transaction of three statements
 * whatever its size: lock the TPS; keep the reports (once per client id) and read the statuses; then,
 * once the domain has decided (nextStatus), write the statuses that moved with their audit rows and
 * live events.
 */
export type StatusReportRow = {
  clientId: string;
  pemilihanId: string;
  tpsId: string;
  stage: TahapTps;
  pemilih: number | null;
  via: 'web' | 'sms';
  dibuatAt: Date;
  createdBy: string;
};

const STATUS_REPORT_COLUMNS = {
  client_id: 'uuid',
  pemilihan_id: 'uuid',
  tps_id: 'uuid',
  stage: 'text',
  pemilih: 'integer',
  via: 'text',
  dibuat_at: 'timestamptz',
  created_by: 'uuid',
} as const;

/**
 * Keeps each report (once per client id) and reads the current status of its TPS, in one statement:
 * the client ids that were new, and the statuses. The two parts touch different tables, so sharing
 * one snapshot changes nothing; the caller holds the TPS locks (lockTpsForStatus), so the statuses
 * read are the latest.
 */
export async function insertStatusReportsAndRead(
  db: Db,
  rows: readonly StatusReportRow[],
): Promise<{
  fresh: Set<string>;
  current: { pemilihan_id: string; tps_id: string; stage: TahapTps; pemilih: number | null }[];
  /** The election each client id already stored was first sent in (a retry, or a reuse). */
  known: Map<string, string>;
}> {
  if (rows.length === 0) return { fresh: new Set(), current: [], known: new Map() };
  const records = rows.map((r) => ({
    client_id: r.clientId,
    pemilihan_id: r.pemilihanId,
    tps_id: r.tpsId,
    stage: r.stage,
    pemilih: r.pemilih,
    via: r.via,
    dibuat_at: r.dibuatAt,
    created_by: r.createdBy,
  }));
  const columns = columnList(STATUS_REPORT_COLUMNS);
  const tpsIds = [...new Set(rows.map((r) => r.tpsId))];
  const pemilihanIds = [...new Set(rows.map((r) => r.pemilihanId))];
  const result = await sql<{
    fresh: string[];
    current: { pemilihan_id: string; tps_id: string; stage: TahapTps; pemilih: number | null }[];
    known: { client_id: string; pemilihan_id: string }[];
  }>`
    WITH fresh AS (
      INSERT INTO tps_status_laporan (${columns})
      SELECT ${columns} FROM ${recordset(records, STATUS_REPORT_COLUMNS)}
      ON CONFLICT (client_id) DO NOTHING
      RETURNING client_id
    )
    SELECT (SELECT coalesce(json_agg(client_id), '[]') FROM fresh) AS fresh,
           (SELECT coalesce(json_agg(s), '[]') FROM (
              SELECT pemilihan_id, tps_id, stage, pemilih FROM tps_status
              WHERE tps_id = any(${sql.val(tpsIds)}::uuid[]) AND pemilihan_id = any(${sql.val(pemilihanIds)}::uuid[])
            ) s) AS current,
           (SELECT coalesce(json_agg(k), '[]') FROM (
              SELECT client_id, pemilihan_id FROM tps_status_laporan
              WHERE client_id = any(${sql.val(rows.map((r) => r.clientId))}::uuid[])
            ) k) AS known
  `.execute(db);
  const row = result.rows[0]!;
  return {
    fresh: new Set(row.fresh),
    current: row.current,
    known: new Map(row.known.map((k) => [k.client_id, k.pemilihan_id])),
  };
}

/** The counters a batch adds to, and the wilayah they belong to. */
const ROLLUP_DELTA_COLUMNS = {
  pemilihan_id: 'uuid',
  kode: 'text',
  petugas_hadir: 'integer',
  logistik_lengkap: 'integer',
  dibuka: 'integer',
  pemungutan: 'integer',
  ditutup: 'integer',
  penghitungan_selesai: 'integer',
  pemilih: 'bigint',
  dpt_pemilih_dilaporkan: 'bigint',
} as const;
// Each counter is added to, never set: two writers' deltas both count.
const ROLLUP_ADDED = sql.raw(
  Object.keys(ROLLUP_DELTA_COLUMNS)
    .filter((c) => c !== 'kode' && c !== 'pemilihan_id')
    .map((c) => `${c} = r.${c} + EXCLUDED.${c}`)
    .join(', '),
);

/**
 * Adds the domain's roll-up deltas (domain/hari-h/rollup.ts) to the counters of each wilayah in each
 * election, beside the status write in one statement. Rows are taken in (election, kode) order, as the
 * TPS triggers take them, so two writers never deadlock; the shard is the connection's (migration
 * 20261128T0009 says why), and reads sum the shards.
 */
export function rollupDeltaSql(
  deltas: ReadonlyMap<string, ReadonlyMap<string, RollupDelta>>,
): RawBuilder<unknown> | undefined {
  const rows = [...deltas].flatMap(([pemilihanId, delta]) =>
    [...delta].map(([kode, { dptPemilihDilaporkan, ...perTahapDanPemilih }]) => ({
      pemilihan_id: pemilihanId,
      kode,
      ...perTahapDanPemilih,
      dpt_pemilih_dilaporkan: dptPemilihDilaporkan,
    })),
  );
  if (rows.length === 0) return undefined;
  return sql`
    INSERT INTO rollup_hari_h AS r (shard, ${columnList(ROLLUP_DELTA_COLUMNS)})
    SELECT pg_backend_pid() % 32, ${columnList(ROLLUP_DELTA_COLUMNS)}
    FROM ${recordset(rows, ROLLUP_DELTA_COLUMNS)}
    ORDER BY pemilihan_id, kode
    ON CONFLICT (pemilihan_id, kode, shard) DO UPDATE SET ${ROLLUP_ADDED}
  `;
}

/**
 * The write of each TPS's new status (one row per TPS, already decided by the domain under the
 * lock), to run beside the roll-up deltas, audit rows and live events in one statement; undefined
 * when nothing moved.
 */
export function tpsStatusUpsertSql(
  rows: readonly {
    pemilihanId: string;
    tpsId: string;
    stage: TahapTps;
    pemilih: number | null;
    updatedAt: Date;
    updatedBy: string;
  }[],
): RawBuilder<unknown> | undefined {
  if (rows.length === 0) return undefined;
  const records = rows.map((r) => ({
    pemilihan_id: r.pemilihanId,
    tps_id: r.tpsId,
    stage: r.stage,
    pemilih: r.pemilih,
    updated_at: r.updatedAt,
    updated_by: r.updatedBy,
  }));
  const columns = {
    pemilihan_id: 'uuid',
    tps_id: 'uuid',
    stage: 'text',
    pemilih: 'integer',
    updated_at: 'timestamptz',
    updated_by: 'uuid',
  } as const;
  return sql`
    INSERT INTO tps_status AS s (${columnList(columns)})
    SELECT ${columnList(columns)} FROM ${recordset(records, columns)}
    ON CONFLICT (pemilihan_id, tps_id) DO UPDATE
      SET stage = EXCLUDED.stage, pemilih = EXCLUDED.pemilih,
          updated_at = EXCLUDED.updated_at, updated_by = EXCLUDED.updated_by
  `;
}
