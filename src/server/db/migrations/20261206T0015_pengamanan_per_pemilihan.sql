-- Rencana pengamanan belongs to an election (issue #13): the forces a Polres can place and their
-- rosters, the tiga pilar named per kelurahan, the staffing pattern and reserve policy, and the plans
-- (numbered per kab/kota *per election*, one approved per kab/kota per election) are made for one
-- election; a PSU or a Pilkades in the same kab/kota has its own, and the planner reads the kerawanan
-- categories of the same election. pam_plan_tps follows its plan. Existing rows were made for Pilkada
-- Serentak 2024 (the record 20261206T0012 creates wherever data exists).

ALTER TABLE pam_unit ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE pam_unit SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE pam_unit ALTER COLUMN pemilihan_id SET NOT NULL;
DROP INDEX pam_unit_kabkota_idx;
-- Serves: the forces of one kab/kota in an election, in display order (forces table, planner input).
CREATE INDEX pam_unit_kabkota_idx ON pam_unit (pemilihan_id, kode_kabkota, force, nama);

ALTER TABLE pam_tiga_pilar ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE pam_tiga_pilar SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE pam_tiga_pilar ALTER COLUMN pemilihan_id SET NOT NULL;
ALTER TABLE pam_tiga_pilar DROP CONSTRAINT pam_tiga_pilar_kode_kelurahan_peran_nama_key;
ALTER TABLE pam_tiga_pilar ADD CONSTRAINT pam_tiga_pilar_kelurahan_peran_nama_key
  UNIQUE (pemilihan_id, kode_kelurahan, peran, nama);
DROP INDEX pam_tiga_pilar_kabkota_idx;
-- Serves: the tiga pilar of one kab/kota in an election (the gap list).
CREATE INDEX pam_tiga_pilar_kabkota_idx ON pam_tiga_pilar (pemilihan_id, kode_kabkota, kode_kelurahan);

ALTER TABLE pam_setting ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE pam_setting SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE pam_setting ALTER COLUMN pemilihan_id SET NOT NULL;
-- One setting per kab/kota per election.
ALTER TABLE pam_setting DROP CONSTRAINT pam_setting_pkey;
ALTER TABLE pam_setting ADD PRIMARY KEY (pemilihan_id, kode_kabkota);

ALTER TABLE pam_plan ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE pam_plan SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE pam_plan ALTER COLUMN pemilihan_id SET NOT NULL;
-- Serves: the plan list of a kab/kota in an election and the next nomor (versions count per election).
ALTER TABLE pam_plan DROP CONSTRAINT pam_plan_kode_kabkota_nomor_key;
ALTER TABLE pam_plan ADD CONSTRAINT pam_plan_nomor_key UNIQUE (pemilihan_id, kode_kabkota, nomor);
-- At most one approved plan per kab/kota per election; the approve transaction supersedes the
-- previous one first.
DROP INDEX pam_plan_one_approved_idx;
CREATE UNIQUE INDEX pam_plan_one_approved_idx ON pam_plan (pemilihan_id, kode_kabkota) WHERE status = 'approved';
