-- The number of TPS and their voters (DPT) at and below every wilayah, kept by the database (issue
-- #15, national scale).
-- A national TPS list counted its rows with count(*) on every page (130–330 ms at 435,296 TPS), and
-- the kerawanan summary of a provinsi or the nation counted TPS per kecamatan by scanning them. The
-- count of an area's TPS belongs to the area, not to one election or to voting day (rollup_hari_h
-- keeps voting-day figures), so it has its own table.
--
-- Rows for '' (the nation), each provinsi, kab/kota, kecamatan and kelurahan/desa that holds a TPS.
-- Statement triggers add the net change per kelurahan first and then up its chain, as the voting-day
-- counters do (20261128T0006): a national import is 435,000 rows in 83,000 kelurahan. Rows are
-- written in kode order, so two imports at once cannot deadlock on them. The kode column sorts by
-- bytes ("C") so that "at or below 73.73" (kode LIKE '73.73.%') is served by the primary key.
CREATE TABLE rollup_tps (
  kode  text COLLATE "C" PRIMARY KEY,
  level smallint NOT NULL CHECK (level BETWEEN 0 AND 4),
  tps   integer NOT NULL DEFAULT 0,
  dpt   bigint NOT NULL DEFAULT 0
);
-- Serves: the kecamatan (level 3) of an area with their counts, for the kerawanan summary.
CREATE INDEX rollup_tps_level_idx ON rollup_tps (level, kode);

-- The net change of many TPS: each moves its count and DPT out of one kelurahan (sign -1) or into one (+1).
CREATE FUNCTION siaga_rollup_tps_apply(p_kode text[], p_sign integer[], p_dpt bigint[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO rollup_tps AS r (kode, level, tps, dpt)
  SELECT chain.k, CASE WHEN chain.k = '' THEN 0 ELSE array_length(string_to_array(chain.k, '.'), 1) END,
         sum(g.n), sum(g.dpt)
  FROM (SELECT d.kode, sum(d.sign) AS n, sum(d.sign * d.dpt) AS dpt
        FROM unnest(p_kode, p_sign, p_dpt) AS d (kode, sign, dpt) GROUP BY d.kode) g,
       unnest(siaga_wilayah_chain(g.kode)) AS chain (k)
  GROUP BY chain.k
  HAVING sum(g.n) <> 0 OR sum(g.dpt) <> 0
  ORDER BY chain.k
  ON CONFLICT (kode) DO UPDATE SET tps = r.tps + EXCLUDED.tps, dpt = r.dpt + EXCLUDED.dpt
$$;

CREATE FUNCTION siaga_rollup_tps_count_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_tps_apply(array_agg(kode_wilayah), array_agg(1), array_agg(dpt_total::bigint))
  FROM new_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE FUNCTION siaga_rollup_tps_count_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_tps_apply(array_agg(kode_wilayah), array_agg(-1), array_agg(dpt_total::bigint))
  FROM old_rows HAVING count(*) > 0;
  RETURN NULL;
END $$;

-- Only a TPS moved to another kelurahan or with its DPT corrected changes the figures; an edit of its
-- address or access writes nothing.
CREATE FUNCTION siaga_rollup_tps_count_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM siaga_rollup_tps_apply(array_agg(d.kode), array_agg(d.sign), array_agg(d.dpt))
  FROM (SELECT o.kode_wilayah AS kode, -1 AS sign, o.dpt_total::bigint AS dpt
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.kode_wilayah <> o.kode_wilayah OR n.dpt_total <> o.dpt_total
        UNION ALL
        SELECT n.kode_wilayah, 1, n.dpt_total::bigint
        FROM old_rows o JOIN new_rows n ON n.id = o.id
        WHERE n.kode_wilayah <> o.kode_wilayah OR n.dpt_total <> o.dpt_total) d
  HAVING count(*) > 0;
  RETURN NULL;
END $$;

CREATE TRIGGER tps_count_insert AFTER INSERT ON tps
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_count_insert();
CREATE TRIGGER tps_count_delete AFTER DELETE ON tps
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_count_delete();
CREATE TRIGGER tps_count_update AFTER UPDATE ON tps
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_count_update();

-- The TPS already registered.
SELECT siaga_rollup_tps_apply(array_agg(kode_wilayah), array_agg(1), array_agg(dpt_total::bigint))
FROM tps HAVING count(*) > 0;
