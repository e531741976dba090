-- Voting-day counters per statement instead of per row (issue #5, ingest throughput). Reports are now
-- written in batches (group commit, docs/decisions/0008-ingest-group-commit.md): a row trigger ran
-- once per TPS and upserted its five wilayah rows each time, which on the embedded engine cost more
-- than the report itself. These triggers see the whole statement's rows (transition tables), add the
-- deltas per kelurahan first and then up the chain, and upsert each wilayah row once.
--
-- Shard: one per statement, from the connection (pg_backend_pid() % 32). Two transactions at once are
-- two connections, so they rarely meet on the same counter row of the nation or a provinsi; when
-- they do, both take the rows in kode order (nation first) and cannot deadlock. Reads still sum the
-- 32 shards (hari-h.repo.ts findRollup).
DROP TRIGGER tps_status_rollup ON tps_status;
DROP FUNCTION siaga_rollup_status();

-- The net change of many TPS statuses: +1 at each new stage, -1 at each old one, turnout likewise.
CREATE FUNCTION siaga_rollup_status_apply(p_tps uuid[], p_stage text[], p_pemilih bigint[], p_sign integer[])
RETURNS void LANGUAGE sql AS $$
  INSERT INTO rollup_hari_h AS r (kode, shard, petugas_hadir, logistik_lengkap, dibuka, pemungutan, ditutup,
                                  penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT chain.k, pg_backend_pid() % 32,
         sum(g.petugas_hadir), sum(g.logistik_lengkap), sum(g.dibuka), sum(g.pemungutan), sum(g.ditutup),
         sum(g.penghitungan_selesai), sum(g.pemilih), sum(g.dpt_pemilih_dilaporkan)
  FROM (
    SELECT t.kode_wilayah,
           sum(d.sign * (d.stage = 'petugas_hadir')::int) AS petugas_hadir,
           sum(d.sign * (d.stage = 'logistik_lengkap')::int) AS logistik_lengkap,
           sum(d.sign * (d.stage = 'dibuka')::int) AS dibuka,
           sum(d.sign * (d.stage = 'pemungutan')::int) AS pemungutan,
           sum(d.sign * (d.stage = 'ditutup')::int) AS ditutup,
           sum(d.sign * (d.stage = 'penghitungan_selesai')::int) AS penghitungan_selesai,
           sum(d.sign * coalesce(d.pemilih, 0)) AS pemilih,
           sum(d.sign * CASE WHEN d.pemilih IS NULL THEN 0 ELSE t.dpt_total END) AS dpt_pemilih_dilaporkan
    FROM unnest(p_tps, p_stage, p_pemilih, p_sign) AS d (tps_id, stage, pemilih, sign)
    JOIN tps t ON t.id = d.tps_id
    GROUP BY t.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY chain.k
  ORDER BY chain.k
  ON CONFLICT (kode, shard) DO UPDATE SET
    petugas_hadir = r.petugas_hadir + EXCLUDED.petugas_hadir,
    logistik_lengkap = r.logistik_lengkap + EXCLUDED.logistik_lengkap,
    dibuka = r.dibuka + EXCLUDED.dibuka,
    pemungutan = r.pemungutan + EXCLUDED.pemungutan,
    ditutup = r.ditutup + EXCLUDED.ditutup,
    penghitungan_selesai = r.penghitungan_selesai + EXCLUDED.penghitungan_selesai,
    pemilih = r.pemilih + EXCLUDED.pemilih,
    dpt_pemilih_dilaporkan = r.dpt_pemilih_dilaporkan + EXCLUDED.dpt_pemilih_dilaporkan
$$;

-- A trigger with transition tables serves one event, hence three small functions.
CREATE FUNCTION siaga_rollup_status_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(array_agg(tps_id), array_agg(stage), array_agg(pemilih::bigint),
                                    array_agg(1)) FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION siaga_rollup_status_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(array_agg(tps_id), array_agg(stage), array_agg(pemilih), array_agg(sign))
  FROM (SELECT tps_id, stage, pemilih::bigint, 1 AS sign FROM new_rows
        UNION ALL
        SELECT tps_id, stage, pemilih::bigint, -1 FROM old_rows) d
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION siaga_rollup_status_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(array_agg(tps_id), array_agg(stage), array_agg(pemilih::bigint),
                                    array_agg(-1)) FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER tps_status_rollup_insert AFTER INSERT ON tps_status
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_status_insert();
CREATE TRIGGER tps_status_rollup_update AFTER UPDATE ON tps_status
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_status_update();
CREATE TRIGGER tps_status_rollup_delete AFTER DELETE ON tps_status
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_status_delete();
