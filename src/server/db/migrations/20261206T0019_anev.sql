-- Anev: the summary figures of an election per area, entered for a past election never run in
-- Siaga (from an XLSX template per kab/kota, one row per kecamatan) or to correct a computed figure.
-- An election run in Siaga has its figures computed from its records (docs/domain/anev.md).

CREATE TABLE anev_ringkasan (
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE CASCADE,
  -- A kecamatan, or the kab/kota itself for figures kept only there (readiness, turnout).
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  metrik        text NOT NULL CHECK (metrik ~ '^[a-z_]{2,40}$'),
  nilai         numeric NOT NULL CHECK (nilai >= 0),
  sumber        text NOT NULL DEFAULT '' CHECK (length(sumber) <= 500),
  updated_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  updated_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (pemilihan_id, kode_wilayah, metrik)
);
-- Serves: the entered figures of one election under a kab/kota (prefix of the code).
CREATE INDEX anev_ringkasan_wilayah_idx ON anev_ringkasan (pemilihan_id, kode_wilayah text_pattern_ops);
