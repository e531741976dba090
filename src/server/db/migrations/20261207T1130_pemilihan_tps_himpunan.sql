-- The TPS of an election as a set the planner can read at once (issue 15, national scale; ADR 0022).
-- siaga_pemilihan_memuat (20261206T0051) answers for one TPS at a time: a STABLE SQL function with
-- sub-selects is never inlined, so a read over the nation called it once per TPS. Measured with
-- 100,000 generated TPS, the national scan of voting-day counters (hari-h.repo.ts scanRollup) took
-- 3,729 ms embedded and 1,602 ms on PostgreSQL, against 81 ms and 24 ms for the same scan with no
-- election test; making an election recounted its counters the same way (3.2-4.4 s per election).
-- With this function, same data: 68 ms and 35 ms, and 40-90 ms to make an election.
--
-- siaga_pemilihan_tps is the same rule over the whole tps table: a set-returning SQL function with
-- one SELECT, which PostgreSQL inlines into the query that selects from it (db/pemilihan-tps.ts).
-- The election's sub-selects do not depend on the TPS, so each runs once (an InitPlan); a TPS is then
-- tested against a hash of the listed TPS or areas, or against the holding area's code. The areas
-- above a code are its first 2, 5 and 8 characters (wilayah.kode is '73', '73.73', '73.73.01' or
-- '73.73.01.1001', checked in 20261124T0001), so "equals an area or starts with area || '.'" is four
-- hash lookups. siaga_pemilihan_memuat stays the rule for one TPS, as the triggers ask it (a TPS's
-- old code, or a kelurahan's new TPS with no id yet); pemilihan-tps.test.ts checks on both engines
-- that the two select the same TPS for every kind of election.

CREATE FUNCTION siaga_pemilihan_tps(p_pemilihan uuid) RETURNS SETOF tps
LANGUAGE sql STABLE AS $$
  SELECT t.* FROM tps t
  WHERE CASE
    WHEN EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = p_pemilihan)
      THEN t.id IN (SELECT pt.tps_id FROM pemilihan_tps pt WHERE pt.pemilihan_id = p_pemilihan)
    WHEN EXISTS (SELECT 1 FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
      THEN t.kode_wilayah IN (SELECT w.kode_wilayah FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
        OR left(t.kode_wilayah, 8) IN (SELECT w.kode_wilayah FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
        OR left(t.kode_wilayah, 5) IN (SELECT w.kode_wilayah FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
        OR left(t.kode_wilayah, 2) IN (SELECT w.kode_wilayah FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
    ELSE (SELECT e.kode_wilayah IS NULL FROM pemilihan e WHERE e.id = p_pemilihan)
      OR t.kode_wilayah = (SELECT e.kode_wilayah FROM pemilihan e WHERE e.id = p_pemilihan)
      OR t.kode_wilayah LIKE (SELECT e.kode_wilayah || '.%' FROM pemilihan e WHERE e.id = p_pemilihan)
  END
$$;

COMMENT ON FUNCTION siaga_pemilihan_memuat(uuid, uuid, text) IS
  'Whether one TPS votes in an election; the same rule as siaga_pemilihan_tps (20261207T1130), which reads use.';
COMMENT ON FUNCTION siaga_pemilihan_tps(uuid) IS
  'The TPS that vote in an election, as a set (inlined); the same rule as siaga_pemilihan_memuat (20261206T0051).';

-- An election's counters counted afresh from its TPS as a set (was: the one-TPS test per TPS).
CREATE OR REPLACE FUNCTION siaga_rollup_pemilihan_hitung(p_pemilihan uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  LOCK TABLE tps_status IN SHARE MODE;
  DELETE FROM rollup_hari_h WHERE pemilihan_id = p_pemilihan;
  INSERT INTO rollup_hari_h (pemilihan_id, kode, shard, tps, dpt, petugas_hadir, logistik_lengkap, dibuka,
                             pemungutan, ditutup, penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT p_pemilihan, chain.k, 0, sum(g.tps), sum(g.dpt), sum(g.petugas_hadir), sum(g.logistik_lengkap),
         sum(g.dibuka), sum(g.pemungutan), sum(g.ditutup), sum(g.penghitungan_selesai), sum(g.pemilih),
         sum(g.dpt_pemilih_dilaporkan)
  FROM (
    SELECT t.kode_wilayah,
           count(*) AS tps,
           sum(t.dpt_total) AS dpt,
           count(*) FILTER (WHERE s.stage = 'petugas_hadir') AS petugas_hadir,
           count(*) FILTER (WHERE s.stage = 'logistik_lengkap') AS logistik_lengkap,
           count(*) FILTER (WHERE s.stage = 'dibuka') AS dibuka,
           count(*) FILTER (WHERE s.stage = 'pemungutan') AS pemungutan,
           count(*) FILTER (WHERE s.stage = 'ditutup') AS ditutup,
           count(*) FILTER (WHERE s.stage = 'penghitungan_selesai') AS penghitungan_selesai,
           coalesce(sum(s.pemilih), 0) AS pemilih,
           coalesce(sum(t.dpt_total) FILTER (WHERE s.pemilih IS NOT NULL), 0) AS dpt_pemilih_dilaporkan
    FROM siaga_pemilihan_tps(p_pemilihan) t
    LEFT JOIN tps_status s ON s.tps_id = t.id AND s.pemilihan_id = p_pemilihan
    GROUP BY t.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY chain.k;
END $$;
