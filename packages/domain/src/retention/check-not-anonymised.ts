import { type IsoDateTime, isIsoDateTime, localDateOf } from "../shared/datetimes.ts";
import { allow, type RuleResult, reason, refuse } from "../shared/result.ts";
import { NOTICE_CANCELLED_BY_ANONYMISATION } from "./anonymise-family.ts";

/** The reason code of every change refused because the family has been anonymised. */
export const FAMILY_ANONYMISED = NOTICE_CANCELLED_BY_ANONYMISATION;

/**
 * Nothing may be written into, or done with, a family once it has been anonymised (retention,
 * see retention-due.ts and anonymise-family.ts): no new personal data (a name, a child, a note, a
 * support question, a consent, a visit), no status move, no match, no notice to the referrer.
 * Otherwise personal data would be stored again past the retention period, and the placeholders
 * would be sent or built on. Reading the family (its page, its data export) stays allowed.
 * Platform policy (issue 8, item 9); no seed names a bewaartermijn.
 */
export function checkNotAnonymised(family: { anonymisedAt: IsoDateTime | null }): RuleResult<true> {
  if (family.anonymisedAt === null) return allow(true);
  // The Dutch calendar date, when the moment is readable; the refusal stands either way.
  const on = isIsoDateTime(family.anonymisedAt) ? localDateOf(family.anonymisedAt) : null;
  return refuse(
    reason(
      FAMILY_ANONYMISED,
      `De gegevens van dit gezin zijn${on ? ` op ${on}` : ""} geanonimiseerd, omdat de bewaartermijn voorbij is. Er kan niets meer aan worden toegevoegd of gewijzigd.`,
      `This family's data was anonymised${on ? ` on ${on}` : ""} because the retention period had passed. Nothing can be added or changed any more.`,
    ),
  );
}
