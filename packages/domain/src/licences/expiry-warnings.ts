import { compareDates, diffDays, type IsoDate } from "../shared/dates.ts";
import type { LicenceStatus } from "../shared/enums.ts";
import { compareText } from "../shared/order.ts";
import type { Reason } from "../shared/result.ts";

export interface LicenceForExpiry {
  id: string;
  number?: string;
  status: LicenceStatus;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
}

export interface ExpiryWarning extends Reason {
  licenceId: string;
  validUntil: IsoDate | null;
  /** Days from today to validUntil (negative once expired). */
  daysLeft: number | null;
}

export const DEFAULT_EXPIRY_WARNING_DAYS = 90;

/**
 * Licences that need the national office's attention (seed 000: municipalities rely on licences
 * for a well-working programme): running licences expiring within `warnDays`, licences past their
 * end date but still ACTIVE or SUSPENDED (they should be EXPIRED), and running licences without a
 * period. Sorted by end date, then id.
 */
export function licenceExpiryWarnings(
  licences: readonly LicenceForExpiry[],
  today: IsoDate,
  warnDays: number = DEFAULT_EXPIRY_WARNING_DAYS,
): ExpiryWarning[] {
  return licences
    .filter((l) => l.status === "ACTIVE" || l.status === "SUSPENDED")
    .map((l) => warningFor(l, today, warnDays))
    .filter((w): w is ExpiryWarning => w !== null)
    .sort((a, b) => compareText(a.validUntil ?? "0000", b.validUntil ?? "0000") || compareText(a.licenceId, b.licenceId));
}

function warningFor(l: LicenceForExpiry, today: IsoDate, warnDays: number): ExpiryWarning | null {
  const name = l.number ?? l.id;
  if (l.validUntil === null) {
    return {
      code: "NO_END_DATE",
      nl: `Licentie ${name} is ${l.status} maar heeft geen einddatum.`,
      en: `Licence ${name} is ${l.status} but has no end date.`,
      licenceId: l.id,
      validUntil: null,
      daysLeft: null,
    };
  }
  const daysLeft = diffDays(today, l.validUntil);
  const base = { licenceId: l.id, validUntil: l.validUntil, daysLeft };
  if (compareDates(today, l.validUntil) > 0) {
    return {
      ...base,
      code: "EXPIRED_STILL_RUNNING",
      nl: `Licentie ${name} is verlopen op ${l.validUntil} maar staat nog op ${l.status}.`,
      en: `Licence ${name} expired on ${l.validUntil} but is still ${l.status}.`,
    };
  }
  if (daysLeft > warnDays) return null;
  return {
    ...base,
    code: "EXPIRES_SOON",
    nl: `Licentie ${name} verloopt op ${l.validUntil} (over ${daysLeft} dagen).`,
    en: `Licence ${name} expires on ${l.validUntil} (in ${daysLeft} days).`,
  };
}
