import { type IsoDate, isWithin } from "../shared/dates.ts";
import type { LicenceStatus } from "../shared/enums.ts";
import { compareText } from "../shared/order.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/** What the coverage rules need of a licence (Licence + LicenceMunicipality). */
export interface LicenceCoverage {
  id: string;
  locationId: string;
  status: LicenceStatus;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  municipalityCodes: readonly string[];
}

export interface TakeFamilyQuestion {
  /** Omit to ask whether any location may take the family (i.e. the municipality is served). */
  locationId?: string;
  municipalityCode: string;
  on: IsoDate;
}

const inPeriod = (l: LicenceCoverage, on: IsoDate) =>
  l.validFrom !== null && l.validUntil !== null && isWithin(on, l.validFrom, l.validUntil);

/**
 * May this location take a family from this municipality on this date?
 * Only under an ACTIVE licence that covers the municipality, with the date within
 * validFrom..validUntil (seed 003: "Met de beschikking van de gemeente, kan deze uitvoerende
 * organisatie een licentie aanvragen om Home-Start uit te voeren").
 * The status is the licence's current status; the period check makes the date count.
 */
export function mayTakeFamily(licences: readonly LicenceCoverage[], question: TakeFamilyQuestion): RuleResult<LicenceCoverage> {
  const { locationId, municipalityCode, on } = question;
  const covering = licences
    .filter((l) => (locationId === undefined || l.locationId === locationId) && l.municipalityCodes.includes(municipalityCode))
    .sort((a, b) => compareText(a.id, b.id));
  const valid = covering.find((l) => l.status === "ACTIVE" && inPeriod(l, on));
  if (valid) return allow(valid);
  return refuse(...whyNot(covering, municipalityCode, on));
}

function whyNot(covering: readonly LicenceCoverage[], municipalityCode: string, on: IsoDate): Reason[] {
  if (covering.length === 0) {
    return [
      reason(
        "NO_LICENCE_FOR_MUNICIPALITY",
        `Er is geen licentie voor gemeente ${municipalityCode}.`,
        `There is no licence covering municipality ${municipalityCode}.`,
      ),
    ];
  }
  const active = covering.filter((l) => l.status === "ACTIVE");
  if (active.length === 0) {
    const statuses = [...new Set(covering.map((l) => l.status))].join(", ");
    return [
      reason(
        "LICENCE_NOT_ACTIVE",
        `De licentie voor gemeente ${municipalityCode} is niet actief (${statuses}).`,
        `The licence for municipality ${municipalityCode} is not active (${statuses}).`,
      ),
    ];
  }
  const periods = active
    .map((l) => `${l.validFrom ?? "?"} t/m ${l.validUntil ?? "?"}`)
    .sort()
    .join("; ");
  return [
    reason(
      "DATE_OUTSIDE_LICENCE_PERIOD",
      `${on} valt buiten de looptijd van de licentie (${periods}).`,
      `${on} is outside the licence period (${periods.replaceAll("t/m", "to")}).`,
    ),
  ];
}
