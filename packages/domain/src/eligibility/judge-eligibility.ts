import { type LicenceCoverage, mayTakeFamily } from "../licences/may-take-family.ts";
import { addDays, addWeeks, compareDates, type IsoDate, maxDate, minDate, nthBirthday } from "../shared/dates.ts";
import { type Reason, reason } from "../shared/result.ts";
import { type AgePolicy, FULL_TERM_WEEKS, policyInForce } from "./policy-in-force.ts";

/** A child, or an unborn child (expectedOn set, bornOn empty), as in the Child table. */
export interface ChildForEligibility {
  id?: string;
  bornOn?: IsoDate | null;
  expectedOn?: IsoDate | null;
}

/** Either a plain flag ("is the municipality served under a valid licence?") or the licences to check. */
export type Licensing = { licensed: boolean } | { licences: readonly LicenceCoverage[] };

export interface EligibilityQuestion {
  municipalityCode: string;
  children: readonly ChildForEligibility[];
  /** The date of judgement; the policy in force on this date is used. */
  on: IsoDate;
  policies: readonly AgePolicy[];
  licensing: Licensing;
}

export type ChildEligibilityStatus = "QUALIFIES" | "NOT_YET" | "TOO_OLD" | "DUE_DATE_PASSED" | "BORN_AFTER_JUDGEMENT" | "NO_DATES";

export interface ChildEligibility {
  /** The child's id, or 'kind N' by position. */
  ref: string;
  status: ChildEligibilityStatus;
  /** First day this child makes the family eligible (birth, or 28 weeks of pregnancy). */
  from: IsoDate | null;
  /** Last day (inclusive) this child makes the family eligible: the day before the (max+1)th birthday. */
  until: IsoDate | null;
  /** For an unborn child `until` is estimated from the due date. */
  untilIsEstimate: boolean;
  reason: Reason;
}

export type EligibilityOutcome = "ELIGIBLE" | "NOT_YET" | "NOT_ELIGIBLE" | "INCOMPLETE";

export interface Eligibility {
  outcome: EligibilityOutcome;
  eligible: boolean;
  /** ELIGIBLE: since when (earliest qualifying child); NOT_YET: the date the family becomes eligible. */
  eligibleFrom: IsoDate | null;
  /** Last eligible day (inclusive): the day before the youngest qualifying child outgrows the range. */
  eligibleUntil: IsoDate | null;
  untilIsEstimate: boolean;
  policy: AgePolicy | null;
  children: ChildEligibility[];
  reasons: Reason[];
}

/**
 * Judge a family's eligibility on a date (seed 004: "Het kernprogramma: 0 t/m 6 jaar, vanaf 28 weken
 * zwangerschap. Verschillend per gemeente: 0 t/m 14 jaar of 0 t/m 17 jaar"; seed 001: since 2019 up
 * to 17). Eligible when at least one child qualifies under the policy in force on that date and the
 * municipality is served under a valid licence (seed 003).
 */
export function judgeEligibility(question: EligibilityQuestion): Eligibility {
  const { on, municipalityCode } = question;
  const found = policyInForce(question.policies, municipalityCode, on);
  const policy = found.ok ? found.value : null;
  const reasons: Reason[] = [...found.reasons];
  const licensed = isLicensed(question.licensing, municipalityCode, on);
  reasons.push(...licensed.reasons);

  const children = policy ? question.children.map((c, i) => judgeChild(c, i, policy, on)) : [];
  reasons.push(...children.map((c) => c.reason));
  if (policy && question.children.length === 0) {
    reasons.push(
      reason(
        "NO_CHILDREN",
        "Er zijn geen kinderen of zwangerschap geregistreerd; leg geboortedatum of uitgerekende datum vast.",
        "No children or pregnancy are recorded; record a birth date or due date.",
      ),
    );
  }

  const outcome = decideOutcome(policy !== null, licensed.ok, children);
  const window = familyWindow(outcome, children);
  if (policy?.validUntil && window.eligibleUntil && compareDates(policy.validUntil, window.eligibleUntil) < 0) {
    reasons.push(
      reason(
        "POLICY_ENDS_EARLIER",
        `Dit leeftijdsbeleid geldt t/m ${policy.validUntil}; daarna kan een andere leeftijdsgrens gelden.`,
        `This age policy applies until ${policy.validUntil}; a different age limit may apply after that.`,
      ),
    );
  }
  return { outcome, eligible: outcome === "ELIGIBLE", ...window, policy, children, reasons };
}

function isLicensed(licensing: Licensing, municipalityCode: string, on: IsoDate): { ok: boolean; reasons: Reason[] } {
  const ok = "licensed" in licensing ? licensing.licensed : mayTakeFamily(licensing.licences, { municipalityCode, on }).ok;
  if (ok) return { ok, reasons: [] };
  return {
    ok,
    reasons: [
      reason(
        "MUNICIPALITY_NOT_LICENSED",
        `Home-Start wordt op ${on} niet onder een geldige licentie aangeboden in gemeente ${municipalityCode}.`,
        `On ${on} Home-Start is not offered under a valid licence in municipality ${municipalityCode}.`,
      ),
    ],
  };
}

function decideOutcome(hasPolicy: boolean, licensed: boolean, children: readonly ChildEligibility[]): EligibilityOutcome {
  if (!hasPolicy || !licensed) return "NOT_ELIGIBLE";
  const has = (s: ChildEligibilityStatus) => children.some((c) => c.status === s);
  if (has("QUALIFIES")) return "ELIGIBLE";
  if (has("NOT_YET")) return "NOT_YET";
  if (children.length === 0 || children.some((c) => c.status !== "TOO_OLD")) return "INCOMPLETE";
  return "NOT_ELIGIBLE";
}

function familyWindow(
  outcome: EligibilityOutcome,
  children: readonly ChildEligibility[],
): Pick<Eligibility, "eligibleFrom" | "eligibleUntil" | "untilIsEstimate"> {
  const status = outcome === "ELIGIBLE" ? "QUALIFIES" : outcome === "NOT_YET" ? "NOT_YET" : null;
  const counted = children.filter((c) => c.status === status && c.from !== null && c.until !== null);
  const [first, ...rest] = counted;
  if (!first) return { eligibleFrom: null, eligibleUntil: null, untilIsEstimate: false };
  const eligibleFrom = minDate(first.from!, ...rest.map((c) => c.from!));
  const eligibleUntil = maxDate(first.until!, ...rest.map((c) => c.until!));
  const untilIsEstimate = counted.some((c) => c.until === eligibleUntil && c.untilIsEstimate);
  return { eligibleFrom, eligibleUntil, untilIsEstimate };
}

const ageRange = (p: AgePolicy) => ({ nl: `0 t/m ${p.maxAgeInclusive} jaar`, en: `ages 0–${p.maxAgeInclusive}` });

/** Last day within 0 t/m max: the day before the (max+1)th birthday ("t/m 6" = until the 7th birthday). */
export function lastEligibleDay(bornOn: IsoDate, maxAgeInclusive: number): IsoDate {
  return addDays(nthBirthday(bornOn, maxAgeInclusive + 1), -1);
}

/** The day an unborn child reaches the policy's pregnancy weeks: due date = 40 weeks, so 28 weeks = due − 12 weeks. */
export function pregnancyThresholdDate(expectedOn: IsoDate, pregnancyWeeksFrom: number): IsoDate {
  return addWeeks(expectedOn, pregnancyWeeksFrom - FULL_TERM_WEEKS);
}

function judgeChild(child: ChildForEligibility, index: number, policy: AgePolicy, on: IsoDate): ChildEligibility {
  const ref = child.id ?? `kind ${index + 1}`;
  const label = { nl: child.id ?? `Kind ${index + 1}`, en: child.id ?? `Child ${index + 1}` };
  if (child.bornOn) return judgeBornChild(ref, label, child.bornOn, policy, on);
  if (child.expectedOn) return judgeUnbornChild(ref, label, child.expectedOn, policy, on);
  const r = reason(
    "CHILD_NO_DATES",
    `${label.nl}: geen geboortedatum of uitgerekende datum bekend.`,
    `${label.en}: no birth date or due date recorded.`,
  );
  return { ref, status: "NO_DATES", from: null, until: null, untilIsEstimate: false, reason: r };
}

type Label = { nl: string; en: string };

function judgeBornChild(ref: string, label: Label, bornOn: IsoDate, policy: AgePolicy, on: IsoDate): ChildEligibility {
  const until = lastEligibleDay(bornOn, policy.maxAgeInclusive);
  const range = ageRange(policy);
  const base = { ref, from: bornOn, until, untilIsEstimate: false };
  if (compareDates(bornOn, on) > 0) {
    const r = reason(
      "CHILD_BORN_AFTER_JUDGEMENT",
      `${label.nl}: geboortedatum ${bornOn} ligt na de beoordelingsdatum ${on}.`,
      `${label.en}: birth date ${bornOn} is after the date of judgement ${on}.`,
    );
    return { ...base, status: "BORN_AFTER_JUDGEMENT", reason: r };
  }
  if (compareDates(on, until) > 0) {
    const r = reason(
      "CHILD_TOO_OLD",
      `${label.nl} (geboren ${bornOn}) valt sinds ${addDays(until, 1)} buiten ${range.nl}.`,
      `${label.en} (born ${bornOn}) is outside ${range.en} since ${addDays(until, 1)}.`,
    );
    return { ...base, status: "TOO_OLD", reason: r };
  }
  const r = reason(
    "CHILD_QUALIFIES",
    `${label.nl} (geboren ${bornOn}) valt binnen ${range.nl}, tot en met ${until}.`,
    `${label.en} (born ${bornOn}) is within ${range.en} until ${until} inclusive.`,
  );
  return { ...base, status: "QUALIFIES", reason: r };
}

function judgeUnbornChild(ref: string, label: Label, expectedOn: IsoDate, policy: AgePolicy, on: IsoDate): ChildEligibility {
  const from = pregnancyThresholdDate(expectedOn, policy.pregnancyWeeksFrom);
  const until = lastEligibleDay(expectedOn, policy.maxAgeInclusive);
  const weeks = policy.pregnancyWeeksFrom;
  const base = { ref, from, until, untilIsEstimate: true };
  if (compareDates(on, expectedOn) > 0) {
    const r = reason(
      "DUE_DATE_PASSED",
      `${label.nl}: de uitgerekende datum ${expectedOn} is verstreken; registreer het kind als geboren met de geboortedatum.`,
      `${label.en}: the due date ${expectedOn} has passed; register the child as born, with the birth date.`,
    );
    return { ...base, from: null, until: null, untilIsEstimate: false, status: "DUE_DATE_PASSED", reason: r };
  }
  if (compareDates(on, from) < 0) {
    const r = reason(
      "PREGNANCY_TOO_EARLY",
      `${label.nl} (uitgerekend ${expectedOn}): ${weeks} weken zwangerschap op ${from}; vanaf dan komt het gezin in aanmerking.`,
      `${label.en} (due ${expectedOn}): ${weeks} weeks of pregnancy on ${from}; the family is eligible from then.`,
    );
    return { ...base, status: "NOT_YET", reason: r };
  }
  const r = reason(
    "PREGNANCY_QUALIFIES",
    `${label.nl} (uitgerekend ${expectedOn}): ${weeks} weken zwangerschap of meer sinds ${from}.`,
    `${label.en} (due ${expectedOn}): ${weeks} weeks of pregnancy or more since ${from}.`,
  );
  return { ...base, status: "QUALIFIES", reason: r };
}
