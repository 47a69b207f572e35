import { compareDates, type IsoDate } from "../shared/dates.ts";
import type { QualityReviewStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Recording visitaties and their improvement actions (seed 002: "Ten minste 1 keer in de drie jaar
 * wordt er een visitatie op elke locatie uitgevoerd om de kwaliteit te waarborgen").
 * A review is PLANNED, then PERFORMED (with an outcome) or CANCELLED; both are final.
 */
export type ReviewOutcome = "MEETS_STANDARDS" | "MEETS_WITH_ACTIONS" | "DOES_NOT_MEET";

export interface ReviewForRecording {
  status: QualityReviewStatus;
  plannedOn: IsoDate | null;
}

export interface PlanRequest {
  plannedOn: IsoDate;
  today: IsoDate;
  /** The location's closing date, if any. */
  locationClosedOn: IsoDate | null;
  /** Other reviews of the location still PLANNED. */
  otherPlannedOn: readonly IsoDate[];
  reviewerCount: number;
}

const notPlanned = (status: QualityReviewStatus): Reason =>
  reason(
    "REVIEW_NOT_PLANNED",
    `Deze visitatie is ${status === "PERFORMED" ? "al uitgevoerd" : "geannuleerd"}; er kan niets meer aan veranderen.`,
    `This review has been ${status === "PERFORMED" ? "performed" : "cancelled"}; it can no longer change.`,
  );

/** Plan (or re-plan) a review: not in the past, not after the location closed, one planned review at a time, at least one reviewer. */
export function checkPlanVisitatie(request: PlanRequest): RuleResult<IsoDate> {
  const problems: Reason[] = [];
  if (compareDates(request.plannedOn, request.today) < 0) {
    problems.push(reason("PLANNED_IN_PAST", "Een visitatie plan je vanaf vandaag.", "Plan a review from today onwards."));
  }
  if (request.locationClosedOn !== null && compareDates(request.plannedOn, request.locationClosedOn) > 0) {
    problems.push(
      reason(
        "LOCATION_CLOSED",
        `De locatie is gesloten per ${request.locationClosedOn}.`,
        `The location closed on ${request.locationClosedOn}.`,
      ),
    );
  }
  const [other] = request.otherPlannedOn;
  if (other !== undefined) {
    problems.push(
      reason(
        "ALREADY_PLANNED",
        `Er is al een visitatie gepland op ${other}; verzet die in plaats van een tweede te plannen.`,
        `A review is already planned on ${other}; reschedule it instead of planning a second one.`,
      ),
    );
  }
  if (request.reviewerCount < 1) {
    problems.push(reason("REVIEWER_REQUIRED", "Kies ten minste één visitator.", "Choose at least one reviewer."));
  }
  return problems.length > 0 ? refuse(...problems) : allow(request.plannedOn);
}

/** Only a PLANNED review can be rescheduled or cancelled. */
export function checkReviewStillPlanned(review: ReviewForRecording): RuleResult<ReviewForRecording> {
  return review.status === "PLANNED" ? allow(review) : refuse(notPlanned(review.status));
}

export interface OutcomeRequest {
  performedOn: IsoDate;
  outcome: ReviewOutcome;
  findings: string;
  today: IsoDate;
}

/** Record what the review found: only for a PLANNED review, performed not in the future; findings required unless it meets the standards. */
export function checkRecordOutcome(review: ReviewForRecording, request: OutcomeRequest): RuleResult<OutcomeRequest> {
  if (review.status !== "PLANNED") return refuse(notPlanned(review.status));
  const problems: Reason[] = [];
  if (compareDates(request.performedOn, request.today) > 0) {
    problems.push(
      reason("PERFORMED_IN_FUTURE", "Een visitatie leg je vast nadat die is uitgevoerd.", "Record a review after it took place."),
    );
  }
  if (request.outcome !== "MEETS_STANDARDS" && request.findings.trim().length === 0) {
    problems.push(
      reason(
        "FINDINGS_REQUIRED",
        "Beschrijf de bevindingen als de locatie niet (volledig) aan de standaarden voldoet.",
        "Describe the findings when the location does not (fully) meet the standards.",
      ),
    );
  }
  return problems.length > 0 ? refuse(...problems) : allow(request);
}

export interface ImprovementActionRecord {
  dueOn: IsoDate;
  completedOn: IsoDate | null;
}

/** An improvement action is overdue when it is not completed and its due date has passed. */
export function improvementActionOverdue(action: ImprovementActionRecord, today: IsoDate): boolean {
  return action.completedOn === null && compareDates(action.dueOn, today) < 0;
}

/** Improvement actions follow a performed review, and are due after it. */
export function checkAddImprovementAction(
  review: ReviewForRecording & { performedOn: IsoDate | null },
  dueOn: IsoDate,
): RuleResult<IsoDate> {
  if (review.status !== "PERFORMED" || review.performedOn === null) {
    return refuse(
      reason(
        "REVIEW_NOT_PERFORMED",
        "Verbeteracties horen bij een uitgevoerde visitatie.",
        "Improvement actions belong to a review that has been performed.",
      ),
    );
  }
  if (compareDates(dueOn, review.performedOn) <= 0) {
    return refuse(
      reason(
        "DUE_BEFORE_REVIEW",
        `De actie moet na de visitatie (${review.performedOn}) af zijn.`,
        `The action must be due after the review (${review.performedOn}).`,
      ),
    );
  }
  return allow(dueOn);
}

/** Complete an action once, on a date between the review and today. */
export function checkCompleteImprovementAction(
  action: ImprovementActionRecord,
  reviewPerformedOn: IsoDate | null,
  completedOn: IsoDate,
  today: IsoDate,
): RuleResult<IsoDate> {
  if (action.completedOn !== null) {
    return refuse(
      reason(
        "ALREADY_COMPLETED",
        `Deze actie is al afgerond op ${action.completedOn}.`,
        `This action was completed on ${action.completedOn}.`,
      ),
    );
  }
  if (compareDates(completedOn, today) > 0) {
    return refuse(reason("COMPLETED_IN_FUTURE", "Afronden kan niet in de toekomst.", "An action cannot be completed in the future."));
  }
  if (reviewPerformedOn !== null && compareDates(completedOn, reviewPerformedOn) < 0) {
    return refuse(
      reason(
        "COMPLETED_BEFORE_REVIEW",
        `De visitatie was pas op ${reviewPerformedOn}.`,
        `The review only took place on ${reviewPerformedOn}.`,
      ),
    );
  }
  return allow(completedOn);
}
