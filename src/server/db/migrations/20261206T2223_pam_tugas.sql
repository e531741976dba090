-- Tugas pengamanan (issue #18): one model of a duty in the plan besides the TPS of voting day — a
-- logistics leg's escort, a campaign event, a patrol, a posko, a recapitulation venue — with its
-- time window, its place and its need per kind of personnel, and the units assigned to it by hand.
-- The module that owns the record (logistik, kampanye, …) registers its duty through the pengamanan
-- service (one per record: jenis + sumber_id); the planner then takes the personnel busy during the
-- TPS window off the TPS pool, and the service refuses an assignment that would put one unit at more
-- places at one instant than it has personnel (src/domain/pengamanan/tugas.ts). A duty belongs to an
-- election from birth; an assignment follows its duty and its unit.

CREATE TABLE pam_tugas (
  id                    uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  pemilihan_id          uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  kode_kabkota          text NOT NULL REFERENCES wilayah (kode),
  jenis                 text NOT NULL CHECK (jenis IN ('logistik', 'kampanye', 'patroli', 'posko', 'rekapitulasi')),
  -- The record of the owning module (a leg, an event, a patrol).
  sumber_id             uuid NOT NULL,
  kode_wilayah          text NOT NULL REFERENCES wilayah (kode),
  nama                  text NOT NULL CHECK (length(nama) BETWEEN 1 AND 300),
  mulai                 timestamptz NOT NULL,
  selesai               timestamptz NOT NULL,
  kebutuhan_polri       integer NOT NULL DEFAULT 0 CHECK (kebutuhan_polri BETWEEN 0 AND 10000),
  kebutuhan_tni         integer NOT NULL DEFAULT 0 CHECK (kebutuhan_tni BETWEEN 0 AND 10000),
  kebutuhan_linmas      integer NOT NULL DEFAULT 0 CHECK (kebutuhan_linmas BETWEEN 0 AND 10000),
  kebutuhan_satpol_pp   integer NOT NULL DEFAULT 0 CHECK (kebutuhan_satpol_pp BETWEEN 0 AND 10000),
  created_at            timestamptz NOT NULL DEFAULT now(),
  updated_at            timestamptz NOT NULL DEFAULT now(),
  version               integer NOT NULL DEFAULT 1,
  CHECK (selesai > mulai),
  UNIQUE (pemilihan_id, jenis, sumber_id)
);
-- Serves: the duties of one kab/kota in an election, in time order (planner input, duty list, conflicts).
CREATE INDEX pam_tugas_kabkota_idx ON pam_tugas (pemilihan_id, kode_kabkota, mulai);

CREATE TABLE pam_tugas_unit (
  tugas_id  uuid NOT NULL REFERENCES pam_tugas (id) ON DELETE CASCADE,
  unit_id   uuid NOT NULL REFERENCES pam_unit (id) ON DELETE CASCADE,
  jumlah    integer NOT NULL CHECK (jumlah BETWEEN 1 AND 100000),
  PRIMARY KEY (tugas_id, unit_id)
);
-- Serves: every duty of a unit (the overlap check when it is assigned again).
CREATE INDEX pam_tugas_unit_unit_idx ON pam_tugas_unit (unit_id);
