-- Session cache (issue #5): each app node keeps recently resolved sessions in memory for a few
-- seconds so that a report does not pay a session lookup. Whatever ends a session or changes what it
-- may do (logout, expiry cleanup, deactivation, a new role, wilayah or password) must reach every
-- node's cache at once, whichever code path made the change: so the database announces it, on commit,
-- through NOTIFY (the channel of src/server/modules/auth/session-cache.ts). The payload is the user id.
CREATE FUNCTION siaga_session_ended() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('siaga_session', OLD.user_id::text);
  RETURN NULL;
END $$;
CREATE TRIGGER user_session_ended AFTER DELETE ON user_session
  FOR EACH ROW EXECUTE FUNCTION siaga_session_ended();

CREATE FUNCTION siaga_user_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('siaga_session', NEW.id::text);
  RETURN NULL;
END $$;
-- last_login_at is not among the columns: a sign-in elsewhere changes nothing a session may do.
CREATE TRIGGER app_user_changed AFTER UPDATE OF nama, role, agency, kode_wilayah, is_active, password_hash
  ON app_user FOR EACH ROW EXECUTE FUNCTION siaga_user_changed();
