import { compareDates, type IsoDate } from "../shared/dates.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * A municipal decision (beschikking) naming the executing organisation (seed 003: "Gemeenten …
 * bepalen welke organisatie in hun gemeente de meest geschikte uitvoerder is. Met de beschikking
 * van de gemeente, kan deze uitvoerende organisatie een licentie aanvragen").
 * Checks the decision's own dates; whether it allows a licence is `checkLicenceApplication`.
 */
export interface MunicipalDecisionDates {
  decidedOn: IsoDate;
  effectiveFrom: IsoDate;
  effectiveUntil: IsoDate | null;
}

export function validateMunicipalDecision(decision: MunicipalDecisionDates, today: IsoDate): RuleResult<MunicipalDecisionDates> {
  const problems: Reason[] = [];
  if (compareDates(decision.decidedOn, today) > 0) {
    problems.push(
      reason("DECIDED_IN_FUTURE", "Een beschikking wordt vastgelegd nadat die genomen is.", "Record a decision once it has been taken."),
    );
  }
  if (decision.effectiveUntil !== null && compareDates(decision.effectiveUntil, decision.effectiveFrom) < 0) {
    problems.push(reason("PERIOD_ENDS_BEFORE_START", "De einddatum ligt vóór de ingangsdatum.", "The end date is before the start date."));
  }
  if (decision.effectiveUntil !== null && compareDates(decision.decidedOn, decision.effectiveUntil) > 0) {
    problems.push(
      reason(
        "DECIDED_AFTER_END",
        "De beschikking is genomen na het einde van haar looptijd.",
        "The decision was taken after its period ended.",
      ),
    );
  }
  return problems.length > 0 ? refuse(...problems) : allow(decision);
}
