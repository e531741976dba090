/**
 * The migrations that make the election a record (20261206T0012 and those that move each module's
 * rows into it) keep every row of a database filled at the schema before them: each row of every
 * table that gains a pemilihan_id lands in Pilkada Serentak 2024, and no table loses a row.
 */
import { createHash } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { createEmptyDatabase } from '../testing/test-db';
import type { DatabaseHandle } from './client';
import { listMigrations, migrate } from './migrate';
import type { Database } from './schema';

const BEFORE_PEMILIHAN = '20261205T0011_rollup_follows_tps';
const PILKADA_2024_ID = '00000000-0000-4000-8000-000000002024';
/** Tables made by moving the per-election part of an older table into them: row for row. */
const MOVED_FROM: Record<string, string> = { koordinasi_region_pemilihan: 'koordinasi_region' };
/** Tables a later migration dropped once it had moved their rows, row for row, into another. */
const DROPPED_INTO: Record<string, string> = { kejadian_foto: 'kejadian_bukti' };

let handle: DatabaseHandle | undefined;
afterEach(async () => {
  await handle?.close();
  handle = undefined;
});

/** One row in every operational table, written at the schema of 20261205T0011 (before elections). */
const FIXTURE = `
INSERT INTO wilayah (kode, nama, level, jenis, parent_kode) VALUES
  ('73', 'SULAWESI SELATAN', 1, 'provinsi', NULL),
  ('73.73', 'KOTA PALOPO', 2, 'kota', '73'),
  ('73.73.01', 'WARA', 3, 'kecamatan', '73.73'),
  ('73.73.01.1001', 'TOMPOTIKKA', 4, 'kelurahan', '73.73.01');
INSERT INTO app_user (id, username, nama, password_hash, role, agency, kode_wilayah) VALUES
  ('11111111-1111-4111-8111-111111111111', 'kesbangpol.palopo', 'Kesbangpol', 'x', 'operator', 'kesbangpol', '73.73');
INSERT INTO tps (id, kode_wilayah, nomor, kode, dpt_total) VALUES
  ('22222222-2222-4222-8222-222222222222', '73.73.01.1001', 1, '7373011001001', 250);
INSERT INTO kerawanan_catalogue (id, version, nama, source, indicators) VALUES ('uji', 1, 'Uji', 'uji', '[]');
INSERT INTO kerawanan_assessment (tps_id, phase, catalogue_id, catalogue_version, indicators, score, kategori, contributions, submission_id)
  VALUES ('22222222-2222-4222-8222-222222222222', 'pra', 'uji', 1, '{}', 0, 'kurang_rawan', '[]', 's1');
INSERT INTO kerawanan_override (tps_id, phase, kategori, reason) VALUES ('22222222-2222-4222-8222-222222222222', 'pra', 'rawan', 'Laporan Polres');
INSERT INTO rakor (id, client_id, kode_wilayah, jenis, judul, mulai_at, created_by) VALUES
  ('33333333-3333-4333-8333-333333333333', gen_random_uuid(), '73.73', 'forkopimda', 'Rakor Pilkada', now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO rakor_peserta (rakor_id, urutan, jabatan, agency) VALUES ('33333333-3333-4333-8333-333333333333', 1, 'Kapolres', 'polri');
INSERT INTO rakor_catatan (client_id, rakor_id, pembicara, pokok, created_by) VALUES
  (gen_random_uuid(), '33333333-3333-4333-8333-333333333333', 'Kapolres', 'Aman', '11111111-1111-4111-8111-111111111111');
INSERT INTO tindak_lanjut (client_id, kode_wilayah, keputusan, owner_agency, due_on, created_by) VALUES
  (gen_random_uuid(), '73.73', 'Patroli bersama', 'polri', DATE '2024-11-20', '11111111-1111-4111-8111-111111111111');
INSERT INTO koordinasi_region (kode_wilayah, target_partisipasi, psu_count) VALUES ('73.73', 77.5, 0);
INSERT INTO kesiapan_item (kode_wilayah, kode, judul, agency, due_offset) VALUES ('73.73', 'k1', 'Deklarasi damai', 'kesbangpol', -21);
INSERT INTO imbauan (id, client_id, kode_wilayah, jenis, prioritas, judul, isi, target_roles, created_by) VALUES
  ('44444444-4444-4444-8444-444444444444', gen_random_uuid(), '73.73', 'imbauan', 'biasa', 'Jaga netralitas', 'Isi', '{lurah}', '11111111-1111-4111-8111-111111111111');
INSERT INTO imbauan_penerima (imbauan_id, user_id) VALUES ('44444444-4444-4444-8444-444444444444', '11111111-1111-4111-8111-111111111111');
INSERT INTO nphd (id, kode_wilayah, penerima, nilai, updated_by) VALUES
  ('55555555-5555-4555-8555-555555555555', '73.73', 'kpu', 1000000, '11111111-1111-4111-8111-111111111111');
INSERT INTO nphd_transaksi (client_id, nphd_id, jenis, nilai, tanggal, created_by) VALUES
  (gen_random_uuid(), '55555555-5555-4555-8555-555555555555', 'pencairan', 400000, DATE '2024-06-01', '11111111-1111-4111-8111-111111111111');
INSERT INTO pam_unit (client_id, kode_kabkota, force, kind, nama, jumlah) VALUES (gen_random_uuid(), '73.73', 'polres', 'polri', 'Polres Palopo', 300);
INSERT INTO pam_tiga_pilar (kode_kabkota, kode_kelurahan, peran, nama) VALUES ('73.73', '73.73.01.1001', 'babinsa', 'Serka A');
INSERT INTO pam_setting (kode_kabkota, pola, reserve) VALUES ('73.73', '{}', '{}');
INSERT INTO pam_plan (id, client_id, kode_kabkota, nomor, input, summary, penugasan, created_by) VALUES
  ('66666666-6666-4666-8666-666666666666', gen_random_uuid(), '73.73', 1, '{}', '{}', '[]', '11111111-1111-4111-8111-111111111111');
INSERT INTO pam_plan_tps (plan_id, tps_id, kode_wilayah, kode_tps, nomor, kategori, kelompok, kelompok_tps, polri_required, polri_assigned, linmas_required, linmas_assigned, covered, petugas)
  VALUES ('66666666-6666-4666-8666-666666666666', '22222222-2222-4222-8222-222222222222', '73.73.01.1001', '7373011001001', 1, 'rawan', 'g1', 1, 1, 1, 2, 2, true, '[]');
INSERT INTO laporan_jadwal (kode_wilayah, jadwal, updated_by) VALUES ('73.73', '[]', '11111111-1111-4111-8111-111111111111');
INSERT INTO laporan_situasi (client_id, kode_wilayah, slot_at, situasi, dibuat_at, submitted_by) VALUES
  (gen_random_uuid(), '73.73.01.1001', now(), 'kondusif', now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO kejadian (id, client_id, kode_wilayah, kategori, severity, uraian, terjadi_at, diketahui_at, reported_by) VALUES
  ('77777777-7777-4777-8777-777777777777', gen_random_uuid(), '73.73.01.1001', 'politik_uang', 'sedang', 'Pembagian uang', now(), now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO kejadian_langkah (kejadian_id, aksi, ke_status) VALUES ('77777777-7777-4777-8777-777777777777', 'lapor', 'baru');
INSERT INTO kejadian_foto (kejadian_id, mime, bytes) VALUES
  ('77777777-7777-4777-8777-777777777777', 'image/jpeg', decode('ffd8ffe0' || repeat('01', 40), 'hex'));
INSERT INTO kejadian_langkah (kejadian_id, aksi, ke_status, actor_id, at) VALUES
  ('77777777-7777-4777-8777-777777777777', 'foto', 'baru', '11111111-1111-4111-8111-111111111111', TIMESTAMPTZ '2024-11-27 10:00+08');
INSERT INTO kejadian_rujukan (kejadian_id, rule_set, lembaga, milestones, updated_by) VALUES
  ('77777777-7777-4777-8777-777777777777', 'pilkada', 'bawaslu', '{}', '11111111-1111-4111-8111-111111111111');
INSERT INTO tps_status (tps_id, stage, updated_at, updated_by) VALUES
  ('22222222-2222-4222-8222-222222222222', 'pemungutan', now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO tps_status_laporan (client_id, tps_id, stage, dibuat_at, created_by) VALUES
  (gen_random_uuid(), '22222222-2222-4222-8222-222222222222', 'pemungutan', now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO tps_situasi (client_id, tps_id, situasi, dibuat_at, created_by) VALUES
  (gen_random_uuid(), '22222222-2222-4222-8222-222222222222', 'kondusif', now(), '11111111-1111-4111-8111-111111111111');
INSERT INTO sms_pengirim (nomor, user_id, created_by) VALUES ('+6281234567890', '11111111-1111-4111-8111-111111111111', '11111111-1111-4111-8111-111111111111');
INSERT INTO sms_masuk (gateway_id, nomor, teks, ok, balasan) VALUES ('g1', '+6281234567890', 'LAP', false, 'Format salah');
`;

async function rowCounts(db: Kysely<Database>): Promise<Record<string, number>> {
  const tables = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'schema_migration'
    ORDER BY table_name`.execute(db);
  const counts: Record<string, number> = {};
  for (const { table_name } of tables.rows) {
    const { rows } = await sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM ${sql.table(table_name)}`.execute(db);
    counts[table_name] = rows[0]!.n;
  }
  return counts;
}

describe('migrations into elections', () => {
  it('moves every row of a filled database into Pilkada Serentak 2024 and loses none', async () => {
    handle = await createEmptyDatabase();
    await migrate(handle, { through: BEFORE_PEMILIHAN });
    await handle.execScript(FIXTURE);
    const before = await rowCounts(handle.db);

    const applied = await migrate(handle);
    expect(applied).toEqual(
      listMigrations()
        .map((m) => m.name)
        .filter((name) => name > BEFORE_PEMILIHAN),
    );
    const after = await rowCounts(handle.db);
    for (const [table, n] of Object.entries(before)) {
      expect({ table, n: after[DROPPED_INTO[table] ?? table] }).toEqual({ table, n });
    }

    const pemilihan = await handle.db.selectFrom('pemilihan').selectAll().execute();
    expect(pemilihan.map((p) => [p.id, p.nama, p.jenis, p.hari_pemungutan])).toEqual([
      [PILKADA_2024_ID, 'Pilkada Serentak 2024', 'pilkada_serentak', '2024-11-27'],
    ]);
    const scoped = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.columns
      WHERE table_schema = 'public' AND column_name = 'pemilihan_id' AND table_name NOT LIKE 'pemilihan%'
      ORDER BY table_name`.execute(handle.db);
    for (const { table_name } of scoped.rows) {
      const source = MOVED_FROM[table_name] ?? table_name;
      // A table made after elections existed, with no older rows to move (anev_ringkasan).
      if (before[source] === undefined) continue;
      // A table moved into elections needs a row in FIXTURE, or this test would prove nothing of it.
      expect({ table: table_name, rows: before[source] ?? 0 }).not.toEqual({ table: table_name, rows: 0 });
      const { rows } = await sql<{ id: string | null; n: number }>`
        SELECT pemilihan_id::text AS id, count(*)::int AS n FROM ${sql.table(table_name)} GROUP BY 1`.execute(
        handle.db,
      );
      expect({ table: table_name, rows }).toEqual({
        table: table_name,
        rows: [{ id: PILKADA_2024_ID, n: before[source] }],
      });
    }
    // The region's turnout figures moved with their row into the election they were set for.
    const region = await handle.db.selectFrom('koordinasi_region_pemilihan').selectAll().execute();
    expect(region.map((r) => [r.kode_wilayah, Number(r.target_partisipasi), r.psu_count])).toEqual([
      ['73.73', 77.5, 0],
    ]);
  });

  it('gives a new, empty database no election of its own', async () => {
    handle = await createEmptyDatabase();
    await migrate(handle);
    expect(await handle.db.selectFrom('pemilihan').selectAll().execute()).toEqual([]);
  });
});

/** The migration that moves incident photos and logistics files into the one evidence store. */
const SATU_BERKAS = listMigrations().find((m) => m.name.endsWith('_satu_berkas'))!.name;
const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** Logistics files as the logistik migration stored them: a handover's photo and signature, and one unused. */
const LOGISTIK_FIXTURE = `
INSERT INTO logistik_leg (id, pemilihan_id, client_id, kode_kabkota, arah, dari_titik, dari_kode, ke_titik, ke_kode,
    berangkat, tiba, moda, jarak_km, waktu_tempuh_menit, kotak, surat_suara)
  VALUES ('88888888-8888-4888-8888-888888888888', '${PILKADA_2024_ID}', gen_random_uuid(), '73.73', 'distribusi',
    'gudang_kpu', '73.73', 'ppk', '73.73.01', now(), now() + interval '2 hours', 'darat', 12.5, 60, 10, 2500);
INSERT INTO logistik_berkas (sha256, mime, ukuran, bytes)
  SELECT encode(sha256(b), 'hex'), m, octet_length(b), b FROM (VALUES
    ('image/jpeg', decode('ffd8ffe0' || repeat('02', 40), 'hex')),
    ('image/png', decode('89504e470d0a1a0a' || repeat('03', 40), 'hex')),
    ('image/png', decode('89504e470d0a1a0a' || repeat('04', 40), 'hex'))) AS f (m, b);
INSERT INTO logistik_serah_terima (pemilihan_id, client_id, leg_id, pemberi_nama, pemberi_jabatan, penerima_nama,
    penerima_jabatan, kotak, surat_suara, segel, diterima_pada, tempat, foto_sha256, ttd_sha256, dicatat_oleh)
  VALUES ('${PILKADA_2024_ID}', gen_random_uuid(), '88888888-8888-4888-8888-888888888888', 'A', 'KPU', 'B', 'PPK',
    10, 2500, '[]', now(), 'Kantor PPK Wara', encode(sha256(decode('ffd8ffe0' || repeat('02', 40), 'hex')), 'hex'),
    encode(sha256(decode('89504e470d0a1a0a' || repeat('03', 40), 'hex')), 'hex'), '11111111-1111-4111-8111-111111111111');
`;

describe('one evidence store (ADR 0017)', () => {
  it('moves every incident photo and logistics file into berkas, each readable by its hash, none lost', async () => {
    handle = await createEmptyDatabase();
    await migrate(handle, { through: BEFORE_PEMILIHAN });
    await handle.execScript(FIXTURE);
    const previous = listMigrations()
      .map((m) => m.name)
      .filter((name) => name < SATU_BERKAS)
      .at(-1)!;
    await migrate(handle, { through: previous });
    await handle.execScript(LOGISTIK_FIXTURE);
    const db = handle.db as unknown as Kysely<Record<string, Record<string, unknown>>>;
    const fotos = (await db.selectFrom('kejadian_foto').selectAll().execute()) as {
      kejadian_id: string;
      mime: string;
      bytes: Buffer;
    }[];
    const logistik = (await db.selectFrom('logistik_berkas').selectAll().execute()) as {
      sha256: string;
      mime: string;
      bytes: Buffer;
    }[];
    const handovers = await db
      .selectFrom('logistik_serah_terima')
      .select(['id', 'foto_sha256', 'ttd_sha256'])
      .execute();
    expect([fotos.length, logistik.length, handovers.length]).toEqual([1, 3, 1]);

    await migrate(handle);

    const tables = await sql<{ table_name: string }>`
      SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'`.execute(handle.db);
    const names = tables.rows.map((r) => r.table_name);
    expect(names).not.toContain('kejadian_foto');
    expect(names).not.toContain('logistik_berkas');
    const store = new Map(
      (await handle.db.selectFrom('berkas').selectAll().execute()).map((f) => [f.sha256, f] as const),
    );
    // Every logistics file is in the store under the same key, byte for byte.
    for (const file of logistik) {
      expect(store.get(file.sha256)).toMatchObject({ mime: file.mime, size_bytes: file.bytes.length });
      expect(Buffer.from(store.get(file.sha256)!.bytes).equals(file.bytes)).toBe(true);
    }
    // The handover still names its photo and signature, now in berkas.
    expect(
      await handle.db
        .selectFrom('logistik_serah_terima')
        .select(['id', 'foto_sha256', 'ttd_sha256'])
        .execute(),
    ).toEqual(handovers);
    // Each incident photo is a row of kejadian_bukti naming its bytes' hash, sent by the step that sent it.
    const bukti = await handle.db.selectFrom('kejadian_bukti').selectAll().execute();
    expect(
      bukti.map((b) => [b.kejadian_id, b.sha256, b.dikirim_by, new Date(b.dikirim_at).toISOString()]),
    ).toEqual(
      fotos.map((f) => [
        f.kejadian_id,
        sha256(f.bytes),
        '11111111-1111-4111-8111-111111111111',
        '2024-11-27T02:00:00.000Z',
      ]),
    );
    for (const foto of fotos) {
      expect(store.get(sha256(foto.bytes))).toMatchObject({ mime: foto.mime });
      expect(Buffer.from(store.get(sha256(foto.bytes))!.bytes).equals(foto.bytes)).toBe(true);
    }
    // And the moved evidence is append-only like the rest.
    await expect(handle.db.deleteFrom('kejadian_bukti').execute()).rejects.toThrow(/tidak dapat diubah/);
  });
});
