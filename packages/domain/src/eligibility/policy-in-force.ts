import { addDays, compareDates, type IsoDate, isIsoDate, isWithin, periodsOverlap } from "../shared/dates.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/** A municipality's age policy, effective-dated (AgePolicy in the schema). */
export interface AgePolicy {
  id?: string;
  municipalityCode: string;
  /** seed 004: "0 t/m 6 jaar … Verschillend per gemeente: 0 t/m 14 jaar of 0 t/m 17 jaar". */
  maxAgeInclusive: number;
  /** seed 004: "vanaf 28 weken zwangerschap" for the core programme. */
  pregnancyWeeksFrom: number;
  validFrom: IsoDate;
  /** Inclusive; null = until further notice. */
  validUntil: IsoDate | null;
}

// seed 004: "Het kernprogramma: 0 t/m 6 jaar … 0 t/m 14 jaar of 0 t/m 17 jaar"; seed 001: since 2019 up to 17.
export const ALLOWED_MAX_AGES = [6, 14, 17] as const;
// seed 004: "vanaf 28 weken zwangerschap"
export const DEFAULT_PREGNANCY_WEEKS_FROM = 28;
/** A due date is the end of week 40 of the pregnancy. */
export const FULL_TERM_WEEKS = 40;

/** The core programme (seed 004): 0 t/m 6 jaar, from 28 weeks of pregnancy. */
export const CORE_PROGRAMME = { maxAgeInclusive: 6, pregnancyWeeksFrom: DEFAULT_PREGNANCY_WEEKS_FROM } as const;

/**
 * The policy of `municipalityCode` in force on `on` (validFrom ≤ on ≤ validUntil).
 * If rows overlap, the one that started last wins (a change is a new row), with a note.
 */
export function policyInForce(policies: readonly AgePolicy[], municipalityCode: string, on: IsoDate): RuleResult<AgePolicy> {
  const inForce = policies
    .filter((p) => p.municipalityCode === municipalityCode && isWithin(on, p.validFrom, p.validUntil))
    .sort((a, b) => compareDates(b.validFrom, a.validFrom));
  const [latest] = inForce;
  if (!latest) {
    return refuse(
      reason(
        "NO_POLICY_IN_FORCE",
        `Gemeente ${municipalityCode} had op ${on} geen leeftijdsbeleid voor Home-Start.`,
        `Municipality ${municipalityCode} had no Home-Start age policy in force on ${on}.`,
      ),
    );
  }
  const notes: Reason[] =
    inForce.length > 1
      ? [
          reason(
            "POLICIES_OVERLAP",
            `Meerdere beleidsregels golden op ${on}; de laatst ingegane (vanaf ${latest.validFrom}) is gebruikt.`,
            `Several policies were in force on ${on}; the latest (from ${latest.validFrom}) was used.`,
          ),
        ]
      : [];
  return allow(latest, notes);
}

/** Checks one policy row on its own: allowed age range, pregnancy threshold, period. */
export function validateAgePolicy(policy: AgePolicy): RuleResult<AgePolicy> {
  const problems: Reason[] = [];
  if (!(ALLOWED_MAX_AGES as readonly number[]).includes(policy.maxAgeInclusive)) {
    problems.push(
      reason(
        "MAX_AGE_NOT_ALLOWED",
        `Leeftijdsgrens t/m ${policy.maxAgeInclusive} jaar bestaat niet; kies t/m 6, 14 of 17 jaar.`,
        `An upper age of ${policy.maxAgeInclusive} is not offered; choose 6, 14 or 17.`,
      ),
    );
  }
  if (!Number.isInteger(policy.pregnancyWeeksFrom) || policy.pregnancyWeeksFrom < 0 || policy.pregnancyWeeksFrom > FULL_TERM_WEEKS) {
    problems.push(
      reason(
        "PREGNANCY_WEEKS_INVALID",
        `Zwangerschapsgrens moet tussen 0 en ${FULL_TERM_WEEKS} weken liggen.`,
        `The pregnancy threshold must be between 0 and ${FULL_TERM_WEEKS} weeks.`,
      ),
    );
  }
  if (!isIsoDate(policy.validFrom) || (policy.validUntil !== null && !isIsoDate(policy.validUntil))) {
    problems.push(reason("DATE_INVALID", "Ongeldige datum.", "Invalid date."));
  } else if (policy.validUntil !== null && compareDates(policy.validUntil, policy.validFrom) < 0) {
    problems.push(reason("PERIOD_ENDS_BEFORE_START", "De einddatum ligt vóór de ingangsdatum.", "The end date is before the start date."));
  }
  return problems.length > 0 ? refuse(...problems) : allow(policy);
}

/**
 * Add a new policy row to a municipality's history. Rows are never overwritten: the row in
 * force on the new validFrom is ended the day before. A row may not start on or before the
 * start of an existing row (that would rewrite history).
 * Returns the full new history (the input is not changed).
 */
export function addAgePolicy(history: readonly AgePolicy[], candidate: AgePolicy): RuleResult<AgePolicy[]> {
  const valid = validateAgePolicy(candidate);
  if (!valid.ok) return refuse(...valid.reasons);
  const own = history.filter((p) => p.municipalityCode === candidate.municipalityCode);
  const later = own.find((p) => compareDates(p.validFrom, candidate.validFrom) >= 0);
  if (later) {
    return refuse(
      reason(
        "POLICY_NOT_AFTER_EXISTING",
        `Er is al beleid vanaf ${later.validFrom}; een nieuwe regel moet later ingaan.`,
        `A policy already starts on ${later.validFrom}; a new row must start later.`,
      ),
    );
  }
  const dayBefore = addDays(candidate.validFrom, -1);
  const updated = history.map((p) =>
    p.municipalityCode === candidate.municipalityCode &&
    periodsOverlap(p.validFrom, p.validUntil, candidate.validFrom, candidate.validUntil)
      ? { ...p, validUntil: dayBefore }
      : p,
  );
  return allow([...updated, candidate]);
}
