-- One evidence store (issue 19, ADR 0017): incident photos and the logistics handovers' photos and
-- drawn signatures move into berkas, the content-addressed store the media-sosial screenshots use,
-- where the database checks each file's SHA-256 against its bytes and refuses UPDATE and DELETE.
--
-- kejadian_foto held one photo per incident, replaced by a later upload: a change to the incident
-- could overwrite its evidence. It becomes kejadian_bukti, an append-only link of an incident to
-- files in berkas (who sent each one, when); replacing a photo is now adding one, and the incident
-- shows its newest photo with the earlier ones listed beside it. logistik_berkas was a second copy
-- of the same idea without the database's hash check or its refusal to change; its rows move as
-- they are (same key: the SHA-256 of the bytes) and the handovers point at berkas.
-- Both old tables are dropped once their rows have moved: keeping them read-only would leave two
-- places a file could be read from, and only one of them audited.

-- Logistik: the server computed each key from the bytes, so berkas's hash check accepts every row
-- (a row that did not match would stop this migration rather than be dropped).
INSERT INTO berkas (sha256, mime, size_bytes, bytes)
  SELECT sha256, mime, ukuran, bytes FROM logistik_berkas
  ON CONFLICT (sha256) DO NOTHING;
ALTER TABLE logistik_serah_terima
  DROP CONSTRAINT logistik_serah_terima_foto_sha256_fkey,
  DROP CONSTRAINT logistik_serah_terima_ttd_sha256_fkey;
ALTER TABLE logistik_serah_terima
  ADD CONSTRAINT logistik_serah_terima_foto_sha256_fkey FOREIGN KEY (foto_sha256) REFERENCES berkas (sha256) ON DELETE RESTRICT,
  ADD CONSTRAINT logistik_serah_terima_ttd_sha256_fkey FOREIGN KEY (ttd_sha256) REFERENCES berkas (sha256) ON DELETE RESTRICT;
DROP TABLE logistik_berkas;

-- Incident photos: which file, who sent it and when. Append-only like medsos_bukti.
CREATE TABLE kejadian_bukti (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kejadian_id uuid NOT NULL REFERENCES kejadian (id) ON DELETE RESTRICT,
  sha256      text NOT NULL REFERENCES berkas (sha256) ON DELETE RESTRICT,
  -- NULL only for a photo moved from kejadian_foto whose upload no step of the incident records.
  dikirim_by  uuid REFERENCES app_user (id),
  dikirim_at  timestamptz NOT NULL DEFAULT now(),
  -- The same file sent again is the same evidence (a retried upload), not a second photo.
  UNIQUE (kejadian_id, sha256)
);
CREATE TRIGGER kejadian_bukti_tetap BEFORE UPDATE OR DELETE ON kejadian_bukti FOR EACH ROW EXECUTE FUNCTION siaga_tetap();

INSERT INTO berkas (sha256, mime, size_bytes, bytes)
  SELECT DISTINCT ON (encode(sha256(bytes), 'hex')) encode(sha256(bytes), 'hex'), mime, octet_length(bytes), bytes
  FROM kejadian_foto
  ON CONFLICT (sha256) DO NOTHING;
-- Each moved photo is dated and signed by the incident's last 'foto' step (the upload that left it
-- there), else by the report itself.
INSERT INTO kejadian_bukti (kejadian_id, sha256, dikirim_by, dikirim_at)
  SELECT f.kejadian_id, encode(sha256(f.bytes), 'hex'), l.actor_id, coalesce(l.at, k.reported_at)
  FROM kejadian_foto f
  JOIN kejadian k ON k.id = f.kejadian_id
  LEFT JOIN LATERAL (
    SELECT actor_id, at FROM kejadian_langkah
    WHERE kejadian_id = f.kejadian_id AND aksi = 'foto'
    ORDER BY at DESC LIMIT 1
  ) l ON true;
DROP TABLE kejadian_foto;
