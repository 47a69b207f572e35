import { RISK_FACTORS, type RiskFactor } from "../shared/enums.ts";
import type { AnnualFigures } from "./annual-figures.ts";
import { officerFigures } from "./officer-figures.ts";
import { type Cell, DEFAULT_SUPPRESSION_POLICY, type SuppressionPolicy } from "./suppress-small-numbers.ts";

/**
 * A municipality's figures next to the national figure for the same year, for its municipal officer
 * (the seeds' national table — 62% via a referrer, 30% single parent, the six risk factors, 105 hours,
 * start within two weeks: seeds 000, 003, 004 — as the yardstick).
 *
 * Only shares and averages are compared, never counts, and neither side can reveal a small number:
 * - the municipality's side is computed from what officerFigures shows (both counts of a share shown),
 *   so it adds nothing to the shown cells;
 * - the national side is given only when the rest of the country (national minus this municipality)
 *   has at least `policy.minimum` in the measure's denominator. With 0 the national figure would be
 *   the municipality's own (and give away a share hidden there); with 1–4 it would describe a
 *   handful of families elsewhere.
 */
export type ComparisonMeasure =
  | "SHARE_VIA_REFERRER"
  | "SHARE_SINGLE_PARENT"
  | "SHARE_WITH_RISK_FACTOR"
  | "CHILDREN_PER_FAMILY"
  | "AVERAGE_HOURS_PER_FAMILY"
  | "AVERAGE_DAYS_REGISTRATION_TO_START";

export interface ComparisonRow {
  measure: ComparisonMeasure;
  /** Set for SHARE_WITH_RISK_FACTOR only. */
  riskFactor: RiskFactor | null;
  /** Shares 0..1; null when hidden or without a denominator. */
  municipality: number | null;
  national: number | null;
}

const shown = (cell: Cell): number | null => (cell.shown ? cell.value : null);
const ratio = (part: number | null, whole: number | null) => (part === null || whole === null || whole === 0 ? null : part / whole);

/** `municipal` must be annualFigures of one municipality from the same input as `national`. */
export function compareWithNational(
  municipal: AnnualFigures,
  national: AnnualFigures,
  policy: SuppressionPolicy = DEFAULT_SUPPRESSION_POLICY,
): ComparisonRow[] {
  const own = officerFigures(municipal, policy);
  const families = shown(own.families);
  const restIsLarge = (nationalCount: number, ownCount: number) => nationalCount - ownCount >= policy.minimum;
  const perFamily = restIsLarge(national.families, municipal.families);
  const nationalValue = (large: boolean, value: number | null) => (large ? value : null);
  const row = (measure: ComparisonMeasure, municipality: number | null, nationalFigure: number | null): ComparisonRow => ({
    measure,
    riskFactor: null,
    municipality,
    national: nationalFigure,
  });
  return [
    row("SHARE_VIA_REFERRER", own.shareViaReferrer, nationalValue(perFamily, national.shareViaReferrer)),
    row(
      "SHARE_SINGLE_PARENT",
      own.shareSingleParent,
      nationalValue(restIsLarge(national.householdKnown, municipal.householdKnown), national.shareSingleParent),
    ),
    ...RISK_FACTORS.map((riskFactor) => ({
      measure: "SHARE_WITH_RISK_FACTOR" as const,
      riskFactor,
      municipality: ratio(shown(own.riskFactors[riskFactor]), families),
      national: nationalValue(perFamily, ratio(national.riskFactors[riskFactor], national.families)),
    })),
    row("CHILDREN_PER_FAMILY", ratio(shown(own.children), families), nationalValue(perFamily, ratio(national.children, national.families))),
    row("AVERAGE_HOURS_PER_FAMILY", own.averageHoursPerFamily, nationalValue(perFamily, national.averageHoursPerFamily)),
    row(
      "AVERAGE_DAYS_REGISTRATION_TO_START",
      own.averageDaysRegistrationToStart,
      nationalValue(restIsLarge(national.startedInYear, municipal.startedInYear), national.averageDaysRegistrationToStart),
    ),
  ];
}
