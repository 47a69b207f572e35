import {
  addMonths,
  compareDates,
  diffDays,
  endOfMonth,
  type IsoDate,
  maxDate,
  minDate,
  monthKey,
  startOfMonth,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "../shared/dates.ts";
import { compareText } from "../shared/order.ts";
import { type Reason, reason } from "../shared/result.ts";
import {
  DEFAULT_VISITATIE_POLICY,
  type LocationForVisitatie,
  nextVisitatieDue,
  plannedReviewOn,
  type VisitatiePolicy,
} from "./next-due.ts";

export interface VisitatiePlanInput {
  locations: readonly LocationForVisitatie[];
  /** Today: nothing is proposed before it. */
  from: IsoDate;
  /** Months to plan, starting with the month of `from`. */
  horizonMonths: number;
  /** Visitaties the reviewers can do per month. */
  capacityPerMonth: number;
  /** Per-month exceptions, keyed 'YYYY-MM' (e.g. 0 in the summer holiday). */
  capacityByMonth?: Readonly<Record<string, number>>;
  holidays?: readonly IsoDate[];
  policy?: VisitatiePolicy;
}

export interface VisitatieProposal {
  locationId: string;
  proposedOn: IsoDate;
  dueOn: IsoDate;
  /** Already past due on `from` (no working day left before the due date). */
  overdue: boolean;
  /** Days after the due date; 0 when on time. */
  daysLate: number;
}

export type NotPlannedCode = "LOCATION_CLOSED" | "ALREADY_PLANNED" | "DUE_AFTER_HORIZON" | "NO_CAPACITY_IN_HORIZON";

export interface NotPlanned {
  locationId: string;
  dueOn: IsoDate;
  code: NotPlannedCode;
  reason: Reason;
}

export interface VisitatiePlan {
  /** Sorted by proposed date, then location id. */
  proposals: VisitatieProposal[];
  notPlanned: NotPlanned[];
}

interface Month {
  key: string;
  /** First and last usable working day in the month (not before `from`), or null. */
  first: IsoDate | null;
  last: IsoDate | null;
  free: number;
}

interface Item {
  locationId: string;
  dueOn: IsoDate;
  /** Latest working day on or before the due date. */
  deadline: IsoDate;
}

/**
 * Propose visitatie dates for every location (seed 002: every location at least once in three years).
 * Earliest due first; ties by location id, so the plan is deterministic.
 * - Overdue locations go into the earliest month with room (as soon as possible).
 * - Others go into the month they are due (on the last working day up to the due date), moved to an
 *   earlier month when that one is full, and only past the due date when no month before it has room.
 *   Placing each review as late as possible before its due date keeps the earlier months free for
 *   the locations due then, so no review is late when the capacity allows it.
 * - Reviews already PLANNED take their month's capacity and are left as they are.
 * Within a month the date is a proposal; only the monthly capacity is a constraint.
 */
export function planVisitaties(input: VisitatiePlanInput): VisitatiePlan {
  const policy = input.policy ?? DEFAULT_VISITATIE_POLICY;
  const holidays = input.holidays ?? [];
  const months = buildMonths(input, holidays);
  const notPlanned: NotPlanned[] = [];
  const items: Item[] = [];
  const lastKey = months.at(-1)?.key ?? "";

  for (const location of [...input.locations].sort((a, b) => compareText(a.id, b.id))) {
    const { dueOn } = nextVisitatieDue(location, policy);
    const plannedOn = plannedReviewOn(location);
    const upcoming = plannedOn !== null && compareDates(plannedOn, input.from) >= 0 ? plannedOn : null;
    // A review already planned keeps its date and takes a place in its month.
    const month = upcoming && location.closedOn === null ? months.find((m) => m.key === monthKey(upcoming)) : undefined;
    if (month) month.free = Math.max(0, month.free - 1);
    const skip = skipReason(location, dueOn, upcoming);
    if (skip) {
      notPlanned.push({ locationId: location.id, dueOn, ...skip });
      continue;
    }
    const deadline = workingDayOnOrBefore(dueOn, holidays);
    if (monthKey(deadline) > lastKey) {
      notPlanned.push({ locationId: location.id, dueOn, ...dueAfterHorizon(dueOn) });
      continue;
    }
    items.push({ locationId: location.id, dueOn, deadline });
  }

  items.sort((a, b) => compareDates(a.dueOn, b.dueOn) || compareText(a.locationId, b.locationId));
  const proposals: VisitatieProposal[] = [];
  for (const item of items) {
    const proposal = place(item, months, input.from);
    if (proposal) proposals.push(proposal);
    else notPlanned.push({ locationId: item.locationId, dueOn: item.dueOn, ...noCapacity() });
  }
  proposals.sort((a, b) => compareDates(a.proposedOn, b.proposedOn) || compareText(a.locationId, b.locationId));
  notPlanned.sort((a, b) => compareDates(a.dueOn, b.dueOn) || compareText(a.locationId, b.locationId));
  return { proposals, notPlanned };
}

function buildMonths(input: VisitatiePlanInput, holidays: readonly IsoDate[]): Month[] {
  const months: Month[] = [];
  for (let i = 0; i < input.horizonMonths; i++) {
    const start = addMonths(startOfMonth(input.from), i);
    const end = endOfMonth(start);
    const first = workingDayOnOrAfter(maxDate(start, input.from), holidays);
    const usable = compareDates(first, end) <= 0;
    const key = monthKey(start);
    const capacity = input.capacityByMonth?.[key] ?? input.capacityPerMonth;
    months.push({
      key,
      first: usable ? first : null,
      last: usable ? workingDayOnOrBefore(end, holidays) : null,
      free: usable ? Math.max(0, capacity) : 0,
    });
  }
  return months;
}

/** Closed locations and reviews already planned (a plan in the past is planned again). */
function skipReason(location: LocationForVisitatie, dueOn: IsoDate, plannedOn: IsoDate | null): Pick<NotPlanned, "code" | "reason"> | null {
  if (location.closedOn !== null) {
    return {
      code: "LOCATION_CLOSED",
      reason: reason("LOCATION_CLOSED", `Locatie (per ${location.closedOn}) gesloten.`, `Location closed (as of ${location.closedOn}).`),
    };
  }
  if (plannedOn === null) return null;
  return {
    code: "ALREADY_PLANNED",
    reason: reason(
      "ALREADY_PLANNED",
      `Visitatie is al gepland op ${plannedOn} (uiterlijk ${dueOn}).`,
      `Review already planned on ${plannedOn} (due by ${dueOn}).`,
    ),
  };
}

function place(item: Item, months: Month[], from: IsoDate): VisitatieProposal | null {
  const overdue = compareDates(item.deadline, from) < 0;
  const dueIndex = overdue ? -1 : months.findIndex((m) => m.key === monthKey(item.deadline));
  const take = (m: Month, on: IsoDate): VisitatieProposal => {
    m.free--;
    return { locationId: item.locationId, proposedOn: on, dueOn: item.dueOn, overdue, daysLate: Math.max(0, diffDays(item.dueOn, on)) };
  };
  for (let i = dueIndex; i >= 0; i--) {
    const m = months[i]!;
    if (m.free > 0 && m.last !== null) return take(m, minDate(m.last, item.deadline));
  }
  for (let i = dueIndex + 1; i < months.length; i++) {
    const m = months[i]!;
    if (m.free > 0 && m.first !== null) return take(m, m.first);
  }
  return null;
}

function dueAfterHorizon(dueOn: IsoDate): Pick<NotPlanned, "code" | "reason"> {
  return {
    code: "DUE_AFTER_HORIZON",
    reason: reason(
      "DUE_AFTER_HORIZON",
      `Pas uiterlijk ${dueOn} nodig, na de planperiode.`,
      `Not due until ${dueOn}, after the planning horizon.`,
    ),
  };
}

function noCapacity(): Pick<NotPlanned, "code" | "reason"> {
  return {
    code: "NO_CAPACITY_IN_HORIZON",
    reason: reason(
      "NO_CAPACITY_IN_HORIZON",
      "Geen ruimte meer bij de visitatoren in de planperiode.",
      "No reviewer capacity left in the planning horizon.",
    ),
  };
}
