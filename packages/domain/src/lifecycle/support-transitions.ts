import { type ConsentEvent, consentInForce } from "../consent/consent-state.ts";
import type { Eligibility } from "../eligibility/judge-eligibility.ts";
import { compareDates, type IsoDate } from "../shared/dates.ts";
import type { IsoDateTime } from "../shared/datetimes.ts";
import type { ClosureReason, FamilyStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";
import { DEFAULT_READINESS_POLICY, type ReadinessPolicy, type VolunteerForReadiness, volunteerReadiness } from "./volunteer-readiness.ts";

/**
 * The support lifecycle of a family (seed 004: registration, usually a start within two weeks,
 * support "van enkele maanden tot anderhalf jaar", notice to the referrer at start and closure).
 * DECLINED and NOT_ELIGIBLE end the early states; WAITING_FOR_MATCH may also be CLOSED
 * (ClosureReason NO_MATCH_POSSIBLE). CLOSED, DECLINED and NOT_ELIGIBLE are final: a family that
 * comes back registers again.
 */
export const SUPPORT_TRANSITIONS: Readonly<Record<FamilyStatus, readonly FamilyStatus[]>> = {
  REGISTERED: ["INTAKE", "DECLINED", "NOT_ELIGIBLE"],
  INTAKE: ["WAITING_FOR_MATCH", "DECLINED", "NOT_ELIGIBLE"],
  WAITING_FOR_MATCH: ["ACTIVE", "CLOSED", "DECLINED", "NOT_ELIGIBLE"],
  ACTIVE: ["CLOSED"],
  CLOSED: [],
  DECLINED: [],
  NOT_ELIGIBLE: [],
};

export function nextSupportStates(from: FamilyStatus): readonly FamilyStatus[] {
  return SUPPORT_TRANSITIONS[from];
}

export function isFinalSupportStatus(status: FamilyStatus): boolean {
  return SUPPORT_TRANSITIONS[status].length === 0;
}

type EligibilityJudgement = Pick<Eligibility, "outcome" | "reasons">;

export interface ClosureInput {
  reason: ClosureReason | null;
  closedOn: IsoDate | null;
}

/** The target state with what its guard needs. */
export type SupportTransition =
  | { to: "INTAKE"; consents: readonly ConsentEvent[]; now: IsoDateTime }
  | { to: "WAITING_FOR_MATCH"; consents: readonly ConsentEvent[]; now: IsoDateTime; eligibility: EligibilityJudgement }
  | {
      to: "ACTIVE";
      consents: readonly ConsentEvent[];
      now: IsoDateTime;
      /** Eligibility judged on startOn. */
      eligibility: EligibilityJudgement;
      volunteer: VolunteerForReadiness;
      readinessPolicy?: ReadinessPolicy;
      registeredOn: IsoDate;
      startOn: IsoDate;
    }
  | { to: "CLOSED"; closure: ClosureInput; registeredOn: IsoDate; supportStartOn: IsoDate | null; today: IsoDate }
  | { to: "DECLINED" }
  | { to: "NOT_ELIGIBLE"; eligibility: EligibilityJudgement };

export interface SupportStep {
  from: FamilyStatus;
  to: FamilyStatus;
}

/** May the family move from `from` to `transition.to`? All failing guards are reported. */
export function checkSupportTransition(from: FamilyStatus, transition: SupportTransition): RuleResult<SupportStep> {
  const { to } = transition;
  if (!SUPPORT_TRANSITIONS[from].includes(to)) {
    const allowed = SUPPORT_TRANSITIONS[from].join(", ") || "geen/none";
    return refuse(
      reason(
        "TRANSITION_NOT_ALLOWED",
        `Van ${from} naar ${to} is niet toegestaan (toegestaan: ${allowed}).`,
        `Moving from ${from} to ${to} is not allowed (allowed: ${allowed}).`,
      ),
    );
  }
  const problems = guardProblems(transition);
  return problems.length === 0 ? allow({ from, to }) : refuse(...problems);
}

function guardProblems(t: SupportTransition): Reason[] {
  switch (t.to) {
    case "INTAKE":
      return processingProblems(t.consents, t.now);
    case "WAITING_FOR_MATCH":
      // Processing consent and eligibility before the intake is done.
      return [...processingProblems(t.consents, t.now), ...eligibilityProblems(t.eligibility)];
    case "ACTIVE":
      return [
        ...processingProblems(t.consents, t.now),
        ...eligibilityProblems(t.eligibility),
        ...startDateProblems(t.registeredOn, t.startOn),
        ...readinessProblems(t.volunteer, t.startOn, t.readinessPolicy ?? DEFAULT_READINESS_POLICY),
      ];
    case "CLOSED":
      return closureProblems(t.closure, t.registeredOn, t.supportStartOn, t.today);
    case "NOT_ELIGIBLE":
      return t.eligibility.outcome === "ELIGIBLE"
        ? [reason("FAMILY_IS_ELIGIBLE", "Het gezin komt wel in aanmerking.", "The family is eligible.")]
        : [];
    case "DECLINED":
      return [];
  }
}

function processingProblems(consents: readonly ConsentEvent[], now: IsoDateTime): Reason[] {
  const consent = consentInForce(consents, "PROCESSING", now);
  return consent.ok ? [] : consent.reasons;
}

function eligibilityProblems(eligibility: EligibilityJudgement): Reason[] {
  if (eligibility.outcome === "ELIGIBLE") return [];
  return [
    reason(
      "FAMILY_NOT_ELIGIBLE",
      `Het gezin komt (nog) niet in aanmerking (${eligibility.outcome}).`,
      `The family is not eligible (${eligibility.outcome}).`,
    ),
    ...eligibility.reasons,
  ];
}

function startDateProblems(registeredOn: IsoDate, startOn: IsoDate): Reason[] {
  if (compareDates(startOn, registeredOn) >= 0) return [];
  return [
    reason(
      "START_BEFORE_REGISTRATION",
      `De startdatum ${startOn} ligt vóór de aanmelding (${registeredOn}).`,
      `The start date ${startOn} is before the registration (${registeredOn}).`,
    ),
  ];
}

function readinessProblems(volunteer: VolunteerForReadiness, on: IsoDate, policy: ReadinessPolicy): Reason[] {
  const ready = volunteerReadiness(volunteer, on, policy);
  return ready.ok ? [] : ready.reasons;
}

function closureProblems(closure: ClosureInput, registeredOn: IsoDate, supportStartOn: IsoDate | null, today: IsoDate): Reason[] {
  const problems: Reason[] = [];
  if (closure.reason === null) {
    problems.push(reason("CLOSURE_REASON_REQUIRED", "Geef een reden voor de afsluiting.", "Give a reason for the closure."));
  } else if (closure.reason === "GOALS_REACHED" && supportStartOn === null) {
    problems.push(
      reason(
        "GOALS_REACHED_WITHOUT_SUPPORT",
        "Doelen bereikt kan niet: de ondersteuning is niet gestart.",
        "Goals reached is not possible: support never started.",
      ),
    );
  }
  if (closure.closedOn === null) {
    problems.push(reason("CLOSURE_DATE_REQUIRED", "Geef de datum van afsluiting.", "Give the closure date."));
    return problems;
  }
  const earliest = supportStartOn ?? registeredOn;
  if (compareDates(closure.closedOn, earliest) < 0) {
    problems.push(
      reason(
        "CLOSURE_BEFORE_START",
        `De afsluitdatum ${closure.closedOn} ligt vóór ${supportStartOn ? "de start van de ondersteuning" : "de aanmelding"} (${earliest}).`,
        `The closure date ${closure.closedOn} is before the ${supportStartOn ? "support start" : "registration"} (${earliest}).`,
      ),
    );
  }
  if (compareDates(closure.closedOn, today) > 0) {
    problems.push(
      reason(
        "CLOSURE_IN_FUTURE",
        `De afsluitdatum ${closure.closedOn} ligt in de toekomst.`,
        `The closure date ${closure.closedOn} is in the future.`,
      ),
    );
  }
  return problems;
}
