-- Foundation: the wilayah hierarchy, the TPS registry, users with roles and scope, sessions and
-- the audit trail. Written to the PostgreSQL 15 feature set so that the embedded engine (PGlite,
-- PostgreSQL 18) and the server run the same SQL (docs/decisions/0001-database.md).

CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Kemendagri areas, keyed by their dotted code. Loaded once from idn-area-data (ODbL).
CREATE TABLE wilayah (
  kode        text PRIMARY KEY CHECK (kode ~ '^\d{2}(\.\d{2}(\.\d{2}(\.\d{4})?)?)?$'),
  nama        text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  level       smallint NOT NULL CHECK (level BETWEEN 1 AND 4),
  jenis       text NOT NULL CHECK (jenis IN ('provinsi','kabupaten','kota','kecamatan','kelurahan','desa','desa_adat')),
  parent_kode text REFERENCES wilayah (kode) ON DELETE RESTRICT,
  CHECK ((level = 1) = (parent_kode IS NULL))
);
-- Serves: children of one area (tree navigation).
CREATE INDEX wilayah_parent_idx ON wilayah (parent_kode, kode);
-- Serves: search by name anywhere in the nation (ILIKE '%…%').
CREATE INDEX wilayah_nama_trgm_idx ON wilayah USING gin (nama gin_trgm_ops);
-- Serves: prefix queries on codes ("everything in 73.73").
CREATE INDEX wilayah_kode_prefix_idx ON wilayah (kode text_pattern_ops);

CREATE TABLE tps (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_wilayah   text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  nomor          integer NOT NULL CHECK (nomor BETWEEN 1 AND 999),
  -- KPU's TPS code: the 10-digit kelurahan code and the 3-digit number (7373011001012).
  kode           text NOT NULL UNIQUE CHECK (kode ~ '^\d{13}$'),
  dpt_total      integer NOT NULL CHECK (dpt_total BETWEEN 0 AND 600),
  dpt_laki       integer CHECK (dpt_laki >= 0),
  dpt_perempuan  integer CHECK (dpt_perempuan >= 0),
  alamat         text CHECK (length(alamat) <= 500),
  lat            double precision CHECK (lat BETWEEN -11.5 AND 6.5),
  lon            double precision CHECK (lon BETWEEN 94.5 AND 141.5),
  akses          text NOT NULL DEFAULT 'darat' CHECK (akses IN ('darat','sungai','laut','udara')),
  lokasi_khusus  text CHECK (lokasi_khusus IN ('lapas','rutan','rumah_sakit','panti_sosial','perkebunan','pertambangan','pesantren','relokasi_bencana','lainnya')),
  -- True for demo and benchmark rows made by Siaga, never for data from KPU or a user.
  is_generated   boolean NOT NULL DEFAULT false,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kode_wilayah, nomor),
  CHECK ((dpt_laki IS NULL) = (dpt_perempuan IS NULL)),
  CHECK (dpt_laki IS NULL OR dpt_laki + dpt_perempuan = dpt_total),
  CHECK ((lat IS NULL) = (lon IS NULL))
);
-- Serves: TPS lists and roll-ups within a wilayah prefix, ordered by code (the default sort).
CREATE INDEX tps_kode_wilayah_prefix_idx ON tps (kode_wilayah text_pattern_ops, nomor);

CREATE TABLE app_user (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  username       text NOT NULL UNIQUE CHECK (username ~ '^[a-z0-9._-]{3,64}$'),
  nama           text NOT NULL CHECK (length(nama) BETWEEN 1 AND 200),
  password_hash  text NOT NULL,
  role           text NOT NULL CHECK (role IN ('admin','forkopimda','operator','camat','lurah','babinsa','bhabinkamtibmas','pengawas','viewer')),
  agency         text NOT NULL CHECK (agency IN ('pemda','kesbangpol','polri','tni','kejaksaan','pengadilan','kpu','bawaslu','dprd')),
  -- The user's wilayah scope; NULL is the whole nation (admins only, checked in the service).
  kode_wilayah   text REFERENCES wilayah (kode) ON DELETE RESTRICT,
  is_active      boolean NOT NULL DEFAULT true,
  version        integer NOT NULL DEFAULT 1,
  created_at     timestamptz NOT NULL DEFAULT now(),
  updated_at     timestamptz NOT NULL DEFAULT now(),
  last_login_at  timestamptz
);
-- Serves: user lists within an admin's scope.
CREATE INDEX app_user_kode_wilayah_idx ON app_user (kode_wilayah text_pattern_ops);

-- Server-side sessions; the cookie carries a random token, the table only its SHA-256.
CREATE TABLE user_session (
  token_hash   text PRIMARY KEY,
  user_id      uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  csrf_token   text NOT NULL,
  created_at   timestamptz NOT NULL DEFAULT now(),
  expires_at   timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL DEFAULT now()
);
-- Serves: ending every session of a deactivated user.
CREATE INDEX user_session_user_idx ON user_session (user_id);

-- Every change: who, what, when, before and after. Written in the transaction of the change.
CREATE TABLE audit_log (
  id            bigserial PRIMARY KEY,
  at            timestamptz NOT NULL DEFAULT now(),
  actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  actor_username text,
  action        text NOT NULL,
  entity        text NOT NULL,
  entity_id     text,
  kode_wilayah  text,
  before        jsonb,
  after         jsonb
);
-- Serves: the audit page, newest first, filtered by entity.
CREATE INDEX audit_log_entity_idx ON audit_log (entity, entity_id, id DESC);
CREATE INDEX audit_log_wilayah_idx ON audit_log (kode_wilayah text_pattern_ops, id DESC);

-- One row per TPS import, so that a retried upload of the same file is recognised.
CREATE TABLE tps_import (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  idempotency_key text NOT NULL UNIQUE,
  file_name     text NOT NULL,
  file_sha256   text NOT NULL,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  actor_user_id uuid REFERENCES app_user (id) ON DELETE SET NULL,
  inserted      integer NOT NULL,
  updated       integer NOT NULL,
  unchanged     integer NOT NULL,
  created_at    timestamptz NOT NULL DEFAULT now()
);
