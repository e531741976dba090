-- TPS text search: addresses are matched with a trigram index, so that a search over a national
-- registry (435,296 TPS) is index scans (matching kelurahan codes, addresses) rather than a scan of
-- every TPS joined to its kelurahan and kecamatan (measured 0.9 s embedded before; docs/benchmarks.md).
CREATE INDEX tps_alamat_trgm_idx ON tps USING gin (alamat gin_trgm_ops);
