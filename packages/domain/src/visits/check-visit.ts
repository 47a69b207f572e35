import { addDays, compareDates, type IsoDate, isoWeekday } from "../shared/dates.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Logging a home visit (huisbezoek). Seed 004: a volunteer visits "wekelijks" and spends on average
 * "105 uur per jaar" with a family, i.e. about two hours a week. So a visit lies within its match's
 * period and not in the future, lasts a sensible time (15 minutes to 8 hours: a doorstep chat is not a
 * visit, a whole working day is the most a volunteer gives), and a match has at most one visit a day
 * (a second entry on the same day is almost always a double submit; correct the first instead).
 */
export interface VisitPolicy {
  minMinutes: number;
  maxMinutes: number;
  maxVisitsPerDay: number;
}

export const DEFAULT_VISIT_POLICY: VisitPolicy = { minMinutes: 15, maxMinutes: 8 * 60, maxVisitsPerDay: 1 };

export interface VisitToCheck {
  visitedOn: IsoDate;
  minutes: number;
  match: { startOn: IsoDate; endOn: IsoDate | null };
  today: IsoDate;
  /** Other visits of the same match on `visitedOn` (leave out the visit being corrected). */
  visitsSameDay: number;
}

export function checkVisit(
  visit: VisitToCheck,
  policy: VisitPolicy = DEFAULT_VISIT_POLICY,
): RuleResult<{ visitedOn: IsoDate; minutes: number }> {
  const problems: Reason[] = [];
  const { visitedOn, minutes, match, today } = visit;
  if (compareDates(visitedOn, today) > 0) {
    problems.push(
      reason("VISIT_IN_FUTURE", `Het bezoek (${visitedOn}) ligt in de toekomst.`, `The visit (${visitedOn}) is in the future.`),
    );
  }
  if (compareDates(visitedOn, match.startOn) < 0) {
    problems.push(
      reason(
        "VISIT_BEFORE_MATCH_START",
        `Het bezoek (${visitedOn}) ligt vóór de start van de koppeling (${match.startOn}).`,
        `The visit (${visitedOn}) is before the match started (${match.startOn}).`,
      ),
    );
  }
  if (match.endOn !== null && compareDates(visitedOn, match.endOn) > 0) {
    problems.push(
      reason(
        "VISIT_AFTER_MATCH_END",
        `Het bezoek (${visitedOn}) ligt na het einde van de koppeling (${match.endOn}).`,
        `The visit (${visitedOn}) is after the match ended (${match.endOn}).`,
      ),
    );
  }
  if (!Number.isInteger(minutes) || minutes < policy.minMinutes) {
    problems.push(
      reason(
        "VISIT_TOO_SHORT",
        `Een bezoek duurt ten minste ${policy.minMinutes} minuten.`,
        `A visit lasts at least ${policy.minMinutes} minutes.`,
      ),
    );
  } else if (minutes > policy.maxMinutes) {
    problems.push(
      reason(
        "VISIT_TOO_LONG",
        `Een bezoek duurt hoogstens ${policy.maxMinutes / 60} uur.`,
        `A visit lasts at most ${policy.maxMinutes / 60} hours.`,
      ),
    );
  }
  if (visit.visitsSameDay >= policy.maxVisitsPerDay) {
    problems.push(
      reason(
        "VISIT_ALREADY_LOGGED",
        `Er is op ${visitedOn} al een bezoek vastgelegd; pas dat bezoek aan.`,
        `A visit on ${visitedOn} is already logged; correct that visit instead.`,
      ),
    );
  }
  return problems.length === 0 ? allow({ visitedOn, minutes }) : refuse(...problems);
}

/** Whole minutes of a duration given in hours (1.5 → 90); null when it is not a finite number. */
export function minutesOfHours(hours: number): number | null {
  if (!Number.isFinite(hours)) return null;
  return Math.round(hours * 60);
}

/** The Monday–Sunday week that holds `date` (the weekly rhythm of seed 004). */
export function visitWeek(date: IsoDate): { from: IsoDate; until: IsoDate } {
  const from = addDays(date, 1 - isoWeekday(date));
  return { from, until: addDays(from, 6) };
}
