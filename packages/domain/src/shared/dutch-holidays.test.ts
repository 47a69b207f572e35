import { describe, expect, it } from "vitest";
import { addWorkingDays, isoWeekday } from "./dates.ts";
import { dutchPublicHolidays, dutchPublicHolidaysBetween, easterSunday } from "./dutch-holidays.ts";

describe("Dutch public holidays (Algemene termijnenwet, art. 3)", () => {
  it("finds Easter Sunday", () => {
    const known: Record<number, string> = {
      2000: "2000-04-23",
      2008: "2008-03-23",
      2019: "2019-04-21",
      2024: "2024-03-31",
      2025: "2025-04-20",
      2026: "2026-04-05",
      2027: "2027-03-28",
      2038: "2038-04-25",
    };
    for (const [year, date] of Object.entries(known)) expect(easterSunday(Number(year))).toBe(date);
    for (let year = 1990; year <= 2100; year++) expect(isoWeekday(easterSunday(year))).toBe(7);
  });

  it("lists the days of 2026, in order", () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      "2026-01-01", // Nieuwjaarsdag
      "2026-04-06", // tweede Paasdag
      "2026-04-27", // Koningsdag
      "2026-05-05", // Bevrijdingsdag
      "2026-05-14", // Hemelvaartsdag
      "2026-05-25", // tweede Pinksterdag
      "2026-12-25",
      "2026-12-26",
    ]);
  });

  it("celebrates the King's birthday a day early when it falls on a Sunday, and the Queen's before 2014", () => {
    expect(dutchPublicHolidays(2025)).toContain("2025-04-26"); // 27 April 2025 is a Sunday
    expect(dutchPublicHolidays(2025)).not.toContain("2025-04-27");
    expect(dutchPublicHolidays(2012)).toContain("2012-04-30");
    expect(dutchPublicHolidays(2006)).toContain("2006-04-29"); // 30 April 2006 was a Sunday
  });

  it("gives the years between two dates, and makes working days skip them", () => {
    expect(dutchPublicHolidaysBetween("2025-12-01", "2026-02-01")).toEqual([...dutchPublicHolidays(2025), ...dutchPublicHolidays(2026)]);
    const holidays = dutchPublicHolidaysBetween("2025-12-01", "2026-12-31");
    // Registered on Wednesday 24 December 2025: three working days are 29, 30 and 31 December.
    expect(addWorkingDays("2025-12-24", 3, holidays)).toBe("2025-12-31");
    expect(addWorkingDays("2025-12-24", 3)).toBe("2025-12-29");
  });
});
