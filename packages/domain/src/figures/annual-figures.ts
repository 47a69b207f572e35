import { diffDays, endOfYear, type IsoDate, minDate, periodsOverlap, startOfYear, yearOf } from "../shared/dates.ts";
import {
  HOUSEHOLD_TYPES,
  type HouseholdType,
  type LicenceStatus,
  type RegistrationSource,
  RISK_FACTORS,
  type RiskFactor,
} from "../shared/enums.ts";

/**
 * One definition of the annual figures (jaarcijfers), used for every audience: the national
 * office, coordinators and (after suppress-small-numbers) municipal officers.
 * The seeds publish, per year: municipalities, volunteers, families, children, via referrer
 * (seed 001 for 2018/2019; seeds 000/003 for 2022 with 150 coordinators, 62% via a referrer,
 * 30% single parent and the six risk factors; seed 002 for 2023).
 */
export interface FamilyRecord {
  id: string;
  municipalityCode: string;
  locationId: string;
  registeredOn: IsoDate;
  /** First day of support (start of the first match); null if support never started. */
  startOn: IsoDate | null;
  /** Closure date; null while support runs. */
  endOn: IsoDate | null;
  source: RegistrationSource;
  householdType: HouseholdType | null;
  riskFactors: readonly RiskFactor[];
  childrenCount: number;
  /** Minutes of home visits within the year being counted. */
  minutesInYear: number;
}

export interface MatchRecord {
  familyId: string;
  volunteerId: string;
  startOn: IsoDate;
  endOn: IsoDate | null;
}

export interface CoordinatorRecord {
  id: string;
  locationIds: readonly string[];
  activeFrom: IsoDate | null;
  activeUntil: IsoDate | null;
}

export interface LicenceRecord {
  id: string;
  locationId: string;
  status: LicenceStatus;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
  /** Date it was terminated early, if so. */
  endedOn?: IsoDate | null;
  municipalityCodes: readonly string[];
}

export interface FiguresInput {
  families: readonly FamilyRecord[];
  matches: readonly MatchRecord[];
  coordinators: readonly CoordinatorRecord[];
  licences: readonly LicenceRecord[];
}

/** Restrict the figures to some municipalities and/or locations (e.g. a municipal officer's). */
export interface FiguresScope {
  municipalityCodes?: readonly string[];
  locationIds?: readonly string[];
}

export interface AnnualFigures {
  year: number;
  /** Families supported on at least one day of the year. */
  families: number;
  /** Children in those families. */
  children: number;
  /** Distinct volunteers with a match overlapping the year. */
  volunteers: number;
  /** Coordinators active in the year (at the locations in scope). */
  coordinators: number;
  /** Municipalities covered by a licence that was in force on a day of the year. */
  municipalities: number;
  viaReferrer: number;
  /** viaReferrer / families (0..1); null without families. */
  shareViaReferrer: number | null;
  singleParent: number;
  /** Supported families per recorded household type. */
  householdTypes: Record<HouseholdType, number>;
  /** Families with a recorded household type (the denominator of shareSingleParent). */
  householdKnown: number;
  shareSingleParent: number | null;
  /** Supported families with each risk factor (a family may have several). */
  riskFactors: Record<RiskFactor, number>;
  minutesVisited: number;
  /** Hours of home visits in the year per supported family. */
  averageHoursPerFamily: number | null;
  /** Families whose support started in the year. */
  startedInYear: number;
  /** Mean days from registration to start, over the families that started in the year. */
  averageDaysRegistrationToStart: number | null;
}

/** Supported in the year: start ≤ 31 Dec and (no end or end ≥ 1 Jan). */
export function supportedInYear(family: Pick<FamilyRecord, "startOn" | "endOn">, year: number): boolean {
  return family.startOn !== null && periodsOverlap(family.startOn, family.endOn, startOfYear(year), endOfYear(year));
}

const NEVER_IN_FORCE: readonly LicenceStatus[] = ["APPLIED", "GRANTED"];

/** A licence counts for a year when it was ever in force (not merely applied/granted) and its period overlaps the year. */
export function licenceInForceInYear(licence: LicenceRecord, year: number): boolean {
  if (NEVER_IN_FORCE.includes(licence.status) || licence.validFrom === null || licence.validUntil === null) return false;
  const until = licence.endedOn ? minDate(licence.endedOn, licence.validUntil) : licence.validUntil;
  return periodsOverlap(licence.validFrom, until, startOfYear(year), endOfYear(year));
}

const inList = (list: readonly string[] | undefined, value: string) => list === undefined || list.includes(value);
const share = (part: number, whole: number) => (whole === 0 ? null : part / whole);
const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length);

export function annualFigures(input: FiguresInput, year: number, scope: FiguresScope = {}): AnnualFigures {
  const inScope = input.families.filter(
    (f) => inList(scope.municipalityCodes, f.municipalityCode) && inList(scope.locationIds, f.locationId),
  );
  const families = inScope.filter((f) => supportedInYear(f, year));
  const scopeIds = new Set(inScope.map((f) => f.id));
  const licences = input.licences.filter(
    (l) =>
      licenceInForceInYear(l, year) &&
      inList(scope.locationIds, l.locationId) &&
      l.municipalityCodes.some((c) => inList(scope.municipalityCodes, c)),
  );
  const started = inScope.filter((f) => f.startOn !== null && yearOf(f.startOn) === year);
  const minutesVisited = families.reduce((s, f) => s + f.minutesInYear, 0);
  const viaReferrer = families.filter((f) => f.source === "REFERRER").length;
  const householdKnown = families.filter((f) => f.householdType !== null).length;
  const singleParent = families.filter((f) => f.householdType === "SINGLE_PARENT").length;
  return {
    year,
    families: families.length,
    children: families.reduce((s, f) => s + f.childrenCount, 0),
    volunteers: countVolunteers(input.matches, scopeIds, year),
    coordinators: countCoordinators(input.coordinators, scope, licences, year),
    municipalities: new Set(licences.flatMap((l) => l.municipalityCodes.filter((c) => inList(scope.municipalityCodes, c)))).size,
    viaReferrer,
    shareViaReferrer: share(viaReferrer, families.length),
    singleParent,
    householdTypes: Object.fromEntries(HOUSEHOLD_TYPES.map((t) => [t, families.filter((f) => f.householdType === t).length])) as Record<
      HouseholdType,
      number
    >,
    householdKnown,
    shareSingleParent: share(singleParent, householdKnown),
    riskFactors: Object.fromEntries(RISK_FACTORS.map((r) => [r, families.filter((f) => f.riskFactors.includes(r)).length])) as Record<
      RiskFactor,
      number
    >,
    minutesVisited,
    averageHoursPerFamily: families.length === 0 ? null : minutesVisited / 60 / families.length,
    startedInYear: started.length,
    averageDaysRegistrationToStart: mean(started.map((f) => diffDays(f.registeredOn, f.startOn!))),
  };
}

function countVolunteers(matches: readonly MatchRecord[], familyIds: ReadonlySet<string>, year: number): number {
  const active = matches.filter((m) => familyIds.has(m.familyId) && periodsOverlap(m.startOn, m.endOn, startOfYear(year), endOfYear(year)));
  return new Set(active.map((m) => m.volunteerId)).size;
}

/** Coordinators active in the year; with a municipality scope, those of the locations licensed for it. */
function countCoordinators(
  coordinators: readonly CoordinatorRecord[],
  scope: FiguresScope,
  licences: readonly LicenceRecord[],
  year: number,
): number {
  const locations = scope.municipalityCodes ? new Set(licences.map((l) => l.locationId)) : null;
  const scoped = scope.locationIds !== undefined || locations !== null;
  const atScopedLocation = (c: CoordinatorRecord) =>
    !scoped || c.locationIds.some((id) => inList(scope.locationIds, id) && (locations === null || locations.has(id)));
  const activeInYear = (c: CoordinatorRecord) =>
    periodsOverlap(c.activeFrom ?? startOfYear(year), c.activeUntil, startOfYear(year), endOfYear(year));
  return coordinators.filter((c) => activeInYear(c) && atScopedLocation(c)).length;
}
