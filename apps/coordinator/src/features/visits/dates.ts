// Calendar-day helpers for the coordinator's forms: "today" is today in the Netherlands, whatever
// the computer's time zone; days are YYYY-MM-DD as the API's Date.
import { TIME_ZONE } from "@homestart/ui";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Today in Dutch time as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: TIME_ZONE, year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export function isIsoDay(value: string | null | undefined): value is string {
  return !!value && DAY.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));
}

export function addDays(day: string, days: number): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The Monday of the (Monday–Sunday) week that holds `day`: how the list names a week in the address. */
export function mondayOf(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(day, -((weekday + 6) % 7));
}

/** "1,5" or "1.5" → 1.5; empty or not a number → null (the API then says what is missing). */
export function parseHours(text: string): number | null {
  const value = Number(text.trim().replace(",", "."));
  return text.trim() === "" || !Number.isFinite(value) ? null : value;
}
