-- Media sosial (issue 19): posts a monitoring officer records, their evidence, triage, the incidents
-- they cause and their takedown requests (docs/domain/medsos.md). Posts belong to an election from
-- birth. Evidence files are stored once per content (berkas, keyed by SHA-256) and the link of a file
-- to a post (medsos_bukti) is append-only: a trigger refuses UPDATE and DELETE, so a later change to
-- a post's record can never alter its evidence. Monitoring officers get a role (pemantau_medsos) and
-- Diskominfo an agency.

ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN
  ('admin','forkopimda','operator','camat','lurah','babinsa','bhabinkamtibmas','pengawas','pemantau_medsos','viewer'));
ALTER TABLE app_user DROP CONSTRAINT app_user_agency_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_agency_check CHECK (agency IN
  ('pemda','kesbangpol','polri','tni','kejaksaan','pengadilan','kpu','bawaslu','dprd','diskominfo'));

-- Content-addressed files: the same bytes are stored once, under their hash. Never changed or removed.
CREATE TABLE berkas (
  sha256      text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime        text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes  integer NOT NULL CHECK (size_bytes > 0),
  bytes       bytea NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  CHECK (octet_length(bytes) = size_bytes),
  CHECK (encode(sha256(bytes), 'hex') = sha256)
);

CREATE FUNCTION siaga_tetap() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'bukti tidak dapat diubah atau dihapus (%)', TG_TABLE_NAME USING ERRCODE = 'check_violation';
END $$;
CREATE TRIGGER berkas_tetap BEFORE UPDATE OR DELETE ON berkas FOR EACH ROW EXECUTE FUNCTION siaga_tetap();

CREATE TABLE medsos_post (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  client_id     uuid NOT NULL,
  platform      text NOT NULL CHECK (platform IN ('facebook','instagram','x','tiktok','youtube','whatsapp','telegram','lainnya')),
  akun          text NOT NULL CHECK (length(akun) BETWEEN 1 AND 200),
  url           text NOT NULL CHECK (length(url) BETWEEN 1 AND 2000),
  url_normal    text NOT NULL,
  teks          text NOT NULL CHECK (length(teks) <= 10000),
  dilihat_at    timestamptz NOT NULL,
  -- The area the post concerns (a kecamatan, a kelurahan or the whole kab/kota): the scope of who sees it.
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode) ON DELETE RESTRICT,
  kategori      text NOT NULL CHECK (kategori IN ('hoaks','sara','ujaran_kebencian','provokasi','kampanye_hitam','politik_uang')),
  status        text NOT NULL DEFAULT 'baru' CHECK (status IN ('baru','diverifikasi','dieskalasi','digabung','diabaikan')),
  merged_into   uuid REFERENCES medsos_post (id) ON DELETE RESTRICT,
  alasan        text,
  recorded_by   uuid NOT NULL REFERENCES app_user (id),
  recorded_at   timestamptz NOT NULL DEFAULT now(),
  via           text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'impor')),
  version       integer NOT NULL DEFAULT 1,
  CHECK ((status = 'digabung') = (merged_into IS NOT NULL))
);
-- A retried submission is the first one (client id per election).
CREATE UNIQUE INDEX medsos_post_client_idx ON medsos_post (pemilihan_id, client_id);
-- One record per post and election: the same normalised address recorded again is refused (409) and
-- a re-share at another address is merged by hand, so the second row never shares the address.
CREATE UNIQUE INDEX medsos_post_url_idx ON medsos_post (pemilihan_id, url_normal);
-- The list and the weekly picture: an election's posts at or below an area, newest first.
CREATE INDEX medsos_post_wilayah_idx ON medsos_post (pemilihan_id, kode_wilayah text_pattern_ops, dilihat_at DESC);

-- Evidence of a post: which file, who captured it and when. Append-only.
CREATE TABLE medsos_bukti (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id      uuid NOT NULL REFERENCES medsos_post (id) ON DELETE RESTRICT,
  sha256       text NOT NULL REFERENCES berkas (sha256) ON DELETE RESTRICT,
  nama_berkas  text NOT NULL DEFAULT '' CHECK (length(nama_berkas) <= 200),
  diambil_by   uuid NOT NULL REFERENCES app_user (id),
  diambil_at   timestamptz NOT NULL,
  uploaded_at  timestamptz NOT NULL DEFAULT now(),
  UNIQUE (post_id, sha256)
);
CREATE TRIGGER medsos_bukti_tetap BEFORE UPDATE OR DELETE ON medsos_bukti FOR EACH ROW EXECUTE FUNCTION siaga_tetap();

-- Incidents a post caused (made from it in one step, or linked), of the same election (service).
CREATE TABLE medsos_kejadian (
  post_id      uuid NOT NULL REFERENCES medsos_post (id) ON DELETE RESTRICT,
  kejadian_id  uuid NOT NULL REFERENCES kejadian (id) ON DELETE RESTRICT,
  linked_by    uuid NOT NULL REFERENCES app_user (id),
  linked_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (post_id, kejadian_id)
);

-- Takedown requests to the platform or to Komdigi, with the times that measure them.
CREATE TABLE medsos_takedown (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id      uuid NOT NULL REFERENCES medsos_post (id) ON DELETE RESTRICT,
  tujuan       text NOT NULL CHECK (tujuan IN ('platform', 'komdigi')),
  status       text NOT NULL DEFAULT 'diajukan' CHECK (status IN ('diajukan','diproses','diturunkan','ditolak')),
  nomor        text NOT NULL DEFAULT '' CHECK (length(nomor) <= 200),
  catatan      text NOT NULL DEFAULT '' CHECK (length(catatan) <= 2000),
  diajukan_at  timestamptz NOT NULL,
  diproses_at  timestamptz,
  selesai_at   timestamptz,
  created_by   uuid NOT NULL REFERENCES app_user (id),
  version      integer NOT NULL DEFAULT 1,
  CHECK ((status IN ('diturunkan', 'ditolak')) = (selesai_at IS NOT NULL)),
  CHECK (selesai_at IS NULL OR selesai_at >= diajukan_at)
);
-- A post's requests (detail) and the week's requests (the rakor's slowest takedowns).
CREATE INDEX medsos_takedown_post_idx ON medsos_takedown (post_id);
CREATE INDEX medsos_takedown_diajukan_idx ON medsos_takedown (diajukan_at);

-- The steps of a post's handling, in order, for its timeline (the audit log keeps who and what too).
CREATE TABLE medsos_langkah (
  id        uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  post_id   uuid NOT NULL REFERENCES medsos_post (id) ON DELETE RESTRICT,
  aksi      text NOT NULL,
  catatan   text NOT NULL DEFAULT '',
  actor_id  uuid REFERENCES app_user (id),
  at        timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX medsos_langkah_post_idx ON medsos_langkah (post_id, at);
