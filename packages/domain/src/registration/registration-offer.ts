import { type AgePolicy, policyInForce } from "../eligibility/policy-in-force.ts";
import { type LicenceCoverage, mayTakeFamily } from "../licences/may-take-family.ts";
import { DEFAULT_SIGNAL_POLICY } from "../lifecycle/dashboard-signals.ts";
import type { IsoDate } from "../shared/dates.ts";
import type { Reason } from "../shared/result.ts";

// seed 004: the referrers' folder for parents exists "in het Nederlands, Engels, Pools, Turks, Arabisch, of Tigrinya".
export const REGISTRATION_LANGUAGES = ["nl", "en", "pl", "tr", "ar", "ti"] as const;
export type RegistrationLanguage = (typeof REGISTRATION_LANGUAGES)[number];
/** Written right to left. */
export const RTL_LANGUAGES: readonly RegistrationLanguage[] = ["ar"];

export const isRegistrationLanguage = (value: string): value is RegistrationLanguage =>
  (REGISTRATION_LANGUAGES as readonly string[]).includes(value);

/**
 * Within how many working days the coordinator calls a registration back. Seed 004, step 3 of the
 * referrers' steps: the family's name and phone go to the coordinator so the coordinator may call
 * them; the number of days is platform policy, the same one the dashboard's NOT_CALLED_BACK signal uses.
 */
export const CALL_BACK_WORKING_DAYS = DEFAULT_SIGNAL_POLICY.callBackWorkingDays;

/** Where to turn when Home-Start is not offered in a municipality (seed 001, the newsletter's colophon). */
export const NATIONAL_OFFICE_CONTACT = {
  name: "Landelijk Steunpunt Home-Start",
  postalAddress: "Postbus 71, 1000 AB Amsterdam",
  phone: "020 523 11 00",
  email: "info@home-start.nl",
  website: "https://www.home-start.nl",
} as const;

export type RegistrationOffer =
  | {
      offered: true;
      /** The location that takes registrations from this municipality (its ACTIVE licence covers it today). */
      locationId: string;
      maxAgeInclusive: number;
      pregnancyWeeksFrom: number;
      callBackWorkingDays: number;
    }
  | { offered: false; reasons: Reason[] };

export interface RegistrationOfferQuestion {
  municipalityCode: string;
  /** The municipality's age policies (any period); the one in force on `on` counts. */
  policies: readonly AgePolicy[];
  /** Licences covering the municipality, of any location. */
  licences: readonly LicenceCoverage[];
  on: IsoDate;
}

/**
 * Is Home-Start offered in this municipality on this date, for which ages, and at which location?
 * Offered only when a location holds an ACTIVE licence covering the municipality on the date
 * (seed 004 step 1: "Check … of het programma in de gemeente van het gezin wordt aangeboden";
 * seed 003: the licence) and the municipality has an age policy in force (seed 004: "0 t/m 6 jaar …
 * Verschillend per gemeente: 0 t/m 14 jaar of 0 t/m 17 jaar").
 */
export function registrationOffer({ municipalityCode, policies, licences, on }: RegistrationOfferQuestion): RegistrationOffer {
  const licence = mayTakeFamily(licences, { municipalityCode, on });
  const policy = policyInForce(policies, municipalityCode, on);
  if (!licence.ok || !policy.ok) return { offered: false, reasons: [...licence.reasons, ...policy.reasons] };
  return {
    offered: true,
    locationId: licence.value.locationId,
    maxAgeInclusive: policy.value.maxAgeInclusive,
    pregnancyWeeksFrom: policy.value.pregnancyWeeksFrom,
    callBackWorkingDays: CALL_BACK_WORKING_DAYS,
  };
}
