-- Koordinasi: rakor with invited positions, attendance and minutes; decisions that become tracked
-- action items (tindak lanjut); the region's election calendar and readiness checklist; imbauan sent
-- down the hierarchy with per-recipient delivery, reading and acknowledgement; NPHD grants with
-- their disbursements and realised spending. Rules: docs/domain/koordinasi.md.
-- Creations carry a client-generated id (client_id) so that a retried submission finds its first
-- copy instead of writing a second one.

CREATE TABLE rakor (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL UNIQUE,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  jenis         text NOT NULL CHECK (jenis IN ('forkopimda', 'forkopimcam', 'tim_terpadu')),
  judul         text NOT NULL CHECK (length(judul) BETWEEN 3 AND 200),
  tempat        text NOT NULL DEFAULT '',
  mulai_at      timestamptz NOT NULL,
  status        text NOT NULL DEFAULT 'terjadwal' CHECK (status IN ('terjadwal', 'selesai', 'batal')),
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1
);
CREATE INDEX rakor_wilayah_idx ON rakor (kode_wilayah text_pattern_ops, mulai_at DESC);

-- People are invited by position ("Kapolres", "Camat Wara"); whoever holds it attends or sends someone.
CREATE TABLE rakor_peserta (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  rakor_id       uuid NOT NULL REFERENCES rakor (id) ON DELETE CASCADE,
  urutan         integer NOT NULL,
  jabatan        text NOT NULL,
  agency         text NOT NULL,
  kehadiran      text NOT NULL DEFAULT 'belum_dicatat'
                 CHECK (kehadiran IN ('belum_dicatat', 'hadir', 'daring', 'diwakili', 'tidak_hadir')),
  diwakili_oleh  text,
  CHECK ((kehadiran = 'diwakili') = (diwakili_oleh IS NOT NULL)),
  UNIQUE (rakor_id, jabatan)
);

-- The minutes: each speaker's points, in the order spoken.
CREATE TABLE rakor_catatan (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL UNIQUE,
  rakor_id    uuid NOT NULL REFERENCES rakor (id) ON DELETE CASCADE,
  pembicara   text NOT NULL,
  pokok       text NOT NULL,
  created_by  uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX rakor_catatan_rakor_idx ON rakor_catatan (rakor_id, created_at);

-- A decision of a rakor (or an item set directly) owned by an agency, about a wilayah, due on a day.
CREATE TABLE tindak_lanjut (
  id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id        uuid NOT NULL UNIQUE,
  rakor_id         uuid REFERENCES rakor (id) ON DELETE SET NULL,
  kode_wilayah     text NOT NULL REFERENCES wilayah (kode),
  keputusan        text NOT NULL,
  owner_agency     text NOT NULL,
  due_on           date NOT NULL,
  status           text NOT NULL DEFAULT 'terbuka' CHECK (status IN ('terbuka', 'selesai', 'batal')),
  catatan_selesai  text,
  selesai_at       timestamptz,
  selesai_by       uuid REFERENCES app_user (id),
  created_by       uuid NOT NULL REFERENCES app_user (id),
  created_at       timestamptz NOT NULL DEFAULT now(),
  version          integer NOT NULL DEFAULT 1
);
CREATE INDEX tindak_lanjut_wilayah_idx ON tindak_lanjut (kode_wilayah text_pattern_ops, status, due_on);
CREATE INDEX tindak_lanjut_rakor_idx ON tindak_lanjut (rakor_id);

-- Per kab/kota: the stages as the region adjusted them (null = the default template) and the
-- figures the success indicators need until other modules provide them.
CREATE TABLE koordinasi_region (
  kode_wilayah          text PRIMARY KEY REFERENCES wilayah (kode),
  tahapan               jsonb,
  target_partisipasi    numeric(5, 2) CHECK (target_partisipasi BETWEEN 0 AND 100),
  partisipasi           numeric(5, 2) CHECK (partisipasi BETWEEN 0 AND 100),
  psu_count             integer CHECK (psu_count >= 0),
  updated_by            uuid REFERENCES app_user (id),
  updated_at            timestamptz NOT NULL DEFAULT now()
);

-- The readiness checklist of a region, materialised from a template (items due at an H offset).
CREATE TABLE kesiapan_item (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  kode          text NOT NULL,
  judul         text NOT NULL,
  agency        text NOT NULL,
  due_offset    integer NOT NULL,
  done_on       date,
  done_by       uuid REFERENCES app_user (id),
  catatan       text,
  UNIQUE (kode_wilayah, kode)
);

CREATE TABLE imbauan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL UNIQUE,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  jenis         text NOT NULL CHECK (jenis IN ('instruksi', 'imbauan')),
  prioritas     text NOT NULL CHECK (prioritas IN ('biasa', 'segera', 'darurat')),
  judul         text NOT NULL,
  isi           text NOT NULL,
  target_roles  text[] NOT NULL,
  teruskan_rt_rw boolean NOT NULL DEFAULT false,
  is_publik     boolean NOT NULL DEFAULT false,
  is_latihan    boolean NOT NULL DEFAULT false,
  created_by    uuid NOT NULL REFERENCES app_user (id),
  sent_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX imbauan_wilayah_idx ON imbauan (kode_wilayah text_pattern_ops, sent_at DESC);

-- One row per recipient, written with the imbauan: the recipients are fixed when it is sent.
CREATE TABLE imbauan_penerima (
  imbauan_id        uuid NOT NULL REFERENCES imbauan (id) ON DELETE CASCADE,
  user_id           uuid NOT NULL REFERENCES app_user (id),
  delivered_at      timestamptz,
  read_at           timestamptz,
  acknowledged_at   timestamptz,
  catatan           text,
  diteruskan_rt_rw  boolean NOT NULL DEFAULT false,
  last_reminded_at  timestamptz,
  reminder_count    integer NOT NULL DEFAULT 0,
  PRIMARY KEY (imbauan_id, user_id)
);
CREATE INDEX imbauan_penerima_user_idx ON imbauan_penerima (user_id, acknowledged_at);

CREATE TABLE nphd (
  id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kode_wilayah       text NOT NULL REFERENCES wilayah (kode),
  penerima           text NOT NULL CHECK (penerima IN ('kpu', 'bawaslu', 'polri', 'tni')),
  nomor              text NOT NULL DEFAULT '',
  nilai              numeric(18, 0) NOT NULL CHECK (nilai > 0),
  ditandatangani_on  date,
  updated_by         uuid NOT NULL REFERENCES app_user (id),
  updated_at         timestamptz NOT NULL DEFAULT now(),
  UNIQUE (kode_wilayah, penerima)
);

CREATE TABLE nphd_transaksi (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL UNIQUE,
  nphd_id     uuid NOT NULL REFERENCES nphd (id) ON DELETE CASCADE,
  jenis       text NOT NULL CHECK (jenis IN ('pencairan', 'realisasi')),
  nilai       numeric(18, 0) NOT NULL CHECK (nilai > 0),
  tanggal     date NOT NULL,
  keterangan  text NOT NULL DEFAULT '',
  created_by  uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX nphd_transaksi_nphd_idx ON nphd_transaksi (nphd_id, tanggal);
