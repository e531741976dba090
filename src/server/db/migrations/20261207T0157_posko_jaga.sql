-- Posko paslon become duties of the security plan (issue #18, ADR 0016). A posko was registered with
-- its place and contact but asked nothing of the plan, so the shortfall, the what-if and the plotting
-- lists left it out. Now each posko is guarded for a window (the one entered with it, or by default the
-- election's campaign stage: docs/domain/kampanye.md, Siaga default, configurable) and asks Polri of
-- the plan (default one officer) through its duty in pam_tugas (jenis 'posko'), kept in step by the
-- kampanye service. The window and need are recorded with the posko as they were set; a posko
-- registered before this migration has none (NULL window) and no duty until its guard is set.
ALTER TABLE posko_paslon
  ADD COLUMN jaga_mulai timestamptz,
  ADD COLUMN jaga_selesai timestamptz,
  ADD COLUMN kebutuhan_polri integer NOT NULL DEFAULT 1 CHECK (kebutuhan_polri BETWEEN 0 AND 100),
  ADD COLUMN version integer NOT NULL DEFAULT 1,
  ADD CONSTRAINT posko_paslon_jaga_check
    CHECK ((jaga_mulai IS NULL) = (jaga_selesai IS NULL) AND (jaga_selesai IS NULL OR jaga_selesai > jaga_mulai));
