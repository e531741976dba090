-- The recapitulation after the vote as places and times to guard (issue 13): each kecamatan's PPK
-- and the KPU kab/kota hold theirs at a venue, within their stage. One venue per area per election;
-- the forces that guard it are a duty of the pengamanan plan (pam_tugas, jenis 'rekapitulasi',
-- sumber_id = this row's id; ADR 0016), so they are counted with every other duty.
CREATE TABLE rekap_lokasi (
  id            uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  tempat        text NOT NULL CHECK (length(tempat) BETWEEN 3 AND 200),
  alamat        text NOT NULL DEFAULT '',
  mulai         timestamptz NOT NULL,
  selesai       timestamptz NOT NULL,
  updated_by    uuid NOT NULL REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL DEFAULT now(),
  version       integer NOT NULL DEFAULT 1,
  CHECK (selesai > mulai),
  -- Serves a kab/kota's venues in an election (kode_wilayah LIKE '73.73.%' under the primary key's order).
  PRIMARY KEY (pemilihan_id, kode_wilayah)
);
