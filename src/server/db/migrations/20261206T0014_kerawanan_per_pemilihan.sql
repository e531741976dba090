-- Kerawanan mappings belong to an election (issue #13): a TPS is assessed afresh for every election
-- (its pra, saat and pasca phases are the phases of that election's cycle), and a planner's override
-- holds for the election it was decided for. Until now a TPS had one current assessment per phase,
-- so the mapping of Pilkada 2024 and that of the next election would have overwritten each other.
-- Existing rows were made for Pilkada Serentak 2024 (the record 20261206T0012 creates wherever data
-- exists). Area factors (wilayah_area_factor), Bawaslu's index scores (wilayah_ikp, which name their
-- own year) and a region's catalogue settings stay shared: they describe the area, not one election
-- (docs/domain/pemilihan.md, "What belongs to an election").

ALTER TABLE kerawanan_assessment ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE kerawanan_assessment SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE kerawanan_assessment ALTER COLUMN pemilihan_id SET NOT NULL;

DROP INDEX kerawanan_assessment_current_idx;
DROP INDEX kerawanan_assessment_history_idx;
DROP INDEX kerawanan_assessment_submission_idx;
-- Serves: the current assessment of a TPS in a phase of an election (checklists, maps, summaries,
-- the planner); one at most.
CREATE UNIQUE INDEX kerawanan_assessment_current_idx
  ON kerawanan_assessment (pemilihan_id, tps_id, phase) WHERE is_current;
-- Serves: a TPS's history in an election, newest first.
CREATE INDEX kerawanan_assessment_history_idx
  ON kerawanan_assessment (pemilihan_id, tps_id, phase, assessed_at DESC);
-- Serves: idempotent retries of a checklist submission or an import, within the election it named
-- (the same file imported into another election is a new mapping, not a retry).
CREATE INDEX kerawanan_assessment_submission_idx ON kerawanan_assessment (pemilihan_id, submission_id);

ALTER TABLE kerawanan_override ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE kerawanan_override SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE kerawanan_override ALTER COLUMN pemilihan_id SET NOT NULL;

DROP INDEX kerawanan_override_current_idx;
-- Serves: the override in force for a TPS and phase of an election.
CREATE UNIQUE INDEX kerawanan_override_current_idx
  ON kerawanan_override (pemilihan_id, tps_id, phase) WHERE is_current;
