-- Kerawanan figures per kecamatan, per election and phase, kept by the database (issue #15, national
-- scale). The summary of a provinsi scanned every TPS with its current assessment and override
-- (3.2 s for Jawa Barat's 73,862 TPS) and that of the nation took about 20 s. The summary's figures
-- add up per kecamatan: assessed TPS, TPS per effective category (the planner's override, else the
-- suggestion) and TPS per indicator, so a provinsi or the nation reads a few thousand rows.
--
-- How the rows stay right: a change recomputes the kecamatan it touches from the current rows rather
-- than adding deltas. A category is the override's or else the assessment's, and whether a TPS counts
-- at all depends on the election's TPS list (a PSU), so a delta would need both sides of a join
-- that two transactions may change at once. A kecamatan holds some sixty TPS: recomputing one is a
-- few index lookups. Before recomputing, a statement locks the rows of its kecamatan in key order;
-- a second transaction touching the same kecamatan waits for the first to commit, then recomputes
-- with a new snapshot (READ COMMITTED, each statement of a function sees what committed before it),
-- so the last writer has seen every change. kerawanan.service.test.ts compares these rows with a
-- full scan after every kind of change.
--
-- Not followed: a kelurahan moved to another kecamatan in the wilayah table (Kemendagri codes name
-- their kecamatan; the national load never re-parents).
CREATE TABLE rollup_kerawanan (
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE CASCADE,
  phase           text NOT NULL CHECK (phase IN ('pra', 'saat', 'pasca')),
  kode_kecamatan  text COLLATE "C" NOT NULL,
  -- TPS with a current assessment (the summary's "assessed" and the indicators' denominator).
  assessed        integer NOT NULL DEFAULT 0,
  -- TPS per effective category (an override alone counts too, as in the scan).
  kurang_rawan    integer NOT NULL DEFAULT 0,
  rawan           integer NOT NULL DEFAULT 0,
  sangat_rawan    integer NOT NULL DEFAULT 0,
  khusus          integer NOT NULL DEFAULT 0,
  -- Assessed TPS per indicator code that held: {"kode": n}. Unknown codes are dropped when read.
  indikator       jsonb NOT NULL DEFAULT '{}'::jsonb,
  PRIMARY KEY (pemilihan_id, phase, kode_kecamatan)
);
-- Serves: the rows of a kecamatan whose TPS moved or went (the triggers below).
CREATE INDEX rollup_kerawanan_kecamatan_idx ON rollup_kerawanan (kode_kecamatan);

-- Recompute the given (election, phase, kecamatan) keys from the current rows. Keys of an election
-- that no longer exists (deleted with its TPS list) are skipped.
CREATE FUNCTION siaga_rollup_kerawanan_refresh(p_pemilihan uuid[], p_phase text[], p_kecamatan text[])
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_kerawanan (pemilihan_id, phase, kode_kecamatan)
  SELECT DISTINCT u.pemilihan_id, u.phase, u.kec
  FROM unnest(p_pemilihan, p_phase, p_kecamatan) AS u (pemilihan_id, phase, kec)
  JOIN pemilihan p ON p.id = u.pemilihan_id
  WHERE u.kec IS NOT NULL
  ORDER BY 1, 2, 3
  ON CONFLICT DO NOTHING;

  PERFORM 1
  FROM rollup_kerawanan r
  JOIN unnest(p_pemilihan, p_phase, p_kecamatan) AS u (pemilihan_id, phase, kec)
    ON r.pemilihan_id = u.pemilihan_id AND r.phase = u.phase AND r.kode_kecamatan = u.kec
  ORDER BY r.pemilihan_id, r.phase, r.kode_kecamatan
  FOR UPDATE OF r;

  WITH k AS (
    SELECT DISTINCT u.pemilihan_id, u.phase, u.kec
    FROM unnest(p_pemilihan, p_phase, p_kecamatan) AS u (pemilihan_id, phase, kec)
    WHERE u.kec IS NOT NULL
  ),
  t AS (
    SELECT k.pemilihan_id, k.phase, k.kec, tps.id AS tps_id, a.id AS assessment_id, a.indicators,
           coalesce(o.kategori, a.kategori) AS kategori
    FROM k
    JOIN wilayah kel ON kel.parent_kode = k.kec
    JOIN tps ON tps.kode_wilayah = kel.kode
    LEFT JOIN kerawanan_assessment a
      ON a.pemilihan_id = k.pemilihan_id AND a.tps_id = tps.id AND a.phase = k.phase AND a.is_current
    LEFT JOIN kerawanan_override o
      ON o.pemilihan_id = k.pemilihan_id AND o.tps_id = tps.id AND o.phase = k.phase AND o.is_current
    WHERE (a.id IS NOT NULL OR o.id IS NOT NULL)
      -- A TPS that votes in the election (db/pemilihan-tps.ts): a PSU counts only its own TPS.
      AND (NOT EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = k.pemilihan_id)
           OR EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = k.pemilihan_id AND pt.tps_id = tps.id))
  ),
  c AS (
    SELECT pemilihan_id, phase, kec,
           count(assessment_id) AS assessed,
           count(*) FILTER (WHERE kategori = 'kurang_rawan') AS kurang_rawan,
           count(*) FILTER (WHERE kategori = 'rawan') AS rawan,
           count(*) FILTER (WHERE kategori = 'sangat_rawan') AS sangat_rawan,
           count(*) FILTER (WHERE kategori = 'khusus') AS khusus
    FROM t GROUP BY pemilihan_id, phase, kec
  ),
  i AS (
    SELECT pemilihan_id, phase, kec, jsonb_object_agg(kode, n) AS indikator
    FROM (
      SELECT t.pemilihan_id, t.phase, t.kec, ind.kode, count(DISTINCT t.tps_id) AS n
      FROM t, unnest(t.indicators) AS ind (kode)
      WHERE t.assessment_id IS NOT NULL
      GROUP BY t.pemilihan_id, t.phase, t.kec, ind.kode
    ) x
    GROUP BY pemilihan_id, phase, kec
  )
  UPDATE rollup_kerawanan r
  SET assessed = coalesce(c.assessed, 0),
      kurang_rawan = coalesce(c.kurang_rawan, 0),
      rawan = coalesce(c.rawan, 0),
      sangat_rawan = coalesce(c.sangat_rawan, 0),
      khusus = coalesce(c.khusus, 0),
      indikator = coalesce(i.indikator, '{}'::jsonb)
  FROM k
  LEFT JOIN c ON c.pemilihan_id = k.pemilihan_id AND c.phase = k.phase AND c.kec = k.kec
  LEFT JOIN i ON i.pemilihan_id = k.pemilihan_id AND i.phase = k.phase AND i.kec = k.kec
  WHERE r.pemilihan_id = k.pemilihan_id AND r.phase = k.phase AND r.kode_kecamatan = k.kec;
END $$;

-- Assessments and overrides: the kecamatan of each changed row's TPS. A row removed with its TPS
-- (ON DELETE CASCADE) finds no TPS here; the TPS trigger below has recomputed its kecamatan.
CREATE FUNCTION siaga_rollup_kerawanan_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    PERFORM siaga_rollup_kerawanan_refresh(array_agg(d.pemilihan_id), array_agg(d.phase), array_agg(kel.parent_kode))
    FROM new_rows d JOIN tps ON tps.id = d.tps_id JOIN wilayah kel ON kel.kode = tps.kode_wilayah
    HAVING count(*) > 0;
  ELSIF TG_OP = 'DELETE' THEN
    PERFORM siaga_rollup_kerawanan_refresh(array_agg(d.pemilihan_id), array_agg(d.phase), array_agg(kel.parent_kode))
    FROM old_rows d JOIN tps ON tps.id = d.tps_id JOIN wilayah kel ON kel.kode = tps.kode_wilayah
    HAVING count(*) > 0;
  ELSE
    PERFORM siaga_rollup_kerawanan_refresh(array_agg(d.pemilihan_id), array_agg(d.phase), array_agg(kel.parent_kode))
    FROM (SELECT pemilihan_id, phase, tps_id FROM new_rows UNION SELECT pemilihan_id, phase, tps_id FROM old_rows) d
    JOIN tps ON tps.id = d.tps_id JOIN wilayah kel ON kel.kode = tps.kode_wilayah
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER kerawanan_assessment_rollup_insert AFTER INSERT ON kerawanan_assessment
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();
CREATE TRIGGER kerawanan_assessment_rollup_update AFTER UPDATE ON kerawanan_assessment
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();
CREATE TRIGGER kerawanan_assessment_rollup_delete AFTER DELETE ON kerawanan_assessment
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();
CREATE TRIGGER kerawanan_override_rollup_insert AFTER INSERT ON kerawanan_override
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();
CREATE TRIGGER kerawanan_override_rollup_update AFTER UPDATE ON kerawanan_override
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();
CREATE TRIGGER kerawanan_override_rollup_delete AFTER DELETE ON kerawanan_override
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_rows();

-- A TPS moved to another kelurahan leaves its old kecamatan and joins the new one; a removed TPS
-- leaves its kecamatan (its own assessments go with it). Every election and phase with figures in
-- the old kecamatan is recomputed, there and in the new one: a TPS with a current assessment or
-- override always has the row of its kecamatan (the refresh makes it), so none is missed.
CREATE FUNCTION siaga_rollup_kerawanan_tps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    PERFORM siaga_rollup_kerawanan_refresh(array_agg(r.pemilihan_id), array_agg(r.phase), array_agg(r.kode_kecamatan))
    FROM rollup_kerawanan r
    WHERE r.kode_kecamatan IN (SELECT kel.parent_kode FROM old_rows o JOIN wilayah kel ON kel.kode = o.kode_wilayah)
    HAVING count(*) > 0;
  ELSE
    PERFORM siaga_rollup_kerawanan_refresh(array_agg(r.pemilihan_id), array_agg(r.phase), array_agg(side.kec))
    FROM (
      SELECT old_kel.parent_kode AS old_kec, new_kel.parent_kode AS new_kec
      FROM old_rows o JOIN new_rows n ON n.id = o.id
      JOIN wilayah old_kel ON old_kel.kode = o.kode_wilayah
      JOIN wilayah new_kel ON new_kel.kode = n.kode_wilayah
      WHERE n.kode_wilayah <> o.kode_wilayah
    ) m
    JOIN rollup_kerawanan r ON r.kode_kecamatan = m.old_kec
    CROSS JOIN LATERAL (VALUES (m.old_kec), (m.new_kec)) AS side (kec)
    HAVING count(*) > 0;
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER tps_kerawanan_rollup_update AFTER UPDATE ON tps
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_tps();
CREATE TRIGGER tps_kerawanan_rollup_delete AFTER DELETE ON tps
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_tps();

-- An election's TPS list decides which TPS count: its first entry narrows every kecamatan it has
-- figures in, its last removal widens them again (both transition tables are named "changed").
CREATE FUNCTION siaga_rollup_kerawanan_pemilihan_tps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_kerawanan_refresh(array_agg(r.pemilihan_id), array_agg(r.phase), array_agg(r.kode_kecamatan))
  FROM rollup_kerawanan r
  WHERE r.pemilihan_id IN (SELECT pemilihan_id FROM changed)
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER pemilihan_tps_kerawanan_rollup_insert AFTER INSERT ON pemilihan_tps
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_pemilihan_tps();
CREATE TRIGGER pemilihan_tps_kerawanan_rollup_delete AFTER DELETE ON pemilihan_tps
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_pemilihan_tps();

-- The figures of the assessments and overrides already made.
SELECT siaga_rollup_kerawanan_refresh(array_agg(k.pemilihan_id), array_agg(k.phase), array_agg(k.kec))
FROM (
  SELECT DISTINCT d.pemilihan_id, d.phase, kel.parent_kode AS kec
  FROM (SELECT pemilihan_id, phase, tps_id FROM kerawanan_assessment WHERE is_current
        UNION SELECT pemilihan_id, phase, tps_id FROM kerawanan_override WHERE is_current) d
  JOIN tps ON tps.id = d.tps_id JOIN wilayah kel ON kel.kode = tps.kode_wilayah
) k
HAVING count(*) > 0;
