import { expectedHours } from "../lifecycle/dashboard-signals.ts";
import { compareDates, diffDays, type IsoDate, maxDate, minDate, startOfYear, yearOf } from "../shared/dates.ts";

/**
 * A family's visit hours against seed 004's "Gemiddeld is een vrijwilliger 105 uur per jaar bij het
 * gezin": the total so far, this calendar year's, and what 105 a year comes to pro rata for the days
 * of this year on which a match ran (up to today).
 */
export interface MatchWithVisits {
  startOn: IsoDate;
  endOn: IsoDate | null;
  visits: readonly { visitedOn: IsoDate; minutes: number }[];
}

export interface VisitHours {
  totalHours: number;
  thisYearHours: number;
  /** Days of this year (up to today) with a running match. */
  supportDaysThisYear: number;
  expectedThisYearHours: number;
}

export function visitHours(matches: readonly MatchWithVisits[], today: IsoDate): VisitHours {
  const yearStart = startOfYear(yearOf(today));
  let totalMinutes = 0;
  let yearMinutes = 0;
  for (const m of matches) {
    for (const v of m.visits) {
      if (compareDates(v.visitedOn, today) > 0) continue;
      totalMinutes += v.minutes;
      if (compareDates(v.visitedOn, yearStart) >= 0) yearMinutes += v.minutes;
    }
  }
  const days = supportDays(matches, yearStart, today);
  return {
    totalHours: totalMinutes / 60,
    thisYearHours: yearMinutes / 60,
    supportDaysThisYear: days,
    expectedThisYearHours: Math.round(expectedHours(days) * 10) / 10,
  };
}

/** Days in [from, until] covered by at least one match (a handover day counts once). */
export function supportDays(matches: readonly { startOn: IsoDate; endOn: IsoDate | null }[], from: IsoDate, until: IsoDate): number {
  const periods = matches
    .map((m) => ({ from: maxDate(m.startOn, from), until: minDate(m.endOn ?? until, until) }))
    .filter((p) => compareDates(p.from, p.until) <= 0)
    .sort((a, b) => compareDates(a.from, b.from));
  let days = 0;
  let coveredUntil: IsoDate | null = null;
  for (const p of periods) {
    if (coveredUntil === null || compareDates(p.from, coveredUntil) > 0) {
      days += diffDays(p.from, p.until) + 1;
      coveredUntil = p.until;
    } else if (compareDates(p.until, coveredUntil) > 0) {
      days += diffDays(coveredUntil, p.until);
      coveredUntil = p.until;
    }
  }
  return days;
}
