import { addYears, compareDates, type IsoDate } from "../shared/dates.ts";
import type { VolunteerStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/** What readiness needs of a volunteer (Volunteer + a count of open matches). */
export interface VolunteerForReadiness {
  id: string;
  status: VolunteerStatus;
  trainingCompletedOn: IsoDate | null;
  /** Date on the certificate of conduct (VOG). */
  vogIssuedOn: IsoDate | null;
  maxFamilies: number;
  /** Matches running today (see openMatchCount). */
  openMatches: number;
}

export interface ReadinessPolicy {
  /** A VOG is accepted until it is this many years old (configurable; usual practice 3). */
  vogValidYears: number;
  /** Years after which training must be refreshed; null = training does not expire (the seeds give no period). */
  trainingValidYears: number | null;
}

export const DEFAULT_READINESS_POLICY: ReadinessPolicy = { vogValidYears: 3, trainingValidYears: null };

export interface MatchPeriod {
  startOn: IsoDate;
  endOn: IsoDate | null;
}

/** Matches that still take the volunteer's time on `today`: not ended before today (planned ones count too). */
export function openMatchCount(matches: readonly MatchPeriod[], today: IsoDate): number {
  return matches.filter((m) => m.endOn === null || compareDates(m.endOn, today) >= 0).length;
}

/** First day the VOG is too old: issued + vogValidYears (29 Feb clamps to 28 Feb). */
export function vogExpiresOn(vogIssuedOn: IsoDate, policy: ReadinessPolicy = DEFAULT_READINESS_POLICY): IsoDate {
  return addYears(vogIssuedOn, policy.vogValidYears);
}

/** First day the training must have been refreshed, or null when training does not expire. */
export function trainingExpiresOn(trainingCompletedOn: IsoDate, policy: ReadinessPolicy = DEFAULT_READINESS_POLICY): IsoDate | null {
  return policy.trainingValidYears === null ? null : addYears(trainingCompletedOn, policy.trainingValidYears);
}

/**
 * Is the volunteer ready to be matched today? Trained volunteers (seed 000: "vrijwilligers met
 * opvoedervaring die worden opgeleid en begeleid"), status ACTIVE, a VOG not older than the policy
 * allows, and room for another family (open matches < maxFamilies). Every failing check is reported.
 */
export function volunteerReadiness(
  volunteer: VolunteerForReadiness,
  today: IsoDate,
  policy: ReadinessPolicy = DEFAULT_READINESS_POLICY,
): RuleResult<VolunteerForReadiness> {
  const problems = [
    statusProblem(volunteer),
    trainingProblem(volunteer, today, policy),
    vogProblem(volunteer, today, policy),
    capacityProblem(volunteer),
  ];
  const reasons = problems.filter((r): r is Reason => r !== null);
  return reasons.length === 0 ? allow(volunteer) : refuse(...reasons);
}

function statusProblem(v: VolunteerForReadiness): Reason | null {
  if (v.status === "ACTIVE") return null;
  return reason(
    "VOLUNTEER_NOT_ACTIVE",
    `De vrijwilliger heeft status ${v.status}, niet ACTIVE.`,
    `The volunteer's status is ${v.status}, not ACTIVE.`,
  );
}

function trainingProblem(v: VolunteerForReadiness, today: IsoDate, policy: ReadinessPolicy): Reason | null {
  if (v.trainingCompletedOn === null || compareDates(v.trainingCompletedOn, today) > 0) {
    return reason(
      "TRAINING_NOT_COMPLETED",
      "De vrijwilliger heeft de training nog niet afgerond.",
      "The volunteer has not completed the training.",
    );
  }
  const expires = trainingExpiresOn(v.trainingCompletedOn, policy);
  if (expires !== null && compareDates(today, expires) >= 0) {
    return reason(
      "TRAINING_EXPIRED",
      `De training (${v.trainingCompletedOn}) moet sinds ${expires} worden opgefrist.`,
      `The training (${v.trainingCompletedOn}) is due for a refresher since ${expires}.`,
    );
  }
  return null;
}

function vogProblem(v: VolunteerForReadiness, today: IsoDate, policy: ReadinessPolicy): Reason | null {
  if (v.vogIssuedOn === null || compareDates(v.vogIssuedOn, today) > 0) {
    return reason("VOG_MISSING", "Er is geen geldige VOG (Verklaring Omtrent Gedrag).", "There is no valid certificate of conduct (VOG).");
  }
  const expires = vogExpiresOn(v.vogIssuedOn, policy);
  if (compareDates(today, expires) < 0) return null;
  return reason(
    "VOG_TOO_OLD",
    `De VOG van ${v.vogIssuedOn} is ouder dan ${policy.vogValidYears} jaar (verlopen op ${expires}).`,
    `The VOG of ${v.vogIssuedOn} is older than ${policy.vogValidYears} years (expired on ${expires}).`,
  );
}

function capacityProblem(v: VolunteerForReadiness): Reason | null {
  if (v.openMatches < v.maxFamilies) return null;
  return reason(
    "VOLUNTEER_AT_CAPACITY",
    `De vrijwilliger ondersteunt al ${v.openMatches} van maximaal ${v.maxFamilies} gezin(nen).`,
    `The volunteer already supports ${v.openMatches} of at most ${v.maxFamilies} families.`,
  );
}
