-- Petugas (issue 19): the people who run each TPS (KPPS, Linmas, pengawas TPS) and the ad hoc bodies
-- above them (PPS per kelurahan/desa, PPK per kecamatan), imported from the lists KPU and Bawaslu
-- publish or entered; their health screening before H; their check-ins and check-outs on H (from the
-- phone outbox, once per client id); officers who fall ill, are injured or die, with the follow-up;
-- a region's fatigue thresholds and how long health data outlives the election. Every record belongs
-- to an election from birth (docs/domain/pemilihan.md). Two new roles: the KPPS chair (kpps) and the
-- Dinas Kesehatan (dinkes, also a new agency); docs/domain/petugas.md, docs/domain/access.md.

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN
  ('admin','forkopimda','operator','camat','lurah','babinsa','bhabinkamtibmas','pengawas','pemantau_medsos','kpps','dinkes','viewer'));
ALTER TABLE app_user DROP CONSTRAINT app_user_agency_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_agency_check CHECK (agency IN
  ('pemda','kesbangpol','polri','tni','kejaksaan','pengadilan','kpu','bawaslu','dprd','diskominfo','dinkes'));

CREATE TABLE petugas (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  jenis           text NOT NULL CHECK (jenis IN ('kpps','pps','ppk','linmas','pengawas_tps')),
  jabatan         text NOT NULL CHECK (jabatan IN ('ketua','anggota','cadangan')),
  -- The kelurahan/desa (KPPS, Linmas, pengawas TPS, PPS) or kecamatan (PPK) the officer serves.
  kode_wilayah    text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  -- The TPS of KPPS, Linmas and pengawas TPS (a reserve may have none: it serves its desa).
  tps_id          uuid REFERENCES tps (id) ON DELETE RESTRICT,
  nama            text NOT NULL CHECK (length(nama) BETWEEN 2 AND 120),
  -- Personal data (UU 27/2022): shown unmasked only to the roles that need it, every read audited.
  nik             text NOT NULL CHECK (nik ~ '^[0-9]{16}$'),
  telepon         text CHECK (telepon ~ '^08[0-9]{8,11}$'),
  tanggal_lahir   date,
  jenis_kelamin   text CHECK (jenis_kelamin IN ('L','P')),
  -- The Siaga account of a KPPS chair: what makes a TPS "their own".
  user_id         uuid REFERENCES app_user (id) ON DELETE SET NULL,
  -- When the retention rule deleted this officer's health data (the election closed long enough ago).
  kesehatan_dihapus_at timestamptz,
  import_id       uuid,
  is_generated    boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CHECK (jenis NOT IN ('kpps','linmas','pengawas_tps') OR tps_id IS NOT NULL OR jabatan = 'cadangan'),
  CHECK (jenis IN ('kpps','linmas','pengawas_tps') OR tps_id IS NULL)
);
-- One person serves once per election: an import updates the officer with the same NIK.
CREATE UNIQUE INDEX petugas_nik_idx ON petugas (pemilihan_id, nik);
-- Serves: a TPS's people (roster, completeness, the check-in ingest's lookups).
CREATE INDEX petugas_tps_idx ON petugas (pemilihan_id, tps_id) WHERE tps_id IS NOT NULL;
-- Serves: rosters and dashboards of an area (prefix of the kode wilayah).
CREATE INDEX petugas_wilayah_idx ON petugas (pemilihan_id, kode_wilayah text_pattern_ops);
-- Serves: "my own TPS" of a KPPS chair.
CREATE INDEX petugas_user_idx ON petugas (user_id, pemilihan_id) WHERE user_id IS NOT NULL;

-- Idempotent imports: a retry of the same file answers with the first result.
CREATE TABLE petugas_import (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  idempotency_key text NOT NULL UNIQUE,
  file_name       text NOT NULL,
  file_sha256     text NOT NULL,
  kode_wilayah    text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  actor_user_id   uuid REFERENCES app_user (id) ON DELETE SET NULL,
  inserted        integer NOT NULL,
  updated         integer NOT NULL,
  unchanged       integer NOT NULL,
  created_at      timestamptz NOT NULL DEFAULT now()
);

-- The Puskesmas check before H: one current screening per officer (a new check replaces it; the
-- audit row says that it happened, never what it found). Deleted by the retention rule.
CREATE TABLE petugas_skrining (
  petugas_id      uuid PRIMARY KEY REFERENCES petugas (id) ON DELETE CASCADE,
  diperiksa_on    date NOT NULL,
  fasilitas       text NOT NULL DEFAULT '' CHECK (length(fasilitas) <= 120),
  sistolik        integer CHECK (sistolik BETWEEN 50 AND 300),
  diastolik       integer CHECK (diastolik BETWEEN 30 AND 200),
  gula_darah      integer CHECK (gula_darah BETWEEN 20 AND 1000),
  faktor_risiko   text[] NOT NULL DEFAULT '{}',
  hasil           text NOT NULL CHECK (hasil IN ('layak','layak_catatan','tidak_layak')),
  catatan         text NOT NULL DEFAULT '' CHECK (length(catatan) <= 1000),
  dicatat_oleh    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  dicatat_at      timestamptz NOT NULL DEFAULT now()
);

-- Check-ins and check-outs on H, each once per client id (a resend from the outbox is not a second).
CREATE TABLE petugas_hadir (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL UNIQUE,
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  petugas_id      uuid NOT NULL REFERENCES petugas (id) ON DELETE CASCADE,
  jenis           text NOT NULL CHECK (jenis IN ('masuk','keluar')),
  -- When it happened, as the phone says (never ahead of the server's clock).
  pada            timestamptz NOT NULL,
  diterima_at     timestamptz NOT NULL DEFAULT now(),
  created_by      uuid NOT NULL REFERENCES app_user (id)
);
-- Serves: an officer's shifts (hours on duty) in an election.
CREATE INDEX petugas_hadir_petugas_idx ON petugas_hadir (pemilihan_id, petugas_id, pada);

-- An officer who fell ill, was injured or died: the kejadian it was reported as, and the follow-up.
CREATE TABLE petugas_insiden (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL UNIQUE,
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  petugas_id      uuid NOT NULL REFERENCES petugas (id) ON DELETE RESTRICT,
  kejadian_id     uuid NOT NULL REFERENCES kejadian (id) ON DELETE RESTRICT,
  kondisi         text NOT NULL CHECK (kondisi IN ('sakit','cedera','meninggal')),
  penanganan      text NOT NULL CHECK (penanganan IN ('di_tempat','puskesmas','rumah_sakit','pulang','meninggal')),
  fasilitas       text NOT NULL DEFAULT '' CHECK (length(fasilitas) <= 120),
  santunan_jenis  text CHECK (santunan_jenis IN ('meninggal','cacat_permanen','luka_berat','luka_sedang')),
  santunan_status text NOT NULL DEFAULT 'belum' CHECK (santunan_status IN ('belum','diajukan','dibayar','ditolak')),
  catatan         text NOT NULL DEFAULT '' CHECK (length(catatan) <= 2000),
  terjadi_at      timestamptz NOT NULL,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1
);
-- Serves: incidents of an election's officers (dashboard, a TPS's roster).
CREATE INDEX petugas_insiden_pemilihan_idx ON petugas_insiden (pemilihan_id, petugas_id);

-- A kab/kota's own rule: fatigue thresholds in hours and health-data retention in days, set by an
-- admin. Areas without a row use Siaga's defaults (16 and 20 hours, 90 days; domain/petugas).
CREATE TABLE petugas_aturan (
  kode_wilayah    text PRIMARY KEY REFERENCES wilayah (kode) ON DELETE RESTRICT,
  jam_peringatan  integer NOT NULL CHECK (jam_peringatan BETWEEN 4 AND 36),
  jam_bahaya      integer NOT NULL CHECK (jam_bahaya BETWEEN 4 AND 36),
  retensi_hari    integer NOT NULL CHECK (retensi_hari BETWEEN 0 AND 3650),
  updated_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at      timestamptz NOT NULL DEFAULT now(),
  CHECK (jam_bahaya > jam_peringatan)
);
