-- Situation reports, their schedules and incidents belong to an election (issue 13): a kab/kota that
-- runs a Pilkades and a PSU at once reports on each by its own schedule, counted from its own voting
-- day, and an incident is handled (and referred to Gakkumdu or not) under its own election's rules.
-- Until now there was one election, so every existing row belongs to Pilkada Serentak 2024, the
-- record 20261206T0012 made wherever data exists. Steps, photos and referrals of an incident are
-- reached only through it and need no column. Rules: docs/domain/pemilihan.md.

ALTER TABLE laporan_jadwal ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE laporan_jadwal SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE laporan_jadwal ALTER COLUMN pemilihan_id SET NOT NULL;
-- One schedule per kab/kota per election (laporan.repo.ts findJadwal, upsertJadwal).
ALTER TABLE laporan_jadwal DROP CONSTRAINT laporan_jadwal_pkey;
ALTER TABLE laporan_jadwal ADD PRIMARY KEY (pemilihan_id, kode_wilayah);

ALTER TABLE laporan_situasi ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE laporan_situasi SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE laporan_situasi ALTER COLUMN pemilihan_id SET NOT NULL;
-- One current version per area and slot per election, and one version n + 1 (20261206T0040 made
-- them per area and slot when there was one election): findLaporanForSlot, findSubmittedSlots.
DROP INDEX laporan_situasi_berlaku_idx;
CREATE UNIQUE INDEX laporan_situasi_berlaku_idx ON laporan_situasi (pemilihan_id, kode_wilayah, slot_at) WHERE diganti_at IS NULL;
DROP INDEX laporan_situasi_versi_idx;
CREATE UNIQUE INDEX laporan_situasi_versi_idx ON laporan_situasi (pemilihan_id, kode_wilayah, slot_at, versi);
-- Serves the list of an area's reports and the reports of a kab/kota's day (findLaporanPage,
-- findReportsOfDay, findChildrenWithReport): an election's reports under a wilayah prefix.
DROP INDEX laporan_situasi_wilayah_idx;
CREATE INDEX laporan_situasi_wilayah_idx ON laporan_situasi (pemilihan_id, kode_wilayah text_pattern_ops, slot_at DESC);

ALTER TABLE kejadian ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE kejadian SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE kejadian ALTER COLUMN pemilihan_id SET NOT NULL;
-- Serves the incident list of an area in an election, newest first (kejadian.repo.ts
-- findKejadianPage), the daily report's counts and the koordinasi indicators.
DROP INDEX kejadian_wilayah_idx;
CREATE INDEX kejadian_wilayah_idx ON kejadian (pemilihan_id, kode_wilayah text_pattern_ops, reported_at DESC);
-- kejadian_open_idx stays as it is: the escalation timer walks the open incidents of every election.
