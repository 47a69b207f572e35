import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addDays, compareDates, fromDayNumber, toDayNumber } from "../shared/dates.ts";
import { FAMILY_STATUSES } from "../shared/enums.ts";
import {
  anonymisationDueOn,
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  type FamilyForRetention,
  familiesDueForAnonymisation,
  latestDueClosureDate,
  MAX_RETENTION_MONTHS,
  retentionDue,
} from "./retention-due.ts";

const closed = (closedOn: string, id = "f1"): FamilyForRetention => ({ id, status: "CLOSED", closedOn, endedOn: null, anonymised: false });
const policy = (today: string, retentionMonths = DEFAULT_RETENTION_MONTHS) => ({ today, retentionMonths });

describe("retentionDue (bewaartermijn: a policy setting, default 24 months after closure)", () => {
  it("is due only once the family has been closed longer than the period", () => {
    expect(DEFAULT_RETENTION_MONTHS).toBe(24);
    expect(anonymisationDueOn("2023-03-15", 24)).toBe("2025-03-16");
    expect(retentionDue(closed("2023-03-15"), policy("2025-03-15"))).toMatchObject({
      due: false,
      dueOn: "2025-03-16",
      reason: { code: "RETENTION_NOT_PASSED" },
    });
    expect(retentionDue(closed("2023-03-15"), policy("2025-03-16"))).toEqual({ due: true, dueOn: "2025-03-16" });
    expect(retentionDue(closed("2020-01-01"), policy("2025-03-16"))).toMatchObject({ due: true });
  });

  it("clamps months to the month's end, as every period does", () => {
    // 31 Aug + 6 months = 28 Feb (2025 is no leap year): due on 1 March.
    expect(anonymisationDueOn("2024-08-31", 6)).toBe("2025-03-01");
    expect(retentionDue(closed("2024-08-31"), policy("2025-02-28", 6)).due).toBe(false);
    expect(retentionDue(closed("2024-08-31"), policy("2025-03-01", 6)).due).toBe(true);
    // 29 Feb + 12 months = 28 Feb.
    expect(anonymisationDueOn("2024-02-29", 12)).toBe("2025-03-01");
  });

  it("with a period of 0 months a family is due the day after closure", () => {
    expect(retentionDue(closed("2025-06-30"), policy("2025-06-30", 0)).due).toBe(false);
    expect(retentionDue(closed("2025-06-30"), policy("2025-07-01", 0)).due).toBe(true);
  });

  it("a family still in the programme, without its end date or already anonymised is never due", () => {
    const today = policy("2040-01-01");
    for (const status of FAMILY_STATUSES.filter((s) => !["CLOSED", "DECLINED", "NOT_ELIGIBLE"].includes(s))) {
      expect(retentionDue({ id: "f", status, closedOn: "2020-01-01", endedOn: "2020-01-01", anonymised: false }, today)).toMatchObject({
        due: false,
        reason: { code: "NOT_CLOSED" },
      });
    }
    for (const status of ["DECLINED", "NOT_ELIGIBLE"] as const) {
      expect(retentionDue({ id: "f", status, closedOn: "2020-01-01", endedOn: null, anonymised: false }, today)).toMatchObject({
        due: false,
        reason: { code: "NO_END_DATE" },
      });
    }
    expect(retentionDue({ id: "f", status: "CLOSED", closedOn: null, endedOn: "2020-01-01", anonymised: false }, today)).toMatchObject({
      due: false,
      reason: { code: "NO_CLOSURE_DATE" },
    });
    expect(retentionDue({ ...closed("2020-01-01"), anonymised: true }, today)).toMatchObject({
      due: false,
      reason: { code: "ALREADY_ANONYMISED" },
    });
  });

  it("counts a declined or not eligible family's period from the day it became so", () => {
    for (const status of ["DECLINED", "NOT_ELIGIBLE"] as const) {
      const family: FamilyForRetention = { id: "f", status, closedOn: null, endedOn: "2023-03-15", anonymised: false };
      expect(retentionDue(family, policy("2025-03-15"))).toMatchObject({
        due: false,
        dueOn: "2025-03-16",
        reason: { code: "RETENTION_NOT_PASSED" },
      });
      expect(retentionDue(family, policy("2025-03-16"))).toEqual({ due: true, dueOn: "2025-03-16" });
      expect(retentionDue({ ...family, anonymised: true }, policy("2025-03-16"))).toMatchObject({
        due: false,
        reason: { code: "ALREADY_ANONYMISED" },
      });
    }
    const verdict = retentionDue(
      { id: "f", status: "DECLINED", closedOn: null, endedOn: "2025-01-10", anonymised: false },
      policy("2025-06-01"),
    );
    if (verdict.due) throw new Error("not due yet");
    expect(verdict.reason.nl).toContain("na afwijzing");
    expect(verdict.reason.en).toContain("declined");
  });

  it("explains itself in Dutch and English", () => {
    const verdict = retentionDue(closed("2025-01-10"), policy("2025-06-01"));
    expect(verdict.due).toBe(false);
    if (verdict.due) return;
    expect(verdict.reason.nl).toContain("24 maanden");
    expect(verdict.reason.nl).toContain("2027-01-11");
    expect(verdict.reason.en).toContain("24 months");
  });

  it("picks the due families out of a list, in order", () => {
    const families: FamilyForRetention[] = [
      closed("2022-01-01", "old"),
      closed("2025-01-01", "recent"),
      { id: "active", status: "ACTIVE", closedOn: null, endedOn: null, anonymised: false },
      { id: "declined", status: "DECLINED", closedOn: null, endedOn: "2023-06-01", anonymised: false },
      { ...closed("2021-05-05", "done"), anonymised: true },
      closed("2023-12-31", "edge"),
    ];
    expect(familiesDueForAnonymisation(families, policy("2026-01-01"))).toEqual(["old", "declined", "edge"]);
    expect(familiesDueForAnonymisation(families, policy("2025-12-31"))).toEqual(["old", "declined"]);
    expect(familiesDueForAnonymisation(families, policy("2025-06-01"))).toEqual(["old"]);
  });

  it("refuses a period that is not a whole number of months in range", () => {
    expect(checkRetentionMonths(0)).toMatchObject({ ok: true, value: 0 });
    expect(checkRetentionMonths(24)).toMatchObject({ ok: true, value: 24 });
    expect(checkRetentionMonths(MAX_RETENTION_MONTHS).ok).toBe(true);
    for (const bad of [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, MAX_RETENTION_MONTHS + 1]) {
      expect(checkRetentionMonths(bad)).toMatchObject({ ok: false, reasons: [{ code: "RETENTION_MONTHS_INVALID" }] });
    }
    expect(() => retentionDue(closed("2020-01-01"), policy("2025-01-01", -3))).toThrow(RangeError);
  });
});

describe("latestDueClosureDate (the API's query bound)", () => {
  it("examples around month ends", () => {
    expect(latestDueClosureDate("2025-03-16", 24)).toBe("2023-03-15");
    // addMonths(2025-01-31 .. 2025-01-28, 1) all clamp to 28 Feb: all due on 1 March.
    expect(latestDueClosureDate("2025-03-01", 1)).toBe("2025-01-31");
    expect(latestDueClosureDate("2025-07-01", 0)).toBe("2025-06-30");
  });

  it("property: a family closed on d is due on today exactly when d <= the bound", () => {
    const day = fc.integer({ min: toDayNumber("2000-01-01"), max: toDayNumber("2060-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 120 }), fc.integer({ min: -400, max: 400 }), (today, months, offset) => {
        const bound = latestDueClosureDate(today, months);
        const closedOn = addDays(bound, offset);
        const due = retentionDue(closed(closedOn), { today, retentionMonths: months }).due;
        return due === compareDates(closedOn, bound) <= 0;
      }),
      { numRuns: 500 },
    );
  });
});
