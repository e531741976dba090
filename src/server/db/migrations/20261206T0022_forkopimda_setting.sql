-- Rakor invitations by the region's real positions (issue #16): the head of region's title came out
-- as "Penjabat" everywhere, while in 2024 Kutai Timur and Balikpapan were led by a Pjs (acting head
-- during the incumbent's campaign leave) and others by a definitive head; Kota Kupang has a Polresta,
-- not a Polres; Kutai Timur's coast has a Lanal whose Danlanal sits in its Forkopimda. A region now
-- says so, and the default invitation follows. The rakor also gains a province-level cross-sector
-- kind (seed 002: a Polda's rakor at Mapolda with the kab/kota joining online).
ALTER TABLE koordinasi_region
  ADD COLUMN status_kepala_daerah text NOT NULL DEFAULT 'definitif'
    CHECK (status_kepala_daerah IN ('definitif', 'pj', 'pjs', 'plt')),
  ADD COLUMN satuan_polri text NOT NULL DEFAULT 'polres'
    CHECK (satuan_polri IN ('polres', 'polresta', 'polrestabes')),
  ADD COLUMN ada_lanal boolean NOT NULL DEFAULT false;

ALTER TABLE rakor DROP CONSTRAINT rakor_jenis_check;
ALTER TABLE rakor ADD CONSTRAINT rakor_jenis_check
  CHECK (jenis IN ('forkopimda', 'forkopimcam', 'tim_terpadu', 'lintas_sektoral'));
