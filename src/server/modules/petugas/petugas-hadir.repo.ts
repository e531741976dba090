/** The SQL of check-ins: the officers a batch checks, the batch written once per client id, the hours kept. */
import { sql, type Kysely } from 'kysely';
import type { KejadianHadir } from '../../../domain/petugas/kelelahan';
import { columnList, recordset, type RecordsetColumns } from '../../db/recordset';
import type { Database } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Q = Kysely<Database>;

/** Officers by id, each with its kab/kota's fatigue rule when the kab/kota set one (one read). */
export async function findPetugasMany(db: Q, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_aturan as a', (join) =>
      join.on(sql<boolean>`a.kode_wilayah = left(p.kode_wilayah, 5)`),
    )
    .select(['p.id', 'p.pemilihan_id', 'p.jenis', 'p.tps_id', 'p.kode_wilayah', 'p.nama'])
    .select(['a.kode_wilayah as aturan_kode', 'a.jam_peringatan', 'a.jam_bahaya', 'a.retensi_hari'])
    .where('p.id', 'in', [...new Set(ids)])
    .execute();
}

/** Check-ins and check-outs of some officers. */
export async function findHadirOf(db: Q, pemilihanId: string, petugasIds: readonly string[]) {
  if (petugasIds.length === 0) return [];
  return db
    .selectFrom('petugas_hadir')
    .select(['petugas_id', 'jenis', 'pada'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('petugas_id', 'in', [...new Set(petugasIds)])
    .execute();
}

/** Check-ins of every officer of an area. */
export async function findHadirWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas_hadir as h')
    .innerJoin('petugas as p', 'p.id', 'h.petugas_id')
    .select(['h.petugas_id', 'h.jenis', 'h.pada'])
    .where('h.pemilihan_id', '=', pemilihanId)
    .where('p.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('p.kode_wilayah', kode))
    .execute();
}

const HADIR_COLUMNS = {
  client_id: 'uuid',
  pemilihan_id: 'uuid',
  petugas_id: 'uuid',
  jenis: 'text',
  pada: 'timestamptz',
  created_by: 'uuid',
} as const satisfies RecordsetColumns;

/** One officer's check-ins as the batch statement returns them (petugas_jam.peristiwa). */
export type Peristiwa = KejadianHadir[];

/**
 * Inserts a batch of check-ins once per client id, appends the new ones to their officers' kept
 * list (petugas_jam) and answers, in the same statement: which client ids were new, the earlier
 * copies of the retried ones, and every officer's check-ins after the batch. The append is an upsert,
 * so a concurrent batch for the same officer waits for this one's row and appends after it.
 */
export async function insertHadirBatch(
  db: Q,
  rows: readonly {
    client_id: string;
    pemilihan_id: string;
    petugas_id: string;
    jenis: KejadianHadir['jenis'];
    pada: Date;
    created_by: string;
  }[],
): Promise<{
  fresh: Set<string>;
  known: Map<string, { pemilihan_id: string; petugas_id: string }>;
  peristiwa: Map<string, Peristiwa>;
}> {
  const insert = sql`
    INSERT INTO petugas_hadir (${columnList(HADIR_COLUMNS)})
    SELECT ${columnList(HADIR_COLUMNS)} FROM ${recordset(rows, HADIR_COLUMNS)}
    ON CONFLICT (client_id) DO NOTHING
    RETURNING client_id, pemilihan_id, petugas_id, jenis, pada`;
  const ids = rows.map((r) => r.client_id);
  const officers = [...new Set(rows.map((r) => r.petugas_id))];
  const { rows: result } = await sql<{
    client_id: string | null;
    fresh: boolean;
    pemilihan_id: string | null;
    petugas_id: string | null;
    peristiwa: Peristiwa | null;
  }>`
    WITH ins AS (${insert}),
    jam AS (
      INSERT INTO petugas_jam (petugas_id, pemilihan_id, peristiwa)
      SELECT petugas_id, pemilihan_id,
             jsonb_agg(jsonb_build_object('jenis', jenis, 'pada', (extract(epoch FROM pada) * 1000)::bigint))
      FROM ins GROUP BY petugas_id, pemilihan_id
      ON CONFLICT (petugas_id) DO UPDATE SET peristiwa = petugas_jam.peristiwa || EXCLUDED.peristiwa
      RETURNING petugas_id, peristiwa)
    SELECT c.client_id, (ins.client_id IS NOT NULL) AS fresh, h.pemilihan_id, h.petugas_id, NULL::jsonb AS peristiwa
    FROM unnest(${sql.val(ids)}::uuid[]) AS c (client_id)
    LEFT JOIN ins ON ins.client_id = c.client_id
    LEFT JOIN petugas_hadir h ON h.client_id = c.client_id AND ins.client_id IS NULL
    UNION ALL
    -- An officer with new check-ins: the list as appended; one with only retries: as it stood.
    SELECT NULL, false, NULL, o.petugas_id, coalesce(jam.peristiwa, kept.peristiwa, '[]'::jsonb)
    FROM unnest(${sql.val(officers)}::uuid[]) AS o (petugas_id)
    LEFT JOIN jam ON jam.petugas_id = o.petugas_id
    LEFT JOIN petugas_jam kept ON kept.petugas_id = o.petugas_id AND jam.petugas_id IS NULL`.execute(db);
  const fresh = new Set<string>();
  const known = new Map<string, { pemilihan_id: string; petugas_id: string }>();
  const peristiwa = new Map<string, Peristiwa>();
  for (const r of result) {
    if (r.peristiwa !== null && r.petugas_id !== null) peristiwa.set(r.petugas_id, r.peristiwa);
    else if (r.client_id === null) continue;
    else if (r.fresh) fresh.add(r.client_id);
    else if (r.pemilihan_id !== null && r.petugas_id !== null)
      known.set(r.client_id, { pemilihan_id: r.pemilihan_id, petugas_id: r.petugas_id });
  }
  return { fresh, known, peristiwa };
}

/** Officers' kept check-ins (petugas_jam), for the relief suggestion. */
export async function findJamOf(db: Q, petugasIds: readonly string[]) {
  if (petugasIds.length === 0) return [];
  return db
    .selectFrom('petugas_jam')
    .select(['petugas_id', 'peristiwa'])
    .where('petugas_id', 'in', [...new Set(petugasIds)])
    .execute();
}
