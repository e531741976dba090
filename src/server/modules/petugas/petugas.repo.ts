/** All SQL of the petugas module: rosters, screenings, check-ins, incidents, a region's rule. */
import { sql, type Insertable, type Kysely } from 'kysely';
import type { Db } from '../../db/client';
import { tpsOfPemilihan } from '../../db/pemilihan-tps';
import { columnList, recordset, type RecordsetColumns } from '../../db/recordset';
import type { Database, PetugasInsidenTable, PetugasSkriningTable } from '../../db/schema';
import { withinWilayah } from '../../db/wilayah-prefix';

type Q = Kysely<Database>;

/** The TPS voting in the election at or below `kode`, with their kelurahan's name. */
export async function findTpsOfPemilihanWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('tps as t')
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .select(['t.id', 't.kode', 't.nomor', 't.kode_wilayah', 'w.nama as nama_desa'])
    .where(withinWilayah('t.kode_wilayah', kode))
    .where(tpsOfPemilihan('t', pemilihanId))
    .orderBy('t.kode')
    .execute();
}

/** The TPS voting in the election at or below `kode`, as an import looks them up (no names). */
export async function findTpsKeysWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('tps as t')
    .select(['t.id', 't.nomor', 't.kode_wilayah'])
    .where(withinWilayah('t.kode_wilayah', kode))
    .where(tpsOfPemilihan('t', pemilihanId))
    .execute();
}

/** One TPS with its kelurahan's name and whether it votes in the election. */
export async function findTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('tps as t')
    .innerJoin('wilayah as w', 'w.kode', 't.kode_wilayah')
    .select([
      't.id',
      't.kode',
      't.nomor',
      't.kode_wilayah',
      'w.nama as nama_desa',
      tpsOfPemilihan('t', pemilihanId).as('dalam_pemilihan'),
    ])
    .where('t.id', '=', tpsId)
    .executeTakeFirst();
}

const PETUGAS_COLUMNS = [
  'p.id',
  'p.pemilihan_id',
  'p.jenis',
  'p.jabatan',
  'p.kode_wilayah',
  'p.tps_id',
  'p.nama',
  'p.nik',
  'p.telepon',
  'p.tanggal_lahir',
  'p.jenis_kelamin',
  'p.user_id',
  'p.kesehatan_dihapus_at',
  'p.version',
] as const;

/** The officers of one TPS, with their screening (if any), in the order a roster is read. */
export async function findPetugasOfTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select([
      ...PETUGAS_COLUMNS,
      's.diperiksa_on',
      's.fasilitas',
      's.sistolik',
      's.diastolik',
      's.gula_darah',
      's.faktor_risiko',
      's.hasil',
      's.catatan',
    ])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('p.tps_id', '=', tpsId)
    .orderBy(sql`CASE p.jenis WHEN 'kpps' THEN 0 WHEN 'linmas' THEN 1 ELSE 2 END`)
    .orderBy(sql`CASE p.jabatan WHEN 'ketua' THEN 0 WHEN 'anggota' THEN 1 ELSE 2 END`)
    .orderBy('p.nama')
    .execute();
}
export type PetugasRosterRow = Awaited<ReturnType<typeof findPetugasOfTps>>[number];

/** Reserves of a kelurahan/desa (they serve no one TPS) who may relieve at its TPS. */
export async function findCadanganOfDesa(db: Q, pemilihanId: string, kodeDesa: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select(['p.id', 'p.nama', 'p.jenis', 'p.jabatan', 'p.tps_id', 'p.kode_wilayah', 's.hasil'])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where('p.kode_wilayah', '=', kodeDesa)
    .where('p.jabatan', '=', 'cadangan')
    .where('p.tps_id', 'is', null)
    .execute();
}

/** One officer, for the checks of a change. */
export async function findPetugas(db: Q, id: string) {
  return db.selectFrom('petugas as p').select(PETUGAS_COLUMNS).where('p.id', '=', id).executeTakeFirst();
}

/** Officers by id (a batch of check-ins), with the TPS each serves. */
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

/** The TPS a KPPS chair chairs in an election: their "own TPS". */
export async function findTpsChairedBy(db: Q, pemilihanId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('petugas')
    .select(['user_id', 'tps_id'])
    .where('pemilihan_id', '=', pemilihanId)
    .where('user_id', 'in', [...new Set(userIds)])
    .where('jenis', '=', 'kpps')
    .where('jabatan', '=', 'ketua')
    .where('tps_id', 'is not', null)
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

/** Every officer of an area with what a summary needs (no personal data). */
export async function findPetugasSummaryWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas as p')
    .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
    .select(['p.id', 'p.jenis', 'p.jabatan', 'p.tps_id', 'p.kode_wilayah', 's.hasil'])
    .where('p.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('p.kode_wilayah', kode))
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

/** Officer incidents of an area (the dashboard counts them per kecamatan). */
export async function findInsidenWithin(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .select(['i.id', 'p.kode_wilayah'])
    .where('i.pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('p.kode_wilayah', kode))
    .execute();
}

export async function findInsidenOfTps(db: Q, pemilihanId: string, tpsId: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .selectAll('i')
    .where('i.pemilihan_id', '=', pemilihanId)
    .where('p.tps_id', '=', tpsId)
    .orderBy('i.terjadi_at')
    .execute();
}

export async function findInsiden(db: Q, id: string) {
  return db
    .selectFrom('petugas_insiden as i')
    .innerJoin('petugas as p', 'p.id', 'i.petugas_id')
    .selectAll('i')
    .select(['p.kode_wilayah', 'p.tps_id'])
    .where('i.id', '=', id)
    .executeTakeFirst();
}

export async function findInsidenByClientId(db: Q, clientId: string) {
  return db.selectFrom('petugas_insiden').selectAll().where('client_id', '=', clientId).executeTakeFirst();
}

export async function insertInsiden(db: Q, row: Insertable<PetugasInsidenTable>) {
  return db
    .insertInto('petugas_insiden')
    .values(row)
    .onConflict((oc) => oc.column('client_id').doNothing())
    .returning('id')
    .executeTakeFirst();
}

export async function updateInsiden(
  db: Q,
  id: string,
  version: number,
  values: {
    penanganan: string;
    fasilitas: string;
    santunan_jenis: string | null;
    santunan_status: string;
    catatan: string;
  },
) {
  return db
    .updateTable('petugas_insiden')
    .set({ ...values, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

/* ---------------------------------------------------------------------------------------------- */
/* Roster writes                                                                                  */
/* ---------------------------------------------------------------------------------------------- */

export async function insertPetugas(db: Q, row: NewPetugasRow) {
  return db.insertInto('petugas').values(row).returning('id').executeTakeFirstOrThrow();
}

/** One officer changed against the version read; undefined when someone changed it first. */
export async function updatePetugas(
  db: Q,
  id: string,
  version: number,
  values: {
    jabatan: string;
    nama: string;
    nik: string;
    telepon: string | null;
    tanggal_lahir: string | null;
    jenis_kelamin: string | null;
  },
) {
  return db
    .updateTable('petugas')
    .set({ ...values, is_generated: false, updated_at: new Date(), version: sql`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .returning('version')
    .executeTakeFirst();
}

export type NewPetugasRow = {
  pemilihan_id: string;
  jenis: string;
  jabatan: string;
  kode_wilayah: string;
  tps_id: string | null;
  nama: string;
  nik: string;
  telepon: string | null;
  tanggal_lahir: string | null;
  jenis_kelamin: string | null;
  import_id?: string | null;
  created_by: string | null;
  is_generated?: boolean;
};

const ROSTER_COLUMNS = {
  jenis: 'text',
  jabatan: 'text',
  kode_wilayah: 'text',
  tps_id: 'uuid',
  nama: 'text',
  nik: 'text',
  telepon: 'text',
  tanggal_lahir: 'text',
  jenis_kelamin: 'text',
} as const satisfies RecordsetColumns;
export type ImportedPetugasRow = Omit<NewPetugasRow, 'pemilihan_id' | 'import_id' | 'created_by'>;

/**
 * Many officers of one import in one statement, the rows as one JSON parameter (db/recordset.ts): the
 * import's bulk path. The election and the import are one parameter each, not a key of every row;
 * who imported them is the import's (petugas_import.actor_user_id), so the rows carry no created_by
 * and skip its foreign-key check, one of the per-row costs the bulk load (COPY) does not pay
 * (bench/petugas.ts). `tanggal_lahir` travels as text and is cast once.
 */
export async function insertPetugasBatch(
  db: Q,
  from: { pemilihanId: string; importId: string },
  rows: readonly ImportedPetugasRow[],
): Promise<void> {
  if (rows.length === 0) return;
  const cols = Object.keys(ROSTER_COLUMNS).map((c) => (c === 'tanggal_lahir' ? 'tanggal_lahir::date' : c));
  await sql`
    INSERT INTO petugas (pemilihan_id, import_id, ${columnList(ROSTER_COLUMNS)})
    SELECT ${from.pemilihanId}::uuid, ${from.importId}::uuid, ${sql.raw(cols.join(', '))}
    FROM ${recordset(rows, ROSTER_COLUMNS)}`.execute(db);
}

/** Many officers changed in one statement (an import's rows whose NIK is already on record). */
export async function updatePetugasBatch(
  db: Q,
  rows: readonly (Omit<NewPetugasRow, 'pemilihan_id' | 'created_by' | 'nik'> & { id: string })[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = {
    id: 'uuid',
    jenis: 'text',
    jabatan: 'text',
    kode_wilayah: 'text',
    tps_id: 'uuid',
    nama: 'text',
    telepon: 'text',
    tanggal_lahir: 'text',
    jenis_kelamin: 'text',
    import_id: 'uuid',
  } as const;
  await sql`
    UPDATE petugas AS p SET jenis = r.jenis, jabatan = r.jabatan, kode_wilayah = r.kode_wilayah,
      tps_id = r.tps_id, nama = r.nama, telepon = r.telepon, tanggal_lahir = r.tanggal_lahir::date,
      jenis_kelamin = r.jenis_kelamin, import_id = r.import_id, is_generated = false,
      updated_at = now(), version = p.version + 1
    FROM ${recordset(rows, columns)}
    WHERE p.id = r.id`.execute(db);
}

/** Officers of an election at or below `kode`, for an import's diff. */
export async function findPetugasForDiff(db: Q, pemilihanId: string, kode: string) {
  return db
    .selectFrom('petugas')
    .select([
      'id',
      'nik',
      'jenis',
      'jabatan',
      'kode_wilayah',
      'tps_id',
      'nama',
      'telepon',
      'tanggal_lahir',
      'jenis_kelamin',
    ])
    .where('pemilihan_id', '=', pemilihanId)
    .where(withinWilayah('kode_wilayah', kode))
    .execute();
}

/** NIKs already serving elsewhere in the election (outside `kode`): a person serves once. */
export async function findNikOutside(db: Q, pemilihanId: string, kode: string, niks: readonly string[]) {
  if (niks.length === 0) return [];
  const { rows } = await sql<{ nik: string; kode_wilayah: string }>`
    SELECT nik, kode_wilayah FROM petugas
    WHERE pemilihan_id = ${pemilihanId} AND nik = ANY(${sql.val([...niks])}::text[])
      AND NOT (kode_wilayah = ${kode} OR kode_wilayah LIKE ${`${kode}.%`})`.execute(db);
  return rows;
}

export async function findImportByKey(db: Q, key: string) {
  return db.selectFrom('petugas_import').selectAll().where('idempotency_key', '=', key).executeTakeFirst();
}

export async function insertImport(db: Q, row: Omit<Database['petugas_import'], 'id' | 'created_at'>) {
  return db
    .insertInto('petugas_import')
    .values(row as never)
    .returning('id')
    .executeTakeFirstOrThrow();
}

export async function setImportCounts(
  db: Q,
  id: string,
  counts: { inserted: number; updated: number; unchanged: number },
): Promise<void> {
  await db.updateTable('petugas_import').set(counts).where('id', '=', id).execute();
}

/** The officers the planner's statistics count (pg_class.reltuples; -1 before the first ANALYZE). */
export async function petugasReltuples(db: Q): Promise<number> {
  const { rows } = await sql<{ n: number }>`
    SELECT reltuples::float8 AS n FROM pg_class WHERE oid = 'petugas'::regclass`.execute(db);
  return rows[0]?.n ?? -1;
}

export async function analyzePetugas(db: Q): Promise<void> {
  await sql`ANALYZE petugas`.execute(db);
}

/** Streams an area's officers in keyset-paginated chunks for the (masked) export. */
export async function* streamPetugas(db: Q, pemilihanId: string, kode: string, chunkSize = 2000) {
  let after = '';
  for (;;) {
    const rows = await db
      .selectFrom('petugas as p')
      .leftJoin('tps as t', 't.id', 'p.tps_id')
      .leftJoin('petugas_skrining as s', 's.petugas_id', 'p.id')
      .select([
        ...PETUGAS_COLUMNS,
        't.nomor as nomor_tps',
        sql<boolean>`s.petugas_id IS NOT NULL`.as('diskrining'),
      ])
      .where('p.pemilihan_id', '=', pemilihanId)
      .where(withinWilayah('p.kode_wilayah', kode))
      .where('p.id', '>', after === '' ? '00000000-0000-0000-0000-000000000000' : after)
      .orderBy('p.id')
      .limit(chunkSize)
      .execute();
    if (rows.length === 0) return;
    yield rows;
    after = rows[rows.length - 1]!.id;
    if (rows.length < chunkSize) return;
  }
}

/* ---------------------------------------------------------------------------------------------- */
/* Screening, check-ins, rules, retention                                                          */
/* ---------------------------------------------------------------------------------------------- */

export async function upsertSkrining(db: Q, values: Insertable<PetugasSkriningTable>) {
  await db
    .insertInto('petugas_skrining')
    .values(values)
    .onConflict((oc) => oc.column('petugas_id').doUpdateSet(values))
    .execute();
}

export async function markKesehatanAda(db: Q, petugasId: string) {
  await db
    .updateTable('petugas')
    .set({ kesehatan_dihapus_at: null, updated_at: new Date() })
    .where('id', '=', petugasId)
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

/**
 * A batch of check-ins written once per client id; answers which client ids were new, and for the
 * others, which election and officer they were first recorded for (a retry or a conflict).
 */
/** One officer's check-ins as the batch statement returns them (petugas_jam.peristiwa). */
export type Peristiwa = { jenis: string; pada: number }[];

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
    jenis: string;
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

export async function findAturan(db: Q, kodes: readonly string[]) {
  if (kodes.length === 0) return [];
  return db
    .selectFrom('petugas_aturan')
    .selectAll()
    .where('kode_wilayah', 'in', [...new Set(kodes)])
    .execute();
}

export async function upsertAturan(db: Q, row: Omit<Database['petugas_aturan'], 'updated_at'>) {
  const values = { ...row, updated_at: new Date() } as never;
  await db
    .insertInto('petugas_aturan')
    .values(values)
    .onConflict((oc) => oc.column('kode_wilayah').doUpdateSet(values))
    .execute();
}

/**
 * The retention rule: health data (screenings) of officers of every election closed at least its
 * kab/kota's retention days before `now` (Siaga's default where the kab/kota set none) is deleted,
 * and the officers are marked; answers the officers whose data went.
 */
export async function deleteKesehatanLewatRetensi(db: Q, now: Date, retensiDefaultHari: number) {
  const { rows } = await sql<{ id: string; kode_wilayah: string; pemilihan_id: string }>`
    WITH due AS (
      SELECT p.id
      FROM petugas p
      JOIN pemilihan e ON e.id = p.pemilihan_id
      LEFT JOIN petugas_aturan a ON a.kode_wilayah = substr(p.kode_wilayah, 1, 5)
      WHERE e.ditutup_at IS NOT NULL
        AND e.ditutup_at + make_interval(days => coalesce(a.retensi_hari, ${retensiDefaultHari})) <= ${now}
        AND (p.kesehatan_dihapus_at IS NULL OR EXISTS (SELECT 1 FROM petugas_skrining s WHERE s.petugas_id = p.id))
    ),
    gone AS (DELETE FROM petugas_skrining s USING due WHERE s.petugas_id = due.id RETURNING s.petugas_id)
    UPDATE petugas p SET kesehatan_dihapus_at = ${now}, updated_at = ${now}
    FROM due WHERE p.id = due.id AND p.kesehatan_dihapus_at IS NULL
    RETURNING p.id, p.kode_wilayah, p.pemilihan_id`.execute(db);
  return rows;
}
export type { Db };
