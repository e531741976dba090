-- Laporan berjenjang, kejadian and hari H: the live situation from kelurahan to Forkopimda.
-- Every submission carries a client-generated id (client_id, unique) so that a retry from a phone
-- on a weak signal is answered with the first copy and never written twice; an acknowledged
-- submission is committed before the answer. Voting-day progress is kept twice on purpose: the
-- current status per TPS, and counters per wilayah (rollup_hari_h) updated in the same transaction,
-- so that a kab/kota or the nation is read from one row instead of a scan of 435,000 TPS.
-- Rules: docs/domain/laporan.md.

-- The reporting schedule of a kab/kota (null rows = Siaga's default schedule).
CREATE TABLE laporan_jadwal (
  kode_wilayah  text PRIMARY KEY REFERENCES wilayah (kode),
  jadwal        jsonb NOT NULL,
  updated_by    uuid NOT NULL REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- A periodic situation report of a kelurahan, kecamatan or kab/kota for one schedule slot.
CREATE TABLE laporan_situasi (
  id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id      uuid NOT NULL UNIQUE,
  kode_wilayah   text NOT NULL REFERENCES wilayah (kode),
  slot_at        timestamptz NOT NULL,
  situasi        text NOT NULL CHECK (situasi IN ('kondusif', 'waspada', 'rawan')),
  uraian         text NOT NULL DEFAULT '',
  jumlah         jsonb NOT NULL DEFAULT '{}'::jsonb,
  -- For kecamatan and kab/kota: the automatic roll-up of the level below when it was written.
  rollup         jsonb,
  status         text NOT NULL DEFAULT 'dikirim' CHECK (status IN ('dikirim', 'disetujui', 'diterbitkan')),
  via            text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'sms')),
  -- When the phone wrote it (offline outbox) and when the server received it.
  dibuat_at      timestamptz NOT NULL,
  diterima_at    timestamptz NOT NULL DEFAULT now(),
  submitted_by   uuid NOT NULL REFERENCES app_user (id),
  approved_by    uuid REFERENCES app_user (id),
  approved_at    timestamptz,
  published_at   timestamptz,
  UNIQUE (kode_wilayah, slot_at)
);
CREATE INDEX laporan_situasi_wilayah_idx ON laporan_situasi (kode_wilayah text_pattern_ops, slot_at DESC);

CREATE TABLE kejadian (
  id                     uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id              uuid NOT NULL UNIQUE,
  kode_wilayah           text NOT NULL REFERENCES wilayah (kode),
  tps_id                 uuid REFERENCES tps (id),
  lat                    double precision,
  lon                    double precision,
  kategori               text NOT NULL,
  severity               text NOT NULL CHECK (severity IN ('rendah', 'sedang', 'tinggi', 'kritis')),
  uraian                 text NOT NULL,
  terjadi_at             timestamptz NOT NULL,
  diketahui_at           timestamptz NOT NULL,
  status                 text NOT NULL DEFAULT 'baru',
  -- Where on the chain it currently sits, and since when (the escalation clock starts there).
  level                  text NOT NULL DEFAULT 'kelurahan' CHECK (level IN ('kelurahan', 'kecamatan', 'kabkota')),
  level_since            timestamptz NOT NULL DEFAULT now(),
  merged_into            uuid REFERENCES kejadian (id),
  assigned_agency        text,
  is_restricted          boolean NOT NULL DEFAULT false,
  reporter_confidential  boolean NOT NULL DEFAULT false,
  reported_by            uuid NOT NULL REFERENCES app_user (id),
  reported_at            timestamptz NOT NULL DEFAULT now(),
  via                    text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'sms')),
  version                integer NOT NULL DEFAULT 1,
  CHECK ((lat IS NULL) = (lon IS NULL))
);
CREATE INDEX kejadian_wilayah_idx ON kejadian (kode_wilayah text_pattern_ops, reported_at DESC);
CREATE INDEX kejadian_open_idx ON kejadian (status, level_since) WHERE status IN ('baru', 'diverifikasi', 'ditangani');

CREATE TABLE kejadian_foto (
  kejadian_id  uuid PRIMARY KEY REFERENCES kejadian (id) ON DELETE CASCADE,
  mime         text NOT NULL CHECK (mime IN ('image/jpeg', 'image/png', 'image/webp')),
  bytes        bytea NOT NULL
);

-- Every step of an incident's handling, in order (the audit log keeps the who/what too).
CREATE TABLE kejadian_langkah (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  kejadian_id  uuid NOT NULL REFERENCES kejadian (id) ON DELETE CASCADE,
  aksi         text NOT NULL,
  dari_status  text,
  ke_status    text NOT NULL,
  catatan      text NOT NULL DEFAULT '',
  actor_id     uuid REFERENCES app_user (id),
  at           timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX kejadian_langkah_idx ON kejadian_langkah (kejadian_id, at);

-- Referral of a violation to Bawaslu / Sentra Gakkumdu, with the milestones its deadlines count from.
CREATE TABLE kejadian_rujukan (
  kejadian_id   uuid PRIMARY KEY REFERENCES kejadian (id) ON DELETE CASCADE,
  rule_set      text NOT NULL CHECK (rule_set IN ('pilkada', 'pemilu')),
  lembaga       text NOT NULL,
  milestones    jsonb NOT NULL,
  outcome       text,
  updated_by    uuid NOT NULL REFERENCES app_user (id),
  updated_at    timestamptz NOT NULL DEFAULT now()
);

-- Voting day: the current stage of each TPS, and the history of every status report.
CREATE TABLE tps_status (
  tps_id      uuid PRIMARY KEY REFERENCES tps (id) ON DELETE CASCADE,
  stage       text NOT NULL,
  pemilih     integer CHECK (pemilih >= 0),
  updated_at  timestamptz NOT NULL,
  updated_by  uuid NOT NULL REFERENCES app_user (id)
);

CREATE TABLE tps_status_laporan (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL UNIQUE,
  tps_id      uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  stage       text NOT NULL,
  pemilih     integer,
  via         text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'sms')),
  dibuat_at   timestamptz NOT NULL,
  diterima_at timestamptz NOT NULL DEFAULT now(),
  created_by  uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX tps_status_laporan_tps_idx ON tps_status_laporan (tps_id, diterima_at);

-- The security situation at one TPS as the tiga pilar see it on voting day (aman / waspada / rawan),
-- every report kept; the latest per TPS colours the live map.
CREATE TABLE tps_situasi (
  id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  client_id   uuid NOT NULL UNIQUE,
  tps_id      uuid NOT NULL REFERENCES tps (id) ON DELETE CASCADE,
  situasi     text NOT NULL CHECK (situasi IN ('kondusif', 'waspada', 'rawan')),
  catatan     text NOT NULL DEFAULT '',
  via         text NOT NULL DEFAULT 'web' CHECK (via IN ('web', 'sms')),
  dibuat_at   timestamptz NOT NULL,
  diterima_at timestamptz NOT NULL DEFAULT now(),
  created_by  uuid NOT NULL REFERENCES app_user (id)
);
CREATE INDEX tps_situasi_tps_idx ON tps_situasi (tps_id, dibuat_at DESC);

-- Maintained counters per wilayah ('' is the nation, then provinsi, kab/kota, kecamatan, kelurahan):
-- TPS and DPT (kept by statement triggers on tps, so every import path keeps them right), TPS per
-- reported stage and turnout (kept by a row trigger on tps_status). Each wilayah's counters are
-- spread over 32 shards by TPS so that concurrent reports rarely queue on the same row of the nation
-- or a provinsi (each holds its rows until its commit is on disk); a read sums at most 32 rows. "belum_lapor" = tps - the stage counters.
CREATE TABLE rollup_hari_h (
  kode                    text NOT NULL,
  shard                   smallint NOT NULL CHECK (shard BETWEEN 0 AND 31),
  tps                     integer NOT NULL DEFAULT 0,
  dpt                     bigint NOT NULL DEFAULT 0,
  petugas_hadir           integer NOT NULL DEFAULT 0,
  logistik_lengkap        integer NOT NULL DEFAULT 0,
  dibuka                  integer NOT NULL DEFAULT 0,
  pemungutan              integer NOT NULL DEFAULT 0,
  ditutup                 integer NOT NULL DEFAULT 0,
  penghitungan_selesai    integer NOT NULL DEFAULT 0,
  pemilih                 bigint NOT NULL DEFAULT 0,
  dpt_pemilih_dilaporkan  bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (kode, shard)
);

-- '', '73', '73.73', '73.73.01', '73.73.01.1001' for a kelurahan code.
CREATE FUNCTION siaga_wilayah_chain(kode text) RETURNS text[] LANGUAGE sql IMMUTABLE AS $$
  SELECT ARRAY[''] || ARRAY(
    SELECT array_to_string((string_to_array(kode, '.'))[1:n], '.')
    FROM generate_series(1, array_length(string_to_array(kode, '.'), 1)) AS n
  )
$$;

CREATE FUNCTION siaga_rollup_tps_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Per kelurahan first (a national import is 435,000 rows but 83,000 kelurahan), then up the chain.
  INSERT INTO rollup_hari_h (kode, shard, tps, dpt)
  SELECT chain.k, 0, sum(g.n), sum(g.d)
  FROM (SELECT kode_wilayah, count(*) AS n, sum(dpt_total) AS d FROM new_rows GROUP BY kode_wilayah) g,
       unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
  GROUP BY chain.k
  ON CONFLICT (kode, shard) DO UPDATE
    SET tps = rollup_hari_h.tps + EXCLUDED.tps, dpt = rollup_hari_h.dpt + EXCLUDED.dpt;
  RETURN NULL;
END $$;

CREATE FUNCTION siaga_rollup_tps_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h (kode, shard, tps, dpt)
  SELECT chain.k, 0, -sum(g.n), -sum(g.d)
  FROM (SELECT kode_wilayah, count(*) AS n, sum(dpt_total) AS d FROM old_rows GROUP BY kode_wilayah) g,
       unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
  GROUP BY chain.k
  ON CONFLICT (kode, shard) DO UPDATE
    SET tps = rollup_hari_h.tps + EXCLUDED.tps, dpt = rollup_hari_h.dpt + EXCLUDED.dpt;
  RETURN NULL;
END $$;

-- An update may change DPT (and, in principle, the kelurahan): remove the old rows, add the new.
CREATE FUNCTION siaga_rollup_tps_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO rollup_hari_h (kode, shard, tps, dpt)
  SELECT k, 0, sum(dtps), sum(ddpt) FROM (
    SELECT chain.k, g.dtps, g.ddpt
    FROM (
      SELECT kode_wilayah, sum(dtps) AS dtps, sum(ddpt) AS ddpt FROM (
        SELECT kode_wilayah, -1 AS dtps, -dpt_total AS ddpt FROM old_rows
        UNION ALL
        SELECT kode_wilayah, 1, dpt_total FROM new_rows
      ) u GROUP BY kode_wilayah
    ) g, unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
  ) d
  GROUP BY k
  ON CONFLICT (kode, shard) DO UPDATE
    SET tps = rollup_hari_h.tps + EXCLUDED.tps, dpt = rollup_hari_h.dpt + EXCLUDED.dpt;
  RETURN NULL;
END $$;

CREATE TRIGGER tps_rollup_insert AFTER INSERT ON tps
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_insert();
CREATE TRIGGER tps_rollup_delete AFTER DELETE ON tps
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_delete();
CREATE TRIGGER tps_rollup_update AFTER UPDATE ON tps
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION siaga_rollup_tps_update();

-- One TPS moves between stages (and its turnout changes): adjust its wilayah chain in its shard.
CREATE FUNCTION siaga_rollup_status() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  t record;
  v_shard smallint;
  o_stage text := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.stage END;
  n_stage text := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.stage END;
  o_pemilih bigint := CASE WHEN TG_OP = 'INSERT' THEN NULL ELSE OLD.pemilih END;
  n_pemilih bigint := CASE WHEN TG_OP = 'DELETE' THEN NULL ELSE NEW.pemilih END;
BEGIN
  SELECT tps.kode_wilayah, tps.dpt_total INTO t FROM tps
  WHERE tps.id = CASE WHEN TG_OP = 'DELETE' THEN OLD.tps_id ELSE NEW.tps_id END;
  IF NOT FOUND THEN RETURN NULL; END IF;
  v_shard := abs(hashtext(CASE WHEN TG_OP = 'DELETE' THEN OLD.tps_id ELSE NEW.tps_id END::text)) % 32;
  INSERT INTO rollup_hari_h AS r (kode, shard, petugas_hadir, logistik_lengkap, dibuka, pemungutan, ditutup,
                                  penghitungan_selesai, pemilih, dpt_pemilih_dilaporkan)
  SELECT chain.k, v_shard,
    (n_stage IS NOT DISTINCT FROM 'petugas_hadir')::int - (o_stage IS NOT DISTINCT FROM 'petugas_hadir')::int,
    (n_stage IS NOT DISTINCT FROM 'logistik_lengkap')::int - (o_stage IS NOT DISTINCT FROM 'logistik_lengkap')::int,
    (n_stage IS NOT DISTINCT FROM 'dibuka')::int - (o_stage IS NOT DISTINCT FROM 'dibuka')::int,
    (n_stage IS NOT DISTINCT FROM 'pemungutan')::int - (o_stage IS NOT DISTINCT FROM 'pemungutan')::int,
    (n_stage IS NOT DISTINCT FROM 'ditutup')::int - (o_stage IS NOT DISTINCT FROM 'ditutup')::int,
    (n_stage IS NOT DISTINCT FROM 'penghitungan_selesai')::int - (o_stage IS NOT DISTINCT FROM 'penghitungan_selesai')::int,
    coalesce(n_pemilih, 0) - coalesce(o_pemilih, 0),
    (CASE WHEN n_pemilih IS NULL THEN 0 ELSE t.dpt_total END) - (CASE WHEN o_pemilih IS NULL THEN 0 ELSE t.dpt_total END)
  FROM unnest(siaga_wilayah_chain(t.kode_wilayah)) AS chain(k)
  -- Same order in every transaction (nation first), so concurrent reports cannot deadlock.
  ORDER BY chain.k
  ON CONFLICT (kode, shard) DO UPDATE SET
    petugas_hadir = r.petugas_hadir + EXCLUDED.petugas_hadir,
    logistik_lengkap = r.logistik_lengkap + EXCLUDED.logistik_lengkap,
    dibuka = r.dibuka + EXCLUDED.dibuka,
    pemungutan = r.pemungutan + EXCLUDED.pemungutan,
    ditutup = r.ditutup + EXCLUDED.ditutup,
    penghitungan_selesai = r.penghitungan_selesai + EXCLUDED.penghitungan_selesai,
    pemilih = r.pemilih + EXCLUDED.pemilih,
    dpt_pemilih_dilaporkan = r.dpt_pemilih_dilaporkan + EXCLUDED.dpt_pemilih_dilaporkan;
  RETURN NULL;
END $$;

CREATE TRIGGER tps_status_rollup AFTER INSERT OR UPDATE OR DELETE ON tps_status
  FOR EACH ROW EXECUTE FUNCTION siaga_rollup_status();

-- The TPS already registered when this migration runs.
INSERT INTO rollup_hari_h (kode, shard, tps, dpt)
SELECT chain.k, 0, sum(g.n), sum(g.d)
FROM (SELECT kode_wilayah, count(*) AS n, sum(dpt_total) AS d FROM tps GROUP BY kode_wilayah) g,
     unnest(siaga_wilayah_chain(g.kode_wilayah)) AS chain(k)
GROUP BY chain.k;

-- Phones allowed to report by SMS, each tied to an account (its role and wilayah apply).
CREATE TABLE sms_pengirim (
  nomor       text PRIMARY KEY CHECK (nomor ~ '^\+62[0-9]{8,13}$'),
  user_id     uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
  created_by  uuid NOT NULL REFERENCES app_user (id),
  created_at  timestamptz NOT NULL DEFAULT now()
);

-- Every message the gateway delivered, with what Siaga understood and answered.
CREATE TABLE sms_masuk (
  id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  gateway_id   text NOT NULL UNIQUE,
  nomor        text NOT NULL,
  teks         text NOT NULL,
  user_id      uuid REFERENCES app_user (id),
  ok           boolean NOT NULL,
  balasan      text NOT NULL,
  received_at  timestamptz NOT NULL DEFAULT now()
);
