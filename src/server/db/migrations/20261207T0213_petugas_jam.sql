-- An officer's check-ins kept beside them, so a check-in answers with the hours on duty without a
-- second read (issue 19: check-ins ran at 0.42 of the status reports' ingest, bench/petugas.ts). The
-- statement that inserts a batch of check-ins appends the new ones to their officers' row here and
-- returns it (petugas.repo.ts insertHadirBatch); the hours are the domain's rule over that list
-- (domain/petugas shiftsOf, jamBertugas), which pairs events in time order whatever order they
-- arrived in, so a late check-in from an outbox needs no special case. petugas_hadir stays the record
-- (each check-in, once per client id, with who sent it); this row is derived from it and is
-- tested to equal it after every change (petugas.routes.test.ts).
CREATE TABLE petugas_jam (
  petugas_id    uuid PRIMARY KEY REFERENCES petugas (id) ON DELETE CASCADE,
  pemilihan_id  uuid NOT NULL REFERENCES pemilihan (id) ON DELETE RESTRICT,
  -- [{ "jenis": "masuk" | "keluar", "pada": epoch milliseconds }], in arrival order.
  peristiwa     jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(peristiwa) = 'array')
);

INSERT INTO petugas_jam (petugas_id, pemilihan_id, peristiwa)
  SELECT petugas_id, pemilihan_id,
         jsonb_agg(jsonb_build_object('jenis', jenis, 'pada', (extract(epoch FROM pada) * 1000)::bigint) ORDER BY diterima_at, id)
  FROM petugas_hadir
  GROUP BY petugas_id, pemilihan_id;
