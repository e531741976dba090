-- Officers follow their TPS (issue 19, after the petugas migration): a TPS removed from the registry
-- took a RESTRICT on its officers, so every TPS with a roster (all of Palopo's in the demo) could no
-- longer be corrected away, and a TPS moved to another kelurahan left its officers in the old one.
-- Now the officers of a removed TPS go with it (their check-ins, screening and incidents with them;
-- the incidents' kejadian stay), and a TPS's move carries its officers' kelurahan along.

ALTER TABLE petugas DROP CONSTRAINT petugas_tps_id_fkey;
ALTER TABLE petugas ADD CONSTRAINT petugas_tps_id_fkey
  FOREIGN KEY (tps_id) REFERENCES tps (id) ON DELETE CASCADE;
ALTER TABLE petugas_insiden DROP CONSTRAINT petugas_insiden_petugas_id_fkey;
ALTER TABLE petugas_insiden ADD CONSTRAINT petugas_insiden_petugas_id_fkey
  FOREIGN KEY (petugas_id) REFERENCES petugas (id) ON DELETE CASCADE;

CREATE FUNCTION siaga_petugas_ikut_tps() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE petugas SET kode_wilayah = NEW.kode_wilayah, updated_at = now(), version = version + 1
  WHERE tps_id = NEW.id AND kode_wilayah <> NEW.kode_wilayah;
  RETURN NULL;
END;
$$;
CREATE TRIGGER tps_petugas_ikut AFTER UPDATE OF kode_wilayah ON tps
  FOR EACH ROW WHEN (OLD.kode_wilayah IS DISTINCT FROM NEW.kode_wilayah)
  EXECUTE FUNCTION siaga_petugas_ikut_tps();
