-- The TPS-rawan checklist is Bawaslu's instrument, filled by its PKD and Panwascam (SE Bawaslu 112/2024,
-- pilkada-facts §2.1); a lurah could fill it (issue #16). The lurah, camat and the Babinsa and
-- Bhabinkamtibmas now read it and add observations per TPS that Bawaslu can take up into its checklist
-- or set aside, with a note; nothing an observer writes changes the mapping by itself.
CREATE TABLE kerawanan_pengamatan (
  id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  -- Made by the client once per observation: a retry after a dropped connection is not a duplicate.
  client_id     uuid NOT NULL UNIQUE,
  tps_id        uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  phase         text NOT NULL CHECK (phase IN ('pra', 'saat', 'pasca')),
  -- The indicator the observation speaks to, when the observer names one.
  indikator     text CHECK (indikator IS NULL OR length(indikator) BETWEEN 1 AND 80),
  catatan       text NOT NULL CHECK (length(catatan) BETWEEN 3 AND 1000),
  created_by    uuid REFERENCES app_user (id) ON DELETE SET NULL,
  created_at    timestamptz NOT NULL DEFAULT now(),
  status        text NOT NULL DEFAULT 'baru' CHECK (status IN ('baru', 'diambil', 'dikesampingkan')),
  tanggapan     text CHECK (tanggapan IS NULL OR length(tanggapan) <= 1000),
  ditanggapi_by uuid REFERENCES app_user (id) ON DELETE SET NULL,
  ditanggapi_at timestamptz
);
-- Serves: the observations of a kelurahan's TPS for a phase, listed with its checklist.
CREATE INDEX kerawanan_pengamatan_tps_idx ON kerawanan_pengamatan (tps_id, phase, created_at);
