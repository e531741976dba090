/**
 * Kysely's view of the tables created by migrations/. Keep in step with the SQL: a column added in a
 * migration is added here in the same commit (the route and repo tests fail otherwise). A column a CHECK
 * limits to a list is typed by the domain's or contract's union of that list, never a copy of it;
 * schema-unions.test.ts pairs each with its list and fails when the CHECK and the list differ.
 *
 * One file on purpose (over 400 lines): one typed table per table, kept together because Kysely takes
 * one Database interface naming them all, and a column is looked up in one place.
 */
import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';
import type { FotoMime, HasilRujukan, MilestoneKey } from '../../contracts/kejadian';
import type { StatusPengamatan } from '../../contracts/kerawanan';
import type { JenisTransaksiNphd, RakorDetail } from '../../contracts/koordinasi';
import type { Laporan } from '../../contracts/laporan';
import type { Peringatan } from '../../contracts/logistik';
import type { SumberNetralitas } from '../../contracts/netralitas';
import type { AksiLog } from '../../contracts/patroli';
import type {
  PamUnit,
  PlanStatus,
  StoredSummary,
  TigaPilarPeran,
  WhatIfChange,
} from '../../contracts/pengamanan';
import type { JenisKelamin } from '../../contracts/petugas';
import type { WilayahSummary } from '../../contracts/wilayah';
import type { Agency, Role } from '../../domain/access/roles';
import type { TahapTps } from '../../domain/hari-h/tps-status';
import type { JenisKegiatan } from '../../domain/kampanye/kampanye';
import type { LevelEskalasi, StatusKejadian } from '../../domain/kejadian/alur';
import type { MilestoneGakkumdu, RuleSet } from '../../domain/kejadian/gakkumdu';
import type { KategoriKejadian, Keparahan, TujuanRujukan } from '../../domain/kejadian/kategori';
import type { AreaFactorKode, IkpKategori, IndeksKerawanan } from '../../domain/kerawanan/area-factors';
import type { Indicator, Phase } from '../../domain/kerawanan/catalogue';
import type { Contribution, Kategori, ScoringConfig } from '../../domain/kerawanan/score-tps';
import type { JenisImbauan, Prioritas } from '../../domain/koordinasi/imbauan';
import type { PenerimaNphd } from '../../domain/koordinasi/nphd';
import type { JenisRakor, Kehadiran, SatuanPolri, StatusKepalaDaerah } from '../../domain/koordinasi/rakor';
import type { TahapanTemplate } from '../../domain/koordinasi/tahapan';
import type { TindakLanjutStatus } from '../../domain/koordinasi/tindak-lanjut';
import type { JadwalLaporan } from '../../domain/laporan/jadwal';
import type { HitunganSituasi, LevelSituasi, RollUpSituasi } from '../../domain/laporan/situasi';
import type { Arah, Moda, Titik } from '../../domain/logistik/logistik';
import type {
  KategoriMedsos,
  StatusMedsos,
  StatusTakedown,
  TujuanTakedown,
} from '../../domain/medsos/medsos';
import type { Platform } from '../../domain/medsos/url';
import type { Jalur, StatusNetralitas, Terlapor } from '../../domain/netralitas/netralitas';
import type { StatusPatroli, TujuanPatroli, UnsurPatroli } from '../../domain/patroli/patroli';
import type { JenisPemilihan } from '../../domain/pemilihan/pemilihan';
import type { PolaPengamanan, ReservePolicy } from '../../domain/pengamanan/pola';
import type { PetugasEntry, PlanSnapshot, UnitPenugasan } from '../../domain/pengamanan/rencana-tersimpan';
import type { JenisTugasLain } from '../../domain/pengamanan/tugas';
import type { Force, PersonnelKind } from '../../domain/pengamanan/unit';
import type {
  JenisSantunan,
  KondisiInsiden,
  PenangananInsiden,
  StatusSantunan,
} from '../../domain/petugas/insiden';
import type { KejadianHadir } from '../../domain/petugas/kelelahan';
import type { FaktorRisiko, HasilSkrining } from '../../domain/petugas/kesehatan';
import type { JabatanPetugas, JenisPetugas } from '../../domain/petugas/petugas';
import type { JenisLibur } from '../../domain/time/hari-libur';
import type { AksesTps, LokasiKhusus } from '../../domain/tps/tps';

/** A timestamptz the database fills in by default. */
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** A timestamptz the application must supply. */
type RequiredTimestamp = ColumnType<Date, Date | string, Date | string>;

/** A JSON value as a jsonb column reads back. */
type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
/**
 * A jsonb column the repos write as JSON text (`JSON.stringify`, parsed once by the database) and read
 * back parsed as `T`. `optional`: an insert may leave it out (the column has a DEFAULT or is nullable).
 */
type JsonColumn<T, Insert extends 'optional' | 'required' = 'required'> = ColumnType<
  T,
  JsonText<T> | (Insert extends 'optional' ? undefined : never),
  JsonText<T>
>;
/** The JSON text of a value of `T`; SQL NULL where `T` may be null. */
type JsonText<T> = null extends T ? string | null : string;

export interface WilayahTable {
  kode: string;
  nama: string;
  level: number;
  jenis: WilayahSummary['jenis'];
  parent_kode: string | null;
}

export interface TpsTable {
  id: Generated<string>;
  kode_wilayah: string;
  nomor: number;
  kode: string;
  dpt_total: number;
  dpt_laki: number | null;
  dpt_perempuan: number | null;
  alamat: string | null;
  lat: number | null;
  lon: number | null;
  akses: Generated<AksesTps>;
  lokasi_khusus: LokasiKhusus | null;
  is_generated: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AppUserTable {
  id: Generated<string>;
  username: string;
  nama: string;
  password_hash: string;
  role: Role;
  agency: Agency;
  kode_wilayah: string | null;
  is_active: Generated<boolean>;
  version: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  last_login_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface UserSessionTable {
  token_hash: string;
  user_id: string;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: RequiredTimestamp;
  last_seen_at: Timestamp;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Timestamp;
  actor_user_id: string | null;
  actor_username: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  kode_wilayah: string | null;
  /**
   * Whatever the audited change chose to record (a row, a diff, the input): each action has its own
   * shape and old rows keep theirs, so the log types it only as JSON. SQL NULL when absent.
   */
  before: JsonColumn<Json | null, 'optional'>;
  after: JsonColumn<Json | null, 'optional'>;
}

export interface TpsImportTable {
  id: Generated<string>;
  idempotency_key: string;
  file_name: string;
  file_sha256: string;
  kode_wilayah: string;
  actor_user_id: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  created_at: Timestamp;
}

export interface KerawananCatalogueTable {
  id: string;
  version: number;
  nama: string;
  source: string;
  indicators: JsonColumn<Indicator[]>;
  created_at: Timestamp;
}

export interface KerawananAssessmentTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  id: Generated<string>;
  tps_id: string;
  phase: Phase;
  catalogue_id: string;
  catalogue_version: number;
  indicators: string[];
  /** A note per held indicator's code. */
  notes: JsonColumn<Record<string, string>, 'optional'>;
  score: number;
  kategori: Kategori;
  contributions: JsonColumn<Contribution[]>;
  is_current: Generated<boolean>;
  submission_id: string;
  is_generated: Generated<boolean>;
  assessed_by: string | null;
  assessed_at: Timestamp;
}

export interface KerawananOverrideTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  id: Generated<string>;
  tps_id: string;
  phase: Phase;
  kategori: Kategori | null;
  reason: string;
  is_current: Generated<boolean>;
  decided_by: string | null;
  decided_at: Timestamp;
}

export interface WilayahAreaFactorTable {
  id: Generated<string>;
  kode_wilayah: string;
  factor: AreaFactorKode;
  phase: Phase | null;
  note: string;
  is_active: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  ended_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface WilayahIkpTable {
  kode_wilayah: string;
  /** Which of Bawaslu's products: 'ikp_2024' (Dec 2022) or 'pemetaan_pilkada_2024' (Aug 2024). */
  indeks: IndeksKerawanan;
  /** The category Bawaslu released with a mapping score; null for the IKP (computed) or none released. */
  kategori_rilis: Generated<IkpKategori | null>;
  score: number;
  year: number;
  source: string;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface KerawananPengamatanTable {
  id: Generated<string>;
  client_id: string;
  /** The election it was made for (migration pengamatan_per_pemilihan). */
  pemilihan_id: string;
  tps_id: string;
  phase: Phase;
  indikator: string | null;
  catatan: string;
  created_by: string | null;
  created_at: Timestamp;
  status: Generated<StatusPengamatan>;
  tanggapan: string | null;
  ditanggapi_by: string | null;
  ditanggapi_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
}

export interface KerawananRegionSettingTable {
  kode_wilayah: string;
  catalogue_id: string;
  catalogue_version: number;
  /**
   * Written whole (the defaults with the region's changes); read as partial and laid over
   * DEFAULT_SCORING, so a threshold added to ScoringConfig later has a value in rows written before.
   */
  scoring: JsonColumn<Partial<ScoringConfig>>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface RakorTable {
  id: Generated<string>;
  pemilihan_id: string;
  client_id: string;
  kode_wilayah: string;
  jenis: JenisRakor;
  judul: string;
  tempat: Generated<string>;
  mulai_at: RequiredTimestamp;
  status: Generated<RakorDetail['status']>;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface RakorPesertaTable {
  id: Generated<string>;
  rakor_id: string;
  urutan: number;
  jabatan: string;
  agency: Agency;
  kehadiran: Generated<Kehadiran>;
  diwakili_oleh: string | null;
}

export interface RakorCatatanTable {
  id: Generated<string>;
  client_id: string;
  rakor_id: string;
  pembicara: string;
  pokok: string;
  created_by: string;
  created_at: Timestamp;
}

/** A calendar day, YYYY-MM-DD (the client returns dates as text on both engines). */
type DateText = string;

export interface TindakLanjutTable {
  id: Generated<string>;
  pemilihan_id: string;
  client_id: string;
  rakor_id: string | null;
  kode_wilayah: string;
  keputusan: string;
  owner_agency: Agency;
  due_on: DateText;
  status: Generated<TindakLanjutStatus>;
  catatan_selesai: string | null;
  selesai_at: Date | null;
  selesai_by: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

/** A region's own record, whatever the election: its Forkopimda. */
export interface KoordinasiRegionTable {
  kode_wilayah: string;
  /** The head of region's title on invitations. */
  status_kepala_daerah: Generated<StatusKepalaDaerah>;
  satuan_polri: Generated<SatuanPolri>;
  ada_lanal: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

/** A kab/kota's stage offsets and turnout figures in one election. */
export interface KoordinasiRegionPemilihanTable {
  pemilihan_id: string;
  kode_wilayah: string;
  /** The region's own stage offsets; null: the election's stages. */
  tahapan: JsonColumn<TahapanTemplate[] | null, 'optional'>;
  target_partisipasi: number | null;
  partisipasi: number | null;
  psu_count: number | null;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface KesiapanItemTable {
  id: Generated<string>;
  pemilihan_id: string;
  kode_wilayah: string;
  kode: string;
  judul: string;
  agency: Agency;
  due_offset: number;
  done_on: DateText | null;
  done_by: string | null;
  catatan: string | null;
}

export interface ImbauanTable {
  id: Generated<string>;
  pemilihan_id: string;
  client_id: string;
  kode_wilayah: string;
  jenis: JenisImbauan;
  prioritas: Prioritas;
  judul: string;
  isi: string;
  target_roles: Role[];
  teruskan_rt_rw: Generated<boolean>;
  is_publik: Generated<boolean>;
  is_latihan: Generated<boolean>;
  created_by: string;
  sent_at: RequiredTimestamp;
}

export interface ImbauanPenerimaTable {
  imbauan_id: string;
  user_id: string;
  delivered_at: Date | null;
  read_at: Date | null;
  acknowledged_at: Date | null;
  catatan: string | null;
  diteruskan_rt_rw: Generated<boolean>;
  last_reminded_at: Date | null;
  reminder_count: Generated<number>;
}

export interface NphdTable {
  id: Generated<string>;
  pemilihan_id: string;
  kode_wilayah: string;
  penerima: PenerimaNphd;
  nomor: Generated<string>;
  nilai: number;
  ditandatangani_on: DateText | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface NphdTransaksiTable {
  id: Generated<string>;
  client_id: string;
  nphd_id: string;
  jenis: JenisTransaksiNphd;
  nilai: number;
  tanggal: DateText;
  keterangan: Generated<string>;
  created_by: string;
  created_at: Timestamp;
}

export interface PamUnitTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  id: Generated<string>;
  client_id: string;
  kode_kabkota: string;
  force: Force;
  kind: PersonnelKind;
  nama: string;
  jabatan: string | null;
  nrp: string | null;
  jumlah: number;
  home_kecamatan: string | null;
  home_kelurahan: string | null;
  available: Generated<boolean>;
  keterangan: Generated<string>;
  source: Generated<PamUnit['source']>;
  is_generated: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PamTigaPilarTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  id: Generated<string>;
  kode_kabkota: string;
  kode_kelurahan: string;
  peran: TigaPilarPeran;
  nama: string;
  source: Generated<PamUnit['source']>;
  is_generated: Generated<boolean>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PamSettingTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  kode_kabkota: string;
  pola: JsonColumn<PolaPengamanan>;
  reserve: JsonColumn<ReservePolicy>;
  catatan: Generated<string>;
  updated_by: string | null;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PamPlanTable {
  /** The election it belongs to. */
  pemilihan_id: string;
  id: Generated<string>;
  client_id: string;
  kode_kabkota: string;
  nomor: number;
  status: Generated<PlanStatus>;
  /** The planner's input as computed; `tugas` is absent in plans made before duties existed. */
  input: JsonColumn<PlanSnapshot>;
  /** `coverageTps`, `tugas` and `bentrok` are absent in plans made before duties existed. */
  summary: JsonColumn<StoredSummary>;
  penugasan: JsonColumn<UnitPenugasan[]>;
  /** The what-if changes a plan made from a what-if was computed with (DEFAULT []). */
  skenario: JsonColumn<WhatIfChange[], 'optional'>;
  parent_id: string | null;
  alasan: string | null;
  created_by: string;
  created_at: Timestamp;
  approved_by: string | null;
  approved_at: Date | null;
  version: Generated<number>;
}

export interface PamPlanTpsTable {
  plan_id: string;
  tps_id: string;
  kode_wilayah: string;
  kode_tps: string;
  nomor: number;
  kategori: Kategori;
  kelompok: string;
  kelompok_tps: number;
  polri_required: number;
  polri_assigned: number;
  linmas_required: number;
  linmas_assigned: number;
  covered: boolean;
  petugas: JsonColumn<PetugasEntry[]>;
}

/** A duty of the plan besides the TPS (20261206T2223): an escort, an event, a patrol, a posko. */
export interface PamTugasTable {
  id: Generated<string>;
  /** The election it belongs to. */
  pemilihan_id: string;
  kode_kabkota: string;
  jenis: JenisTugasLain;
  sumber_id: string;
  kode_wilayah: string;
  nama: string;
  mulai: RequiredTimestamp;
  selesai: RequiredTimestamp;
  kebutuhan_polri: Generated<number>;
  kebutuhan_tni: Generated<number>;
  kebutuhan_linmas: Generated<number>;
  kebutuhan_satpol_pp: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** Units assigned to a duty by hand (20261206T2223). */
export interface PamTugasUnitTable {
  tugas_id: string;
  unit_id: string;
  jumlah: number;
}

/** A leg of the logistics distribution (20261206T2340_logistik.sql). */
export interface LogistikLegTable {
  id: Generated<string>;
  /** The election it belongs to. */
  pemilihan_id: string;
  client_id: string;
  kode_kabkota: string;
  arah: Arah;
  dari_titik: Titik;
  dari_kode: string;
  dari_tps_nomor: number | null;
  ke_titik: Titik;
  ke_kode: string;
  ke_tps_nomor: number | null;
  sebelumnya_id: string | null;
  berangkat: RequiredTimestamp;
  tiba: RequiredTimestamp;
  moda: Moda;
  /** numeric: read as a string by pg. */
  jarak_km: ColumnType<string, number | string, number | string>;
  waktu_tempuh_menit: number;
  kotak: number;
  surat_suara: number;
  kebutuhan_pengawal: Generated<number>;
  keterangan: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

/** A photo or drawn signature stored once by content. */
/** A berita acara serah terima (append-only). */
export interface LogistikSerahTerimaTable {
  id: Generated<string>;
  /** The election it belongs to. */
  pemilihan_id: string;
  client_id: string;
  leg_id: string;
  koreksi_atas: string | null;
  alasan_koreksi: string | null;
  pemberi_nama: string;
  pemberi_jabatan: string;
  penerima_nama: string;
  penerima_jabatan: string;
  kotak: number;
  surat_suara: number;
  segel: ColumnType<string[], string, string>;
  diterima_pada: RequiredTimestamp;
  tempat: string;
  lat: number | null;
  lon: number | null;
  foto_sha256: string | null;
  ttd_sha256: string | null;
  dicatat_oleh: string;
  dicatat_pada: Timestamp;
}

/** A weather or disaster warning over an area. */
export interface LogistikPeringatanTable {
  id: Generated<string>;
  /** The election it belongs to. */
  pemilihan_id: string;
  client_id: string;
  kode_kabkota: string;
  kode_wilayah: string;
  jenis: Peringatan['jenis'];
  tingkat: Peringatan['tingkat'];
  mulai: RequiredTimestamp;
  selesai: RequiredTimestamp;
  sumber: string;
  keterangan: Generated<string>;
  created_by: string | null;
  created_at: Timestamp;
}

/** A region's own words for the situation levels (20261206T0061). */
export interface LaporanSebutanLevelTable {
  kode_wilayah: string;
  kondusif: string;
  waspada: string;
  genting: string;
  updated_by: string;
  updated_at: Timestamp;
}

export interface LaporanJadwalTable {
  pemilihan_id: string;
  kode_wilayah: string;
  jadwal: JsonColumn<JadwalLaporan>;
  updated_by: string;
  updated_at: Timestamp;
}

export interface LaporanSituasiTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  kode_wilayah: string;
  slot_at: RequiredTimestamp;
  situasi: LevelSituasi;
  uraian: Generated<string>;
  /**
   * Written whole by every report; read as partial because the column's DEFAULT is {} (a reader
   * fills the absent counts with zero).
   */
  jumlah: JsonColumn<Partial<HitunganSituasi>, 'optional'>;
  /** The roll-up of the level below when the report was written; null for a desa's. */
  rollup: JsonColumn<RollUpSituasi | null, 'optional'>;
  status: Generated<Laporan['status']>;
  via: Generated<Laporan['via']>;
  dibuat_at: RequiredTimestamp;
  diterima_at: Timestamp;
  submitted_by: string;
  approved_by: string | null;
  approved_at: Date | null;
  published_at: Date | null;
  /** Version within its area and period (migration 0040); the one with diganti_at NULL counts. */
  versi: Generated<number>;
  diganti_at: Date | null;
  dikoreksi_at: Date | null;
}

export interface KejadianTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  kode_wilayah: string;
  tps_id: string | null;
  lat: number | null;
  lon: number | null;
  kategori: KategoriKejadian;
  severity: Keparahan;
  uraian: string;
  terjadi_at: RequiredTimestamp;
  diketahui_at: RequiredTimestamp;
  status: Generated<StatusKejadian>;
  level: Generated<LevelEskalasi>;
  level_since: Timestamp;
  merged_into: string | null;
  assigned_agency: string | null;
  is_restricted: Generated<boolean>;
  reporter_confidential: Generated<boolean>;
  reported_by: string;
  reported_at: Timestamp;
  via: Generated<string>;
  version: Generated<number>;
  verified_at: Date | null;
  assigned_at: Date | null;
  closed_at: Date | null;
}

/** An incident's photo: a file in berkas, who sent it and when (append-only; a new photo is added). */
export interface KejadianBuktiTable {
  id: Generated<string>;
  kejadian_id: string;
  sha256: string;
  dikirim_by: string | null;
  dikirim_at: Timestamp;
  /** Order of arrival: breaks a tie of dikirim_at (migration 20261207T0339). */
  urutan: Generated<number>;
}

/** Content-addressed evidence files (medsos screenshots, incident photos, handover photos and signatures): stored once under their SHA-256, never changed. */
export interface BerkasTable {
  sha256: string;
  mime: FotoMime;
  size_bytes: number;
  bytes: Buffer;
  created_at: Timestamp;
}

export interface MedsosPostTable {
  id: Generated<string>;
  pemilihan_id: string;
  client_id: string;
  platform: Platform;
  akun: string;
  url: string;
  url_normal: string;
  teks: string;
  dilihat_at: RequiredTimestamp;
  kode_wilayah: string;
  kategori: KategoriMedsos;
  status: Generated<StatusMedsos>;
  merged_into: string | null;
  alasan: string | null;
  recorded_by: string;
  recorded_at: Timestamp;
  via: Generated<string>;
  version: Generated<number>;
}

/** Append-only (a trigger refuses UPDATE and DELETE). */
export interface MedsosBuktiTable {
  id: Generated<string>;
  post_id: string;
  sha256: string;
  nama_berkas: Generated<string>;
  diambil_by: string;
  diambil_at: RequiredTimestamp;
  uploaded_at: Timestamp;
}

export interface MedsosKejadianTable {
  post_id: string;
  kejadian_id: string;
  linked_by: string;
  linked_at: Timestamp;
}

export interface MedsosTakedownTable {
  id: Generated<string>;
  post_id: string;
  tujuan: TujuanTakedown;
  status: Generated<StatusTakedown>;
  nomor: Generated<string>;
  catatan: Generated<string>;
  diajukan_at: RequiredTimestamp;
  diproses_at: Date | null;
  selesai_at: Date | null;
  created_by: string;
  version: Generated<number>;
}

export interface MedsosLangkahTable {
  id: Generated<string>;
  post_id: string;
  aksi: string;
  catatan: Generated<string>;
  actor_id: string | null;
  at: Timestamp;
}

export interface KejadianLangkahTable {
  id: Generated<string>;
  kejadian_id: string;
  aksi: string;
  dari_status: StatusKejadian | null;
  ke_status: StatusKejadian;
  catatan: Generated<string>;
  actor_id: string | null;
  at: Timestamp;
  urutan: Generated<string>;
}

export interface KejadianRujukanTable {
  kejadian_id: string;
  rule_set: RuleSet;
  lembaga: TujuanRujukan;
  /** The handling path's milestones as ISO instants, by key. */
  milestones: JsonColumn<Partial<Record<MilestoneKey, string>>>;
  outcome: HasilRujukan | null;
  updated_by: string;
  updated_at: Timestamp;
}

export interface TpsStatusTable {
  pemilihan_id: string;
  tps_id: string;
  stage: TahapTps;
  pemilih: number | null;
  updated_at: RequiredTimestamp;
  updated_by: string;
}

export interface TpsStatusLaporanTable {
  pemilihan_id: string;
  id: Generated<string>;
  client_id: string;
  tps_id: string;
  stage: TahapTps;
  pemilih: number | null;
  via: Generated<string>;
  dibuat_at: RequiredTimestamp;
  diterima_at: Timestamp;
  created_by: string;
}

export interface TpsSituasiTable {
  pemilihan_id: string;
  id: Generated<string>;
  client_id: string;
  tps_id: string;
  situasi: LevelSituasi;
  catatan: Generated<string>;
  via: Generated<string>;
  dibuat_at: RequiredTimestamp;
  diterima_at: Timestamp;
  created_by: string;
}

export interface RollupHariHTable {
  pemilihan_id: string;
  kode: string;
  shard: number;
  tps: Generated<number>;
  dpt: Generated<number>;
  petugas_hadir: Generated<number>;
  logistik_lengkap: Generated<number>;
  dibuka: Generated<number>;
  pemungutan: Generated<number>;
  ditutup: Generated<number>;
  penghitungan_selesai: Generated<number>;
  pemilih: Generated<number>;
  dpt_pemilih_dilaporkan: Generated<number>;
}

/** TPS and their DPT at and below a wilayah ('' is the nation), kept by triggers on tps (20261206T0095). */
/** Where and when a PPK or the KPU kab/kota recapitulates, per election (migration rekap_lokasi). */
export interface RekapLokasiTable {
  id: Generated<string>;
  pemilihan_id: string;
  kode_wilayah: string;
  tempat: string;
  alamat: Generated<string>;
  mulai: RequiredTimestamp;
  selesai: RequiredTimestamp;
  updated_by: string;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface RollupTpsTable {
  kode: string;
  level: number;
  tps: Generated<number>;
  dpt: Generated<number>;
}

/** Kerawanan figures of a kecamatan in an election and phase, kept by triggers (20261206T0096). */
export interface RollupKerawananTable {
  pemilihan_id: string;
  phase: Phase;
  kode_kecamatan: string;
  assessed: Generated<number>;
  kurang_rawan: Generated<number>;
  rawan: Generated<number>;
  sangat_rawan: Generated<number>;
  khusus: Generated<number>;
  /** Assessed TPS per indicator code. */
  indikator: Generated<Record<string, number>>;
}

export interface SmsPengirimTable {
  nomor: string;
  user_id: string;
  created_by: string;
  created_at: Timestamp;
}

export interface SmsMasukTable {
  id: Generated<string>;
  gateway_id: string;
  nomor: string;
  teks: string;
  user_id: string | null;
  ok: boolean;
  balasan: string;
  received_at: Timestamp;
}

export interface PemilihanTable {
  id: Generated<string>;
  client_id: string | null;
  nama: string;
  jenis: JenisPemilihan;
  hari_pemungutan: DateText;
  kode_wilayah: string | null;
  induk_id: string | null;
  ditutup_at: Date | null;
  catatan: Generated<string>;
  is_generated: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface PemilihanWilayahTable {
  pemilihan_id: string;
  kode_wilayah: string;
}

export interface PemilihanTpsTable {
  pemilihan_id: string;
  tps_id: string;
  alasan: Generated<string>;
}

export interface PemilihanTahapanTable {
  pemilihan_id: string;
  urutan: number;
  kode: string;
  nama: string;
  mulai_on: DateText;
  selesai_on: DateText;
}

export interface HariLiburTable {
  tanggal: DateText;
  nama: string;
  jenis: JenisLibur;
  sumber: Generated<string>;
}

export interface AnevRingkasanTable {
  pemilihan_id: string;
  kode_wilayah: string;
  metrik: string;
  nilai: number;
  sumber: Generated<string>;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface PaslonTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  kode_wilayah: string;
  nomor_urut: number;
  nama: string;
  created_by: string;
  created_at: Timestamp;
}

export interface KampanyeKegiatanTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  jenis: JenisKegiatan;
  paslon_id: string | null;
  judul: string;
  kode_wilayah: string;
  /** The place or route as [[lon, lat], …]. */
  tempat: JsonColumn<[number, number][], 'optional'>;
  alamat: string | null;
  mulai_at: RequiredTimestamp;
  selesai_at: RequiredTimestamp;
  sttp_nomor: string | null;
  perkiraan_massa: number | null;
  kontak: string | null;
  dibatalkan_at: Date | null;
  alasan_batal: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface PoskoPaslonTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  paslon_id: string;
  nama: string;
  kode_wilayah: string;
  lat: number | null;
  lon: number | null;
  alamat: string;
  kontak_nama: string;
  kontak_telepon: string;
  /** The window the posko is guarded (its duty in pam_tugas); null for a posko older than the field. */
  jaga_mulai: Timestamp | null;
  jaga_selesai: Timestamp | null;
  kebutuhan_polri: Generated<number>;
  version: Generated<number>;
  created_by: string;
  created_at: Timestamp;
}

export interface PatroliTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  nama: string;
  kode_wilayah: string;
  unsur: UnsurPatroli[];
  tujuan: TujuanPatroli;
  sasaran: string[];
  mulai_at: RequiredTimestamp;
  selesai_at: RequiredTimestamp;
  status: Generated<StatusPatroli>;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface PatroliLogTable {
  id: Generated<string>;
  client_id: string;
  patroli_id: string;
  aksi: AksiLog;
  dicatat_at: RequiredTimestamp;
  kode_wilayah: string | null;
  lat: number | null;
  lon: number | null;
  uraian: string | null;
  kategori: KategoriKejadian | null;
  kejadian_id: string | null;
  created_by: string;
  created_at: Timestamp;
}

export interface NetralitasTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  kode_wilayah: string;
  terlapor: Terlapor;
  nama_terlapor: string;
  jabatan: string | null;
  sumber: SumberNetralitas;
  pelapor: string | null;
  uraian: string;
  kejadian_id: string | null;
  status: Generated<StatusNetralitas>;
  jalur: Jalur | null;
  diketahui_at: RequiredTimestamp;
  dilaporkan_at: RequiredTimestamp;
  /** The route's milestones besides diketahui/dilaporkan, as ISO instants by key. */
  milestones: JsonColumn<Partial<Record<keyof MilestoneGakkumdu, string>>, 'optional'>;
  diteruskan_at: Date | null;
  putusan_at: Date | null;
  amar: string | null;
  created_by: string;
  created_at: Timestamp;
  version: Generated<number>;
}

export interface NetralitasLangkahTable {
  id: Generated<string>;
  netralitas_id: string;
  aksi: string;
  at: RequiredTimestamp;
  catatan: Generated<string>;
  oleh: string;
  dicatat_at: Timestamp;
}

export interface SchemaMigrationTable {
  name: string;
  applied_at: Timestamp;
}

export interface PetugasTable {
  id: Generated<string>;
  pemilihan_id: string;
  jenis: JenisPetugas;
  jabatan: JabatanPetugas;
  kode_wilayah: string;
  tps_id: string | null;
  nama: string;
  nik: string;
  telepon: string | null;
  tanggal_lahir: DateText | null;
  jenis_kelamin: JenisKelamin | null;
  user_id: string | null;
  kesehatan_dihapus_at: ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
  import_id: string | null;
  is_generated: Generated<boolean>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PetugasImportTable {
  id: Generated<string>;
  pemilihan_id: string;
  idempotency_key: string;
  file_name: string;
  file_sha256: string;
  kode_wilayah: string;
  actor_user_id: string | null;
  inserted: number;
  updated: number;
  unchanged: number;
  created_at: Timestamp;
}

export interface PetugasSkriningTable {
  petugas_id: string;
  diperiksa_on: DateText;
  fasilitas: Generated<string>;
  sistolik: number | null;
  diastolik: number | null;
  gula_darah: number | null;
  faktor_risiko: Generated<FaktorRisiko[]>;
  hasil: HasilSkrining;
  catatan: Generated<string>;
  dicatat_oleh: string | null;
  dicatat_at: Timestamp;
}

export interface PetugasHadirTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  petugas_id: string;
  jenis: KejadianHadir['jenis'];
  pada: RequiredTimestamp;
  diterima_at: Timestamp;
  created_by: string;
}

/** An officer's check-ins kept beside them (derived from petugas_hadir, appended by each batch). */
export interface PetugasJamTable {
  petugas_id: string;
  pemilihan_id: string;
  peristiwa: ColumnType<KejadianHadir[], string | undefined, string>;
}

export interface PetugasInsidenTable {
  id: Generated<string>;
  client_id: string;
  pemilihan_id: string;
  petugas_id: string;
  kejadian_id: string;
  kondisi: KondisiInsiden;
  penanganan: PenangananInsiden;
  fasilitas: Generated<string>;
  santunan_jenis: JenisSantunan | null;
  santunan_status: Generated<StatusSantunan>;
  catatan: Generated<string>;
  terjadi_at: RequiredTimestamp;
  created_by: string;
  created_at: Timestamp;
  updated_at: Timestamp;
  version: Generated<number>;
}

export interface PetugasAturanTable {
  kode_wilayah: string;
  jam_peringatan: number;
  jam_bahaya: number;
  retensi_hari: number;
  updated_by: string | null;
  updated_at: Timestamp;
}

export interface Database {
  wilayah: WilayahTable;
  tps: TpsTable;
  app_user: AppUserTable;
  user_session: UserSessionTable;
  audit_log: AuditLogTable;
  tps_import: TpsImportTable;
  kerawanan_catalogue: KerawananCatalogueTable;
  kerawanan_assessment: KerawananAssessmentTable;
  kerawanan_override: KerawananOverrideTable;
  wilayah_area_factor: WilayahAreaFactorTable;
  wilayah_ikp: WilayahIkpTable;
  kerawanan_pengamatan: KerawananPengamatanTable;
  kerawanan_region_setting: KerawananRegionSettingTable;
  rakor: RakorTable;
  rakor_peserta: RakorPesertaTable;
  rakor_catatan: RakorCatatanTable;
  tindak_lanjut: TindakLanjutTable;
  koordinasi_region: KoordinasiRegionTable;
  koordinasi_region_pemilihan: KoordinasiRegionPemilihanTable;
  kesiapan_item: KesiapanItemTable;
  imbauan: ImbauanTable;
  imbauan_penerima: ImbauanPenerimaTable;
  nphd: NphdTable;
  nphd_transaksi: NphdTransaksiTable;
  pam_unit: PamUnitTable;
  pam_tiga_pilar: PamTigaPilarTable;
  pam_setting: PamSettingTable;
  pam_plan: PamPlanTable;
  pam_plan_tps: PamPlanTpsTable;
  pam_tugas: PamTugasTable;
  pam_tugas_unit: PamTugasUnitTable;
  logistik_leg: LogistikLegTable;
  logistik_serah_terima: LogistikSerahTerimaTable;
  logistik_peringatan: LogistikPeringatanTable;
  laporan_jadwal: LaporanJadwalTable;
  laporan_sebutan_level: LaporanSebutanLevelTable;
  laporan_situasi: LaporanSituasiTable;
  kejadian: KejadianTable;
  kejadian_bukti: KejadianBuktiTable;
  kejadian_langkah: KejadianLangkahTable;
  kejadian_rujukan: KejadianRujukanTable;
  tps_status: TpsStatusTable;
  tps_status_laporan: TpsStatusLaporanTable;
  tps_situasi: TpsSituasiTable;
  rollup_hari_h: RollupHariHTable;
  rekap_lokasi: RekapLokasiTable;
  rollup_tps: RollupTpsTable;
  rollup_kerawanan: RollupKerawananTable;
  sms_pengirim: SmsPengirimTable;
  sms_masuk: SmsMasukTable;
  pemilihan: PemilihanTable;
  pemilihan_wilayah: PemilihanWilayahTable;
  pemilihan_tps: PemilihanTpsTable;
  pemilihan_tahapan: PemilihanTahapanTable;
  hari_libur: HariLiburTable;
  paslon: PaslonTable;
  kampanye_kegiatan: KampanyeKegiatanTable;
  posko_paslon: PoskoPaslonTable;
  patroli: PatroliTable;
  patroli_log: PatroliLogTable;
  netralitas: NetralitasTable;
  netralitas_langkah: NetralitasLangkahTable;
  anev_ringkasan: AnevRingkasanTable;
  berkas: BerkasTable;
  medsos_post: MedsosPostTable;
  medsos_bukti: MedsosBuktiTable;
  medsos_kejadian: MedsosKejadianTable;
  medsos_takedown: MedsosTakedownTable;
  medsos_langkah: MedsosLangkahTable;
  petugas: PetugasTable;
  petugas_import: PetugasImportTable;
  petugas_skrining: PetugasSkriningTable;
  petugas_hadir: PetugasHadirTable;
  petugas_jam: PetugasJamTable;
  petugas_insiden: PetugasInsidenTable;
  petugas_aturan: PetugasAturanTable;
  schema_migration: SchemaMigrationTable;
}

export type WilayahRow = Selectable<WilayahTable>;
export type TpsRow = Selectable<TpsTable>;
export type NewTps = Insertable<TpsTable>;
export type TpsUpdate = Updateable<TpsTable>;
export type AppUserRow = Selectable<AppUserTable>;
