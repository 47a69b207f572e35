import { describe, expect, it } from "vitest";
import {
  checkAddImprovementAction,
  checkCompleteImprovementAction,
  checkPlanVisitatie,
  checkRecordOutcome,
  checkReviewStillPlanned,
  improvementActionOverdue,
} from "./visitatie-records.ts";

const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);
const today = "2026-11-23";
const plan = { plannedOn: "2027-02-01", today, locationClosedOn: null, otherPlannedOn: [], reviewerCount: 2 };

describe("visitatie records (seed 002: every location at least once in three years)", () => {
  it("plans a review from today with reviewers", () => {
    expect(checkPlanVisitatie(plan).ok).toBe(true);
    expect(checkPlanVisitatie({ ...plan, plannedOn: today }).ok).toBe(true);
  });
  it("refuses a past date, a closed location, a second planned review and no reviewers, all at once", () => {
    expect(
      codes(
        checkPlanVisitatie({
          plannedOn: "2026-11-01",
          today,
          locationClosedOn: "2026-10-31",
          otherPlannedOn: ["2027-01-05"],
          reviewerCount: 0,
        }),
      ),
    ).toEqual(["PLANNED_IN_PAST", "LOCATION_CLOSED", "ALREADY_PLANNED", "REVIEWER_REQUIRED"]);
  });
  it("only a planned review can be rescheduled, cancelled or recorded", () => {
    expect(checkReviewStillPlanned({ status: "PLANNED", plannedOn: "2027-01-01" }).ok).toBe(true);
    expect(codes(checkReviewStillPlanned({ status: "CANCELLED", plannedOn: null }))).toEqual(["REVIEW_NOT_PLANNED"]);
    const outcome = { performedOn: "2026-11-20", outcome: "MEETS_STANDARDS" as const, findings: "", today };
    expect(codes(checkRecordOutcome({ status: "PERFORMED", plannedOn: null }, outcome))).toEqual(["REVIEW_NOT_PLANNED"]);
  });
  it("records an outcome performed not in the future, with findings unless the standards are met", () => {
    const review = { status: "PLANNED" as const, plannedOn: "2026-11-20" };
    expect(checkRecordOutcome(review, { performedOn: "2026-11-20", outcome: "MEETS_STANDARDS", findings: "", today }).ok).toBe(true);
    expect(codes(checkRecordOutcome(review, { performedOn: "2026-11-24", outcome: "MEETS_WITH_ACTIONS", findings: " ", today }))).toEqual([
      "PERFORMED_IN_FUTURE",
      "FINDINGS_REQUIRED",
    ]);
  });
  it("improvement actions: after a performed review, overdue once past due and open, completed once", () => {
    const performed = { status: "PERFORMED" as const, plannedOn: null, performedOn: "2026-06-01" };
    expect(checkAddImprovementAction(performed, "2026-10-01").ok).toBe(true);
    expect(codes(checkAddImprovementAction(performed, "2026-06-01"))).toEqual(["DUE_BEFORE_REVIEW"]);
    expect(codes(checkAddImprovementAction({ status: "PLANNED", plannedOn: "2027-01-01", performedOn: null }, "2027-06-01"))).toEqual([
      "REVIEW_NOT_PERFORMED",
    ]);
    expect(improvementActionOverdue({ dueOn: "2026-11-22", completedOn: null }, today)).toBe(true);
    expect(improvementActionOverdue({ dueOn: "2026-11-23", completedOn: null }, today)).toBe(false);
    expect(improvementActionOverdue({ dueOn: "2026-01-01", completedOn: "2026-02-01" }, today)).toBe(false);
    expect(checkCompleteImprovementAction({ dueOn: "2026-10-01", completedOn: null }, "2026-06-01", "2026-11-01", today).ok).toBe(true);
    expect(
      codes(checkCompleteImprovementAction({ dueOn: "2026-10-01", completedOn: "2026-09-01" }, "2026-06-01", "2026-11-01", today)),
    ).toEqual(["ALREADY_COMPLETED"]);
    expect(codes(checkCompleteImprovementAction({ dueOn: "2026-10-01", completedOn: null }, "2026-06-01", "2026-12-01", today))).toEqual([
      "COMPLETED_IN_FUTURE",
    ]);
    expect(codes(checkCompleteImprovementAction({ dueOn: "2026-10-01", completedOn: null }, "2026-06-01", "2026-05-01", today))).toEqual([
      "COMPLETED_BEFORE_REVIEW",
    ]);
  });
});
