import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkVisit, minutesOfHours, visitWeek } from "./check-visit.ts";
import { supportDays, visitHours } from "./visit-hours.ts";

const match = { startOn: "2026-03-02", endOn: null };
const good = { visitedOn: "2026-03-09", minutes: 120, match, today: "2026-03-10", visitsSameDay: 0 };
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe("checkVisit (seed 004: wekelijks, 105 uur per jaar)", () => {
  it("accepts a two-hour weekly visit within the match", () => {
    expect(checkVisit(good)).toEqual({ ok: true, value: { visitedOn: "2026-03-09", minutes: 120 }, reasons: [] });
    expect(checkVisit({ ...good, visitedOn: "2026-03-02" }).ok).toBe(true); // on the start day
    expect(checkVisit({ ...good, visitedOn: "2026-03-10" }).ok).toBe(true); // today
  });

  it("refuses a visit outside the match period or in the future", () => {
    expect(codes(checkVisit({ ...good, visitedOn: "2026-03-01" }))).toEqual(["VISIT_BEFORE_MATCH_START"]);
    expect(codes(checkVisit({ ...good, visitedOn: "2026-03-11" }))).toEqual(["VISIT_IN_FUTURE"]);
    expect(codes(checkVisit({ ...good, match: { ...match, endOn: "2026-03-05" } }))).toEqual(["VISIT_AFTER_MATCH_END"]);
  });

  it("refuses durations under 15 minutes or over 8 hours, and a second visit on one day", () => {
    expect(codes(checkVisit({ ...good, minutes: 14 }))).toEqual(["VISIT_TOO_SHORT"]);
    expect(checkVisit({ ...good, minutes: 15 }).ok).toBe(true);
    expect(checkVisit({ ...good, minutes: 480 }).ok).toBe(true);
    expect(codes(checkVisit({ ...good, minutes: 481 }))).toEqual(["VISIT_TOO_LONG"]);
    expect(codes(checkVisit({ ...good, minutes: 90.5 }))).toEqual(["VISIT_TOO_SHORT"]);
    expect(codes(checkVisit({ ...good, visitsSameDay: 1 }))).toEqual(["VISIT_ALREADY_LOGGED"]);
  });

  it("reports every problem at once", () => {
    expect(codes(checkVisit({ ...good, visitedOn: "2026-04-01", minutes: 5, visitsSameDay: 1 }))).toEqual([
      "VISIT_IN_FUTURE",
      "VISIT_TOO_SHORT",
      "VISIT_ALREADY_LOGGED",
    ]);
  });

  it("accepts exactly the whole-minute durations from 15 to 480", () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 1000 }), (minutes) => {
        expect(checkVisit({ ...good, minutes }).ok).toBe(minutes >= 15 && minutes <= 480);
      }),
    );
  });

  it("turns decimal hours into minutes", () => {
    expect(minutesOfHours(1.5)).toBe(90);
    expect(minutesOfHours(1.75)).toBe(105);
    expect(minutesOfHours(Number.NaN)).toBeNull();
  });

  it("gives the Monday–Sunday week of a date", () => {
    expect(visitWeek("2026-11-23")).toEqual({ from: "2026-11-23", until: "2026-11-29" }); // a Monday
    expect(visitWeek("2026-11-29")).toEqual({ from: "2026-11-23", until: "2026-11-29" }); // a Sunday
    expect(visitWeek("2027-01-01")).toEqual({ from: "2026-12-28", until: "2027-01-03" });
  });
});

describe("visitHours (seed 004: gemiddeld 105 uur per jaar)", () => {
  it("sums total and this year's hours and expects 105 a year pro rata", () => {
    const hours = visitHours(
      [
        {
          startOn: "2025-07-01",
          endOn: null,
          visits: [
            { visitedOn: "2025-12-01", minutes: 120 },
            { visitedOn: "2026-01-05", minutes: 90 },
            { visitedOn: "2026-12-01", minutes: 60 }, // after today: not counted
          ],
        },
      ],
      "2026-11-30",
    );
    expect(hours).toEqual({ totalHours: 3.5, thisYearHours: 1.5, supportDaysThisYear: 334, expectedThisYearHours: 96.1 });
  });

  it("counts a handover day once and leaves gaps out", () => {
    const matches = [
      { startOn: "2026-01-01", endOn: "2026-01-10" },
      { startOn: "2026-01-10", endOn: "2026-01-20" },
      { startOn: "2026-02-01", endOn: null },
    ];
    expect(supportDays(matches, "2026-01-01", "2026-02-05")).toBe(20 + 5);
    expect(
      supportDays(
        [
          { startOn: "2026-01-01", endOn: "2026-03-01" },
          { startOn: "2026-01-05", endOn: "2026-01-06" },
        ],
        "2026-01-01",
        "2026-01-31",
      ),
    ).toBe(31);
    expect(supportDays([], "2026-01-01", "2026-01-31")).toBe(0);
  });
});
