import type { ConsentEvent } from "../consent/consent-state.ts";
import type { Eligibility } from "../eligibility/judge-eligibility.ts";
import { checkSupportTransition } from "../lifecycle/support-transitions.ts";
import type { ReadinessPolicy, VolunteerForReadiness } from "../lifecycle/volunteer-readiness.ts";
import { compareDates, type IsoDate } from "../shared/dates.ts";
import type { IsoDateTime } from "../shared/datetimes.ts";
import type { FamilyStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Matching a volunteer to a family (seed 003: "vrijwilligers zijn voor een periode gekoppeld aan
 * een gezin"). The first match starts the support: WAITING_FOR_MATCH → ACTIVE with the lifecycle's
 * guards (processing consent, eligibility on the start date, a ready volunteer, a start not before
 * registration). When a volunteer stops while support goes on (support lasts up to 18 months, seed
 * 004), the family stays ACTIVE and gets a new volunteer ("REMATCH") under the same guards, once
 * the previous match has ended and not before that end: one volunteer at a time.
 */
export interface MatchStartInput {
  familyStatus: FamilyStatus;
  /** The family's existing matches. */
  matches: readonly { startOn: IsoDate; endOn: IsoDate | null }[];
  consents: readonly ConsentEvent[];
  now: IsoDateTime;
  /** Eligibility judged on startOn. */
  eligibility: Pick<Eligibility, "outcome" | "reasons">;
  /** With openMatches counted on startOn. */
  volunteer: VolunteerForReadiness;
  readinessPolicy?: ReadinessPolicy;
  registeredOn: IsoDate;
  startOn: IsoDate;
}

export type MatchStartKind = "START" | "REMATCH";

export function checkMatchStart(input: MatchStartInput): RuleResult<{ kind: MatchStartKind }> {
  const guards = {
    to: "ACTIVE" as const,
    consents: input.consents,
    now: input.now,
    eligibility: input.eligibility,
    volunteer: input.volunteer,
    registeredOn: input.registeredOn,
    startOn: input.startOn,
    ...(input.readinessPolicy ? { readinessPolicy: input.readinessPolicy } : {}),
  };
  if (input.familyStatus !== "ACTIVE") {
    const step = checkSupportTransition(input.familyStatus, guards);
    return step.ok ? allow({ kind: "START" }) : refuse(...step.reasons);
  }
  const problems: Reason[] = [];
  if (input.matches.some((m) => m.endOn === null)) {
    problems.push(
      reason(
        "MATCH_STILL_OPEN",
        "Het gezin heeft al een vrijwilliger. Beëindig eerst die koppeling.",
        "The family already has a volunteer. End that match first.",
      ),
    );
  }
  const lastEnd = input.matches.reduce<IsoDate | null>(
    (last, m) => (m.endOn !== null && (last === null || compareDates(m.endOn, last) > 0) ? m.endOn : last),
    null,
  );
  if (lastEnd !== null && compareDates(input.startOn, lastEnd) < 0) {
    problems.push(
      reason(
        "REMATCH_BEFORE_PREVIOUS_END",
        `De nieuwe koppeling start (${input.startOn}) vóór het einde van de vorige (${lastEnd}).`,
        `The new match starts (${input.startOn}) before the previous one ended (${lastEnd}).`,
      ),
    );
  }
  // The same guards as the first start: the lifecycle's WAITING_FOR_MATCH → ACTIVE check.
  const step = checkSupportTransition("WAITING_FOR_MATCH", guards);
  if (!step.ok) problems.push(...step.reasons);
  return problems.length === 0 ? allow({ kind: "REMATCH" }) : refuse(...problems);
}

export interface MatchEndInput {
  familyStatus: FamilyStatus;
  match: { startOn: IsoDate; endOn: IsoDate | null };
  endOn: IsoDate;
  today: IsoDate;
  /** The latest visit logged for the match, if any. */
  lastVisitOn: IsoDate | null;
}

/** Ending a match while the family's support goes on (the family stays ACTIVE). */
export function checkMatchEnd(input: MatchEndInput): RuleResult<{ endOn: IsoDate }> {
  const problems: Reason[] = [];
  if (input.familyStatus !== "ACTIVE") {
    problems.push(
      reason(
        "FAMILY_NOT_ACTIVE",
        `De ondersteuning loopt niet (status ${input.familyStatus}); sluit de ondersteuning af via de afsluiting.`,
        `Support is not running (status ${input.familyStatus}); end support through the closure.`,
      ),
    );
  }
  if (input.match.endOn !== null) {
    problems.push(
      reason(
        "MATCH_ALREADY_ENDED",
        `Deze koppeling is al beëindigd (${input.match.endOn}).`,
        `This match already ended (${input.match.endOn}).`,
      ),
    );
  }
  if (compareDates(input.endOn, input.match.startOn) < 0) {
    problems.push(
      reason(
        "MATCH_END_BEFORE_START",
        `De einddatum ${input.endOn} ligt vóór de start (${input.match.startOn}).`,
        `The end date ${input.endOn} is before the start (${input.match.startOn}).`,
      ),
    );
  }
  if (compareDates(input.endOn, input.today) > 0) {
    problems.push(
      reason("MATCH_END_IN_FUTURE", `De einddatum ${input.endOn} ligt in de toekomst.`, `The end date ${input.endOn} is in the future.`),
    );
  }
  if (input.lastVisitOn !== null && compareDates(input.lastVisitOn, input.endOn) > 0) {
    problems.push(
      reason(
        "VISITS_AFTER_MATCH_END",
        `Er is een bezoek vastgelegd na ${input.endOn} (${input.lastVisitOn}).`,
        `A visit is logged after ${input.endOn} (${input.lastVisitOn}).`,
      ),
    );
  }
  return problems.length === 0 ? allow({ endOn: input.endOn }) : refuse(...problems);
}
