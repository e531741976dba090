-- Issue 14: a situation report can be corrected or escalated within its period (an offline update
-- from waspada to rawan was refused with 409 and lost). A correction is a new row, a new version of
-- the same area and period: the newest version is the one that counts (roll-ups, lists, the daily
-- report, approval); earlier versions stay, with when they were replaced, for the camat and the audit.
ALTER TABLE laporan_situasi
  ADD COLUMN versi integer NOT NULL DEFAULT 1 CHECK (versi >= 1),
  -- When a newer version replaced this one; NULL for the version that counts.
  ADD COLUMN diganti_at timestamptz,
  -- When this version was written on the phone, for versi > 1 (dibuat_at keeps the first version's
  -- time, which decides lateness: correcting a report sent on time does not make it late).
  ADD COLUMN dikoreksi_at timestamptz,
  ADD CONSTRAINT laporan_situasi_koreksi_check CHECK ((versi = 1) = (dikoreksi_at IS NULL));

-- One report per area and period becomes one current version per area and period.
ALTER TABLE laporan_situasi DROP CONSTRAINT IF EXISTS laporan_situasi_kode_wilayah_slot_at_key;
-- Serves findLaporanForSlot and the children of a roll-up, and keeps a single current version.
CREATE UNIQUE INDEX laporan_situasi_berlaku_idx ON laporan_situasi (kode_wilayah, slot_at) WHERE diganti_at IS NULL;
-- Two corrections of the same version cannot both become version n + 1.
CREATE UNIQUE INDEX laporan_situasi_versi_idx ON laporan_situasi (kode_wilayah, slot_at, versi);
