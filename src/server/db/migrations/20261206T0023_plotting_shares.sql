-- Per-TPS plotting rows repeated their group's Polri need and assignment on every TPS of the group,
-- so the column summed to far more than the need (Kutai Timur: 1,402 instead of 688; issue #16).
-- Each row now carries its TPS's share, the group's total spread evenly over its TPS in nomor order
-- (domain/pengamanan/pola.ts bagianKelompok: floor(t·(i+1)/n) − floor(t·i/n)); stored plans are
-- rewritten the same way so that old and new plans read alike.
WITH s AS (
  SELECT plan_id, tps_id,
         row_number() OVER (PARTITION BY plan_id, kelompok ORDER BY nomor, tps_id) - 1 AS i,
         count(*) OVER (PARTITION BY plan_id, kelompok) AS n,
         polri_required AS req,
         polri_assigned AS asg
    FROM pam_plan_tps
)
UPDATE pam_plan_tps r
   SET polri_required = (s.req * (s.i + 1)) / s.n - (s.req * s.i) / s.n,
       polri_assigned = (s.asg * (s.i + 1)) / s.n - (s.asg * s.i) / s.n
  FROM s
 WHERE r.plan_id = s.plan_id AND r.tps_id = s.tps_id;
