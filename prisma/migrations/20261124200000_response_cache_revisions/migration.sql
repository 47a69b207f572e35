-- Revisions for the answers the API keeps whole (apps/api/src/response-cache.ts): the licence list,
-- and a location's family list and dashboard. As for the other revision rows (migration read_revisions), a
-- deferred trigger raises a row at the commit of a transaction that wrote its data, after the
-- revisions' advisory lock (migration revision_lock_order).
INSERT INTO "ReadRevision" ("name", "revision") VALUES ('licence_list', 0), ('location_data', 0);

-- Raises the row of that name once per transaction, creating it at 1 (a location's row appears
-- with the first change to its data; a missing row reads as 0).
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

-- A location's family list and its coordinator's dashboard show the location's families (whole
-- rows) with their parents' names, their municipality's name, matches, evaluations, visits and
-- failed referrer notices, and the location's volunteers. A change to any of them raises the
-- location's row ('location_data:<locationId>', both locations when a family or volunteer moves);
-- a municipality's name, or emptying one of these tables, raises the row 'location_data' that
-- every such answer is kept under as well.
CREATE FUNCTION "bump_location_data_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "old_key" TEXT; -- the changed row's way to its location: a location, family or match id
  "new_key" TEXT;
  "location" TEXT;
BEGIN
  IF TG_TABLE_NAME IN ('Family', 'Volunteer') THEN
    IF TG_OP <> 'INSERT' THEN "old_key" := OLD."locationId"; END IF;
    IF TG_OP <> 'DELETE' THEN "new_key" := NEW."locationId"; END IF;
    FOR "location" IN SELECT DISTINCT x FROM unnest(ARRAY["old_key", "new_key"]) AS x WHERE x IS NOT NULL LOOP
      PERFORM "bump_read_revision_named"('location_data:' || "location");
    END LOOP;
  ELSIF TG_TABLE_NAME = 'Visit' THEN
    IF TG_OP <> 'INSERT' THEN "old_key" := OLD."matchId"; END IF;
    IF TG_OP <> 'DELETE' THEN "new_key" := NEW."matchId"; END IF;
    FOR "location" IN
      SELECT DISTINCT f."locationId" FROM "Match" m JOIN "Family" f ON f."id" = m."familyId" WHERE m."id" IN ("old_key", "new_key")
    LOOP
      PERFORM "bump_read_revision_named"('location_data:' || "location");
    END LOOP;
  ELSE
    -- Parent, Match, Evaluation, ReferrerNotification: their family's location (a family deleted
    -- with them raised it itself).
    IF TG_OP <> 'INSERT' THEN "old_key" := OLD."familyId"; END IF;
    IF TG_OP <> 'DELETE' THEN "new_key" := NEW."familyId"; END IF;
    FOR "location" IN SELECT DISTINCT f."locationId" FROM "Family" f WHERE f."id" IN ("old_key", "new_key") LOOP
      PERFORM "bump_read_revision_named"('location_data:' || "location");
    END LOOP;
  END IF;
  RETURN NULL;
END $$;
CREATE CONSTRAINT TRIGGER "Family_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Family"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Volunteer_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Volunteer"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Parent_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Parent"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Match_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Match"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Evaluation_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Evaluation"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Visit_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "Visit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "ReferrerNotification_location_data_revision" AFTER INSERT OR DELETE OR UPDATE ON "ReferrerNotification"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_location_data_revision"();
CREATE CONSTRAINT TRIGGER "Municipality_location_data_revision" AFTER INSERT OR DELETE OR UPDATE OF "name" ON "Municipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('location_data');
CREATE TRIGGER "Family_location_data_revision_truncate" AFTER TRUNCATE ON "Family" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Volunteer_location_data_revision_truncate" AFTER TRUNCATE ON "Volunteer" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Parent_location_data_revision_truncate" AFTER TRUNCATE ON "Parent" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Match_location_data_revision_truncate" AFTER TRUNCATE ON "Match" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Evaluation_location_data_revision_truncate" AFTER TRUNCATE ON "Evaluation" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Visit_location_data_revision_truncate" AFTER TRUNCATE ON "Visit" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "ReferrerNotification_location_data_revision_truncate" AFTER TRUNCATE ON "ReferrerNotification" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
CREATE TRIGGER "Municipality_location_data_revision_truncate" AFTER TRUNCATE ON "Municipality" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('location_data');
