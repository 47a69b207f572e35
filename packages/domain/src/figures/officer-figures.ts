import { HOUSEHOLD_TYPES, type HouseholdType, RISK_FACTORS, type RiskFactor } from "../shared/enums.ts";
import type { AnnualFigures } from "./annual-figures.ts";
import { type Cell, DEFAULT_SUPPRESSION_POLICY, type SuppressionPolicy, suppressCount, suppressRow } from "./suppress-small-numbers.ts";

/**
 * The annual figures as a municipal officer may see them: the same definitions (annualFigures),
 * with small numbers suppressed. Families split by source, by household type and per risk factor
 * (with / without) each add up to the number of families, so each split is suppressed as a group
 * with that total. Shares and averages are only given when the counts behind them are shown.
 */
export interface OfficerFigures {
  year: number;
  families: Cell;
  children: Cell;
  volunteers: Cell;
  coordinators: Cell;
  municipalities: Cell;
  viaReferrer: Cell;
  selfRegistered: Cell;
  shareViaReferrer: number | null;
  household: Record<HouseholdType | "UNKNOWN", Cell>;
  shareSingleParent: number | null;
  riskFactors: Record<RiskFactor, Cell>;
  averageHoursPerFamily: number | null;
  averageDaysRegistrationToStart: number | null;
}

const shownValue = (cell: Cell): number | null => (cell.shown ? cell.value : null);

export function officerFigures(figures: AnnualFigures, policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY): OfficerFigures {
  const source = suppressRow({ REFERRER: figures.viaReferrer, SELF: figures.families - figures.viaReferrer }, policy);
  const householdCounts = householdSplit(figures);
  const household = suppressRow(householdCounts, policy);
  const risks = Object.fromEntries(
    RISK_FACTORS.map((r) => [
      r,
      suppressRow({ WITH: figures.riskFactors[r], WITHOUT: figures.families - figures.riskFactors[r] }, policy).cells.WITH,
    ]),
  ) as Record<RiskFactor, Cell>;
  const families = source.total;
  const shown = families.shown;
  const referrer = shownValue(source.cells.REFERRER);
  const single = shownValue(household.cells.SINGLE_PARENT);
  const known = HOUSEHOLD_TYPES.map((t) => shownValue(household.cells[t]));
  const knownTotal = known.every((v) => v !== null) ? known.reduce<number>((s, v) => s + (v ?? 0), 0) : null;
  return {
    year: figures.year,
    families,
    children: suppressCount(figures.children, policy),
    volunteers: suppressCount(figures.volunteers, policy),
    coordinators: suppressCount(figures.coordinators, policy),
    municipalities: suppressCount(figures.municipalities, policy),
    viaReferrer: source.cells.REFERRER,
    selfRegistered: source.cells.SELF,
    shareViaReferrer: shown && referrer !== null ? figures.shareViaReferrer : null,
    household: household.cells,
    shareSingleParent: single !== null && knownTotal !== null && knownTotal > 0 ? single / knownTotal : null,
    riskFactors: risks,
    averageHoursPerFamily: shown ? figures.averageHoursPerFamily : null,
    averageDaysRegistrationToStart: figures.startedInYear >= policy.minimum ? figures.averageDaysRegistrationToStart : null,
  };
}

function householdSplit(figures: AnnualFigures): Record<HouseholdType | "UNKNOWN", number> {
  return { ...figures.householdTypes, UNKNOWN: figures.families - figures.householdKnown };
}
