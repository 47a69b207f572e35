import { compareDates, type IsoDate, periodsOverlap } from "../shared/dates.ts";
import { allow, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Which municipalities a location serves, and since when (LocationMunicipality). Periods are
 * kept as history: serving again after a stop is a new row; a stop ends the open row.
 * Seed 003: the municipality decides which organisation executes Home-Start for it; the
 * location of that organisation then serves it (and a licence covers it, see may-take-family).
 */
export interface ServedPeriod {
  id?: string;
  municipalityId: string;
  servedFrom: IsoDate;
  /** Inclusive; null = still served. */
  servedUntil: IsoDate | null;
}

/** May the location start serving `municipalityId` from `from`? Refused when it overlaps a period already recorded. */
export function checkStartServing(periods: readonly ServedPeriod[], municipalityId: string, from: IsoDate): RuleResult<ServedPeriod> {
  const clash = periods.find((p) => p.municipalityId === municipalityId && periodsOverlap(p.servedFrom, p.servedUntil, from, null));
  if (clash) {
    return refuse(
      clash.servedUntil === null
        ? reason(
            "ALREADY_SERVED",
            `Deze gemeente wordt al bediend sinds ${clash.servedFrom}.`,
            `This municipality is already served since ${clash.servedFrom}.`,
          )
        : reason(
            "SERVED_PERIOD_OVERLAPS",
            `De gemeente werd al bediend van ${clash.servedFrom} t/m ${clash.servedUntil}; kies een latere ingangsdatum.`,
            `The municipality was served from ${clash.servedFrom} to ${clash.servedUntil}; choose a later start date.`,
          ),
    );
  }
  return allow({ municipalityId, servedFrom: from, servedUntil: null });
}

/**
 * Stop serving `municipalityId`: the period that is open (or runs past `until`) ends on `until`
 * (the last day served). Refused when nothing is served then, or `until` is before its start.
 */
export function checkStopServing(periods: readonly ServedPeriod[], municipalityId: string, until: IsoDate): RuleResult<ServedPeriod> {
  const own = periods.filter((p) => p.municipalityId === municipalityId);
  const running = own.find((p) => p.servedUntil === null || compareDates(p.servedUntil, until) > 0);
  if (!running) {
    return refuse(reason("NOT_SERVED", "Deze gemeente wordt (dan) niet bediend.", "This municipality is not served (then)."));
  }
  if (compareDates(until, running.servedFrom) < 0) {
    return refuse(
      reason(
        "STOP_BEFORE_START",
        `De einddatum ligt vóór de start van de bediening (${running.servedFrom}).`,
        `The end date is before the municipality was first served (${running.servedFrom}).`,
      ),
    );
  }
  return allow({ ...running, servedUntil: until });
}
