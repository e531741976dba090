-- The kerawanan figures kept per kecamatan (20261206T0096) count the TPS that vote in an election by
-- the one rule of 20261206T0051 (siaga_pemilihan_memuat), not by a copy that knew only a PSU's TPS
-- list: a Pilkades counts only the TPS of its desa, an election of one kab/kota only that kab/kota's,
-- as every list and the scan the figures are tested against already do. Its listed areas decide as
-- its TPS list does, so a change of either recomputes its figures, and so does a change of its
-- holding area. Numbered after 0096, which it corrects.

CREATE OR REPLACE FUNCTION siaga_rollup_kerawanan_refresh(p_pemilihan uuid[], p_phase text[], p_kecamatan text[])
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
      -- A TPS that votes in the election: the one rule (20261206T0051, db/pemilihan-tps.ts).
      AND siaga_pemilihan_memuat(k.pemilihan_id, tps.id, tps.kode_wilayah)
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

CREATE TRIGGER pemilihan_wilayah_kerawanan_rollup_insert AFTER INSERT ON pemilihan_wilayah
  REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_pemilihan_tps();
CREATE TRIGGER pemilihan_wilayah_kerawanan_rollup_delete AFTER DELETE ON pemilihan_wilayah
  REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_kerawanan_pemilihan_tps();

CREATE FUNCTION siaga_rollup_kerawanan_pemilihan() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_kerawanan_refresh(array_agg(r.pemilihan_id), array_agg(r.phase), array_agg(r.kode_kecamatan))
  FROM rollup_kerawanan r
  WHERE r.pemilihan_id = NEW.id
  HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER pemilihan_kerawanan_rollup_update AFTER UPDATE OF kode_wilayah ON pemilihan
  FOR EACH ROW WHEN (OLD.kode_wilayah IS DISTINCT FROM NEW.kode_wilayah)
  EXECUTE FUNCTION siaga_rollup_kerawanan_pemilihan();

-- The figures already kept, counted again by the one rule.
SELECT siaga_rollup_kerawanan_refresh(array_agg(pemilihan_id), array_agg(phase), array_agg(kode_kecamatan))
FROM rollup_kerawanan
HAVING count(*) > 0;
