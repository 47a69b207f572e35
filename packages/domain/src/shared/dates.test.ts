import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  addDays,
  addMonths,
  addWeeks,
  addWorkingDays,
  addYears,
  ageOn,
  compareDates,
  daysInMonth,
  diffDays,
  formatDateEn,
  formatDateNl,
  fromDayNumber,
  isIsoDate,
  isoWeekday,
  isWithin,
  isWorkingDay,
  nthBirthday,
  periodsOverlap,
  toDayNumber,
  toParts,
  workingDaysBetween,
} from "./dates.ts";
import { compareInstants, instantOf, isIsoDateTime, localDateOf } from "./datetimes.ts";

/** Any real date 1900-01-01 … 2199-12-31, as an ISO string. */
export const isoDate = fc.integer({ min: toDayNumber("1900-01-01"), max: toDayNumber("2199-12-31") }).map(fromDayNumber);

/** The oracle: JavaScript's UTC calendar, used only in tests. */
const viaJs = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

describe("ISO dates", () => {
  it("accepts real dates only", () => {
    expect(isIsoDate("2024-02-29")).toBe(true);
    expect(isIsoDate("2023-02-29")).toBe(false);
    expect(isIsoDate("2023-13-01")).toBe(false);
    expect(isIsoDate("2023-1-01")).toBe(false);
    expect(isIsoDate("2023-01-01T00:00")).toBe(false);
    expect(() => toParts("1900-02-29")).toThrow(RangeError);
    expect(daysInMonth(2000, 2)).toBe(29);
    expect(daysInMonth(1900, 2)).toBe(28);
  });

  it("day numbers agree with the JavaScript calendar", () => {
    expect(toDayNumber("1970-01-01")).toBe(0);
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
        expect(addDays(d, n)).toBe(viaJs(d, n));
      }),
    );
  });

  it("addDays and diffDays are inverse", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -100_000, max: 100_000 }), (d, n) => {
        const later = addDays(d, n);
        expect(diffDays(d, later)).toBe(n);
        expect(addDays(later, -n)).toBe(d);
        expect(Math.sign(compareDates(later, d))).toBe(Math.sign(n));
      }),
    );
  });

  it("ISO strings sort like dates", () => {
    fc.assert(
      fc.property(isoDate, isoDate, (a, b) => {
        expect(compareDates(a, b)).toBe(a < b ? -1 : a > b ? 1 : 0);
      }),
    );
  });

  it("addWeeks is 7 days", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -500, max: 500 }), (d, w) => {
        expect(diffDays(d, addWeeks(d, w))).toBe(7 * w);
      }),
    );
  });

  it("addMonths clamps to the end of the month", () => {
    expect(addMonths("2024-01-31", 1)).toBe("2024-02-29");
    expect(addMonths("2023-01-31", 1)).toBe("2023-02-28");
    expect(addMonths("2023-03-31", -1)).toBe("2023-02-28");
    expect(addMonths("2023-12-15", 1)).toBe("2024-01-15");
    expect(addMonths("2023-01-15", -13)).toBe("2021-12-15");
  });

  it("addMonths lands in the right month, keeping the day when it exists", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -600, max: 600 }), (d, n) => {
        const a = toParts(d);
        const b = toParts(addMonths(d, n));
        expect(b.year * 12 + b.month - (a.year * 12 + a.month)).toBe(n);
        expect(b.day).toBe(Math.min(a.day, daysInMonth(b.year, b.month)));
      }),
    );
  });

  it("addYears: 29 February + 1 year = 28 February; + 4 years = 29 February", () => {
    expect(addYears("2020-02-29", 1)).toBe("2021-02-28");
    expect(addYears("2020-02-29", 4)).toBe("2024-02-29");
    expect(addYears("2020-02-29", 80)).toBe("2100-02-28");
    fc.assert(
      fc.property(isoDate, fc.integer({ min: -100, max: 100 }), (d, n) => {
        expect(addYears(d, n)).toBe(addMonths(d, 12 * n));
      }),
    );
  });

  it("weekdays and working days", () => {
    expect(isoWeekday("2025-03-03")).toBe(1); // Monday
    expect(isoWeekday("2025-03-09")).toBe(7); // Sunday
    expect(isWorkingDay("2025-03-08")).toBe(false);
    expect(isWorkingDay("2025-12-25", ["2025-12-25"])).toBe(false);
    expect(addWorkingDays("2025-03-07", 3)).toBe("2025-03-12"); // Fri + 3 = Wed
    expect(addWorkingDays("2025-03-08", 3)).toBe("2025-03-12"); // Sat + 3 = Wed
    expect(addWorkingDays("2025-03-12", -3)).toBe("2025-03-07");
    expect(addWorkingDays("2025-12-24", 1, ["2025-12-25", "2025-12-26"])).toBe("2025-12-29");
    expect(workingDaysBetween("2025-03-07", "2025-03-12")).toBe(3);
  });

  it("working days: the result is a working day and the count matches", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 60 }), (d, n) => {
        const end = addWorkingDays(d, n);
        expect(isWorkingDay(end)).toBe(true);
        expect(workingDaysBetween(d, end)).toBe(n);
        expect(diffDays(d, end)).toBeLessThanOrEqual(Math.ceil(n / 5) * 7 + 2);
      }),
    );
  });

  it("periods and ranges, inclusive with open ends", () => {
    expect(isWithin("2019-01-01", "2019-01-01", null)).toBe(true);
    expect(isWithin("2019-12-31", "2019-01-01", "2019-12-31")).toBe(true);
    expect(isWithin("2020-01-01", "2019-01-01", "2019-12-31")).toBe(false);
    expect(periodsOverlap("2018-01-01", "2019-01-01", "2019-01-01", "2019-12-31")).toBe(true);
    expect(periodsOverlap("2018-01-01", "2018-12-31", "2019-01-01", null)).toBe(false);
    expect(periodsOverlap("2020-01-01", null, "2019-01-01", "2019-12-31")).toBe(false);
  });

  it("formats dates for letters", () => {
    expect(formatDateNl("2025-03-03")).toBe("3 maart 2025");
    expect(formatDateEn("2025-03-03")).toBe("3 March 2025");
  });
});

describe("age", () => {
  it("counts completed years", () => {
    expect(ageOn("2018-06-15", "2025-06-14")).toBe(6);
    expect(ageOn("2018-06-15", "2025-06-15")).toBe(7);
  });

  it("a 29 February child completes a year on 1 March in non-leap years", () => {
    expect(ageOn("2016-02-29", "2023-02-28")).toBe(6);
    expect(ageOn("2016-02-29", "2023-03-01")).toBe(7);
    expect(ageOn("2016-02-29", "2024-02-29")).toBe(8);
    expect(nthBirthday("2016-02-29", 7)).toBe("2023-03-01");
    expect(nthBirthday("2016-02-29", 8)).toBe("2024-02-29");
  });

  it("the n-th birthday is the first day of age n", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 1, max: 100 }), (born, n) => {
        const birthday = nthBirthday(born, n);
        expect(ageOn(born, birthday)).toBe(n);
        expect(ageOn(born, addDays(birthday, -1))).toBe(n - 1);
      }),
    );
  });

  it("age never decreases and grows by at most one a day", () => {
    fc.assert(
      fc.property(isoDate, fc.integer({ min: 0, max: 40_000 }), (born, days) => {
        const on = addDays(born, days);
        const next = ageOn(born, addDays(on, 1)) - ageOn(born, on);
        expect(next === 0 || next === 1).toBe(true);
        expect(ageOn(born, on)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});

describe("date-times", () => {
  it("require a zone and compare as instants", () => {
    expect(isIsoDateTime("2025-03-01T10:00:00Z")).toBe(true);
    expect(isIsoDateTime("2025-03-01T10:00:00+01:00")).toBe(true);
    expect(isIsoDateTime("2025-03-01T10:00:00")).toBe(false);
    expect(() => instantOf("2025-03-01")).toThrow(RangeError);
    expect(compareInstants("2025-03-01T10:00:00+01:00", "2025-03-01T09:00:00Z")).toBe(0);
    expect(compareInstants("2025-03-01T10:00:00+01:00", "2025-03-01T09:30:00Z")).toBe(-1);
  });

  it("give the local date in Amsterdam", () => {
    expect(localDateOf("2024-03-31T22:30:00Z")).toBe("2024-04-01"); // CEST, UTC+2
    expect(localDateOf("2024-01-31T22:30:00Z")).toBe("2024-01-31"); // CET, UTC+1
    expect(localDateOf("2024-01-31T23:30:00Z")).toBe("2024-02-01");
  });
});
