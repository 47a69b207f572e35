-- CreateTable
CREATE TABLE "ReadRevision" (
    "name" TEXT NOT NULL,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "ReadRevision_pkey" PRIMARY KEY ("name")
);


-- The cached reads, each at revision 0.
INSERT INTO "ReadRevision" ("name", "revision") VALUES ('visitatie_planner', 0), ('match_volunteers', 0), ('eligibility_facts', 0);

-- Raises the named revision once per writing transaction, at its commit: a deferred constraint
-- trigger runs just before commit, so the new revision becomes visible together with the data,
-- and the row lock is the transaction's last (as bump_figures_revision, migration figures_revision).
CREATE FUNCTION "bump_read_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('homestart.read_revision_' || TG_ARGV[0], true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "ReadRevision" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
    PERFORM set_config('homestart.read_revision_' || TG_ARGV[0], txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "bump_read_revision_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "ReadRevision" SET "revision" = "revision" + 1 WHERE "name" = TG_ARGV[0];
  RETURN NULL;
END $$;

-- Everything the visitatie planner reads (apps/api/src/schema/visitaties.ts): locations (whole rows,
-- as the GraphQL type shows them), their quality reviews, the start of their licences, and the
-- national staff who can review.
CREATE CONSTRAINT TRIGGER "Location_planner_revision" AFTER INSERT OR DELETE OR UPDATE ON "Location"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('visitatie_planner');
CREATE CONSTRAINT TRIGGER "QualityReview_planner_revision" AFTER INSERT OR DELETE OR UPDATE OF "locationId", "status", "plannedOn", "performedOn" ON "QualityReview"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('visitatie_planner');
CREATE CONSTRAINT TRIGGER "Licence_planner_revision" AFTER INSERT OR DELETE OR UPDATE OF "locationId", "validFrom" ON "Licence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('visitatie_planner');
CREATE CONSTRAINT TRIGGER "User_planner_revision" AFTER INSERT OR DELETE OR UPDATE OF "role", "active", "name" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('visitatie_planner');

CREATE TRIGGER "Location_planner_revision_truncate" AFTER TRUNCATE ON "Location" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('visitatie_planner');
CREATE TRIGGER "QualityReview_planner_revision_truncate" AFTER TRUNCATE ON "QualityReview" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('visitatie_planner');
CREATE TRIGGER "Licence_planner_revision_truncate" AFTER TRUNCATE ON "Licence" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('visitatie_planner');
CREATE TRIGGER "User_planner_revision_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('visitatie_planner');

-- Everything match suggestions read of a location's volunteers (apps/api/src/schema/matching.ts):
-- the volunteers (whole rows, as the GraphQL type shows them), their matches, and the codes of
-- their municipalities.
CREATE CONSTRAINT TRIGGER "Volunteer_match_volunteers_revision" AFTER INSERT OR DELETE OR UPDATE ON "Volunteer"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('match_volunteers');
CREATE CONSTRAINT TRIGGER "Match_match_volunteers_revision" AFTER INSERT OR DELETE OR UPDATE ON "Match"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('match_volunteers');
CREATE CONSTRAINT TRIGGER "Municipality_match_volunteers_revision" AFTER INSERT OR DELETE OR UPDATE OF "code" ON "Municipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('match_volunteers');

CREATE TRIGGER "Volunteer_match_volunteers_revision_truncate" AFTER TRUNCATE ON "Volunteer" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('match_volunteers');
CREATE TRIGGER "Match_match_volunteers_revision_truncate" AFTER TRUNCATE ON "Match" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('match_volunteers');
CREATE TRIGGER "Municipality_match_volunteers_revision_truncate" AFTER TRUNCATE ON "Municipality" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('match_volunteers');

-- Everything a family's eligibility is judged on besides the family (apps/api/src/schema/families.ts,
-- loadEligibilityFacts): the municipalities' codes and age policies, and the licences of the
-- locations with the municipalities they cover.
CREATE CONSTRAINT TRIGGER "AgePolicy_eligibility_revision" AFTER INSERT OR DELETE OR UPDATE ON "AgePolicy"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('eligibility_facts');
CREATE CONSTRAINT TRIGGER "Municipality_eligibility_revision" AFTER INSERT OR DELETE OR UPDATE OF "code" ON "Municipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('eligibility_facts');
CREATE CONSTRAINT TRIGGER "Licence_eligibility_revision" AFTER INSERT OR DELETE OR UPDATE OF "locationId", "status", "validFrom", "validUntil" ON "Licence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('eligibility_facts');
CREATE CONSTRAINT TRIGGER "LicenceMunicipality_eligibility_revision" AFTER INSERT OR DELETE OR UPDATE ON "LicenceMunicipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_read_revision"('eligibility_facts');

CREATE TRIGGER "AgePolicy_eligibility_revision_truncate" AFTER TRUNCATE ON "AgePolicy" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('eligibility_facts');
CREATE TRIGGER "Municipality_eligibility_revision_truncate" AFTER TRUNCATE ON "Municipality" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('eligibility_facts');
CREATE TRIGGER "Licence_eligibility_revision_truncate" AFTER TRUNCATE ON "Licence" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('eligibility_facts');
CREATE TRIGGER "LicenceMunicipality_eligibility_revision_truncate" AFTER TRUNCATE ON "LicenceMunicipality" FOR EACH STATEMENT EXECUTE FUNCTION "bump_read_revision_now"('eligibility_facts');
