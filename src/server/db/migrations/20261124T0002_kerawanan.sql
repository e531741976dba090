-- Pemetaan kerawanan: indicator-based vulnerability of every TPS per phase (pra, saat, pasca),
-- with history. Assessments are append-only (who, when, which phase, what held, with evidence);
-- the current one per TPS and phase is flagged. A planner's override is kept beside the suggested
-- category, never instead of it. Rules: docs/domain/kerawanan.md.

-- Catalogues are versioned data; an assessment names the version it was scored with.
CREATE TABLE kerawanan_catalogue (
  id          text NOT NULL CHECK (id ~ '^[a-z0-9-]{3,64}$'),
  version     integer NOT NULL CHECK (version >= 1),
  nama        text NOT NULL,
  source      text NOT NULL,
  indicators  jsonb NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (id, version)
);

CREATE TABLE kerawanan_assessment (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tps_id             uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  phase              text NOT NULL CHECK (phase IN ('pra', 'saat', 'pasca')),
  catalogue_id       text NOT NULL,
  catalogue_version  integer NOT NULL,
  indicators         text[] NOT NULL,
  -- Evidence notes keyed by indicator code.
  notes              jsonb NOT NULL DEFAULT '{}'::jsonb,
  score              integer NOT NULL,
  kategori           text NOT NULL CHECK (kategori IN ('kurang_rawan', 'rawan', 'sangat_rawan', 'khusus')),
  contributions      jsonb NOT NULL,
  is_current         boolean NOT NULL DEFAULT true,
  -- The checklist submission this row came from; a retried submission finds it and writes nothing.
  submission_id      text NOT NULL,
  is_generated       boolean NOT NULL DEFAULT false,
  assessed_by        uuid REFERENCES app_user (id) ON DELETE SET NULL,
  assessed_at        timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (catalogue_id, catalogue_version) REFERENCES kerawanan_catalogue (id, version) ON DELETE RESTRICT
);
-- Serves: the current assessment of a TPS in a phase (checklists, maps, summaries); one at most.
CREATE UNIQUE INDEX kerawanan_assessment_current_idx ON kerawanan_assessment (tps_id, phase) WHERE is_current;
-- Serves: a TPS's history, newest first.
CREATE INDEX kerawanan_assessment_history_idx ON kerawanan_assessment (tps_id, phase, assessed_at DESC);
-- Serves: idempotent retries of a checklist submission.
CREATE INDEX kerawanan_assessment_submission_idx ON kerawanan_assessment (submission_id);

CREATE TABLE kerawanan_override (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  tps_id      uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  phase       text NOT NULL CHECK (phase IN ('pra', 'saat', 'pasca')),
  -- NULL withdraws an earlier override (the suggestion counts again).
  kategori    text CHECK (kategori IN ('kurang_rawan', 'rawan', 'sangat_rawan', 'khusus')),
  reason      text NOT NULL CHECK (length(reason) BETWEEN 5 AND 1000),
  is_current  boolean NOT NULL DEFAULT true,
  decided_by  uuid REFERENCES app_user (id) ON DELETE SET NULL,
  decided_at  timestamptz NOT NULL DEFAULT now()
);
-- Serves: the override in force for a TPS and phase.
CREATE UNIQUE INDEX kerawanan_override_current_idx ON kerawanan_override (tps_id, phase) WHERE is_current;

-- Area-level risks that are not one TPS's (conflict history, rally routes, river-only access, flood
-- season, social-media tension…), recorded on the wilayah; ended rather than deleted.
CREATE TABLE wilayah_area_factor (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  factor        text NOT NULL CHECK (factor IN ('riwayat_konflik', 'rute_kampanye_akbar', 'akses_sungai_laut', 'musim_banjir', 'ketegangan_media_sosial', 'basis_massa_paslon', 'sarana_keamanan_minim')),
  -- NULL: holds in every phase.
  phase         text CHECK (phase IN ('pra', 'saat', 'pasca')),
  note          text NOT NULL CHECK (length(note) BETWEEN 3 AND 1000),
  is_active     boolean NOT NULL DEFAULT true,
  created_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  ended_at      timestamptz
);
-- Serves: the active factors at or below a wilayah.
CREATE INDEX wilayah_area_factor_kode_idx ON wilayah_area_factor (kode_wilayah text_pattern_ops) WHERE is_active;

-- Bawaslu's published IKP score of a provinsi or kab/kota (0-100, higher is more vulnerable).
CREATE TABLE wilayah_ikp (
  kode_wilayah  text PRIMARY KEY REFERENCES wilayah (kode) ON DELETE RESTRICT,
  score         numeric(5, 2) NOT NULL CHECK (score BETWEEN 0 AND 100),
  year          integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  source        text NOT NULL CHECK (length(source) BETWEEN 3 AND 500),
  updated_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A region's own catalogue (the base plus its extra indicators) and scoring thresholds; regions
-- without a row use Bawaslu's 2024 catalogue and Siaga's default thresholds.
CREATE TABLE kerawanan_region_setting (
  kode_wilayah       text PRIMARY KEY REFERENCES wilayah (kode) ON DELETE RESTRICT,
  catalogue_id       text NOT NULL,
  catalogue_version  integer NOT NULL,
  scoring            jsonb NOT NULL,
  updated_by         uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at         timestamptz NOT NULL DEFAULT now(),
  FOREIGN KEY (catalogue_id, catalogue_version) REFERENCES kerawanan_catalogue (id, version) ON DELETE RESTRICT
);
