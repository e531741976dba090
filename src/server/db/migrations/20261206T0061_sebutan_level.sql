-- A region's own words for the three situation levels (issue #16): Siaga's kondusif / waspada /
-- genting are its default scale, but a kab/kota follows its own SOP (docs/domain/laporan.md). Words
-- belong to the region, whatever the election; a row exists only once a region sets its own words.
-- The mapping's category words (rawan, sangat rawan, kurang rawan, khusus) are refused by the
-- service (domain/laporan/situasi.ts checkLabelLevel), as a Kapolres reads them as the TPS mapping.
CREATE TABLE laporan_sebutan_level (
  kode_wilayah  text PRIMARY KEY REFERENCES wilayah (kode),
  kondusif      text NOT NULL,
  waspada       text NOT NULL,
  genting       text NOT NULL,
  updated_by    uuid NOT NULL REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);
