-- Observations by the lurah, camat and tiga pilar (20261206T0024) belong to an election, as every
-- other input of the kerawanan mapping does (issue 13): a Pilkades beside a Pilkada must not show
-- one's observations in the other's checklist, and a closed election must take none.
-- An observation already made belongs to the open election its TPS votes in with the earliest
-- voting day (the one it was made for, as far as the record tells), else to Pilkada Serentak 2024,
-- which holds everything older (20261206T0012).
ALTER TABLE kerawanan_pengamatan ADD COLUMN pemilihan_id uuid REFERENCES pemilihan (id) ON DELETE RESTRICT;

UPDATE kerawanan_pengamatan o
SET pemilihan_id = coalesce(
  (
    SELECT p.id
    FROM pemilihan p, tps t
    WHERE t.id = o.tps_id
      AND p.ditutup_at IS NULL
      AND siaga_pemilihan_memuat(p.id, t.id, t.kode_wilayah)
    ORDER BY p.hari_pemungutan, p.id
    LIMIT 1
  ),
  '00000000-0000-4000-8000-000000002024'::uuid
);

ALTER TABLE kerawanan_pengamatan ALTER COLUMN pemilihan_id SET NOT NULL;

-- Serves the checklist's observations of a kelurahan's TPS in one election and phase.
DROP INDEX kerawanan_pengamatan_tps_idx;
CREATE INDEX kerawanan_pengamatan_tps_idx ON kerawanan_pengamatan (pemilihan_id, tps_id, phase, created_at);
