/**
 * The domain's value lists and the database's CHECK constraints name the same values (issue 15).
 * schema.ts types each enum-like column with the domain's union, so services read `kejadian.status`
 * as a StatusKejadian without a cast; this file pairs each such column with the list its union comes
 * from and compares the list with the column's CHECK after the migrations, so a value added on one
 * side only fails here. `column` refuses at compile time a list whose union is not the column's type
 * in schema.ts, so the three (CHECK, list, column type) cannot drift apart unseen.
 */
import { sql, type SelectType } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FOTO_MIME, HASIL_RUJUKAN } from '../../contracts/kejadian';
import { StatusPengamatan } from '../../contracts/kerawanan';
import { JenisTransaksiNphd, RakorSummary } from '../../contracts/koordinasi';
import { Laporan } from '../../contracts/laporan';
import { JENIS_PERINGATAN, TINGKAT_PERINGATAN } from '../../contracts/logistik';
import { SumberNetralitas } from '../../contracts/netralitas';
import { AksiLog } from '../../contracts/patroli';
import { HariLibur } from '../../contracts/pemilihan';
import { PamUnit, PersonnelKind, PLAN_STATUS, TIGA_PILAR_PERAN } from '../../contracts/pengamanan';
import { HadirInput, JenisKelamin } from '../../contracts/petugas';
import { WILAYAH_JENIS } from '../../contracts/wilayah';
import { AGENCIES, ROLES } from '../../domain/access/roles';
import { JENIS_KEGIATAN } from '../../domain/kampanye/kampanye';
import { TAHAP_TPS } from '../../domain/hari-h/tps-status';
import { LEVEL_ESKALASI, STATUS_KEJADIAN } from '../../domain/kejadian/alur';
import { RULE_SETS } from '../../domain/kejadian/gakkumdu';
import { KATEGORI_KEJADIAN, KEPARAHAN, TUJUAN_RUJUKAN } from '../../domain/kejadian/kategori';
import { AREA_FACTORS, IKP_KATEGORI, INDEKS_KERAWANAN } from '../../domain/kerawanan/area-factors';
import { PHASES } from '../../domain/kerawanan/catalogue';
import { KATEGORI } from '../../domain/kerawanan/score-tps';
import { ARAH, MODA, TITIK } from '../../domain/logistik/logistik';
import { JENIS_IMBAUAN, PRIORITAS } from '../../domain/koordinasi/imbauan';
import { PENERIMA_NPHD } from '../../domain/koordinasi/nphd';
import { JENIS_RAKOR, KEHADIRAN, SATUAN_POLRI, STATUS_KEPALA_DAERAH } from '../../domain/koordinasi/rakor';
import { TINDAK_LANJUT_STATUS } from '../../domain/koordinasi/tindak-lanjut';
import { LEVEL_SITUASI } from '../../domain/laporan/situasi';
import { KATEGORI_MEDSOS, STATUS_MEDSOS, STATUS_TAKEDOWN, TUJUAN_TAKEDOWN } from '../../domain/medsos/medsos';
import { PLATFORM } from '../../domain/medsos/url';
import { JALUR, STATUS_NETRALITAS, TERLAPOR } from '../../domain/netralitas/netralitas';
import { STATUS_PATROLI, TUJUAN_PATROLI, UNSUR_PATROLI } from '../../domain/patroli/patroli';
import { JENIS_PEMILIHAN } from '../../domain/pemilihan/pemilihan';
import { JENIS_TUGAS_LAIN } from '../../domain/pengamanan/tugas';
import { FORCES } from '../../domain/pengamanan/unit';
import {
  JENIS_SANTUNAN,
  KONDISI_INSIDEN,
  PENANGANAN_INSIDEN,
  STATUS_SANTUNAN,
} from '../../domain/petugas/insiden';
import { FAKTOR_RISIKO, HASIL_SKRINING } from '../../domain/petugas/kesehatan';
import { JABATAN_PETUGAS, JENIS_PETUGAS } from '../../domain/petugas/petugas';
import { AKSES_TPS, LOKASI_KHUSUS } from '../../domain/tps/tps';
import { createTestDatabase } from '../testing/test-db';
import type { DatabaseHandle } from './client';
import type { Database } from './schema';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
/** The value a column holds, or one element of an array column. */
type ColumnValue<T extends keyof Database, C extends keyof Database[T]> =
  NonNullable<SelectType<Database[T][C]>> extends readonly (infer E)[]
    ? E
    : NonNullable<SelectType<Database[T][C]>>;

interface Pairing<K extends string = string> {
  key: K;
  table: string;
  column: string;
  values: readonly string[];
}

/** True when a column holds one of a fixed set of strings (a union of literals, not `string`). */
type IsLiteralUnion<T> = [T] extends [string] ? (string extends T ? false : true) : false;
/** Every `table.column` of schema.ts whose type is a union of string literals (or an array of one). */
type UnionColumn = {
  [T in Extract<keyof Database, string>]: {
    [C in Extract<keyof Database[T], string>]: IsLiteralUnion<ColumnValue<T, C>> extends true
      ? `${T}.${C}`
      : never;
  }[Extract<keyof Database[T], string>];
}[Extract<keyof Database, string>];

/** A column and the domain list its type in schema.ts comes from. */
function column<T extends keyof Database, C extends keyof Database[T] & string, const V extends string>(
  table: T,
  name: C,
  values: readonly V[],
  ..._sameUnion: Same<V, ColumnValue<T, C>> extends true
    ? []
    : ['the list is not the column type in schema.ts']
): Pairing<`${T}.${C}`> {
  return { key: `${table}.${name}`, table, column: name, values };
}

const PAIRINGS = [
  column('pemilihan', 'jenis', JENIS_PEMILIHAN),
  column('hari_libur', 'jenis', HariLibur.shape.jenis.options),
  column('app_user', 'role', ROLES),
  column('app_user', 'agency', AGENCIES),
  column('rakor', 'jenis', JENIS_RAKOR),
  column('rakor', 'status', RakorSummary.shape.status.options),
  column('rakor_peserta', 'kehadiran', KEHADIRAN),
  column('tindak_lanjut', 'status', TINDAK_LANJUT_STATUS),
  column('koordinasi_region', 'status_kepala_daerah', STATUS_KEPALA_DAERAH),
  column('koordinasi_region', 'satuan_polri', SATUAN_POLRI),
  column('imbauan', 'jenis', JENIS_IMBAUAN),
  column('imbauan', 'prioritas', PRIORITAS),
  column('nphd', 'penerima', PENERIMA_NPHD),
  column('nphd_transaksi', 'jenis', JenisTransaksiNphd.options),
  column('wilayah', 'jenis', WILAYAH_JENIS),
  column('tps', 'akses', AKSES_TPS),
  column('tps', 'lokasi_khusus', LOKASI_KHUSUS),
  column('kerawanan_assessment', 'phase', PHASES),
  column('kerawanan_assessment', 'kategori', KATEGORI),
  column('kerawanan_override', 'phase', PHASES),
  column('kerawanan_override', 'kategori', KATEGORI),
  column(
    'wilayah_area_factor',
    'factor',
    AREA_FACTORS.map((f) => f.kode),
  ),
  column('wilayah_area_factor', 'phase', PHASES),
  column('wilayah_ikp', 'indeks', INDEKS_KERAWANAN),
  column('wilayah_ikp', 'kategori_rilis', IKP_KATEGORI),
  column('kerawanan_pengamatan', 'phase', PHASES),
  column('kerawanan_pengamatan', 'status', StatusPengamatan.options),
  column('rollup_kerawanan', 'phase', PHASES),
  column('medsos_post', 'platform', PLATFORM),
  column('medsos_post', 'kategori', KATEGORI_MEDSOS),
  column('medsos_post', 'status', STATUS_MEDSOS),
  column('medsos_takedown', 'tujuan', TUJUAN_TAKEDOWN),
  column('medsos_takedown', 'status', STATUS_TAKEDOWN),
  column('patroli', 'tujuan', TUJUAN_PATROLI),
  column('patroli', 'status', STATUS_PATROLI),
  column('patroli_log', 'aksi', AksiLog.options),
  column('netralitas', 'terlapor', TERLAPOR),
  column('netralitas', 'sumber', SumberNetralitas.options),
  column('netralitas', 'status', STATUS_NETRALITAS),
  column('netralitas', 'jalur', JALUR),
  column('kampanye_kegiatan', 'jenis', JENIS_KEGIATAN),
  column('pam_unit', 'force', FORCES),
  column('pam_unit', 'kind', PersonnelKind.options),
  column('pam_unit', 'source', PamUnit.shape.source.options),
  column('pam_tiga_pilar', 'peran', TIGA_PILAR_PERAN),
  column('pam_tiga_pilar', 'source', PamUnit.shape.source.options),
  column('pam_plan', 'status', PLAN_STATUS),
  column('pam_tugas', 'jenis', JENIS_TUGAS_LAIN),
  column('logistik_leg', 'arah', ARAH),
  column('logistik_leg', 'dari_titik', TITIK),
  column('logistik_leg', 'ke_titik', TITIK),
  column('logistik_leg', 'moda', MODA),
  column('logistik_peringatan', 'jenis', JENIS_PERINGATAN),
  column('logistik_peringatan', 'tingkat', TINGKAT_PERINGATAN),
  column('kejadian', 'kategori', KATEGORI_KEJADIAN),
  column('kejadian', 'severity', KEPARAHAN),
  column('kejadian', 'status', STATUS_KEJADIAN),
  column('kejadian', 'level', LEVEL_ESKALASI),
  column('kejadian_rujukan', 'rule_set', RULE_SETS),
  column('berkas', 'mime', FOTO_MIME),
  column('laporan_situasi', 'situasi', LEVEL_SITUASI),
  column('laporan_situasi', 'status', Laporan.shape.status.options),
  column('laporan_situasi', 'via', Laporan.shape.via.options),
  column('tps_situasi', 'situasi', LEVEL_SITUASI),
  column('petugas', 'jenis', JENIS_PETUGAS),
  column('petugas', 'jabatan', JABATAN_PETUGAS),
  column('petugas', 'jenis_kelamin', JenisKelamin.options),
  column('petugas_skrining', 'hasil', HASIL_SKRINING),
  column('petugas_hadir', 'jenis', HadirInput.shape.jenis.options),
  column('petugas_insiden', 'kondisi', KONDISI_INSIDEN),
  column('petugas_insiden', 'penanganan', PENANGANAN_INSIDEN),
  column('petugas_insiden', 'santunan_jenis', JENIS_SANTUNAN),
  column('petugas_insiden', 'santunan_status', STATUS_SANTUNAN),
  column('tps_status', 'stage', TAHAP_TPS),
  column('tps_status_laporan', 'stage', TAHAP_TPS),
  column('kejadian_langkah', 'dari_status', STATUS_KEJADIAN),
  column('kejadian_langkah', 'ke_status', STATUS_KEJADIAN),
  column('kejadian_rujukan', 'lembaga', TUJUAN_RUJUKAN),
  column('kejadian_rujukan', 'outcome', HASIL_RUJUKAN),
  column('rakor_peserta', 'agency', AGENCIES),
  column('tindak_lanjut', 'owner_agency', AGENCIES),
  column('kesiapan_item', 'agency', AGENCIES),
  column('pam_plan_tps', 'kategori', KATEGORI),
  column('patroli_log', 'kategori', KATEGORI_KEJADIAN),
  // Arrays: the CHECK says every element is in the list (`col <@ ARRAY[...]`).
  column('imbauan', 'target_roles', ROLES),
  column('patroli', 'unsur', UNSUR_PATROLI),
  column('petugas_skrining', 'faktor_risiko', FAKTOR_RISIKO),
] as const;

/**
 * Every union-typed column of schema.ts is paired above: a column typed by a new union, or a
 * pairing removed, fails the type check here, naming the column, until its CHECK and pairing exist.
 */
const everyUnionColumnPaired: [Exclude<UnionColumn, (typeof PAIRINGS)[number]['key']>] extends [never]
  ? true
  : Exclude<UnionColumn, (typeof PAIRINGS)[number]['key']> = true;

/**
 * Columns whose CHECK lists values that no domain or contract union names and that no code narrows
 * (the channel a record came in by): they stay `string` in schema.ts.
 */
const WITHOUT_UNION = new Set([
  'kejadian.via',
  'medsos_post.via',
  'tps_situasi.via',
  'tps_status_laporan.via',
]);

let database: DatabaseHandle;
/**
 * Every single-column `col = ANY (ARRAY[...])` CHECK of the migrated schema, and every array
 * column's `col <@ ARRAY[...]`, keyed `table.column`.
 */
let checks: Map<string, string[]>;

beforeAll(async () => {
  database = await createTestDatabase();
  const { rows } = await sql<{ table: string; column: string; def: string }>`
    SELECT c.conrelid::regclass::text AS table, a.attname AS column, pg_get_constraintdef(c.oid) AS def
    FROM pg_constraint c
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'c' AND cardinality(c.conkey) = 1 AND c.connamespace = 'public'::regnamespace
  `.execute(database.db);
  checks = new Map();
  for (const row of rows) {
    const match =
      /^CHECK \(\((\w+) = ANY \(ARRAY\[(.+)\]\)\)\)$/.exec(row.def) ??
      /^CHECK \(\((\w+) <@ ARRAY\[(.+)\]\)\)$/.exec(row.def);
    if (match?.[1] !== row.column) continue;
    const values = [...match[2]!.matchAll(/'((?:[^']|'')*)'::text/g)].map((m) => m[1]!.replaceAll("''", "'"));
    checks.set(`${row.table}.${row.column}`, values);
  }
});
afterAll(async () => database.close());

describe('columns typed by the domain unions', () => {
  it('reads the CHECK constraints of the migrated schema', () => {
    expect(everyUnionColumnPaired).toBe(true);
    // The parse above found the lists at all (a change in pg_get_constraintdef's output would empty it).
    expect(checks.get('pemilihan.jenis')).toContain('psu');
    expect(checks.size).toBeGreaterThan(50);
  });

  it.each(PAIRINGS.map((p) => [`${p.table}.${p.column}`, p] as const))(
    '%s: the CHECK allows exactly the domain list',
    (key, pairing) => {
      expect(checks.get(key), `no CHECK (col = ANY (...)) on ${key}`).toBeDefined();
      expect([...checks.get(key)!].sort()).toEqual([...pairing.values].sort());
    },
  );

  it('every enum-like CHECK is paired with a domain union, or listed with why not', () => {
    const paired = new Set(PAIRINGS.map((p) => `${p.table}.${p.column}`));
    const unpaired = [...checks.keys()].filter((key) => !paired.has(key) && !WITHOUT_UNION.has(key)).sort();
    expect(unpaired).toEqual([]);
    // A listed column that lost its CHECK, or got paired, leaves the lists.
    const listed = [...WITHOUT_UNION].filter((key) => !checks.has(key) || paired.has(key));
    expect(listed).toEqual([]);
  });
});
