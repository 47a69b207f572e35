// Texts for the API's codes: statuses, sources, households. An unknown code is shown as it is.
import { type SharedKey, sharedDictionaries, type Translate } from "@homestart/ui";
import { type AppKey, knownKey } from "./i18n.ts";

export const FAMILY_STATUSES = ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE", "CLOSED", "DECLINED", "NOT_ELIGIBLE"] as const;

/** The text for `prefix.code`, or the code itself when the portal has none. */
export function label(t: Translate<AppKey | SharedKey>, prefix: string, code: string): string {
  const key = knownKey(prefix, code);
  return key ? t(key) : code;
}

const STATUS_BADGE: Record<string, string> = {
  ACTIVE: "hs-badge--ok",
  WAITING_FOR_MATCH: "hs-badge--warning",
  REGISTERED: "",
  INTAKE: "",
};

/** The badge colour that goes with a family status (the word says it; colour only adds). */
export function statusBadgeClass(status: string): string {
  return `hs-badge ${STATUS_BADGE[status] ?? "hs-badge--neutral"}`;
}

/** The parents' last names, each once: "Schouten", or "Prins / Meijer". */
export function parentNames(parents: ReadonlyArray<{ lastName: string }>): string {
  return [...new Set(parents.map((p) => p.lastName))].join(" / ");
}

/** A risk factor's name (shared texts), or the code itself. */
export function riskFactorLabel(t: Translate<AppKey | SharedKey>, code: string): string {
  const key = `riskFactor.${code}`;
  return key in sharedDictionaries.nl ? t(key as SharedKey) : code;
}
