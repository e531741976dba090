-- Bawaslu publishes two separate vulnerability products (pilkada-facts §1.1 and §1.2): the IKP Pemilu
-- dan Pemilihan Serentak 2024 (launched Dec 2022, 0-100, with published category cut-offs) and the
-- Pemetaan Kerawanan Pemilihan Serentak 2024 (Aug 2024, a weighted share of 27 indicators, with no
-- published cut-offs). One score per wilayah mixed them: Kutai Timur's 24.28 % of the 2024 mapping was
-- rated with the 2022 IKP's cut-offs (issue #16). Each score now names its index, a wilayah may hold
-- one per index, and the mapping's category is the one Bawaslu released (or none), never computed.
-- Rows already stored are assigned by what they say: a source naming the mapping ("pemetaan") or a
-- score of 2024 is the Aug 2024 mapping (the IKP 2024 was released in 2022); the rest the IKP.
ALTER TABLE wilayah_ikp ADD COLUMN indeks text;
UPDATE wilayah_ikp
   SET indeks = CASE WHEN source ILIKE '%pemetaan%' OR year = 2024 THEN 'pemetaan_pilkada_2024' ELSE 'ikp_2024' END;
ALTER TABLE wilayah_ikp ALTER COLUMN indeks SET NOT NULL;
ALTER TABLE wilayah_ikp ADD CONSTRAINT wilayah_ikp_indeks_check
  CHECK (indeks IN ('ikp_2024', 'pemetaan_pilkada_2024'));
-- The category Bawaslu released with a mapping score; null when it released none.
ALTER TABLE wilayah_ikp ADD COLUMN kategori_rilis text
  CHECK (kategori_rilis IN ('rawan_tinggi', 'rawan_sedang', 'rawan_rendah'));
ALTER TABLE wilayah_ikp ADD CONSTRAINT wilayah_ikp_kategori_rilis_only_mapping
  CHECK (kategori_rilis IS NULL OR indeks = 'pemetaan_pilkada_2024');
ALTER TABLE wilayah_ikp DROP CONSTRAINT wilayah_ikp_pkey;
ALTER TABLE wilayah_ikp ADD PRIMARY KEY (kode_wilayah, indeks);
