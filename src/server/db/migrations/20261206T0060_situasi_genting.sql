-- "Rawan" meant two things (issue #16): the pre-mapped TPS category (kurang rawan / rawan / sangat
-- rawan, kerawanan) and the top level of a live situation report. A Kapolres reads "TPS rawan" as the
-- mapping, so the situation level gets a word of its own, "genting"; "rawan" stays with the mapping.
-- Stored reports move with it: the level of situation reports and TPS situations, and the roll-up a
-- kecamatan or kab/kota report kept of the level below (its worst level and its count per level).
-- SMS senders may still write RAWAN: the parser takes it as an alias (docs/domain/laporan.md).
ALTER TABLE laporan_situasi DROP CONSTRAINT laporan_situasi_situasi_check;
UPDATE laporan_situasi SET situasi = 'genting' WHERE situasi = 'rawan';
ALTER TABLE laporan_situasi ADD CONSTRAINT laporan_situasi_situasi_check
  CHECK (situasi IN ('kondusif', 'waspada', 'genting'));

UPDATE laporan_situasi
   SET rollup = jsonb_set(rollup, '{level}', '"genting"')
 WHERE rollup IS NOT NULL AND rollup ->> 'level' = 'rawan';
UPDATE laporan_situasi
   SET rollup = jsonb_set(
         rollup,
         '{perLevel}',
         (rollup -> 'perLevel') - 'rawan' || jsonb_build_object('genting', rollup -> 'perLevel' -> 'rawan')
       )
 WHERE rollup IS NOT NULL AND rollup -> 'perLevel' ? 'rawan';

ALTER TABLE tps_situasi DROP CONSTRAINT tps_situasi_situasi_check;
UPDATE tps_situasi SET situasi = 'genting' WHERE situasi = 'rawan';
ALTER TABLE tps_situasi ADD CONSTRAINT tps_situasi_situasi_check
  CHECK (situasi IN ('kondusif', 'waspada', 'genting'));
