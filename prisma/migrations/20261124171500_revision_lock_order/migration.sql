-- Revision rows are raised at commit by deferred triggers, in the order the transaction wrote the
-- tables: a transaction that wrote a location and then a municipality raises visitatie_planner and
-- then eligibility_facts, another one the reverse. Two such commits at once could each hold one row
-- and wait for the other's: a deadlock, and PostgreSQL aborts one of the changes. Since there is
-- more than one revision row (migration read_revisions), every raise first takes one transaction
-- advisory lock (released at commit), so a commit holds revision rows only while no other commit
-- does. Commits that raise a revision queue on it, as they already queued on FiguresRevision's row.
CREATE OR REPLACE FUNCTION "bump_figures_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('homestart.figures_revision_xid', true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM pg_advisory_xact_lock(7201); -- the revisions' lock (this migration)
    UPDATE "FiguresRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
    PERFORM set_config('homestart.figures_revision_xid', txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "bump_figures_revision_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7201);
  UPDATE "FiguresRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "bump_read_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('homestart.read_revision_' || TG_ARGV[0], true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM pg_advisory_xact_lock(7201);
    UPDATE "ReadRevision" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
    PERFORM set_config('homestart.read_revision_' || TG_ARGV[0], txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE OR REPLACE FUNCTION "bump_read_revision_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_advisory_xact_lock(7201);
  UPDATE "ReadRevision" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END $$;
