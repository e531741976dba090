-- Voting day belongs to an election (issue 13): a PSU at two TPS of Palopo votes weeks after the
-- Pilkada around it, a Pilkades votes in some desa of a kabupaten, and each has its own day, its own
-- TPS statuses, security reports and turnout. Until now there was one election, so every stored status
-- and report belongs to Pilkada Serentak 2024 (the record 20261206T0012 made wherever data exists).
--
-- Which TPS vote in an election is one rule, kept here once (siaga_pemilihan_memuat) and used by the
-- roll-up triggers and by every read (db/pemilihan-tps.ts): the TPS it lists (a PSU), else the TPS of
-- its listed areas (the desa of a Pilkades), else of its holding area, else every TPS (a national
-- election). docs/domain/pemilihan.md.
--
-- The maintained counters (rollup_hari_h) become per election: its TPS and DPT (the denominators) as
-- well as its stages and turnout, so a board still reads at most 32 rows per area. An election's
-- counters are counted afresh when it is made or its TPS or areas change (siaga_rollup_pemilihan_hitung),
-- and kept by the TPS triggers while it is open; a closed election's counters stay as they were at its
-- close (it takes no reports any more; a TPS corrected later does not rewrite its archive).

CREATE FUNCTION siaga_pemilihan_memuat(p_pemilihan uuid, p_tps uuid, p_kode text) RETURNS boolean
LANGUAGE sql STABLE AS $$
  SELECT CASE
    WHEN EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = p_pemilihan)
      THEN EXISTS (SELECT 1 FROM pemilihan_tps pt WHERE pt.pemilihan_id = p_pemilihan AND pt.tps_id = p_tps)
    WHEN EXISTS (SELECT 1 FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan)
      THEN EXISTS (SELECT 1 FROM pemilihan_wilayah w WHERE w.pemilihan_id = p_pemilihan
                   AND (p_kode = w.kode_wilayah OR p_kode LIKE w.kode_wilayah || '.%'))
    ELSE EXISTS (SELECT 1 FROM pemilihan p WHERE p.id = p_pemilihan
                 AND (p.kode_wilayah IS NULL OR p_kode = p.kode_wilayah OR p_kode LIKE p.kode_wilayah || '.%'))
  END
$$;

-- Statuses and their history.
ALTER TABLE tps_status ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE tps_status SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE tps_status ALTER COLUMN pemilihan_id SET NOT NULL;
-- One current status per TPS per election (hari-h.repo.ts tpsStatusUpsertSql).
ALTER TABLE tps_status DROP CONSTRAINT tps_status_pkey;
ALTER TABLE tps_status ADD PRIMARY KEY (pemilihan_id, tps_id);
-- The TPS triggers look up a TPS's statuses in every election.
CREATE INDEX tps_status_tps_idx ON tps_status (tps_id);

ALTER TABLE tps_status_laporan ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE tps_status_laporan SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE tps_status_laporan ALTER COLUMN pemilihan_id SET NOT NULL;

ALTER TABLE tps_situasi ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;
UPDATE tps_situasi SET pemilihan_id = '00000000-0000-4000-8000-000000002024';
ALTER TABLE tps_situasi ALTER COLUMN pemilihan_id SET NOT NULL;
-- The latest security report per TPS of an election (hari-h.repo.ts findTpsStatusWithin).
DROP INDEX tps_situasi_tps_idx;
CREATE INDEX tps_situasi_tps_idx ON tps_situasi (pemilihan_id, tps_id, dibuat_at DESC);

-- Counters per election.
ALTER TABLE rollup_hari_h ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE CASCADE;
DELETE FROM rollup_hari_h;
ALTER TABLE rollup_hari_h ALTER COLUMN pemilihan_id SET NOT NULL;
ALTER TABLE rollup_hari_h DROP CONSTRAINT rollup_hari_h_pkey;
ALTER TABLE rollup_hari_h ADD PRIMARY KEY (pemilihan_id, kode, shard);

-- An election's counters from a scan of its TPS and their statuses in it. Reports wait (SHARE lock on
-- tps_status) while it counts, so none is counted twice or lost between the delete and the insert.
CREATE FUNCTION siaga_rollup_pemilihan_hitung(p_pemilihan uuid) RETURNS void LANGUAGE plpgsql AS $$
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
    FROM tps t
    LEFT JOIN tps_status s ON s.tps_id = t.id AND s.pemilihan_id = p_pemilihan
    WHERE siaga_pemilihan_memuat(p_pemilihan, t.id, t.kode_wilayah)
    GROUP BY t.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY chain.k;
END $$;

SELECT siaga_rollup_pemilihan_hitung(id) FROM pemilihan;

CREATE FUNCTION siaga_rollup_pemilihan_baru() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_pemilihan_hitung(NEW.id);
  RETURN NULL;
END $$;
CREATE TRIGGER pemilihan_rollup_insert AFTER INSERT ON pemilihan
  FOR EACH ROW EXECUTE FUNCTION siaga_rollup_pemilihan_baru();
-- Its holding area changed, or it was opened again: counted afresh.
CREATE TRIGGER pemilihan_rollup_update AFTER UPDATE OF kode_wilayah, ditutup_at ON pemilihan
  FOR EACH ROW WHEN (OLD.kode_wilayah IS DISTINCT FROM NEW.kode_wilayah
                     OR (OLD.ditutup_at IS NOT NULL AND NEW.ditutup_at IS NULL))
  EXECUTE FUNCTION siaga_rollup_pemilihan_baru();

-- Its TPS or areas changed: each election concerned counted afresh, once per statement.
CREATE FUNCTION siaga_rollup_peserta_baru() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_pemilihan_hitung(e.id)
  FROM (SELECT DISTINCT pemilihan_id AS id FROM changed_rows) e
  WHERE EXISTS (SELECT 1 FROM pemilihan p WHERE p.id = e.id);
  RETURN NULL;
END $$;
CREATE TRIGGER pemilihan_tps_rollup_insert AFTER INSERT ON pemilihan_tps
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_peserta_baru();
CREATE TRIGGER pemilihan_tps_rollup_delete AFTER DELETE ON pemilihan_tps
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_peserta_baru();
CREATE TRIGGER pemilihan_wilayah_rollup_insert AFTER INSERT ON pemilihan_wilayah
  REFERENCING NEW TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_peserta_baru();
CREATE TRIGGER pemilihan_wilayah_rollup_delete AFTER DELETE ON pemilihan_wilayah
  REFERENCING OLD TABLE AS changed_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_peserta_baru();

-- TPS registered or removed: the counters of each open election that holds them. A new TPS is in no
-- election's TPS list yet, and a listed TPS cannot be removed (pemilihan_tps ON DELETE RESTRICT), so
-- these go by kelurahan: per kelurahan first (a national import is 435,000 rows but 83,000 kelurahan).
CREATE OR REPLACE FUNCTION siaga_rollup_tps_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h AS r (pemilihan_id, kode, shard, tps, dpt)
  SELECT p.id, chain.k, 0, sum(g.n), sum(g.d)
  FROM (SELECT kode_wilayah, count(*) AS n, sum(dpt_total) AS d FROM new_rows GROUP BY kode_wilayah) g
  JOIN pemilihan p ON p.ditutup_at IS NULL AND siaga_pemilihan_memuat(p.id, NULL, g.kode_wilayah),
       unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
  GROUP BY p.id, chain.k
  ORDER BY p.id, chain.k
  ON CONFLICT (pemilihan_id, kode, shard) DO UPDATE
    SET tps = r.tps + EXCLUDED.tps, dpt = r.dpt + EXCLUDED.dpt;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION siaga_rollup_tps_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h AS r (pemilihan_id, kode, shard, tps, dpt)
  SELECT p.id, chain.k, 0, -sum(g.n), -sum(g.d)
  FROM (SELECT kode_wilayah, count(*) AS n, sum(dpt_total) AS d FROM old_rows GROUP BY kode_wilayah) g
  JOIN pemilihan p ON p.ditutup_at IS NULL AND siaga_pemilihan_memuat(p.id, NULL, g.kode_wilayah),
       unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
  GROUP BY p.id, chain.k
  ORDER BY p.id, chain.k
  ON CONFLICT (pemilihan_id, kode, shard) DO UPDATE
    SET tps = r.tps + EXCLUDED.tps, dpt = r.dpt + EXCLUDED.dpt;
  RETURN NULL;
END $$;

-- A TPS corrected (its DPT, its kelurahan): every counter leaves the old place and joins the new, in
-- each open election that holds it before or after, with the status it has in that election. As
-- 20261205T0011, row locks and kode order keep this and the ingest from deadlocking.
CREATE OR REPLACE FUNCTION siaga_rollup_tps_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h AS r (pemilihan_id, kode, shard, tps, dpt, petugas_hadir, logistik_lengkap, dibuka,
                                  pemungutan, ditutup, penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT g.pemilihan_id, chain.k, 0, sum(g.tps), sum(g.dpt), sum(g.petugas_hadir), sum(g.logistik_lengkap),
         sum(g.dibuka), sum(g.pemungutan), sum(g.ditutup), sum(g.penghitungan_selesai), sum(g.pemilih),
         sum(g.dpt_pemilih_dilaporkan)
  FROM (
    SELECT u.pemilihan_id, u.kode_wilayah,
           sum(u.sign) AS tps,
           sum(u.sign * u.dpt_total) AS dpt,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'petugas_hadir')::int) AS petugas_hadir,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'logistik_lengkap')::int) AS logistik_lengkap,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'dibuka')::int) AS dibuka,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'pemungutan')::int) AS pemungutan,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'ditutup')::int) AS ditutup,
           sum(u.sign * (u.stage IS NOT DISTINCT FROM 'penghitungan_selesai')::int) AS penghitungan_selesai,
           sum(u.sign * coalesce(u.pemilih, 0)) AS pemilih,
           sum(u.sign * CASE WHEN u.pemilih IS NULL THEN 0 ELSE u.dpt_total END) AS dpt_pemilih_dilaporkan
    FROM (
      SELECT p.id AS pemilihan_id, o.kode_wilayah, o.dpt_total::bigint AS dpt_total, s.stage,
             s.pemilih::bigint AS pemilih, -1 AS sign
      FROM old_rows o
      JOIN pemilihan p ON p.ditutup_at IS NULL AND siaga_pemilihan_memuat(p.id, o.id, o.kode_wilayah)
      LEFT JOIN tps_status s ON s.tps_id = o.id AND s.pemilihan_id = p.id
      UNION ALL
      SELECT p.id, n.kode_wilayah, n.dpt_total::bigint, s.stage, s.pemilih::bigint, 1
      FROM new_rows n
      JOIN pemilihan p ON p.ditutup_at IS NULL AND siaga_pemilihan_memuat(p.id, n.id, n.kode_wilayah)
      LEFT JOIN tps_status s ON s.tps_id = n.id AND s.pemilihan_id = p.id
    ) u
    GROUP BY u.pemilihan_id, u.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY g.pemilihan_id, chain.k
  HAVING sum(g.tps) <> 0 OR sum(g.dpt) <> 0 OR sum(g.petugas_hadir) <> 0 OR sum(g.logistik_lengkap) <> 0
      OR sum(g.dibuka) <> 0 OR sum(g.pemungutan) <> 0 OR sum(g.ditutup) <> 0
      OR sum(g.penghitungan_selesai) <> 0 OR sum(g.pemilih) <> 0 OR sum(g.dpt_pemilih_dilaporkan) <> 0
  ORDER BY g.pemilihan_id, chain.k
  ON CONFLICT (pemilihan_id, kode, shard) DO UPDATE SET
    tps = r.tps + EXCLUDED.tps,
    dpt = r.dpt + EXCLUDED.dpt,
    petugas_hadir = r.petugas_hadir + EXCLUDED.petugas_hadir,
    logistik_lengkap = r.logistik_lengkap + EXCLUDED.logistik_lengkap,
    dibuka = r.dibuka + EXCLUDED.dibuka,
    pemungutan = r.pemungutan + EXCLUDED.pemungutan,
    ditutup = r.ditutup + EXCLUDED.ditutup,
    penghitungan_selesai = r.penghitungan_selesai + EXCLUDED.penghitungan_selesai,
    pemilih = r.pemilih + EXCLUDED.pemilih,
    dpt_pemilih_dilaporkan = r.dpt_pemilih_dilaporkan + EXCLUDED.dpt_pemilih_dilaporkan;
  RETURN NULL;
END $$;

-- Status moves made outside the ingest (a status row removed by hand, or with its TPS): the counters
-- of the status's own election, while it is open.
DROP TRIGGER tps_status_rollup_delete ON tps_status;
DROP FUNCTION siaga_rollup_status_delete();
DROP FUNCTION siaga_rollup_tps_status_leaves() CASCADE;
DROP FUNCTION siaga_rollup_status_apply(uuid[], text[], bigint[], integer[]);

CREATE FUNCTION siaga_rollup_status_apply(p_pemilihan uuid[], p_tps uuid[], p_stage text[], p_pemilih bigint[],
                                          p_sign integer[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_hari_h AS r (pemilihan_id, kode, shard, petugas_hadir, logistik_lengkap, dibuka, pemungutan,
                                  ditutup, penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT g.pemilihan_id, chain.k, pg_backend_pid() % 32,
         sum(g.petugas_hadir), sum(g.logistik_lengkap), sum(g.dibuka), sum(g.pemungutan), sum(g.ditutup),
         sum(g.penghitungan_selesai), sum(g.pemilih), sum(g.dpt_pemilih_dilaporkan)
  FROM (
    SELECT d.pemilihan_id, t.kode_wilayah,
           sum(d.sign * (d.stage = 'petugas_hadir')::int) AS petugas_hadir,
           sum(d.sign * (d.stage = 'logistik_lengkap')::int) AS logistik_lengkap,
           sum(d.sign * (d.stage = 'dibuka')::int) AS dibuka,
           sum(d.sign * (d.stage = 'pemungutan')::int) AS pemungutan,
           sum(d.sign * (d.stage = 'ditutup')::int) AS ditutup,
           sum(d.sign * (d.stage = 'penghitungan_selesai')::int) AS penghitungan_selesai,
           sum(d.sign * coalesce(d.pemilih, 0)) AS pemilih,
           sum(d.sign * CASE WHEN d.pemilih IS NULL THEN 0 ELSE t.dpt_total END) AS dpt_pemilih_dilaporkan
    FROM unnest(p_pemilihan, p_tps, p_stage, p_pemilih, p_sign) AS d (pemilihan_id, tps_id, stage, pemilih, sign)
    JOIN tps t ON t.id = d.tps_id
    JOIN pemilihan p ON p.id = d.pemilihan_id AND p.ditutup_at IS NULL
      AND siaga_pemilihan_memuat(p.id, t.id, t.kode_wilayah)
    GROUP BY d.pemilihan_id, t.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY g.pemilihan_id, chain.k
  ORDER BY g.pemilihan_id, chain.k
  ON CONFLICT (pemilihan_id, kode, shard) DO UPDATE SET
    petugas_hadir = r.petugas_hadir + EXCLUDED.petugas_hadir,
    logistik_lengkap = r.logistik_lengkap + EXCLUDED.logistik_lengkap,
    dibuka = r.dibuka + EXCLUDED.dibuka,
    pemungutan = r.pemungutan + EXCLUDED.pemungutan,
    ditutup = r.ditutup + EXCLUDED.ditutup,
    penghitungan_selesai = r.penghitungan_selesai + EXCLUDED.penghitungan_selesai,
    pemilih = r.pemilih + EXCLUDED.pemilih,
    dpt_pemilih_dilaporkan = r.dpt_pemilih_dilaporkan + EXCLUDED.dpt_pemilih_dilaporkan
$$;

CREATE FUNCTION siaga_rollup_status_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(array_agg(pemilihan_id), array_agg(tps_id), array_agg(stage),
                                    array_agg(pemilih::bigint), array_agg(-1)) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;
CREATE TRIGGER tps_status_rollup_delete AFTER DELETE ON tps_status
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_status_delete();

-- A TPS about to be removed takes its statuses out of the counters while its row still names its
-- kelurahan (the cascade removes the statuses after the TPS row is gone).
CREATE FUNCTION siaga_rollup_tps_status_leaves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(array_agg(s.pemilihan_id), array_agg(s.tps_id), array_agg(s.stage),
                                    array_agg(s.pemilih::bigint), array_agg(-1))
  FROM tps_status s WHERE s.tps_id = OLD.id HAVING count(*) > 0;
  RETURN OLD;
END $$;
CREATE TRIGGER tps_rollup_status_leaves BEFORE DELETE ON tps
  FOR EACH ROW EXECUTE FUNCTION siaga_rollup_tps_status_leaves();
