-- Voting-day counters written by the ingest itself (issue #5, ingest throughput). The statement
-- triggers of 20261128T0009 joined each batch's transition tables back to tps and expanded every
-- kelurahan's chain in SQL, twice per upsert (its INSERT and its UPDATE part): measured on the
-- embedded engine, half of a status batch's write. The ingest already holds each TPS's kelurahan and
-- DPT and decides every move (nextStatus), so the domain computes the deltas per wilayah
-- (src/domain/hari-h/rollup.ts, rollupDelta) and the batch writes them in the same statement as the
-- statuses (hari-h.repo.ts rollupDeltaSql). The ingest is the only writer of tps_status.
--
-- The DELETE trigger stays: a TPS removed with its status (ON DELETE CASCADE) still leaves the
-- counters, whoever removes it.
DROP TRIGGER tps_status_rollup_insert ON tps_status;
DROP TRIGGER tps_status_rollup_update ON tps_status;
DROP FUNCTION siaga_rollup_status_insert();
DROP FUNCTION siaga_rollup_status_update();
