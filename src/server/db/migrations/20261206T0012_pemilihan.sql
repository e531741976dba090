-- The election (pemilihan) as a record of its own. Until now Siaga knew one election, whose voting
-- day came from SIAGA_VOTING_DAY; a region secures election after election (PSU, Pilkada lanjutan,
-- Pilkades, the next Pemilu and Pilkada), sometimes two at once, and evaluates the last while it
-- prepares the next. Operational records move into elections in the migrations that follow, module
-- by module. Rules and sources: docs/domain/pemilihan.md.

CREATE TABLE pemilihan (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id        uuid UNIQUE,
  nama             text NOT NULL CHECK (length(nama) BETWEEN 3 AND 200),
  jenis            text NOT NULL CHECK (jenis IN ('pilkada_serentak', 'pilkada_lanjutan', 'pilkada_susulan', 'psu', 'pemilu', 'pilkades')),
  hari_pemungutan  date NOT NULL,
  -- The area that holds it: NULL for a national election (Pemilu, Pilkada serentak), a kab/kota for
  -- its own Pilkada lanjutan or PSU, the kabupaten for its Pilkades. Its users manage it.
  kode_wilayah     text REFERENCES wilayah (kode) ON DELETE RESTRICT,
  -- A PSU re-runs voting at some TPS of its parent; a lanjutan or susulan may name one too.
  induk_id         uuid REFERENCES pemilihan (id) ON DELETE RESTRICT,
  -- Closed elections are archived: readable, compared in the anev, no longer changed.
  ditutup_at       timestamptz,
  catatan          text NOT NULL DEFAULT '' CHECK (length(catatan) <= 2000),
  -- True for demo records made by Siaga, never for a user's.
  is_generated     boolean NOT NULL DEFAULT false,
  created_by       uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1,
  CHECK (jenis <> 'psu' OR induk_id IS NOT NULL),
  CHECK (induk_id IS NULL OR jenis IN ('psu', 'pilkada_lanjutan', 'pilkada_susulan')),
  CHECK (induk_id IS NULL OR induk_id <> id)
);
-- Serves: the elections that concern a user's area (its own, its ancestors', or below it).
CREATE INDEX pemilihan_wilayah_idx ON pemilihan (kode_wilayah text_pattern_ops);
CREATE INDEX pemilihan_induk_idx ON pemilihan (induk_id) WHERE induk_id IS NOT NULL;

-- The areas that vote, when fewer than the whole holding area: the desa of a Pilkades, the kab/kota
-- of a Pilkada lanjutan. None listed: the whole area of pemilihan.kode_wilayah votes.
CREATE TABLE pemilihan_wilayah (
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE CASCADE,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  PRIMARY KEY (pemilihan_id, kode_wilayah)
);
-- Serves: the elections an area takes part in.
CREATE INDEX pemilihan_wilayah_kode_idx ON pemilihan_wilayah (kode_wilayah text_pattern_ops);

-- The TPS of a PSU (or of a lanjutan/susulan limited to some TPS).
CREATE TABLE pemilihan_tps (
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE CASCADE,
  tps_id        uuid NOT NULL REFERENCES tps (id) ON DELETE RESTRICT,
  alasan        text NOT NULL DEFAULT '' CHECK (length(alasan) <= 500),
  PRIMARY KEY (pemilihan_id, tps_id)
);

-- An election's own schedule, when it has one: a kabupaten's Pilkades stages, or PKPU stages
-- adjusted by hand. An election without rows here follows the template of its kind (PKPU for Pilkada
-- and Pemilu, domain/pemilihan), dated from its voting day, so moving the day moves the stages.
CREATE TABLE pemilihan_tahapan (
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE CASCADE,
  urutan        smallint NOT NULL CHECK (urutan BETWEEN 1 AND 100),
  kode          text NOT NULL CHECK (kode ~ '^[a-z0-9_]{2,60}$'),
  nama          text NOT NULL CHECK (length(nama) BETWEEN 2 AND 200),
  mulai_on      date NOT NULL,
  selesai_on    date NOT NULL,
  CHECK (selesai_on >= mulai_on),
  PRIMARY KEY (pemilihan_id, kode),
  UNIQUE (pemilihan_id, urutan)
);

-- National holidays and joint leave days that working-day deadlines skip; seeded from the SKB 3
-- Menteri of each year (domain/time/hari-libur.ts), kept by an admin.
CREATE TABLE hari_libur (
  tanggal  date PRIMARY KEY,
  nama     text NOT NULL CHECK (length(nama) BETWEEN 2 AND 200),
  jenis    text NOT NULL CHECK (jenis IN ('libur_nasional', 'cuti_bersama', 'libur_daerah')),
  sumber   text NOT NULL DEFAULT '' CHECK (length(sumber) <= 500)
);

-- A database that already holds the work of the last election gets it as a record: Pilkada
-- Serentak 2024 (voting day 27 Nov 2024, PKPU 2/2024), national, with its PKPU stages. The fixed id
-- lets the migrations that follow move each module's rows into it. A new, empty database gets none.
INSERT INTO pemilihan (id, nama, jenis, hari_pemungutan, kode_wilayah)
SELECT '00000000-0000-4000-8000-000000002024', 'Pilkada Serentak 2024', 'pilkada_serentak', DATE '2024-11-27', NULL
WHERE EXISTS (SELECT 1 FROM app_user);
