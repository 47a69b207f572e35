import { fromParts, type IsoDate } from "./dates.ts";

/**
 * Instants as ISO 8601 date-time strings WITH a zone ('Z' or '+01:00'), e.g. consent events.
 * A string without a zone would be read in the server's local zone, which is not pure,
 * so it is refused.
 */
export type IsoDateTime = string;

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

export function isIsoDateTime(value: string): value is IsoDateTime {
  return ISO_DATE_TIME.test(value) && !Number.isNaN(Date.parse(value));
}

/** Milliseconds since the epoch; throws RangeError for a malformed or zone-less string. */
export function instantOf(value: IsoDateTime): number {
  if (!isIsoDateTime(value)) throw new RangeError(`Not an ISO date-time with zone: ${value}`);
  return Date.parse(value);
}

/** Negative when a is earlier than b. Compares instants, so '+01:00' and 'Z' mix safely. */
export function compareInstants(a: IsoDateTime, b: IsoDateTime): number {
  return Math.sign(instantOf(a) - instantOf(b));
}

/** The local calendar date of an instant in a time zone (default Europe/Amsterdam). */
export function localDateOf(value: IsoDateTime, timeZone = "Europe/Amsterdam"): IsoDate {
  const parts = formatterFor(timeZone).formatToParts(new Date(instantOf(value)));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return fromParts({ year: part("year"), month: part("month"), day: part("day") });
}

// Building an Intl.DateTimeFormat is far dearer than using one, so one per zone is kept.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-GB", { timeZone, year: "numeric", month: "numeric", day: "numeric" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}
