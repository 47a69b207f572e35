/**
 * Local calendar dates as ISO strings 'YYYY-MM-DD', the date type of every rule.
 *
 * Pure arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), so no time
 * zone or clock can leak in. "Today" is always a parameter.
 *
 * Two conventions, on purpose:
 * - Periods (addMonths, addYears) clamp to the end of the month: 31 Jan + 1 month = 28/29 Feb,
 *   29 Feb 2020 + 1 year = 28 Feb 2021. A VOG issued on 29 Feb is three years old on 28 Feb.
 * - Age counts completed years: someone born on 29 Feb completes a year on 1 March in a
 *   non-leap year (on 28 Feb the year is not yet complete). See ageOn / nthBirthday.
 */

/** 'YYYY-MM-DD', a local calendar date without time or zone. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  month: number;
  day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function validParts({ year, month, day }: DateParts): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    year >= 1 &&
    year <= 9999 &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  );
}

/** True for a real calendar date written as 'YYYY-MM-DD' (so not '2023-02-29'). */
export function isIsoDate(value: string): value is IsoDate {
  const parts = parseIsoDate(value);
  return parts !== null && validParts(parts);
}

/** Split a date; throws RangeError on anything that is not a real 'YYYY-MM-DD' date. */
export function toParts(date: IsoDate): DateParts {
  const parts = parseIsoDate(date);
  if (!parts || !validParts(parts)) throw new RangeError(`Not an ISO date (YYYY-MM-DD): ${date}`);
  return parts;
}

// 'YYYY-MM-DD' with ASCII digits, split; not yet checked to be a calendar date (validParts).
// Every rule compares dates, so this runs hundreds of thousands of times per dashboard:
// character codes rather than a regular expression.
function parseIsoDate(date: IsoDate): DateParts | null {
  if (typeof date !== "string" || date.length !== 10 || date.charCodeAt(4) !== 45 || date.charCodeAt(7) !== 45) return null;
  let year = 0;
  let month = 0;
  let day = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return null;
    if (i < 4) year = year * 10 + c;
    else if (i < 7) month = month * 10 + c;
    else day = day * 10 + c;
  }
  return { year, month, day };
}

export function fromParts(parts: DateParts): IsoDate {
  if (!validParts(parts)) throw new RangeError(`Not a calendar date: ${JSON.stringify(parts)}`);
  const pad = (n: number, w: number) => String(n).padStart(w, "0");
  return `${pad(parts.year, 4)}-${pad(parts.month, 2)}-${pad(parts.day, 2)}`;
}

// Howard Hinnant's days_from_civil / civil_from_days: exact for the proleptic Gregorian calendar.
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = toParts(date);
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * ((month + 9) % 12) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return fromParts({ year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromDayNumber(toDayNumber(date) + days);
}

export function addWeeks(date: IsoDate, weeks: number): IsoDate {
  return addDays(date, weeks * 7);
}

/** Calendar months; the day is clamped to the last day of the target month. */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = toParts(date);
  const index = year * 12 + (month - 1) + months;
  const y = Math.floor(index / 12);
  const m = index - y * 12 + 1;
  return fromParts({ year: y, month: m, day: Math.min(day, daysInMonth(y, m)) });
}

/** Calendar years; 29 Feb + 1 year = 28 Feb (clamped, like addMonths). */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** ISO dates compare correctly as strings once valid; this also validates. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  toParts(a);
  toParts(b);
  // Valid 'YYYY-MM-DD' strings sort as their days do.
  return a < b ? -1 : a > b ? 1 : 0;
}

export function minDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((min, d) => (compareDates(d, min) < 0 ? d : min), first);
}

export function maxDate(first: IsoDate, ...rest: IsoDate[]): IsoDate {
  return rest.reduce((max, d) => (compareDates(d, max) > 0 ? d : max), first);
}

/** from ≤ date ≤ until, where a null `until` means open-ended (inclusive both ends). */
export function isWithin(date: IsoDate, from: IsoDate, until: IsoDate | null): boolean {
  return compareDates(from, date) <= 0 && (until === null || compareDates(date, until) <= 0);
}

/** Do [aFrom, aUntil] and [bFrom, bUntil] share a day? Null ends are open. */
export function periodsOverlap(aFrom: IsoDate, aUntil: IsoDate | null, bFrom: IsoDate, bUntil: IsoDate | null): boolean {
  return (aUntil === null || compareDates(bFrom, aUntil) <= 0) && (bUntil === null || compareDates(aFrom, bUntil) <= 0);
}

/** ISO weekday: 1 = Monday … 7 = Sunday. 1970-01-01 (day 0) was a Thursday. */
export function isoWeekday(date: IsoDate): number {
  return ((((toDayNumber(date) + 3) % 7) + 7) % 7) + 1;
}

/** Monday to Friday, and not one of the given holidays. */
export function isWorkingDay(date: IsoDate, holidays: readonly IsoDate[] = []): boolean {
  return isoWeekday(date) <= 5 && !holidays.includes(date);
}

/**
 * Move `count` working days forward (or backward when negative). With 0, the date itself.
 * Registration on a Saturday + 3 working days = Wednesday.
 */
export function addWorkingDays(date: IsoDate, count: number, holidays: readonly IsoDate[] = []): IsoDate {
  const step = count < 0 ? -1 : 1;
  let current = date;
  for (let left = Math.abs(count); left > 0; ) {
    current = addDays(current, step);
    if (isWorkingDay(current, holidays)) left--;
  }
  return current;
}

/** Working days after `from` up to and including `to` (0 when `to` ≤ `from`). */
export function workingDaysBetween(from: IsoDate, to: IsoDate, holidays: readonly IsoDate[] = []): number {
  let count = 0;
  for (let d = addDays(from, 1); compareDates(d, to) <= 0; d = addDays(d, 1)) {
    if (isWorkingDay(d, holidays)) count++;
  }
  return count;
}

/** The latest working day on or before `date`. */
export function workingDayOnOrBefore(date: IsoDate, holidays: readonly IsoDate[] = []): IsoDate {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, -1);
  return d;
}

/** The earliest working day on or after `date`. */
export function workingDayOnOrAfter(date: IsoDate, holidays: readonly IsoDate[] = []): IsoDate {
  let d = date;
  while (!isWorkingDay(d, holidays)) d = addDays(d, 1);
  return d;
}

/** Completed years on `on`; born 29 Feb completes a year on 1 March in non-leap years. */
export function ageOn(bornOn: IsoDate, on: IsoDate): number {
  const b = toParts(bornOn);
  const o = toParts(on);
  const beforeBirthday = o.month < b.month || (o.month === b.month && o.day < b.day);
  return o.year - b.year - (beforeBirthday ? 1 : 0);
}

/** The first day on which the age is `n`: the n-th birthday (1 March for 29 Feb births in non-leap years). */
export function nthBirthday(bornOn: IsoDate, n: number): IsoDate {
  const b = toParts(bornOn);
  const year = b.year + n;
  if (b.month === 2 && b.day === 29 && !isLeapYear(year)) return fromParts({ year, month: 3, day: 1 });
  return fromParts({ year, month: b.month, day: b.day });
}

export function startOfYear(year: number): IsoDate {
  return fromParts({ year, month: 1, day: 1 });
}

export function endOfYear(year: number): IsoDate {
  return fromParts({ year, month: 12, day: 31 });
}

export function yearOf(date: IsoDate): number {
  return toParts(date).year;
}

/** 'YYYY-MM' of a date. */
export function monthKey(date: IsoDate): string {
  return date.slice(0, 7);
}

export function startOfMonth(date: IsoDate): IsoDate {
  const { year, month } = toParts(date);
  return fromParts({ year, month, day: 1 });
}

export function endOfMonth(date: IsoDate): IsoDate {
  const { year, month } = toParts(date);
  return fromParts({ year, month, day: daysInMonth(year, month) });
}

const MONTHS_NL = [
  "januari",
  "februari",
  "maart",
  "april",
  "mei",
  "juni",
  "juli",
  "augustus",
  "september",
  "oktober",
  "november",
  "december",
];
const MONTHS_EN = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];

/** '3 maart 2025' */
export function formatDateNl(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${day} ${MONTHS_NL[month - 1]} ${year}`;
}

/** '3 March 2025' */
export function formatDateEn(date: IsoDate): string {
  const { year, month, day } = toParts(date);
  return `${day} ${MONTHS_EN[month - 1]} ${year}`;
}
