// Calendar days as integers (days since 1970-01-01, UTC): exact arithmetic, no time zones.
// A `@db.Date` column takes `toDate(day)` (UTC midnight).

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayOf(year: number, month: number, day: number): Day {
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

/** Parses YYYY-MM-DD; throws a RangeError on anything else or on an impossible date. */
export function parseDay(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`Not a date (YYYY-MM-DD): ${JSON.stringify(iso)}`);
  const day = dayOf(Number(m[1]), Number(m[2]), Number(m[3]));
  if (formatDay(day) !== iso) throw new RangeError(`Not a valid date: ${iso}`);
  return day;
}

export function formatDay(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Dutch notation for texts: 15-06-2026. */
export function formatDayNl(day: Day): string {
  const [y, m, d] = formatDay(day).split("-");
  return `${d}-${m}-${y}`;
}

export function toDate(day: Day): Date {
  return new Date(day * MS_PER_DAY);
}

/** A moment on a day (UTC hours; 08–16 UTC is office hours in the Netherlands). */
export function toTimestamp(day: Day, hour: number, minute = 0): Date {
  return new Date(day * MS_PER_DAY + (hour * 60 + minute) * 60_000);
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** The day itself when it is a weekday, else the next Monday. */
export function nextWorkday(day: Day): Day {
  const w = weekday(day);
  return w === 6 ? day + 2 : w === 0 ? day + 1 : day;
}

export function yearOf(day: Day): number {
  return new Date(day * MS_PER_DAY).getUTCFullYear();
}

/** Calendar months later (or earlier); the 31st becomes the last day of a shorter month. */
export function addMonths(day: Day, months: number): Day {
  const d = new Date(day * MS_PER_DAY);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastOfTarget = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return Date.UTC(y, m, Math.min(d.getUTCDate(), lastOfTarget)) / MS_PER_DAY;
}

export function addYears(day: Day, years: number): Day {
  return addMonths(day, years * 12);
}

export function firstOfMonth(day: Day): Day {
  const d = new Date(day * MS_PER_DAY);
  return dayOf(d.getUTCFullYear(), d.getUTCMonth() + 1, 1);
}

/** Today in the Netherlands, as YYYY-MM-DD. */
export function localToday(now: Date = new Date()): string {
  // The programme's calendar is Dutch, and so is the API's "today": not the server's time zone.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(now);
}
