-- Rencana pengamanan (issue #4): the forces a Polres can place (units and named persons, each with a
-- home base), the tiga pilar named per kelurahan when no account exists, the staffing pattern and
-- reserve policy per kab/kota, and versioned plans. The planner itself is pure domain code
-- (src/domain/pengamanan/); rules in docs/domain/pengamanan.md, storage choices in
-- docs/decisions/0006-pengamanan-plan-storage.md.
-- A plan is a record, not a cache: it keeps the exact input it was computed from (jsonb), so an
-- approved plan reads and prints the same after the forces or the kerawanan mapping change.
-- Creations carry a client-generated id (client_id) so that a retried submission finds its first copy.

-- A unit of `jumlah` personnel (Polsek, Kompi Brimob, Koramil, Linmas of a desa) or one named person
-- (jumlah 1, from a roster import). home_kecamatan null = a Polres-level unit (Mapolres, BKO, Kodim).
CREATE TABLE pam_unit (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL UNIQUE,
  kode_kabkota    text NOT NULL REFERENCES wilayah (kode),
  force           text NOT NULL CHECK (force IN ('polres', 'polsek', 'bko_polda', 'brimob', 'kodim',
                                                 'koramil', 'lanal', 'satpol_pp', 'linmas')),
  kind            text NOT NULL CHECK (kind IN ('polri', 'tni', 'linmas', 'satpol_pp')),
  nama            text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  jabatan         text,
  nrp             text,
  jumlah          integer NOT NULL CHECK (jumlah BETWEEN 0 AND 100000),
  home_kecamatan  text REFERENCES wilayah (kode),
  home_kelurahan  text REFERENCES wilayah (kode),
  available       boolean NOT NULL DEFAULT true,
  keterangan      text NOT NULL DEFAULT '',
  source          text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
  is_generated    boolean NOT NULL DEFAULT false,
  created_by      uuid REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  -- A kelurahan-based person (Bhabinkamtibmas, Babinsa, Linmas) lives in that kelurahan's kecamatan.
  CHECK (home_kelurahan IS NULL OR home_kecamatan IS NOT NULL)
);
-- Forces of one kab/kota in display order (the forces table, the planner input).
CREATE INDEX pam_unit_kabkota_idx ON pam_unit (kode_kabkota, force, nama);

-- Tiga pilar named per kelurahan when the person has no account (app_user rows with role lurah,
-- babinsa or bhabinkamtibmas count too). One Bhabinkamtibmas may serve several desa: one row each.
CREATE TABLE pam_tiga_pilar (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_kabkota    text NOT NULL REFERENCES wilayah (kode),
  kode_kelurahan  text NOT NULL REFERENCES wilayah (kode),
  peran           text NOT NULL CHECK (peran IN ('lurah', 'babinsa', 'bhabinkamtibmas')),
  nama            text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  source          text NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'import')),
  is_generated    boolean NOT NULL DEFAULT false,
  updated_by      uuid REFERENCES app_user (id),
  updated_at      timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kode_kelurahan, peran, nama)
);
-- Tiga pilar of one kab/kota (the gap list).
CREATE INDEX pam_tiga_pilar_kabkota_idx ON pam_tiga_pilar (kode_kabkota, kode_kelurahan);

-- Per Polres area (kab/kota): the "Polri : TPS : Linmas" pattern and the ring reserve shares;
-- no row = Siaga's defaults (DEFAULT_POLA, DEFAULT_RESERVE).
CREATE TABLE pam_setting (
  kode_kabkota  text PRIMARY KEY REFERENCES wilayah (kode),
  pola          jsonb NOT NULL,
  reserve       jsonb NOT NULL,
  catatan       text NOT NULL DEFAULT '',
  updated_by    uuid REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);

-- A computed plan. nomor counts versions per kab/kota; a draft becomes approved (the one approved
-- plan of the kab/kota) and the previously approved one superseded; a change after approval names
-- its reason (alasan). input = the planner input (compact codes) plus unit labels; summary = the
-- coverage, shortfall and suggestions shown on screen; penugasan = per-unit assignments and reserves
-- for the per-unit plotting list.
CREATE TABLE pam_plan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL UNIQUE,
  kode_kabkota  text NOT NULL REFERENCES wilayah (kode),
  nomor         integer NOT NULL CHECK (nomor >= 1),
  status        text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved', 'superseded')),
  input         jsonb NOT NULL,
  summary       jsonb NOT NULL,
  penugasan     jsonb NOT NULL,
  skenario      jsonb NOT NULL DEFAULT '[]',
  parent_id     uuid REFERENCES pam_plan (id) ON DELETE RESTRICT,
  alasan        text,
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  approved_by   uuid REFERENCES app_user (id),
  approved_at   timestamptz,
  version       integer NOT NULL DEFAULT 1,
  UNIQUE (kode_kabkota, nomor),
  CHECK ((status = 'draft') = (approved_at IS NULL))
);
-- At most one approved plan per kab/kota; the approve transaction supersedes the previous one first.
CREATE UNIQUE INDEX pam_plan_one_approved_idx ON pam_plan (kode_kabkota) WHERE status = 'approved';

-- One row per TPS of a plan: its group, category, required and assigned personnel and who stands
-- there. Rows (not jsonb) so that a camat or lurah reads their own area's rows by code prefix, and the
-- per-TPS plotting list pages through them in code order.
CREATE TABLE pam_plan_tps (
  plan_id          uuid NOT NULL REFERENCES pam_plan (id) ON DELETE CASCADE,
  tps_id           uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  kode_wilayah     text NOT NULL,
  kode_tps         text NOT NULL,
  nomor            integer NOT NULL,
  kategori         text NOT NULL,
  kelompok         text NOT NULL,
  kelompok_tps     integer NOT NULL,
  polri_required   integer NOT NULL,
  polri_assigned   integer NOT NULL,
  linmas_required  integer NOT NULL,
  linmas_assigned  integer NOT NULL,
  covered          boolean NOT NULL,
  petugas          jsonb NOT NULL,
  PRIMARY KEY (plan_id, tps_id)
);
-- A plan's rows at or below a wilayah, in code order (plan detail for a camat/lurah, plotting list).
CREATE INDEX pam_plan_tps_wilayah_idx ON pam_plan_tps (plan_id, kode_wilayah text_pattern_ops, nomor);
