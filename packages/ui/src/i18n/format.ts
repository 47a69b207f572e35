// Dates and numbers the Dutch way (nl-NL), or the British way in English (en-GB): day before
// month, 24-hour clock. Moments are shown in Dutch time, whatever the computer's time zone.
import { useMemo } from "react";
import type { Locale } from "./dictionaries.ts";
import { useLocale } from "./I18nProvider.tsx";

export const TIME_ZONE = "Europe/Amsterdam";

export function intlLocale(locale: Locale): string {
  return locale === "nl" ? "nl-NL" : "en-GB";
}

const CALENDAR_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar date `YYYY-MM-DD` (the API's Date) as a Date at midnight UTC; throws on nonsense. */
export function parseCalendarDate(value: string): Date {
  const match = CALENDAR_DATE.exec(value);
  if (!match) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${JSON.stringify(value)}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) {
    throw new RangeError(`No such day: ${value}`);
  }
  return date;
}

export type DateStyle = "short" | "medium" | "long" | "full";

const dateStyles: Record<DateStyle, Intl.DateTimeFormatOptions> = {
  short: { day: "2-digit", month: "2-digit", year: "numeric" }, // 05-03-2026 / 05/03/2026
  medium: { day: "numeric", month: "short", year: "numeric" }, // 5 mrt 2026 / 5 Mar 2026
  long: { day: "numeric", month: "long", year: "numeric" }, // 5 maart 2026 / 5 March 2026
  full: { weekday: "long", day: "numeric", month: "long", year: "numeric" }, // donderdag 5 maart 2026
};

/**
 * Formats a calendar date (`YYYY-MM-DD`, shown as that day everywhere) or a moment (a Date or
 * an ISO date-time string, shown as the day it is in the Netherlands).
 */
export function formatDate(value: Date | string, locale: Locale, style: DateStyle = "long"): string {
  const calendar = typeof value === "string" && CALENDAR_DATE.test(value);
  const date = calendar ? parseCalendarDate(value) : new Date(value);
  return new Intl.DateTimeFormat(intlLocale(locale), { ...dateStyles[style], timeZone: calendar ? "UTC" : TIME_ZONE }).format(date);
}

/** A moment with its time in Dutch time, e.g. "5 maart 2026 om 14:05" / "5 March 2026 at 14:05". */
export function formatDateTime(value: Date | string, locale: Locale): string {
  return new Intl.DateTimeFormat(intlLocale(locale), {
    ...dateStyles.long,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
    timeZone: TIME_ZONE,
  }).format(new Date(value));
}

/** A number with Dutch grouping (1.234,5) or British (1,234.5). */
export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(intlLocale(locale), options).format(value);
}

/** The formatters bound to the current language. */
export function useFormat() {
  const { locale } = useLocale();
  return useMemo(
    () => ({
      date: (value: Date | string, style?: DateStyle) => formatDate(value, locale, style),
      dateTime: (value: Date | string) => formatDateTime(value, locale),
      number: (value: number, options?: Intl.NumberFormatOptions) => formatNumber(value, locale, options),
      /** A share 0–1 as a percentage with at most one decimal: 62,3% / 62.3%. */
      percent: (share: number) => formatNumber(share, locale, { style: "percent", maximumFractionDigits: 1 }),
      /** A number with exactly one decimal: 44,9 / 44.9. */
      oneDecimal: (value: number) => formatNumber(value, locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
    }),
    [locale],
  );
}
