-- Revisions for the answers the API keeps whole (apps/api/src/response-cache.ts): the licence list,
-- and the family list per location. As for the other revision rows (migration read_revisions), a
-- deferred trigger raises a row at the commit of a transaction that wrote its data, after the
-- revisions' advisory lock (migration revision_lock_order).
INSERT INTO "ReadRevision" ("name", "revision") VALUES ('licence_list', 0), ('family_list', 0);

-- Raises the row of that name once per transaction, creating it at 1 (a location's family list
-- row appears with the first change to its families; a missing row reads as 0).
CREATE FUNCTION "bump_read_revision_named"("row_name" TEXT) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  -- A setting's name must be an identifier: the row's name goes in as its md5.
  IF current_setting('homestart.rr_' || md5("row_name"), true) IS DISTINCT FROM txid_current()::text THEN
    PERFORM pg_advisory_xact_lock(7201); -- the revisions' lock (migration revision_lock_order)
    INSERT INTO "ReadRevision" ("name", "revision") VALUES ("row_name", 1)
      ON CONFLICT ("name") DO UPDATE SET "revision" = "ReadRevision"."revision" + 1;
    PERFORM set_config('homestart.rr_' || md5("row_name"), txid_current()::text, true);
  END IF;
END $$;

-- Everything a licence list answer may show: the licences (whole rows) and the names of their
-- organisations and locations.
CREATE CONSTRAINT TRIGGER "Licence_licence_list_revision" AFTER INSERT OR DELETE OR UPDATE ON "Licence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('licence_list');
CREATE CONSTRAINT TRIGGER "Organisation_licence_list_revision" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "Organisation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('licence_list');
CREATE CONSTRAINT TRIGGER "Location_licence_list_revision" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "Location"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('licence_list');
CREATE TRIGGER "Licence_licence_list_revision_truncate" AFTER TRUNCATE ON "Licence" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('licence_list');
CREATE TRIGGER "Organisation_licence_list_revision_truncate" AFTER TRUNCATE ON "Organisation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('licence_list');
CREATE TRIGGER "Location_licence_list_revision_truncate" AFTER TRUNCATE ON "Location" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('licence_list');

-- A location's family list shows its families (whole rows) with their parents' names and their
-- municipality's name. A family or parent raises its location's row ('family_list:<locationId>',
-- both locations when a family moves); a municipality's name, or emptying a table, raises the
-- row 'family_list' that every family list answer is kept under as well.
CREATE FUNCTION "bump_family_list_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "location" TEXT;
BEGIN
  IF TG_TABLE_NAME = 'Family' THEN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_read_revision_named"('family_list:' || OLD."locationId"); END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') AND (TG_OP = 'INSERT' OR NEW."locationId" IS DISTINCT FROM OLD."locationId") THEN
      PERFORM "bump_read_revision_named"('family_list:' || NEW."locationId");
    END IF;
  ELSE
    -- A parent: its family's location (a family deleted with its parents raised it itself).
    FOR "location" IN
      SELECT DISTINCT f."locationId" FROM "Family" f
      WHERE f."id" IN (CASE WHEN TG_OP <> 'INSERT' THEN OLD."familyId" END, CASE WHEN TG_OP <> 'DELETE' THEN NEW."familyId" END)
    LOOP
      PERFORM "bump_read_revision_named"('family_list:' || "location");
    END LOOP;
  END IF;
  RETURN NULL;
END $$;

CREATE CONSTRAINT TRIGGER "Family_family_list_revision" AFTER INSERT OR DELETE OR UPDATE ON "Family"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_family_list_revision"();
CREATE CONSTRAINT TRIGGER "Parent_family_list_revision" AFTER INSERT OR DELETE OR UPDATE ON "Parent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_family_list_revision"();
CREATE CONSTRAINT TRIGGER "Municipality_family_list_revision" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "Municipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('family_list');
CREATE TRIGGER "Family_family_list_revision_truncate" AFTER TRUNCATE ON "Family" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('family_list');
CREATE TRIGGER "Parent_family_list_revision_truncate" AFTER TRUNCATE ON "Parent" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('family_list');
CREATE TRIGGER "Municipality_family_list_revision_truncate" AFTER TRUNCATE ON "Municipality" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('family_list');
