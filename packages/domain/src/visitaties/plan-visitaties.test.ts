import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addYears,
  compareDates,
  endOfMonth,
  fromDayNumber,
  type IsoDate,
  isWorkingDay,
  maxDate,
  monthKey,
  startOfMonth,
  toDayNumber,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from "../shared/dates.ts";
import type { LocationForVisitatie } from "./next-due.ts";
import { planVisitaties, type VisitatiePlanInput } from "./plan-visitaties.ts";

const loc = (id: string, lastPerformedOn: string | null, extra: Partial<LocationForVisitatie> = {}): LocationForVisitatie => ({
  id,
  startedOn: "2010-01-01",
  closedOn: null,
  licenceStartOn: null,
  reviews: lastPerformedOn ? [{ status: "PERFORMED", plannedOn: lastPerformedOn, performedOn: lastPerformedOn }] : [],
  ...extra,
});

/** The first working day of month `m` not before `from`, or null when the month has none left. */
function firstUsableDay(m: IsoDate, from: IsoDate): IsoDate | null {
  const first = workingDayOnOrAfter(maxDate(m, from));
  return compareDates(first, endOfMonth(m)) <= 0 ? first : null;
}

describe("planVisitaties", () => {
  it("plans each in its due month, earlier when that month is full, overdue ones first", () => {
    const plan = planVisitaties({
      from: "2025-03-03",
      horizonMonths: 6,
      capacityPerMonth: 1,
      locations: [
        loc("b-due-may", "2022-05-20"),
        loc("a-due-may", "2022-05-20"),
        loc("overdue", "2021-11-01"),
        loc("later", "2024-01-01"),
        loc("closed", "2021-01-01", { closedOn: "2024-12-31" }),
        loc("planned", "2022-04-15", {
          reviews: [
            { status: "PLANNED", plannedOn: "2025-04-10", performedOn: null },
            { status: "PERFORMED", plannedOn: null, performedOn: "2022-04-15" },
          ],
        }),
      ],
    });
    expect(plan.proposals.map((p) => [p.locationId, p.proposedOn, p.daysLate])).toEqual([
      ["overdue", "2025-03-03", 122],
      ["a-due-may", "2025-05-20", 0],
      // March went to the overdue one, April to the review already planned: b has no month left before its due date.
      ["b-due-may", "2025-06-02", 13],
    ]);
    expect(plan.notPlanned.map((n) => [n.locationId, n.code])).toEqual([
      ["closed", "LOCATION_CLOSED"],
      ["planned", "ALREADY_PLANNED"],
      ["later", "DUE_AFTER_HORIZON"],
    ]);
  });

  it("goes past the due date only when no earlier month has room", () => {
    const plan = planVisitaties({
      from: "2025-03-03",
      horizonMonths: 6,
      capacityPerMonth: 1,
      locations: [loc("a", "2022-03-20"), loc("b", "2022-03-21"), loc("c", "2022-03-22")],
    });
    expect(plan.proposals.map((p) => [p.locationId, p.proposedOn, p.daysLate])).toEqual([
      ["a", "2025-03-20", 0],
      ["b", "2025-04-01", 11],
      ["c", "2025-05-01", 40],
    ]);
  });

  it("respects per-month capacity exceptions and weekends", () => {
    const plan = planVisitaties({
      from: "2025-05-01",
      horizonMonths: 4,
      capacityPerMonth: 2,
      capacityByMonth: { "2025-07": 0 },
      locations: [loc("summer", "2022-07-20"), loc("sunday", "2022-06-01")],
    });
    // 1 June 2025 is a Sunday: the last working day before it is Friday 30 May.
    expect(plan.proposals.map((p) => [p.locationId, p.proposedOn])).toEqual([
      ["sunday", "2025-05-30"],
      ["summer", "2025-06-30"],
    ]);
  });

  const day = (min: string, max: string) => fc.integer({ min: toDayNumber(min), max: toDayNumber(max) }).map(fromDayNumber);
  const scenario = fc.record({
    from: day("2025-01-01", "2025-12-31"),
    horizonMonths: fc.integer({ min: 1, max: 18 }),
    capacityPerMonth: fc.integer({ min: 0, max: 3 }),
    lastReviews: fc.array(day("2021-01-01", "2024-06-30"), { maxLength: 25 }),
  });
  const build = (s: { from: string; horizonMonths: number; capacityPerMonth: number; lastReviews: string[] }): VisitatiePlanInput => ({
    from: s.from,
    horizonMonths: s.horizonMonths,
    capacityPerMonth: s.capacityPerMonth,
    locations: s.lastReviews.map((d, i) => loc(`loc-${String(i).padStart(2, "0")}`, d)),
  });

  it("property: never over capacity, each location once, working days within the horizon", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const input = build(s);
        const plan = planVisitaties(input);
        const perMonth = new Map<string, number>();
        for (const p of plan.proposals) perMonth.set(monthKey(p.proposedOn), (perMonth.get(monthKey(p.proposedOn)) ?? 0) + 1);
        for (const n of perMonth.values()) expect(n).toBeLessThanOrEqual(s.capacityPerMonth);
        const ids = [...plan.proposals, ...plan.notPlanned].map((p) => p.locationId);
        expect(new Set(ids).size).toBe(ids.length);
        expect(ids.length).toBe(input.locations.length);
        const horizonEnd = addMonths(startOfMonth(s.from), s.horizonMonths);
        for (const p of plan.proposals) {
          expect(isWorkingDay(p.proposedOn)).toBe(true);
          expect(compareDates(p.proposedOn, s.from)).toBeGreaterThanOrEqual(0);
          expect(compareDates(p.proposedOn, horizonEnd)).toBeLessThan(0);
        }
      }),
    );
  });

  it("property: deterministic, whatever the input order", () => {
    fc.assert(
      fc.property(scenario, fc.nat(), (s, seed) => {
        const input = build(s);
        const shuffled = [...input.locations].sort((a, b) => ((a.id.charCodeAt(5) * seed) % 7) - ((b.id.charCodeAt(5) * seed) % 7));
        expect(planVisitaties({ ...input, locations: shuffled })).toEqual(planVisitaties(input));
      }),
    );
  });

  it("property: overdue ones as soon as possible — every earlier month is full", () => {
    fc.assert(
      fc.property(scenario, (s) => {
        const plan = planVisitaties(build(s));
        const used = new Map<string, number>();
        for (const p of plan.proposals) used.set(monthKey(p.proposedOn), (used.get(monthKey(p.proposedOn)) ?? 0) + 1);
        for (const p of plan.proposals.filter((x) => x.overdue)) {
          for (let m = startOfMonth(s.from); monthKey(m) < monthKey(p.proposedOn); m = addMonths(m, 1)) {
            if (firstUsableDay(m, s.from) !== null) expect(used.get(monthKey(m)) ?? 0).toBe(s.capacityPerMonth);
          }
        }
      }),
    );
  });

  it("property: never past a due date when capacity allows (nothing overdue, and enough room up to every month)", () => {
    const upcoming = fc.record({
      from: day("2025-01-01", "2025-12-31"),
      horizonMonths: fc.integer({ min: 1, max: 12 }),
      capacityPerMonth: fc.integer({ min: 1, max: 3 }),
      dueInDays: fc.array(fc.integer({ min: 1, max: 365 }), { maxLength: 20 }),
    });
    let checked = 0;
    fc.assert(
      fc.property(upcoming, (s) => {
        // Last reviews three years before a due date after `from`.
        const lastReviews = s.dueInDays.map((d) => addYears(addDays(s.from, d), -3));
        const plan = planVisitaties(build({ ...s, lastReviews }));
        const scheduled = [...plan.proposals, ...plan.notPlanned.filter((n) => n.code === "NO_CAPACITY_IN_HORIZON")];
        // Feasible: for every month t, the reviews due by the end of t (as their last working day) fit in the months up to t.
        const deadlines = scheduled.map((p) => workingDayOnOrBefore(p.dueOn));
        if (deadlines.some((d) => compareDates(d, s.from) < 0)) return;
        for (let i = 0; i < s.horizonMonths; i++) {
          const end = monthKey(addMonths(startOfMonth(s.from), i));
          const usableMonths = Array.from({ length: i + 1 }, (_, k) => addMonths(startOfMonth(s.from), k)).filter(
            (m) => firstUsableDay(m, s.from) !== null,
          ).length;
          if (deadlines.filter((d) => monthKey(d) <= end).length > s.capacityPerMonth * usableMonths) return;
        }
        checked++;
        for (const p of plan.proposals) {
          expect(p.daysLate).toBe(0);
          expect(compareDates(p.proposedOn, p.dueOn)).toBeLessThanOrEqual(0);
        }
        expect(plan.notPlanned.filter((n) => n.code === "NO_CAPACITY_IN_HORIZON")).toEqual([]);
      }),
      { numRuns: 300 },
    );
    expect(checked).toBeGreaterThan(50);
  });
});
