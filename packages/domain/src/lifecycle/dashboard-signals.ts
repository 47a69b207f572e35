import { addDays, addMonths, addWeeks, addWorkingDays, compareDates, diffDays, type IsoDate, maxDate, yearOf } from "../shared/dates.ts";
import { dutchPublicHolidaysBetween } from "../shared/dutch-holidays.ts";
import type { FamilyStatus, VolunteerStatus } from "../shared/enums.ts";
import { compareText } from "../shared/order.ts";
import type { Reason } from "../shared/result.ts";
import { DEFAULT_READINESS_POLICY, type ReadinessPolicy, trainingExpiresOn, vogExpiresOn } from "./volunteer-readiness.ts";

export type SignalSeverity = "INFO" | "WARNING" | "ALERT";

/** Something on a coordinator's dashboard: a reason with a severity, what it is about and the date that counts. */
export interface Signal extends Reason {
  severity: SignalSeverity;
  familyId: string | null;
  volunteerId: string | null;
  /** The deadline or due date the signal is about. */
  dueOn: IsoDate | null;
}

/** Values the seeds give as usual practice; configurable per location or year. */
export interface SignalPolicy {
  /** Call a registration back within this many working days (Mon–Fri, minus holidays). */
  callBackWorkingDays: number;
  // seed 004: "er zijn geen wachtlijsten. Meestal kan de ondersteuning binnen twee weken van start gaan."
  startWithinDays: number;
  /** Interim evaluation this many months after the start. */
  interimEvaluationMonths: number;
  // seed 004: "De ondersteuning varieert van enkele maanden tot anderhalf jaar."
  maxDurationMonths: number;
  durationWarningMonths: number;
  /** Weekly visits (seed 004: "wekelijks"); warn after this many days without a logged visit. */
  noVisitDays: number;
  // seed 004: "Gemiddeld is een vrijwilliger 105 uur per jaar bij het gezin."
  expectedHoursPerYear: number;
  /** Fraction either side of the pro-rated expectation that is still fine (0.4 = ±40%). */
  hoursBand: number;
  /** Hours are judged only after this many weeks of support. */
  hoursCheckAfterWeeks: number;
  /** Warn this many days before a VOG or training expires. */
  renewalWarningDays: number;
  /** Public holidays to skip when counting working days. */
  holidays: readonly IsoDate[];
}

export const DEFAULT_SIGNAL_POLICY: SignalPolicy = {
  callBackWorkingDays: 3,
  startWithinDays: 14,
  interimEvaluationMonths: 6,
  maxDurationMonths: 18,
  durationWarningMonths: 16,
  noVisitDays: 14,
  expectedHoursPerYear: 105,
  hoursBand: 0.4,
  hoursCheckAfterWeeks: 8,
  renewalWarningDays: 60,
  holidays: [],
};

/**
 * The default policy as it applies on `today`: working days skip the Dutch public holidays of
 * last year, this year and next (a deadline further back has long passed, a day either way).
 */
export function signalPolicyOn(today: IsoDate): SignalPolicy {
  const year = yearOf(today);
  return { ...DEFAULT_SIGNAL_POLICY, holidays: dutchPublicHolidaysBetween(`${year - 1}-01-01`, `${year + 1}-12-31`) };
}

export interface VisitRecord {
  visitedOn: IsoDate;
  minutes: number;
}

/**
 * What the signals need of an active match's visits, for callers that aggregate them in the
 * database instead of loading a year of rows (the API's dashboard): the last visit up to `on` and
 * the minutes in the hours window (hoursWindow). Only valid for the day `on` it was made for.
 */
export interface VisitSummary {
  on: IsoDate;
  lastVisitOn: IsoDate | null;
  /** hoursWindow(startOn, on).from: the minutes below are those from this day up to `on`. */
  hoursWindowFrom: IsoDate;
  minutesInHoursWindow: number;
}

/** The visits of an active match: every one (at least those of the last year), or their summary. */
export type MatchVisits = { visits: readonly VisitRecord[] } | { visitSummary: VisitSummary };

export interface FamilyForSignals {
  id: string;
  status: FamilyStatus;
  registeredOn: IsoDate;
  /** Local date of Family.calledBackAt. */
  calledBackOn: IsoDate | null;
  supportStartOn: IsoDate | null;
  /** Latest INTERIM evaluation held, if any. */
  interimEvaluationOn: IsoDate | null;
  activeMatch: ({ id: string; volunteerId: string; startOn: IsoDate } & MatchVisits) | null;
}

export interface VolunteerForSignals {
  id: string;
  status: VolunteerStatus;
  vogIssuedOn: IsoDate | null;
  trainingCompletedOn: IsoDate | null;
}

type Draft = Omit<Signal, "familyId" | "volunteerId">;

const signal = (severity: SignalSeverity, code: string, nl: string, en: string, dueOn: IsoDate | null): Draft => ({
  code,
  nl,
  en,
  severity,
  dueOn,
});

const EARLY: readonly FamilyStatus[] = ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH"];

/** Every signal about one family on `today`. */
export function familySignals(family: FamilyForSignals, today: IsoDate, policy: SignalPolicy = DEFAULT_SIGNAL_POLICY): Signal[] {
  const drafts = [
    notCalledBack(family, today, policy),
    notStartedInTime(family, today, policy),
    interimEvaluationDue(family, today, policy),
    durationSignal(family, today, policy),
    noRecentVisit(family, today, policy),
    hoursOffTarget(family, today, policy),
  ];
  return drafts
    .filter((d): d is Draft => d !== null)
    .map((d) => ({ ...d, familyId: family.id, volunteerId: family.activeMatch?.volunteerId ?? null }));
}

export function notCalledBack(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  if (f.status !== "REGISTERED" || f.calledBackOn !== null) return null;
  const deadline = addWorkingDays(f.registeredOn, p.callBackWorkingDays, p.holidays);
  if (compareDates(today, deadline) <= 0) return null;
  return signal(
    "WARNING",
    "NOT_CALLED_BACK",
    `Aanmelding van ${f.registeredOn} is niet binnen ${p.callBackWorkingDays} werkdagen teruggebeld (uiterlijk ${deadline}).`,
    `Registration of ${f.registeredOn} was not called back within ${p.callBackWorkingDays} working days (by ${deadline}).`,
    deadline,
  );
}

export function notStartedInTime(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  if (!EARLY.includes(f.status)) return null;
  const deadline = addDays(f.registeredOn, p.startWithinDays);
  if (compareDates(today, deadline) <= 0) return null;
  return signal(
    "WARNING",
    "NOT_STARTED_IN_TIME",
    `Ondersteuning is niet binnen ${p.startWithinDays} dagen na aanmelding (${f.registeredOn}) gestart; Home-Start kent geen wachtlijsten.`,
    `Support did not start within ${p.startWithinDays} days of registration (${f.registeredOn}); Home-Start has no waiting lists.`,
    deadline,
  );
}

export function interimEvaluationDue(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  if (f.status !== "ACTIVE" || f.supportStartOn === null) return null;
  if (f.interimEvaluationOn !== null && compareDates(f.interimEvaluationOn, f.supportStartOn) >= 0) return null;
  const dueOn = addMonths(f.supportStartOn, p.interimEvaluationMonths);
  if (compareDates(today, dueOn) < 0) return null;
  return signal(
    "WARNING",
    "INTERIM_EVALUATION_DUE",
    `Tussenevaluatie is sinds ${dueOn} nodig (${p.interimEvaluationMonths} maanden na de start).`,
    `Interim evaluation due since ${dueOn} (${p.interimEvaluationMonths} months after the start).`,
    dueOn,
  );
}

export function durationSignal(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  if (f.status !== "ACTIVE" || f.supportStartOn === null) return null;
  const maxOn = addMonths(f.supportStartOn, p.maxDurationMonths);
  if (compareDates(today, maxOn) >= 0) {
    return signal(
      "ALERT",
      "MAX_DURATION_REACHED",
      `De ondersteuning duurt sinds ${maxOn} langer dan ${p.maxDurationMonths} maanden.`,
      `Support has lasted more than ${p.maxDurationMonths} months since ${maxOn}.`,
      maxOn,
    );
  }
  if (compareDates(today, addMonths(f.supportStartOn, p.durationWarningMonths)) < 0) return null;
  return signal(
    "WARNING",
    "NEARING_MAX_DURATION",
    `De ondersteuning bereikt op ${maxOn} ${p.maxDurationMonths} maanden; bereid de afsluiting voor.`,
    `Support reaches ${p.maxDurationMonths} months on ${maxOn}; prepare the closure.`,
    maxOn,
  );
}

/** The days whose visit hours are judged on `today`: the last year, or since the start if shorter. */
export function hoursWindow(startOn: IsoDate, today: IsoDate): { from: IsoDate; to: IsoDate } {
  return { from: maxDate(startOn, addDays(today, -364)), to: today };
}

/** The summary the signals use, from a list of visits. */
export function summariseVisits(visits: readonly VisitRecord[], startOn: IsoDate, today: IsoDate): VisitSummary {
  const { from } = hoursWindow(startOn, today);
  let lastVisitOn: IsoDate | null = null;
  let minutes = 0;
  for (const v of visits) {
    if (compareDates(v.visitedOn, today) > 0) continue;
    if (lastVisitOn === null || compareDates(v.visitedOn, lastVisitOn) > 0) lastVisitOn = v.visitedOn;
    if (compareDates(v.visitedOn, from) >= 0) minutes += v.minutes;
  }
  return { on: today, lastVisitOn, hoursWindowFrom: from, minutesInHoursWindow: minutes };
}

function visitSummaryOf(match: NonNullable<FamilyForSignals["activeMatch"]>, today: IsoDate): VisitSummary {
  if ("visits" in match) return summariseVisits(match.visits, match.startOn, today);
  const summary = match.visitSummary;
  // A summary made for another day or window would judge the wrong visits: refuse it loudly.
  if (summary.on !== today || summary.hoursWindowFrom !== hoursWindow(match.startOn, today).from)
    throw new RangeError(`Visit summary of match ${match.id} was made for ${summary.on} (from ${summary.hoursWindowFrom}), not ${today}`);
  return summary;
}

export function noRecentVisit(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  const match = f.activeMatch;
  if (f.status !== "ACTIVE" || match === null || compareDates(match.startOn, today) > 0) return null;
  const last = visitSummaryOf(match, today).lastVisitOn;
  const since = last ?? match.startOn;
  if (diffDays(since, today) < p.noVisitDays) return null;
  const what = last
    ? { nl: `het laatste bezoek (${last})`, en: `the last visit (${last})` }
    : { nl: `de start (${since})`, en: `the start (${since})` };
  return signal(
    "WARNING",
    "NO_RECENT_VISIT",
    `Geen huisbezoek vastgelegd in ${diffDays(since, today)} dagen sinds ${what.nl}.`,
    `No home visit logged for ${diffDays(since, today)} days since ${what.en}.`,
    addDays(since, p.noVisitDays),
  );
}

/** Hours expected over a window of `days` days, pro rata of the yearly average. */
export function expectedHours(days: number, policy: SignalPolicy = DEFAULT_SIGNAL_POLICY): number {
  return (policy.expectedHoursPerYear * days) / 365;
}

/**
 * Hours of the active match over the last year (or since its start, if shorter) against
 * 105 hours a year pro rata, ±band; only after `hoursCheckAfterWeeks` weeks of support.
 */
export function hoursOffTarget(f: FamilyForSignals, today: IsoDate, p: SignalPolicy): Draft | null {
  const match = f.activeMatch;
  if (f.status !== "ACTIVE" || match === null) return null;
  if (compareDates(today, addWeeks(match.startOn, p.hoursCheckAfterWeeks)) < 0) return null;
  const { from } = hoursWindow(match.startOn, today);
  const actual = visitSummaryOf(match, today).minutesInHoursWindow / 60;
  const expected = expectedHours(diffDays(from, today) + 1, p);
  const low = actual < expected * (1 - p.hoursBand);
  if (!low && actual <= expected * (1 + p.hoursBand)) return null;
  const nl = `${actual.toFixed(1)} uur sinds ${from}, verwacht ongeveer ${expected.toFixed(1)} (${p.expectedHoursPerYear} uur per jaar).`;
  const en = `${actual.toFixed(1)} hours since ${from}, about ${expected.toFixed(1)} expected (${p.expectedHoursPerYear} hours a year).`;
  return low ? signal("WARNING", "HOURS_BELOW_EXPECTED", nl, en, null) : signal("INFO", "HOURS_ABOVE_EXPECTED", nl, en, null);
}

/** VOG and training renewal for volunteers who are (or may soon be) visiting families. */
export function volunteerSignals(
  v: VolunteerForSignals,
  today: IsoDate,
  policy: SignalPolicy = DEFAULT_SIGNAL_POLICY,
  readiness: ReadinessPolicy = DEFAULT_READINESS_POLICY,
): Signal[] {
  if (v.status !== "ACTIVE" && v.status !== "PAUSED") return [];
  const drafts: Draft[] = [];
  if (v.vogIssuedOn === null) {
    drafts.push(signal("ALERT", "VOG_MISSING", "Er is geen VOG vastgelegd.", "No certificate of conduct (VOG) is recorded.", null));
  } else {
    const vog = renewal("VOG", vogExpiresOn(v.vogIssuedOn, readiness), today, policy);
    if (vog) drafts.push(vog);
  }
  const trainingEnds = v.trainingCompletedOn ? trainingExpiresOn(v.trainingCompletedOn, readiness) : null;
  const training = trainingEnds ? renewal("TRAINING", trainingEnds, today, policy) : null;
  if (training) drafts.push(training);
  return drafts.map((d) => ({ ...d, familyId: null, volunteerId: v.id }));
}

function renewal(what: "VOG" | "TRAINING", expiresOn: IsoDate, today: IsoDate, p: SignalPolicy): Draft | null {
  const label = what === "VOG" ? { nl: "De VOG", en: "The VOG" } : { nl: "De training", en: "The training" };
  if (compareDates(today, expiresOn) >= 0) {
    return signal(
      "ALERT",
      `${what}_EXPIRED`,
      `${label.nl} is verlopen op ${expiresOn}.`,
      `${label.en} expired on ${expiresOn}.`,
      expiresOn,
    );
  }
  if (diffDays(today, expiresOn) > p.renewalWarningDays) return null;
  return signal(
    "WARNING",
    `${what}_RENEWAL_DUE`,
    `${label.nl} verloopt op ${expiresOn}; vraag vernieuwing aan.`,
    `${label.en} expires on ${expiresOn}; arrange renewal.`,
    expiresOn,
  );
}

const SEVERITY_ORDER: Record<SignalSeverity, number> = { ALERT: 0, WARNING: 1, INFO: 2 };

/** All signals for a dashboard, most severe first, then earliest due date, then by code and subject. */
export function dashboardSignals(
  input: { families: readonly FamilyForSignals[]; volunteers: readonly VolunteerForSignals[] },
  today: IsoDate,
  policy: SignalPolicy = DEFAULT_SIGNAL_POLICY,
  readiness: ReadinessPolicy = DEFAULT_READINESS_POLICY,
): Signal[] {
  const all = [
    ...input.families.flatMap((f) => familySignals(f, today, policy)),
    ...input.volunteers.flatMap((v) => volunteerSignals(v, today, policy, readiness)),
  ];
  return all.sort(
    (a, b) =>
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      compareText(a.dueOn ?? "9999", b.dueOn ?? "9999") ||
      compareText(a.code, b.code) ||
      compareText(a.familyId ?? "", b.familyId ?? "") ||
      compareText(a.volunteerId ?? "", b.volunteerId ?? ""),
  );
}
