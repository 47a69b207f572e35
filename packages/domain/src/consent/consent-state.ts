import { type IsoDateTime, instantOf, isIsoDateTime } from "../shared/datetimes.ts";
import { CONSENT_TYPES, type ConsentAction, type ConsentType } from "../shared/enums.ts";
import { allow, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * Consent is a set of separate, withdrawable decisions of the parents (seed 004: "Informatie over het
 * gezin en de ondersteuning wordt alleen verstrekt als ouders dit zelf willen"; referrers pass name and
 * phone "als de ouders aangeven dat ze niet zelf kunnen of willen bellen … of de coördinator hen mag bellen").
 * The history is append-only: a withdrawal is a new event, never an edit (ConsentEvent in the schema).
 */
export interface ConsentEvent {
  id?: string;
  type: ConsentType;
  action: ConsentAction;
  /** ISO date-time with zone. */
  at: IsoDateTime;
  textVersion?: string | null;
}

const TYPE_NL: Record<ConsentType, string> = {
  PROCESSING: "verwerken van gegevens",
  CONTACT_BY_COORDINATOR: "gebeld worden door de coördinator",
  NOTIFY_REFERRER_START_END: "bericht aan de verwijzer bij start en afsluiting",
  SHARE_DETAILS_WITH_REFERRER: "gegevens over de ondersteuning delen met de verwijzer",
};
const TYPE_EN: Record<ConsentType, string> = {
  PROCESSING: "processing of data",
  CONTACT_BY_COORDINATOR: "being called by the coordinator",
  NOTIFY_REFERRER_START_END: "notice to the referrer at start and closure",
  SHARE_DETAILS_WITH_REFERRER: "sharing details of the support with the referrer",
};

/**
 * The event that decides consent of `type` at `now`: the latest one at or before `now`.
 * Events after `now` do not count. Equal instants: the later one in the history wins.
 */
export function decidingConsentEvent(history: readonly ConsentEvent[], type: ConsentType, now: IsoDateTime): ConsentEvent | null {
  const t = instantOf(now);
  let best: ConsentEvent | null = null;
  for (const e of history) {
    if (e.type !== type || instantOf(e.at) > t) continue;
    if (best === null || instantOf(e.at) >= instantOf(best.at)) best = e;
  }
  return best;
}

/** May an act needing consent of `type` be done now? Withdrawal takes effect at once. */
export function consentInForce(history: readonly ConsentEvent[], type: ConsentType, now: IsoDateTime): RuleResult<ConsentEvent> {
  const deciding = decidingConsentEvent(history, type, now);
  if (deciding?.action === "GRANTED") return allow(deciding);
  if (deciding?.action === "WITHDRAWN") {
    return refuse(
      reason(
        "CONSENT_WITHDRAWN",
        `De ouders hebben hun toestemming voor ${TYPE_NL[type]} ingetrokken (${deciding.at}).`,
        `The parents withdrew their consent to ${TYPE_EN[type]} (${deciding.at}).`,
      ),
    );
  }
  return refuse(
    reason(
      "NO_CONSENT",
      `Er is geen toestemming van de ouders voor ${TYPE_NL[type]}.`,
      `There is no consent from the parents to ${TYPE_EN[type]}.`,
    ),
  );
}

/** Every consent type's state at `now`. */
export function consentsInForce(history: readonly ConsentEvent[], now: IsoDateTime): Record<ConsentType, boolean> {
  const entries = CONSENT_TYPES.map((type) => [type, consentInForce(history, type, now).ok] as const);
  return Object.fromEntries(entries) as Record<ConsentType, boolean>;
}

/**
 * Acts that need consent. Calling the family back needs only the consent to be called: it comes
 * before the intake, where the consent to process their data is asked (seed 004, steps for
 * referrers). Every later act needs processing consent plus its own.
 */
export const CONSENTED_ACTS = ["PROCESS_DATA", "CALL_FAMILY", "NOTIFY_REFERRER", "SHARE_DETAILS_WITH_REFERRER"] as const;
export type ConsentedAct = (typeof CONSENTED_ACTS)[number];

export const CONSENTS_FOR_ACT: Record<ConsentedAct, readonly ConsentType[]> = {
  PROCESS_DATA: ["PROCESSING"],
  CALL_FAMILY: ["CONTACT_BY_COORDINATOR"],
  NOTIFY_REFERRER: ["PROCESSING", "NOTIFY_REFERRER_START_END"],
  // Details go with a notice, so both referrer consents are needed.
  SHARE_DETAILS_WITH_REFERRER: ["PROCESSING", "NOTIFY_REFERRER_START_END", "SHARE_DETAILS_WITH_REFERRER"],
};

/** May this act be done now? All reasons for a refusal are given. */
export function mayDo(history: readonly ConsentEvent[], act: ConsentedAct, now: IsoDateTime): RuleResult<ConsentedAct> {
  const refusals = CONSENTS_FOR_ACT[act].map((type) => consentInForce(history, type, now)).filter((r) => !r.ok);
  return refusals.length === 0 ? allow(act) : refuse(...refusals.flatMap((r) => r.reasons));
}

/**
 * Append an event to the history, never rewriting it. Refused: a malformed time, an event at or
 * before the last recorded one of the same type, a repeated id, and a withdrawal of a consent that
 * is not in force. Returns a new array; the input is not changed.
 */
export function appendConsentEvent(history: readonly ConsentEvent[], event: ConsentEvent): RuleResult<ConsentEvent[]> {
  if (!isIsoDateTime(event.at)) {
    return refuse(reason("INVALID_DATETIME", `Ongeldig tijdstip: ${event.at}.`, `Invalid date-time: ${event.at}.`));
  }
  if (event.id !== undefined && history.some((e) => e.id === event.id)) {
    return refuse(
      reason(
        "EVENT_ALREADY_RECORDED",
        "Deze gebeurtenis is al vastgelegd; de historie wordt niet herschreven.",
        "This event is already recorded; history is not rewritten.",
      ),
    );
  }
  const sameType = history.filter((e) => e.type === event.type);
  const last = sameType.reduce<ConsentEvent | null>((l, e) => (l === null || instantOf(e.at) >= instantOf(l.at) ? e : l), null);
  if (last && instantOf(event.at) <= instantOf(last.at)) {
    return refuse(
      reason(
        "EVENT_NOT_AFTER_LAST",
        `Een toestemmingsgebeurtenis moet na de laatst vastgelegde (${last.at}) liggen; de historie wordt niet herschreven.`,
        `A consent event must be later than the last recorded one (${last.at}); history is not rewritten.`,
      ),
    );
  }
  if (event.action === "WITHDRAWN" && last?.action !== "GRANTED") {
    return refuse(
      reason(
        "NOTHING_TO_WITHDRAW",
        `Er is geen toestemming voor ${TYPE_NL[event.type]} om in te trekken.`,
        `There is no consent to ${TYPE_EN[event.type]} to withdraw.`,
      ),
    );
  }
  return allow([...history, event]);
}
