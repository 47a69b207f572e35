// Texts for the API's codes (statuses, payment states): an unknown code is shown as it is.
import { dictionaries } from "./i18n.ts";

export type AppKey = keyof typeof dictionaries.nl;

/** `prefix.code` when the portal has that text. */
export function knownKey(prefix: string, code: string): AppKey | null {
  const key = `${prefix}.${code}`;
  return key in dictionaries.nl ? (key as AppKey) : null;
}

/** The text for `prefix.code`, or the code itself. */
export function label(t: (key: AppKey) => string, prefix: string, code: string): string {
  const key = knownKey(prefix, code);
  return key ? t(key) : code;
}

const LICENCE_BADGE: Record<string, string> = {
  ACTIVE: "hs-badge--ok",
  GRANTED: "",
  APPLIED: "",
  SUSPENDED: "hs-badge--alert",
};

/** The badge colour of a licence status (the word says it; colour only adds). */
export function licenceBadgeClass(status: string): string {
  return `hs-badge ${LICENCE_BADGE[status] ?? "hs-badge--neutral"}`;
}

const VISITATIE_BADGE: Record<string, string> = {
  OVERDUE: "hs-badge--alert",
  DUE_SOON: "hs-badge--warning",
  PLANNED: "",
  OK: "hs-badge--ok",
};

export function visitatieBadgeClass(status: string): string {
  return `hs-badge ${VISITATIE_BADGE[status] ?? "hs-badge--neutral"}`;
}

/** Whole euros from an amount in cents, Dutch or English notation. */
export function euros(cents: number, locale: string): string {
  return new Intl.NumberFormat(locale === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" }).format(cents / 100);
}
