import { compareDates, type IsoDate, isWithin } from "../shared/dates.ts";
import type { LicenceStatus } from "../shared/enums.ts";
import { compareText } from "../shared/order.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Licence lifecycle (seed 003: "Met de beschikking van de gemeente, kan deze uitvoerende organisatie
 * een licentie aanvragen"; "In de licentieovereenkomst liggen afspraken vast over de
 * uitvoeringscondities, kwaliteitsstandaarden en financiële verplichtingen"; seed 000: "Door het
 * afsluiten van licenties … beschikt u over een goed werkend programma").
 * APPLIED → TERMINATED is a withdrawn application. EXPIRED and TERMINATED are final.
 */
export const LICENCE_TRANSITIONS: Readonly<Record<LicenceStatus, readonly LicenceStatus[]>> = {
  APPLIED: ["GRANTED", "TERMINATED"],
  GRANTED: ["ACTIVE", "TERMINATED"],
  ACTIVE: ["SUSPENDED", "EXPIRED", "TERMINATED"],
  SUSPENDED: ["ACTIVE", "EXPIRED", "TERMINATED"],
  EXPIRED: [],
  TERMINATED: [],
};

export function nextLicenceStates(from: LicenceStatus): readonly LicenceStatus[] {
  return LICENCE_TRANSITIONS[from];
}

export interface LicenceForTransition {
  status: LicenceStatus;
  appliedOn: IsoDate;
  grantedOn: IsoDate | null;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
}

export interface LicenceTransition {
  to: LicenceStatus;
  /** The date the change takes effect (LicenceStatusChange.effectiveOn). */
  effectiveOn: IsoDate;
  /** For activation: the period to set; defaults to the licence's own. */
  validFrom?: IsoDate | null;
  validUntil?: IsoDate | null;
  /** Required for suspension and termination (a withdrawn application is a termination). */
  reason?: string | null;
}

export interface LicenceStep {
  from: LicenceStatus;
  to: LicenceStatus;
  effectiveOn: IsoDate;
  validFrom: IsoDate | null;
  validUntil: IsoDate | null;
}

/** May the licence move to `transition.to`? Returns the resulting status and period, or every reason why not. */
export function checkLicenceTransition(licence: LicenceForTransition, transition: LicenceTransition): RuleResult<LicenceStep> {
  const from = licence.status;
  const { to, effectiveOn } = transition;
  if (!LICENCE_TRANSITIONS[from].includes(to)) {
    const allowed = LICENCE_TRANSITIONS[from].join(", ") || "geen/none";
    return refuse(
      reason(
        "TRANSITION_NOT_ALLOWED",
        `Licentie van ${from} naar ${to} is niet toegestaan (toegestaan: ${allowed}).`,
        `Licence from ${from} to ${to} is not allowed (allowed: ${allowed}).`,
      ),
    );
  }
  const validFrom = transition.validFrom !== undefined ? transition.validFrom : licence.validFrom;
  const validUntil = transition.validUntil !== undefined ? transition.validUntil : licence.validUntil;
  const problems = guard(licence, transition, validFrom, validUntil);
  return problems.length > 0 ? refuse(...problems) : allow({ from, to, effectiveOn, validFrom, validUntil });
}

function guard(licence: LicenceForTransition, t: LicenceTransition, validFrom: IsoDate | null, validUntil: IsoDate | null): Reason[] {
  switch (t.to) {
    case "GRANTED":
      return notBefore(t.effectiveOn, licence.appliedOn, "de aanvraag", "the application");
    case "ACTIVE":
      return [
        ...periodProblems(validFrom, validUntil, t.effectiveOn),
        ...notBefore(t.effectiveOn, licence.grantedOn, "de toekenning", "the grant"),
      ];
    case "SUSPENDED":
    case "TERMINATED":
      return reasonRequired(t.reason);
    case "EXPIRED":
      return expiryProblems(validUntil, t.effectiveOn);
    case "APPLIED":
      return [];
  }
}

function notBefore(date: IsoDate, earliest: IsoDate | null, nl: string, en: string): Reason[] {
  if (earliest === null || compareDates(date, earliest) >= 0) return [];
  return [reason("DATE_BEFORE_PREVIOUS_STEP", `${date} ligt vóór ${nl} (${earliest}).`, `${date} is before ${en} (${earliest}).`)];
}

function periodProblems(validFrom: IsoDate | null, validUntil: IsoDate | null, effectiveOn: IsoDate): Reason[] {
  if (validFrom === null || validUntil === null) {
    return [
      reason(
        "PERIOD_REQUIRED",
        "Voor activering is een looptijd nodig (geldig van en tot en met).",
        "Activation needs a period (valid from and until, inclusive).",
      ),
    ];
  }
  if (compareDates(validUntil, validFrom) < 0) {
    return [reason("PERIOD_ENDS_BEFORE_START", "De einddatum ligt vóór de ingangsdatum.", "The end date is before the start date.")];
  }
  if (compareDates(effectiveOn, validUntil) > 0) {
    return [reason("PERIOD_ALREADY_ENDED", `De looptijd is al verstreken op ${validUntil}.`, `The period already ended on ${validUntil}.`)];
  }
  return [];
}

function reasonRequired(text: string | null | undefined): Reason[] {
  if (text && text.trim().length > 0) return [];
  return [reason("REASON_REQUIRED", "Geef een reden op.", "Give a reason.")];
}

function expiryProblems(validUntil: IsoDate | null, effectiveOn: IsoDate): Reason[] {
  if (validUntil !== null && compareDates(effectiveOn, validUntil) > 0) return [];
  return [
    reason(
      "PERIOD_NOT_ENDED",
      validUntil
        ? `De looptijd loopt nog t/m ${validUntil}; beëindig de licentie als die eerder moet stoppen.`
        : "De licentie heeft geen einddatum.",
      validUntil ? `The period runs until ${validUntil}; terminate the licence to stop it earlier.` : "The licence has no end date.",
    ),
  ];
}

/** A municipality's decision (beschikking) naming the executing organisation (MunicipalDecision). */
export interface MunicipalDecisionRecord {
  id: string;
  municipalityCode: string;
  organisationId: string;
  decidedOn: IsoDate;
  effectiveFrom: IsoDate;
  effectiveUntil: IsoDate | null;
}

export interface LicenceApplication {
  organisationId: string;
  municipalityCodes: readonly string[];
  appliedOn: IsoDate;
}

/**
 * A licence may only be applied for with a municipal decision for that organisation, taken
 * before (or on) the application and in effect on it, for every municipality applied for
 * (seed 003: "Gemeenten … bepalen welke organisatie in hun gemeente de meest geschikte uitvoerder is.
 * Met de beschikking van de gemeente, kan deze uitvoerende organisatie een licentie aanvragen").
 * Returns the decision used per municipality.
 */
export function checkLicenceApplication(
  application: LicenceApplication,
  decisions: readonly MunicipalDecisionRecord[],
): RuleResult<MunicipalDecisionRecord[]> {
  if (application.municipalityCodes.length === 0) {
    return refuse(reason("NO_MUNICIPALITIES", "Noem minstens één gemeente.", "Name at least one municipality."));
  }
  const used: MunicipalDecisionRecord[] = [];
  const problems: Reason[] = [];
  for (const code of [...new Set(application.municipalityCodes)].sort(compareText)) {
    const found = decisionFor(application, code, decisions);
    if ("code" in found) problems.push(found);
    else used.push(found);
  }
  return problems.length > 0 ? refuse(...problems) : allow(used);
}

function decisionFor(
  application: LicenceApplication,
  municipalityCode: string,
  decisions: readonly MunicipalDecisionRecord[],
): MunicipalDecisionRecord | Reason {
  const { appliedOn, organisationId } = application;
  const own = decisions
    .filter((d) => d.municipalityCode === municipalityCode && d.organisationId === organisationId)
    .sort((a, b) => compareText(a.id, b.id));
  const usable = own.find((d) => compareDates(d.decidedOn, appliedOn) <= 0 && isWithin(appliedOn, d.effectiveFrom, d.effectiveUntil));
  if (usable) return usable;
  if (own.length === 0) {
    return reason(
      "NO_MUNICIPAL_DECISION",
      `Gemeente ${municipalityCode} heeft geen beschikking voor deze organisatie; die is nodig voor een licentieaanvraag.`,
      `Municipality ${municipalityCode} has no decision naming this organisation; it is needed to apply for a licence.`,
    );
  }
  return reason(
    "DECISION_NOT_IN_EFFECT",
    `De beschikking van gemeente ${municipalityCode} is op ${appliedOn} niet (of nog niet) van kracht.`,
    `The decision of municipality ${municipalityCode} is not (yet) in effect on ${appliedOn}.`,
  );
}
