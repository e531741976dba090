-- Kejadian triage (issue #5): the instants the escalation clock and the incident view need.
-- verified_at restarts the clock for assignment (src/domain/kejadian/alur.ts, clockStart), so the
-- timer's "which incidents are due" query reads it from the row instead of scanning kejadian_langkah;
-- assigned_at and closed_at are shown on every incident. The state and category vocabularies of
-- src/domain/kejadian/ are checked here too. Rules: docs/domain/laporan.md.
ALTER TABLE kejadian
  ADD COLUMN verified_at timestamptz,
  ADD COLUMN assigned_at timestamptz,
  ADD COLUMN closed_at timestamptz,
  ADD CONSTRAINT kejadian_status_check CHECK (status IN
    ('baru', 'diverifikasi', 'digabung', 'ditolak', 'ditangani', 'selesai', 'dirujuk')),
  ADD CONSTRAINT kejadian_kategori_check CHECK (kategori IN
    ('politik_uang', 'netralitas_asn', 'netralitas_tni_polri', 'penyelenggara_tidak_netral',
     'kampanye_di_luar_jadwal', 'intimidasi', 'bentrok_massa', 'perusakan_apk_logistik',
     'gangguan_akses_tps', 'kesehatan_petugas', 'hoaks_provokasi', 'bencana', 'lainnya')),
  ADD CONSTRAINT kejadian_merge_check CHECK ((status = 'digabung') = (merged_into IS NOT NULL));

-- Serves the duplicates shown on a kept incident (WHERE merged_into = $1).
CREATE INDEX kejadian_merged_into_idx ON kejadian (merged_into) WHERE merged_into IS NOT NULL;

-- Steps taken within one clock tick (a test clock, or two steps in one request) keep the order they
-- were written in: the row lock on the incident serialises them, and this number records it.
ALTER TABLE kejadian_langkah ADD COLUMN urutan bigint GENERATED ALWAYS AS IDENTITY;
