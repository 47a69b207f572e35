// The one place a mutation takes hold of the family it changes (retention, item 9): the family row
// is locked, must be in the viewer's scope (NOT_FOUND otherwise, so nothing tells another location's
// family exists), and must not be anonymised (packages/domain checkNotAnonymised: FAMILY_ANONYMISED).
// Every mutation that changes a family or its related records calls it inside its transaction
// before it writes, so a refusal leaves the database as it was.
import { checkNotAnonymised } from "@homestart/domain";
import type { Context } from "../context.ts";
import { Refusal } from "../errors.ts";
import { notFound, type Tx } from "../mutations.ts";
import { FAMILY_NOT_FOUND, familyLocationScope } from "./families.ts";

/**
 * Locks the family row (FOR UPDATE) and refuses a family out of scope or anonymised. The lock also
 * closes the race with the retention job: the job claims a family with an update of this row, so
 * either the job waits for this change (and then anonymises it too), or this change waits for the
 * job and then reads anonymisedAt set. Lock order is family before match, as everywhere else.
 */
export async function lockFamilyForChange(tx: Tx, ctx: Context, familyId: string, field = "familyId"): Promise<void> {
  const [row] = await tx.$queryRaw<Array<{ locationId: string; anonymisedAt: Date | string | null }>>`
    SELECT "locationId", "anonymisedAt" FROM "Family" WHERE id = ${familyId} FOR UPDATE`;
  if (!row || !familyLocationScope(ctx).includes(row.locationId)) throw notFound(FAMILY_NOT_FOUND, field);
  const check = checkNotAnonymised({ anonymisedAt: instant(row.anonymisedAt) });
  if (!check.ok) throw Refusal.fromReasons(check.reasons, field);
}

/** A raw timestamp column as an ISO instant (stored in UTC without a zone, as Prisma writes it). */
function instant(value: Date | string | null): string | null {
  if (value === null) return null;
  if (value instanceof Date) return value.toISOString();
  const parsed = new Date(/(Z|[+-]\d{2}:?\d{2})$/.test(value) ? value : `${value.replace(" ", "T")}Z`);
  // Unreadable: still anonymised (the domain refuses without a date).
  return Number.isNaN(parsed.getTime()) ? value : parsed.toISOString();
}
