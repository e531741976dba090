-- Koordinasi belongs to an election (issue #13): a region holds a rakor, tracks its decisions, keeps a
-- readiness checklist, sends imbauan and signs NPHD for each election it secures, and two elections at
-- once (a Pilkades and a PSU) must never mix. Every existing row was the work of Pilkada Serentak 2024
-- and moves into it (its record exists wherever rows do, 20261206T0012). Children reached only
-- through their parent (rakor_peserta, rakor_catatan, imbauan_penerima, nphd_transaksi) need no column.
--
-- The region's stage offsets and turnout figures are per election: they move out of koordinasi_region
-- into koordinasi_region_pemilihan, keyed (pemilihan_id, kode_wilayah). koordinasi_region stays the
-- region's own record (its Forkopimda: head's title, Polri unit, Lanal, 20261206T0022, whatever the
-- election); that migration may run before or after this one, so this one leaves those columns alone.
-- Rules: docs/domain/pemilihan.md ("What belongs to an election").

CREATE TABLE koordinasi_region_pemilihan (
  pemilihan_id        uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  kode_wilayah        text NOT NULL REFERENCES wilayah (kode),
  tahapan             jsonb,
  target_partisipasi  numeric(5, 2) CHECK (target_partisipasi BETWEEN 0 AND 100),
  partisipasi         numeric(5, 2) CHECK (partisipasi BETWEEN 0 AND 100),
  psu_count           integer CHECK (psu_count >= 0),
  updated_by          uuid REFERENCES app_user (id),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  -- Serves: the stages and targets of a region in the election named.
  PRIMARY KEY (pemilihan_id, kode_wilayah)
);
INSERT INTO koordinasi_region_pemilihan
  (pemilihan_id, kode_wilayah, tahapan, target_partisipasi, partisipasi, psu_count, updated_by, updated_at)
SELECT '00000000-0000-4000-8000-000000002024', kode_wilayah, tahapan, target_partisipasi, partisipasi,
       psu_count, updated_by, updated_at
FROM koordinasi_region;
ALTER TABLE koordinasi_region
  DROP COLUMN tahapan,
  DROP COLUMN target_partisipasi,
  DROP COLUMN partisipasi,
  DROP COLUMN psu_count;

ALTER TABLE rakor ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE rakor SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE rakor ALTER COLUMN pemilihan_id SET NOT NULL;
DROP INDEX rakor_wilayah_idx;
-- Serves: the rakor list of an election (related to a wilayah, newest first) and the count of rakor held.
CREATE INDEX rakor_pemilihan_wilayah_idx ON rakor (pemilihan_id, kode_wilayah text_pattern_ops, mulai_at DESC);

ALTER TABLE tindak_lanjut ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE tindak_lanjut SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE tindak_lanjut ALTER COLUMN pemilihan_id SET NOT NULL;
DROP INDEX tindak_lanjut_wilayah_idx;
-- Serves: an election's action items within a wilayah by status and due day (the list, the carried-over
-- agenda, the late count, readiness).
CREATE INDEX tindak_lanjut_pemilihan_wilayah_idx
  ON tindak_lanjut (pemilihan_id, kode_wilayah text_pattern_ops, status, due_on);

-- One checklist per region per election; the key serves the checklist of a region in an election.
ALTER TABLE kesiapan_item ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE kesiapan_item SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE kesiapan_item ALTER COLUMN pemilihan_id SET NOT NULL;
ALTER TABLE kesiapan_item DROP CONSTRAINT kesiapan_item_kode_wilayah_kode_key;
ALTER TABLE kesiapan_item ADD CONSTRAINT kesiapan_item_pemilihan_kode_key UNIQUE (pemilihan_id, kode_wilayah, kode);

ALTER TABLE imbauan ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE imbauan SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE imbauan ALTER COLUMN pemilihan_id SET NOT NULL;
DROP INDEX imbauan_wilayah_idx;
-- Serves: the imbauan sent within a wilayah in an election, newest first.
CREATE INDEX imbauan_pemilihan_wilayah_idx ON imbauan (pemilihan_id, kode_wilayah text_pattern_ops, sent_at DESC);

-- A kab/kota signs one NPHD per recipient per election (each election has its own grant).
ALTER TABLE nphd ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE nphd SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE nphd ALTER COLUMN pemilihan_id SET NOT NULL;
ALTER TABLE nphd DROP CONSTRAINT nphd_kode_wilayah_penerima_key;
ALTER TABLE nphd ADD CONSTRAINT nphd_pemilihan_penerima_key UNIQUE (pemilihan_id, kode_wilayah, penerima);
