import { addDays, fromParts, type IsoDate, isoWeekday, yearOf } from "./dates.ts";

/**
 * Easter Sunday of a year in the Gregorian calendar (the anonymous algorithm, as in Meeus,
 * Astronomical Algorithms, ch. 8).
 */
export function easterSunday(year: number): IsoDate {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return fromParts({ year, month, day });
}

/** The day the King's (until 2013 the Queen's) birthday is celebrated: a day earlier when it falls on a Sunday. */
function kingsDay(year: number): IsoDate {
  const date = fromParts({ year, month: 4, day: year >= 2014 ? 27 : 30 });
  return isoWeekday(date) === 7 ? addDays(date, -1) : date;
}

const byYear = new Map<number, readonly IsoDate[]>();

/**
 * The Dutch public holidays of a year that are not working days, in date order: the "algemeen
 * erkende feestdagen" of the Algemene termijnenwet (art. 3): Nieuwjaarsdag, tweede Paasdag,
 * Koningsdag, 5 mei (Bevrijdingsdag), Hemelvaartsdag, tweede Pinksterdag and both Kerstdagen.
 * Easter and Whit Sunday are Sundays anyway; Good Friday is not in the Act. A location that also
 * closes on other days (Good Friday, a local day off) adds them to its policy's holidays.
 */
export function dutchPublicHolidays(year: number): readonly IsoDate[] {
  let days = byYear.get(year);
  if (!days) {
    const easter = easterSunday(year);
    days = [
      fromParts({ year, month: 1, day: 1 }),
      addDays(easter, 1),
      kingsDay(year),
      fromParts({ year, month: 5, day: 5 }),
      addDays(easter, 39),
      addDays(easter, 50),
      fromParts({ year, month: 12, day: 25 }),
      fromParts({ year, month: 12, day: 26 }),
    ].sort();
    byYear.set(year, days);
  }
  return days;
}

/** The Dutch public holidays of every year from `from`'s to `until`'s, in date order. */
export function dutchPublicHolidaysBetween(from: IsoDate, until: IsoDate): IsoDate[] {
  const days: IsoDate[] = [];
  for (let year = yearOf(from); year <= yearOf(until); year++) days.push(...dutchPublicHolidays(year));
  return days;
}
