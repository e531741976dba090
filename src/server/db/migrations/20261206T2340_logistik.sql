-- Distribusi logistik (issue #18): the legs by which ballots and ballot boxes travel from the KPU
-- warehouse to each PPK, PPS and TPS and back to the PPK after counting, planned by KPU's operator and
-- the Polres (escort through the pengamanan duty model, pam_tugas jenis 'logistik'); each leg's
-- berita acara serah terima recorded on the phone; weather and disaster warnings per area. Rules in
-- src/domain/logistik/ and docs/domain/logistik.md. Everything belongs to an election from birth.
-- Handovers are append-only (a trigger refuses changes; a correction is a new row naming the one it
-- corrects), and their photo and signature are stored once by content (sha256).

CREATE TABLE logistik_leg (
  id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id        uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  client_id           uuid NOT NULL UNIQUE,
  kode_kabkota        text NOT NULL REFERENCES wilayah (kode),
  arah                text NOT NULL CHECK (arah IN ('distribusi', 'pengembalian')),
  dari_titik          text NOT NULL CHECK (dari_titik IN ('gudang_kpu', 'ppk', 'pps', 'tps')),
  dari_kode           text NOT NULL REFERENCES wilayah (kode),
  dari_tps_nomor      integer CHECK (dari_tps_nomor BETWEEN 1 AND 9999),
  ke_titik            text NOT NULL CHECK (ke_titik IN ('gudang_kpu', 'ppk', 'pps', 'tps')),
  ke_kode             text NOT NULL REFERENCES wilayah (kode),
  ke_tps_nomor        integer CHECK (ke_tps_nomor BETWEEN 1 AND 9999),
  -- The leg whose delivery this one carries on (chain of custody).
  sebelumnya_id       uuid REFERENCES logistik_leg (id) ON DELETE RESTRICT,
  berangkat           timestamptz NOT NULL,
  tiba                timestamptz NOT NULL,
  moda                text NOT NULL CHECK (moda IN ('darat', 'sungai', 'laut', 'udara')),
  jarak_km            numeric(8, 1) NOT NULL CHECK (jarak_km BETWEEN 0 AND 5000),
  waktu_tempuh_menit  integer NOT NULL CHECK (waktu_tempuh_menit BETWEEN 0 AND 20160),
  kotak               integer NOT NULL CHECK (kotak BETWEEN 0 AND 1000000),
  surat_suara         integer NOT NULL CHECK (surat_suara BETWEEN 0 AND 100000000),
  kebutuhan_pengawal  integer NOT NULL DEFAULT 2 CHECK (kebutuhan_pengawal BETWEEN 0 AND 1000),
  keterangan          text NOT NULL DEFAULT '' CHECK (length(keterangan) <= 1000),
  created_by          uuid REFERENCES app_user (id),
  created_at          timestamptz NOT NULL DEFAULT now(),
  updated_at          timestamptz NOT NULL DEFAULT now(),
  version             integer NOT NULL DEFAULT 1,
  CHECK (tiba > berangkat)
);
-- Serves: the board of a kab/kota in an election, in departure order.
CREATE INDEX logistik_leg_kabkota_idx ON logistik_leg (pemilihan_id, kode_kabkota, berangkat);
-- Serves: the continuations of a leg (chain of custody, and refusing to delete a leg carried on).
CREATE INDEX logistik_leg_sebelumnya_idx ON logistik_leg (sebelumnya_id) WHERE sebelumnya_id IS NOT NULL;

-- A photo or a drawn signature, stored once by its content.
CREATE TABLE logistik_berkas (
  sha256  text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  mime    text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  ukuran  integer NOT NULL CHECK (ukuran BETWEEN 1 AND 5242880),
  bytes   bytea NOT NULL
);

CREATE TABLE logistik_serah_terima (
  id                uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id      uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  client_id         uuid NOT NULL UNIQUE,
  leg_id            uuid NOT NULL REFERENCES logistik_leg (id) ON DELETE RESTRICT,
  koreksi_atas      uuid REFERENCES logistik_serah_terima (id) ON DELETE RESTRICT,
  alasan_koreksi    text CHECK (alasan_koreksi IS NULL OR length(alasan_koreksi) BETWEEN 3 AND 1000),
  pemberi_nama      text NOT NULL CHECK (length(pemberi_nama) BETWEEN 1 AND 200),
  pemberi_jabatan   text NOT NULL CHECK (length(pemberi_jabatan) <= 200),
  penerima_nama     text NOT NULL CHECK (length(penerima_nama) BETWEEN 1 AND 200),
  penerima_jabatan  text NOT NULL CHECK (length(penerima_jabatan) <= 200),
  kotak             integer NOT NULL CHECK (kotak BETWEEN 0 AND 1000000),
  surat_suara       integer NOT NULL CHECK (surat_suara BETWEEN 0 AND 100000000),
  segel             jsonb NOT NULL,
  diterima_pada     timestamptz NOT NULL,
  tempat            text NOT NULL CHECK (length(tempat) BETWEEN 1 AND 300),
  lat               double precision CHECK (lat BETWEEN -90 AND 90),
  lon               double precision CHECK (lon BETWEEN -180 AND 180),
  foto_sha256       text REFERENCES logistik_berkas (sha256),
  ttd_sha256        text REFERENCES logistik_berkas (sha256),
  dicatat_oleh      uuid NOT NULL REFERENCES app_user (id),
  dicatat_pada      timestamptz NOT NULL DEFAULT now(),
  CHECK ((koreksi_atas IS NULL) = (alasan_koreksi IS NULL))
);
-- Serves: a leg's handovers in order (board, detail, chain of custody).
CREATE INDEX logistik_serah_terima_leg_idx ON logistik_serah_terima (leg_id, dicatat_pada);

-- Append-only: the only change a handover takes is its photo or signature arriving once after it.
CREATE FUNCTION logistik_serah_terima_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'serah terima logistik tidak dapat dihapus' USING ERRCODE = 'check_violation';
  END IF;
  IF (to_jsonb(NEW) - 'foto_sha256' - 'ttd_sha256') <> (to_jsonb(OLD) - 'foto_sha256' - 'ttd_sha256')
     OR (OLD.foto_sha256 IS NOT NULL AND NEW.foto_sha256 IS DISTINCT FROM OLD.foto_sha256)
     OR (OLD.ttd_sha256 IS NOT NULL AND NEW.ttd_sha256 IS DISTINCT FROM OLD.ttd_sha256) THEN
    RAISE EXCEPTION 'serah terima logistik tidak dapat diubah; catat koreksi' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER logistik_serah_terima_append_only BEFORE UPDATE OR DELETE ON logistik_serah_terima
  FOR EACH ROW EXECUTE FUNCTION logistik_serah_terima_append_only();

-- A weather or disaster warning over an area for a time (BMKG, BPBD), entered or imported.
CREATE TABLE logistik_peringatan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  client_id     uuid NOT NULL UNIQUE,
  kode_kabkota  text NOT NULL REFERENCES wilayah (kode),
  kode_wilayah  text NOT NULL REFERENCES wilayah (kode),
  jenis         text NOT NULL CHECK (jenis IN ('hujan_lebat', 'banjir', 'longsor', 'gelombang_tinggi', 'angin_kencang', 'jalan_putus', 'lainnya')),
  tingkat       text NOT NULL CHECK (tingkat IN ('waspada', 'siaga', 'awas')),
  mulai         timestamptz NOT NULL,
  selesai       timestamptz NOT NULL,
  sumber        text NOT NULL CHECK (length(sumber) BETWEEN 1 AND 200),
  keterangan    text NOT NULL DEFAULT '' CHECK (length(keterangan) <= 1000),
  created_by    uuid REFERENCES app_user (id),
  created_at    timestamptz NOT NULL DEFAULT now(),
  CHECK (selesai > mulai)
);
-- Serves: the warnings of a kab/kota in an election (the board's risk flags).
CREATE INDEX logistik_peringatan_kabkota_idx ON logistik_peringatan (pemilihan_id, kode_kabkota, mulai);
