-- AlterTable
ALTER TABLE "Family" ADD COLUMN     "endedOn" DATE;

-- Families already declined or found not eligible: the day of that move, from its audit entry,
-- else the family's last change (never before the move, so no retention period starts early).
-- The audit's times are UTC and the Dutch day is at most two hours ahead: + 2 hours never gives
-- a day too early.
UPDATE "Family" f SET "endedOn" = (coalesce(
    (SELECT max(a."at") FROM "AuditEntry" a
      WHERE a."entityType" = 'Family' AND a."entityId" = f."id" AND a."action" IN ('family.decline', 'family.markNotEligible')),
    f."updatedAt") + interval '2 hours')::date
WHERE f."status" IN ('DECLINED', 'NOT_ELIGIBLE');
