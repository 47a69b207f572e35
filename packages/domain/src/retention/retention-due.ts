import { addDays, addMonths, compareDates, type IsoDate } from "../shared/dates.ts";
import type { FamilyStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Retention (bewaartermijn) of a closed family's personal data, in months after the closure date.
 *
 * Neither the seeds (000–004) nor the domain brief name a bewaartermijn, so this is a policy
 * setting of the platform, not a seed rule: by default 24 months after closure, configurable per
 * installation (RETENTION_MONTHS in the API). The national office's privacy officer should confirm
 * the value. After the period the family's personal data is anonymised (see anonymise-family.ts);
 * the facts the annual figures count are kept, so published figures do not change.
 */
export const DEFAULT_RETENTION_MONTHS = 24;

/** Sanity bound only (100 years), so a typo cannot reach past the calendar's year 9999. */
export const MAX_RETENTION_MONTHS = 1200;

/** A retention period is a whole number of months, 0 (the day after closure) up to MAX_RETENTION_MONTHS. */
export function checkRetentionMonths(months: number): RuleResult<number> {
  if (Number.isInteger(months) && months >= 0 && months <= MAX_RETENTION_MONTHS) return allow(months);
  return refuse(
    reason(
      "RETENTION_MONTHS_INVALID",
      `De bewaartermijn moet een heel aantal maanden zijn, van 0 tot en met ${MAX_RETENTION_MONTHS}.`,
      `The retention period must be a whole number of months, from 0 up to and including ${MAX_RETENTION_MONTHS}.`,
    ),
  );
}

/**
 * The first day a family closed on `closedOn` is due: it must have been closed *longer* than the
 * period, so the day after closedOn + retentionMonths (months clamp to the month's end, as everywhere).
 */
export function anonymisationDueOn(closedOn: IsoDate, retentionMonths: number): IsoDate {
  return addDays(addMonths(closedOn, retentionMonths), 1);
}

/**
 * The latest closure (or end) date that is due on `today`: every family closed on or before it is due, none
 * closed after it (anonymisationDueOn never decreases as closedOn grows). The API narrows its query
 * with it; the verdict per family is still retentionDue.
 */
export function latestDueClosureDate(today: IsoDate, retentionMonths: number): IsoDate {
  const due = (closedOn: IsoDate) => compareDates(anonymisationDueOn(closedOn, retentionMonths), today) <= 0;
  // Month-end clamping makes addMonths(today, -n) a near miss at most a few days off: walk from it.
  let candidate = addMonths(today, -retentionMonths);
  while (!due(candidate)) candidate = addDays(candidate, -1);
  while (due(addDays(candidate, 1))) candidate = addDays(candidate, 1);
  return candidate;
}

/** What the rule needs to know of one family. */
export interface FamilyForRetention {
  id: string;
  status: FamilyStatus;
  /** Closure date; null when the family has no closure. */
  closedOn: IsoDate | null;
  /** For a DECLINED or NOT_ELIGIBLE family, the day it became so (Family.endedOn); else null. */
  endedOn: IsoDate | null;
  /** True once the family has been anonymised (Family.anonymisedAt set). */
  anonymised: boolean;
}

/** The statuses in which a family's time with Home-Start is over without a closure. */
export const ENDED_WITHOUT_CLOSURE: readonly FamilyStatus[] = ["DECLINED", "NOT_ELIGIBLE"];

export interface RetentionPolicy {
  /** Today's Dutch calendar date. */
  today: IsoDate;
  retentionMonths: number;
}

export type RetentionVerdict = { due: true; dueOn: IsoDate } | { due: false; dueOn: IsoDate | null; reason: Reason };

/**
 * Whether a family's personal data is due for anonymisation today: a family whose time with
 * Home-Start is over, longer than the retention period ago, and not anonymised already. Over means
 * CLOSED (counted from the closure date) or DECLINED or NOT_ELIGIBLE (from the day it became so,
 * endedOn): a family that never started support is kept no longer than one that ended it.
 */
export function retentionDue(family: FamilyForRetention, policy: RetentionPolicy): RetentionVerdict {
  const months = checkRetentionMonths(policy.retentionMonths);
  if (!months.ok) throw new RangeError(months.reasons[0]?.en ?? "Invalid retention period");
  if (family.anonymised) {
    return {
      due: false,
      dueOn: null,
      reason: reason("ALREADY_ANONYMISED", "De gegevens van dit gezin zijn al geanonimiseerd.", "This family has already been anonymised."),
    };
  }
  const closed = family.status === "CLOSED";
  if (!closed && !ENDED_WITHOUT_CLOSURE.includes(family.status)) {
    return {
      due: false,
      dueOn: null,
      reason: reason(
        "NOT_CLOSED",
        "Het gezin is niet afgesloten, afgewezen of niet in aanmerking gekomen.",
        "The family is not closed, declined or found not eligible.",
      ),
    };
  }
  const endedOn = closed ? family.closedOn : family.endedOn;
  if (endedOn === null) {
    return {
      due: false,
      dueOn: null,
      reason: closed
        ? reason("NO_CLOSURE_DATE", "Er is geen afsluitdatum bekend.", "No closure date is recorded.")
        : reason(
            "NO_END_DATE",
            "Er is geen datum van afwijzing bekend.",
            "No date is recorded of when the family was declined or found not eligible.",
          ),
    };
  }
  const dueOn = anonymisationDueOn(endedOn, months.value);
  if (compareDates(policy.today, dueOn) < 0) {
    return {
      due: false,
      dueOn,
      reason: reason(
        "RETENTION_NOT_PASSED",
        `De bewaartermijn van ${months.value} maanden ${closed ? "na afsluiting" : "na afwijzing"} loopt nog; anonimiseren vanaf ${dueOn}.`,
        `The retention period of ${months.value} months after ${closed ? "closure" : "the family was declined or found not eligible"} has not passed; anonymised from ${dueOn}.`,
      ),
    };
  }
  return { due: true, dueOn };
}

/** The ids of the families due for anonymisation today, in the order given. */
export function familiesDueForAnonymisation(families: readonly FamilyForRetention[], policy: RetentionPolicy): string[] {
  return families.filter((f) => retentionDue(f, policy).due).map((f) => f.id);
}
