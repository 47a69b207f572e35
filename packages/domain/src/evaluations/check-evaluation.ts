import { compareDates, type IsoDate } from "../shared/dates.ts";
import type { EvaluationKind, FamilyStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * When an evaluation of the support may be recorded (seed 002: the outcomes studied are parental
 * well-being, positive parenting, child behaviour and the family's network, here scored 1–5;
 * seed 004: support runs from a start "binnen twee weken" to a closure). An evaluation looks back on
 * support that has started: never before the start, never in the future. INTERIM during the support
 * (not after a closure or a final evaluation); one FINAL per family, held at the end of the support.
 */
export const EVALUATION_SCORES = ["parentalWellbeing", "positiveParenting", "childBehaviour", "network"] as const;
export type EvaluationScore = (typeof EVALUATION_SCORES)[number];
export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

export interface EvaluationFacts {
  status: FamilyStatus;
  /** Start of the first match; null while support has not started. */
  supportStartOn: IsoDate | null;
  closedOn: IsoDate | null;
  existing: ReadonlyArray<{ kind: EvaluationKind; heldOn: IsoDate }>;
  today: IsoDate;
}

export interface EvaluationToRecord {
  kind: EvaluationKind;
  heldOn: IsoDate;
  scores: Partial<Record<EvaluationScore, number | null>>;
}

export function checkEvaluation(facts: EvaluationFacts, evaluation: EvaluationToRecord): RuleResult<EvaluationToRecord> {
  const problems: Reason[] = [];
  if (facts.supportStartOn === null || (facts.status !== "ACTIVE" && facts.status !== "CLOSED")) {
    problems.push(
      reason(
        "SUPPORT_NOT_STARTED",
        "Een evaluatie kan pas als de ondersteuning is gestart.",
        "An evaluation can only be recorded once support has started.",
      ),
    );
  } else if (compareDates(evaluation.heldOn, facts.supportStartOn) < 0) {
    problems.push(
      reason(
        "EVALUATION_BEFORE_START",
        `De evaluatiedatum ligt vóór de start van de ondersteuning (${facts.supportStartOn}).`,
        `The evaluation date is before the start of the support (${facts.supportStartOn}).`,
      ),
    );
  }
  if (compareDates(evaluation.heldOn, facts.today) > 0) {
    problems.push(reason("EVALUATION_IN_FUTURE", "De evaluatiedatum ligt in de toekomst.", "The evaluation date is in the future."));
  }
  const hasFinal = facts.existing.some((e) => e.kind === "FINAL");
  if (evaluation.kind === "FINAL" && hasFinal) {
    problems.push(
      reason("FINAL_EVALUATION_EXISTS", "Dit gezin heeft al een eindevaluatie.", "This family already has a final evaluation."),
    );
  }
  if (evaluation.kind === "INTERIM") {
    if (hasFinal) {
      problems.push(
        reason(
          "INTERIM_AFTER_FINAL",
          "Na de eindevaluatie volgt geen tussenevaluatie meer.",
          "No interim evaluation after the final evaluation.",
        ),
      );
    }
    if (facts.closedOn !== null && compareDates(evaluation.heldOn, facts.closedOn) > 0) {
      problems.push(
        reason(
          "INTERIM_AFTER_CLOSURE",
          `Een tussenevaluatie kan niet na de afsluiting (${facts.closedOn}).`,
          `An interim evaluation cannot be after the closure (${facts.closedOn}).`,
        ),
      );
    }
  }
  for (const key of EVALUATION_SCORES) {
    const score = evaluation.scores[key];
    if (score !== null && score !== undefined && (!Number.isInteger(score) || score < SCORE_MIN || score > SCORE_MAX)) {
      problems.push(reason("SCORE_OUT_OF_RANGE", `Score ${key}: kies 1 tot en met 5.`, `Score ${key}: choose 1 to 5.`));
    }
  }
  return problems.length === 0 ? allow(evaluation) : refuse(...problems);
}
