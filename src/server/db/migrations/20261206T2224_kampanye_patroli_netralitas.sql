-- Issue 18: the operations between the mapping and voting day that Siaga had only as checklist lines:
-- campaign events and posko of the paslon (the Polres and Bawaslu record them, Siaga flags clashes),
-- joint patrols run from a phone with an append-only log, and neutrality complaints following their
-- route to an outcome. Every record belongs to an election from birth (docs/domain/pemilihan.md);
-- a retried submission is found by its author's client id and never written twice.

-- The candidate pairs of one contest (a kab/kota or a provinsi) in an election.
CREATE TABLE paslon (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL,
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  nomor_urut    integer NOT NULL CHECK (nomor_urut BETWEEN 1 AND 99),
  nama          text NOT NULL,
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  UNIQUE (created_by, client_id),
  -- One ballot number per contest per election; also serves the list of a contest's paslon.
  UNIQUE (pemilihan_id, kode_wilayah, nomor_urut)
);

CREATE TABLE kampanye_kegiatan (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL,
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  jenis           text NOT NULL CHECK (jenis IN ('rapat_umum', 'pertemuan_terbatas', 'tatap_muka', 'debat', 'kegiatan_lain')),
  -- NULL: an event of every paslon (the KPU's debat).
  paslon_id       uuid REFERENCES paslon (id) ON DELETE RESTRICT,
  judul           text NOT NULL,
  kode_wilayah    text NOT NULL REFERENCES wilayah (kode),
  -- A point ([[lon, lat]]) or a route ([[lon, lat], …]); [] when not drawn.
  tempat          jsonb NOT NULL DEFAULT '[]',
  alamat          text,
  mulai_at        timestamptz NOT NULL,
  selesai_at      timestamptz NOT NULL,
  sttp_nomor      text,
  perkiraan_massa integer CHECK (perkiraan_massa >= 0),
  kontak          text,
  dibatalkan_at   timestamptz,
  alasan_batal    text,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  CHECK (selesai_at > mulai_at),
  UNIQUE (created_by, client_id)
);
-- The schedule of an area in an election, in time order (the list, the clash search, the flags).
CREATE INDEX kampanye_kegiatan_wilayah_idx
  ON kampanye_kegiatan (pemilihan_id, kode_wilayah text_pattern_ops, mulai_at);

CREATE TABLE posko_paslon (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL,
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  paslon_id       uuid NOT NULL REFERENCES paslon (id) ON DELETE RESTRICT,
  nama            text NOT NULL,
  kode_wilayah    text NOT NULL REFERENCES wilayah (kode),
  lat             double precision,
  lon             double precision,
  alamat          text NOT NULL,
  kontak_nama     text NOT NULL,
  kontak_telepon  text NOT NULL,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  CHECK ((lat IS NULL) = (lon IS NULL)),
  UNIQUE (created_by, client_id)
);
-- The posko of an area in an election (the list and the map).
CREATE INDEX posko_paslon_wilayah_idx ON posko_paslon (pemilihan_id, kode_wilayah text_pattern_ops);

CREATE TABLE patroli (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL,
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  nama          text NOT NULL,
  -- The area it covers (a kecamatan or a kelurahan/desa).
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  unsur         text[] NOT NULL,
  tujuan        text NOT NULL CHECK (tujuan IN ('kamtibmas', 'politik_uang')),
  -- The kelurahan it means to pass (need-to-know: domain/access/rute-patroli.ts).
  sasaran       text[] NOT NULL DEFAULT '{}',
  mulai_at      timestamptz NOT NULL,
  selesai_at    timestamptz NOT NULL,
  status        text NOT NULL DEFAULT 'rencana' CHECK (status IN ('rencana', 'berjalan', 'selesai', 'batal')),
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  CHECK (selesai_at > mulai_at),
  UNIQUE (created_by, client_id)
);
-- The patrols of an area in an election, in time order (list, week's coverage).
CREATE INDEX patroli_wilayah_idx ON patroli (pemilihan_id, kode_wilayah text_pattern_ops, mulai_at);

-- A patrol's log, append-only: start, places passed, findings (each may become an incident), end.
CREATE TABLE patroli_log (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id     uuid NOT NULL,
  patroli_id    uuid NOT NULL REFERENCES patroli (id) ON DELETE RESTRICT,
  aksi          text NOT NULL CHECK (aksi IN ('mulai', 'titik', 'temuan', 'selesai')),
  dicatat_at    timestamptz NOT NULL,
  kode_wilayah  text REFERENCES wilayah (kode),
  lat           double precision,
  lon           double precision,
  uraian        text,
  kategori      text,
  kejadian_id   uuid REFERENCES kejadian (id) ON DELETE RESTRICT,
  created_by    uuid NOT NULL REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK ((lat IS NULL) = (lon IS NULL)),
  UNIQUE (created_by, client_id)
);
-- A patrol's log in order (detail), and the places passed of the week's patrols (coverage).
CREATE INDEX patroli_log_patroli_idx ON patroli_log (patroli_id, dicatat_at);

CREATE TABLE netralitas (
  id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id       uuid NOT NULL,
  pemilihan_id    uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  kode_wilayah    text NOT NULL REFERENCES wilayah (kode),
  terlapor        text NOT NULL CHECK (terlapor IN ('asn', 'lurah', 'kepala_desa', 'polri', 'tni')),
  nama_terlapor   text NOT NULL,
  jabatan         text,
  sumber          text NOT NULL CHECK (sumber IN ('laporan', 'temuan')),
  pelapor         text,
  uraian          text NOT NULL,
  kejadian_id     uuid REFERENCES kejadian (id) ON DELETE RESTRICT,
  status          text NOT NULL DEFAULT 'kajian' CHECK (status IN ('kajian', 'diteruskan', 'gakkumdu', 'selesai', 'dihentikan')),
  jalur           text CHECK (jalur IN ('bkn', 'kepala_daerah', 'propam', 'pom', 'pidana')),
  -- The milestones of the route (domain/netralitas/netralitas.ts, kejadian/gakkumdu.ts).
  diketahui_at    timestamptz NOT NULL,
  dilaporkan_at   timestamptz NOT NULL,
  milestones      jsonb NOT NULL DEFAULT '{}',
  diteruskan_at   timestamptz,
  putusan_at      timestamptz,
  amar            text,
  created_by      uuid NOT NULL REFERENCES app_user (id),
  created_at      timestamptz NOT NULL DEFAULT now(),
  version         integer NOT NULL DEFAULT 1,
  UNIQUE (created_by, client_id)
);
-- The complaints of an area in an election, newest first (the list).
CREATE INDEX netralitas_wilayah_idx ON netralitas (pemilihan_id, kode_wilayah text_pattern_ops, dilaporkan_at DESC);

-- Every step of a complaint's route, in order (the audit log keeps the who and what too).
CREATE TABLE netralitas_langkah (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  netralitas_id  uuid NOT NULL REFERENCES netralitas (id) ON DELETE CASCADE,
  aksi           text NOT NULL,
  at             timestamptz NOT NULL,
  catatan        text NOT NULL DEFAULT '',
  oleh           uuid NOT NULL REFERENCES app_user (id),
  dicatat_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX netralitas_langkah_idx ON netralitas_langkah (netralitas_id, dicatat_at);
