-- Voting-day counters that follow a TPS after it has reported (issue #5). The update trigger of
-- 20261128T0006 moved only a TPS's own count and its DPT: a TPS corrected to another kelurahan, or
-- whose DPT was corrected, after it had reported left its stage, its turnout and the DPT behind that
-- turnout under the old kelurahan or the old DPT, so the counters no longer equalled a scan. And a TPS
-- removed with its status never left the stage counters: the status goes by ON DELETE CASCADE after
-- the TPS row, and the status DELETE trigger, which looks up the TPS for its kelurahan, no longer
-- finds it. (hari-h.service.test.ts, "counters after a reported TPS changes".)
--
-- Concurrency: an UPDATE or DELETE of a TPS locks its row, as the ingest does before it reads or
-- writes a status (FOR NO KEY UPDATE, hari-h.repo.ts lockTpsForStatus), so the status these
-- triggers read is the last committed one and no report of that TPS is written until they commit.
-- Counter rows are taken in kode order, as the ingest takes them, so the two cannot deadlock.

-- Every counter of a TPS leaves its old kelurahan (and the chain above) and joins its new one, with
-- the status it stands at; wilayah whose counters come out unchanged (an update of the address,
-- the access mode, ...) are not written.
CREATE OR REPLACE FUNCTION siaga_rollup_tps_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h AS r (kode, shard, tps, dpt, petugas_hadir, logistik_lengkap, dibuka, pemungutan,
                                  ditutup, penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT chain.k, 0, sum(g.tps), sum(g.dpt), sum(g.petugas_hadir), sum(g.logistik_lengkap), sum(g.dibuka),
         sum(g.pemungutan), sum(g.ditutup), sum(g.penghitungan_selesai), sum(g.pemilih),
         sum(g.dpt_pemilih_dilaporkan)
  FROM (
    SELECT u.kode_wilayah,
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
      SELECT o.kode_wilayah, o.dpt_total::bigint AS dpt_total, s.stage, s.pemilih::bigint AS pemilih, -1 AS sign
      FROM old_rows o LEFT JOIN tps_status s ON s.tps_id = o.id
      UNION ALL
      SELECT n.kode_wilayah, n.dpt_total::bigint, s.stage, s.pemilih::bigint, 1
      FROM new_rows n LEFT JOIN tps_status s ON s.tps_id = n.id
    ) u
    GROUP BY u.kode_wilayah
  ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain (k)
  GROUP BY chain.k
  HAVING sum(g.tps) <> 0 OR sum(g.dpt) <> 0 OR sum(g.petugas_hadir) <> 0 OR sum(g.logistik_lengkap) <> 0
      OR sum(g.dibuka) <> 0 OR sum(g.pemungutan) <> 0 OR sum(g.ditutup) <> 0
      OR sum(g.penghitungan_selesai) <> 0 OR sum(g.pemilih) <> 0 OR sum(g.dpt_pemilih_dilaporkan) <> 0
  ORDER BY chain.k
  ON CONFLICT (kode, shard) DO UPDATE SET
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

-- A TPS about to be removed takes its status out of the counters while the TPS row, which names its
-- kelurahan, is still there. Row by row: removing a TPS that has reported is rare.
CREATE FUNCTION siaga_rollup_tps_status_leaves() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_status_apply(ARRAY[OLD.id], ARRAY[s.stage], ARRAY[s.pemilih::bigint], ARRAY[-1])
  FROM tps_status s WHERE s.tps_id = OLD.id;
  RETURN OLD;
END $$;

CREATE TRIGGER tps_rollup_status_leaves BEFORE DELETE ON tps
  FOR EACH ROW EXECUTE FUNCTION siaga_rollup_tps_status_leaves();
