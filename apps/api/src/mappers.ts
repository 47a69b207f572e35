// Database rows → the plain shapes packages/domain reasons about. No rules here.
import type { Licence, LicenceMunicipality, Municipality, AgePolicy as PolicyRow } from "@homestart/db";
import type { AgePolicy, IsoDate, LicenceCoverage } from "@homestart/domain";

/** A @db.Date column (midnight UTC) as an ISO calendar date. */
export function isoDate(d: Date): IsoDate {
  // Remembered per instant: lists convert the same few thousand days over and over, and
  // toISOString was a measurable share of the planner's and dashboard's time (issue 7).
  const time = d.getTime();
  let iso = isoDates.get(time);
  if (iso === undefined) {
    iso = d.toISOString().slice(0, 10) as IsoDate;
    if (isoDates.size >= 100_000) isoDates.clear();
    isoDates.set(time, iso);
  }
  return iso;
}
const isoDates = new Map<number, IsoDate>();
export const isoDateOrNull = (d: Date | null | undefined): IsoDate | null => (d ? isoDate(d) : null);

/** An ISO calendar date as a @db.Date value (midnight UTC): the inverse of isoDate. */
export const dbDate = (iso: IsoDate): Date => new Date(`${iso}T00:00:00Z`);
export const dbDateOrNull = (iso: IsoDate | null): Date | null => (iso === null ? null : dbDate(iso));

// One formatter for the process: constructing an Intl.DateTimeFormat costs about 70 µs, which
// was most of the dashboard's time when done once per family (bench/README.md).
const amsterdamDate = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" });

/** Today's date in the Netherlands, the programme's calendar. */
export function todayInNetherlands(now = new Date()): IsoDate {
  return amsterdamDate.format(now) as IsoDate;
}

export function toAgePolicy(row: PolicyRow, municipalityCode: string): AgePolicy {
  return {
    id: row.id,
    municipalityCode,
    maxAgeInclusive: row.maxAgeInclusive,
    pregnancyWeeksFrom: row.pregnancyWeeksFrom,
    validFrom: isoDate(row.validFrom),
    validUntil: isoDateOrNull(row.validUntil),
  };
}

export function toLicenceCoverage(
  row: Licence & { municipalities: Array<LicenceMunicipality & { municipality: Pick<Municipality, "code"> }> },
): LicenceCoverage {
  return {
    id: row.id,
    locationId: row.locationId,
    status: row.status,
    validFrom: isoDateOrNull(row.validFrom),
    validUntil: isoDateOrNull(row.validUntil),
    municipalityCodes: row.municipalities.map((m) => m.municipality.code),
  };
}
