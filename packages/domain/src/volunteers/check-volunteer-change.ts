import type { VolunteerStatus } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Saving a volunteer's record while families depend on them (seed 003: a volunteer is matched to a
 * family "voor een periode", for continuity). A volunteer who still has running matches cannot be
 * set to STOPPED, and their maximum cannot drop below the families they support now: end or hand
 * over those matches first. PAUSED stays possible (illness, holidays) and shows on the dashboard.
 */
export interface VolunteerChange {
  status: VolunteerStatus;
  maxFamilies: number;
  /** Matches running today or planned (openMatchCount). */
  openMatches: number;
}

export function checkVolunteerChange(change: VolunteerChange): RuleResult<VolunteerChange> {
  const problems: Reason[] = [];
  if (change.status === "STOPPED" && change.openMatches > 0) {
    problems.push(
      reason(
        "VOLUNTEER_HAS_OPEN_MATCHES",
        `De vrijwilliger ondersteunt nog ${change.openMatches} gezin(nen); beëindig eerst die koppeling(en).`,
        `The volunteer still supports ${change.openMatches} family(ies); end those matches first.`,
      ),
    );
  }
  if (change.maxFamilies < change.openMatches) {
    problems.push(
      reason(
        "MAX_FAMILIES_BELOW_OPEN_MATCHES",
        `Het maximum (${change.maxFamilies}) is lager dan het aantal gezinnen dat de vrijwilliger nu ondersteunt (${change.openMatches}).`,
        `The maximum (${change.maxFamilies}) is below the number of families the volunteer supports now (${change.openMatches}).`,
      ),
    );
  }
  return problems.length === 0 ? allow(change) : refuse(...problems);
}
