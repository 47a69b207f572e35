import { addMonths, addYears, compareDates, type IsoDate, maxDate } from "../shared/dates.ts";
import type { QualityReviewStatus } from "../shared/enums.ts";
import { type Reason, reason } from "../shared/result.ts";

/**
 * Quality reviews (seed 002: "Ten minste 1 keer in de drie jaar wordt er een visitatie op elke
 * locatie uitgevoerd om de kwaliteit te waarborgen").
 */
export interface ReviewRecord {
  id?: string;
  status: QualityReviewStatus;
  plannedOn: IsoDate | null;
  performedOn: IsoDate | null;
}

export interface LocationForVisitatie {
  id: string;
  startedOn: IsoDate;
  closedOn: IsoDate | null;
  /** Start of the location's first licence, if any. */
  licenceStartOn: IsoDate | null;
  reviews: readonly ReviewRecord[];
}

export interface VisitatiePolicy {
  // seed 002: "Ten minste 1 keer in de drie jaar"
  intervalYears: number;
  /** A review is "due soon" this many months before its due date. */
  dueSoonMonths: number;
}

export const DEFAULT_VISITATIE_POLICY: VisitatiePolicy = { intervalYears: 3, dueSoonMonths: 6 };

export type VisitatieBasis = "LAST_REVIEW" | "LICENCE_START" | "LOCATION_START";

export interface VisitatieDue {
  locationId: string;
  /** The latest date the next review may be performed. */
  dueOn: IsoDate;
  basis: VisitatieBasis;
  lastPerformedOn: IsoDate | null;
}

export function lastPerformedOn(reviews: readonly ReviewRecord[]): IsoDate | null {
  const dates = reviews.filter((r) => r.status === "PERFORMED" && r.performedOn !== null).map((r) => r.performedOn!);
  const [first, ...rest] = dates;
  return first === undefined ? null : maxDate(first, ...rest);
}

/** Next due date: last performed review + 3 years; without one, from the licence start, else the location start. */
export function nextVisitatieDue(location: LocationForVisitatie, policy: VisitatiePolicy = DEFAULT_VISITATIE_POLICY): VisitatieDue {
  const last = lastPerformedOn(location.reviews);
  const [basis, from]: [VisitatieBasis, IsoDate] =
    last !== null
      ? ["LAST_REVIEW", last]
      : location.licenceStartOn !== null
        ? ["LICENCE_START", location.licenceStartOn]
        : ["LOCATION_START", location.startedOn];
  return { locationId: location.id, dueOn: addYears(from, policy.intervalYears), basis, lastPerformedOn: last };
}

/** The earliest PLANNED review after the last performed one, if any. */
export function plannedReviewOn(location: LocationForVisitatie): IsoDate | null {
  const last = lastPerformedOn(location.reviews);
  const planned = location.reviews
    .filter((r) => r.status === "PLANNED" && r.plannedOn !== null && (last === null || compareDates(r.plannedOn, last) > 0))
    .map((r) => r.plannedOn!)
    .sort(compareDates);
  return planned[0] ?? null;
}

export type VisitatieStatus = "OVERDUE" | "PLANNED" | "DUE_SOON" | "OK" | "CLOSED";

export interface VisitatieState extends VisitatieDue {
  status: VisitatieStatus;
  plannedOn: IsoDate | null;
  reasons: Reason[];
}

/**
 * Where a location stands on `today`. Precedence: CLOSED, OVERDUE (past the due date even if a
 * review is planned: the fact matters), PLANNED, DUE_SOON (within 6 months), OK.
 */
export function visitatieStatus(
  location: LocationForVisitatie,
  today: IsoDate,
  policy: VisitatiePolicy = DEFAULT_VISITATIE_POLICY,
): VisitatieState {
  const due = nextVisitatieDue(location, policy);
  const plannedOn = plannedReviewOn(location);
  const reasons = plannedOn ? planNotes(plannedOn, due.dueOn, today) : [];
  const state = (status: VisitatieStatus, r: Reason): VisitatieState => ({ ...due, status, plannedOn, reasons: [r, ...reasons] });

  if (location.closedOn !== null && compareDates(location.closedOn, today) <= 0) {
    return state(
      "CLOSED",
      reason("LOCATION_CLOSED", `Locatie gesloten op ${location.closedOn}.`, `Location closed on ${location.closedOn}.`),
    );
  }
  if (compareDates(today, due.dueOn) > 0) {
    return state(
      "OVERDUE",
      reason(
        "VISITATIE_OVERDUE",
        `Visitatie had uiterlijk ${due.dueOn} moeten plaatsvinden.`,
        `The quality review was due by ${due.dueOn}.`,
      ),
    );
  }
  if (plannedOn) {
    return state("PLANNED", reason("VISITATIE_PLANNED", `Visitatie gepland op ${plannedOn}.`, `Quality review planned on ${plannedOn}.`));
  }
  if (compareDates(today, addMonths(due.dueOn, -policy.dueSoonMonths)) >= 0) {
    return state(
      "DUE_SOON",
      reason(
        "VISITATIE_DUE_SOON",
        `Visitatie uiterlijk ${due.dueOn}; nog niet gepland.`,
        `Quality review due by ${due.dueOn}; not planned yet.`,
      ),
    );
  }
  return state("OK", reason("VISITATIE_OK", `Volgende visitatie uiterlijk ${due.dueOn}.`, `Next quality review due by ${due.dueOn}.`));
}

function planNotes(plannedOn: IsoDate, dueOn: IsoDate, today: IsoDate): Reason[] {
  const notes: Reason[] = [];
  if (compareDates(plannedOn, dueOn) > 0) {
    notes.push(
      reason(
        "PLANNED_AFTER_DUE",
        `De geplande datum ${plannedOn} ligt na de uiterste datum ${dueOn}.`,
        `The planned date ${plannedOn} is after the due date ${dueOn}.`,
      ),
    );
  }
  if (compareDates(plannedOn, today) < 0) {
    notes.push(
      reason(
        "PLANNED_DATE_PASSED",
        `De geplande datum ${plannedOn} is voorbij; leg de visitatie vast of plan opnieuw.`,
        `The planned date ${plannedOn} has passed; record the review or re-plan.`,
      ),
    );
  }
  return notes;
}
