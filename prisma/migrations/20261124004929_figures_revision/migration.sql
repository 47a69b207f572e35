-- CreateTable
CREATE TABLE "FiguresRevision" (
    "id" INTEGER NOT NULL DEFAULT 1,
    "revision" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "FiguresRevision_pkey" PRIMARY KEY ("id")
);


-- The one row, at revision 0.
INSERT INTO "FiguresRevision" ("id", "revision") VALUES (1, 0);

-- Raises the revision once per writing transaction, at its commit. A deferred constraint
-- trigger runs just before commit, so the new revision becomes visible together with the data,
-- and the lock on the one row is the transaction's last: whoever holds it waits for no other
-- lock, so writers cannot deadlock on it. Read by apps/api/src/figures/figures-cache.ts.
CREATE FUNCTION "bump_figures_revision"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('homestart.figures_revision_xid', true) IS DISTINCT FROM txid_current()::text THEN
    UPDATE "FiguresRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
    PERFORM set_config('homestart.figures_revision_xid', txid_current()::text, true);
  END IF;
  RETURN NULL;
END $$;

-- TRUNCATE (the benchmark loader's --reset) raises it at once.
CREATE FUNCTION "bump_figures_revision_now"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "FiguresRevision" SET "revision" = "revision" + 1 WHERE "id" = 1;
  RETURN NULL;
END $$;

-- Everything packages/domain's annualFigures reads (apps/api/src/figures/load-figures-input.ts):
-- families (scope, source, household, risk factors, registration), their children's count,
-- matches, visit minutes, closures, coordinators and their locations, licences and the
-- municipalities they cover.
CREATE CONSTRAINT TRIGGER "Family_figures_revision" AFTER INSERT OR DELETE OR UPDATE OF "municipalityId", "locationId", "registeredOn", "source", "householdType", "riskFactors" ON "Family"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Child_figures_revision" AFTER INSERT OR DELETE OR UPDATE OF "familyId" ON "Child"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Match_figures_revision" AFTER INSERT OR DELETE OR UPDATE ON "Match"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Visit_figures_revision" AFTER INSERT OR DELETE OR UPDATE OF "matchId", "visitedOn", "minutes" ON "Visit"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Closure_figures_revision" AFTER INSERT OR DELETE OR UPDATE ON "Closure"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "User_figures_revision" AFTER INSERT OR DELETE OR UPDATE OF "role", "active" ON "User"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "UserLocationScope_figures_revision" AFTER INSERT OR DELETE OR UPDATE ON "UserLocationScope"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Licence_figures_revision" AFTER INSERT OR DELETE OR UPDATE ON "Licence"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "LicenceMunicipality_figures_revision" AFTER INSERT OR DELETE OR UPDATE ON "LicenceMunicipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();
CREATE CONSTRAINT TRIGGER "Municipality_figures_revision" AFTER INSERT OR DELETE OR UPDATE OF "code" ON "Municipality"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION "bump_figures_revision"();

CREATE TRIGGER "Family_figures_revision_truncate" AFTER TRUNCATE ON "Family" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_now"();
CREATE TRIGGER "Match_figures_revision_truncate" AFTER TRUNCATE ON "Match" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_now"();
CREATE TRIGGER "Visit_figures_revision_truncate" AFTER TRUNCATE ON "Visit" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_now"();
CREATE TRIGGER "Licence_figures_revision_truncate" AFTER TRUNCATE ON "Licence" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_now"();
CREATE TRIGGER "User_figures_revision_truncate" AFTER TRUNCATE ON "User" FOR EACH STATEMENT EXECUTE FUNCTION "bump_figures_revision_now"();
