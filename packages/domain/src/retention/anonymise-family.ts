/**
 * What anonymising a family changes: exactly which fields of its record are personal data and what
 * each becomes, and what is kept and why. The API applies these values as they are (one transaction
 * per family, with its audit entry); it decides nothing itself.
 *
 * Kept on purpose, because the annual figures count them (packages/domain figures, loaded by
 * apps/api/src/figures/load-figures-input.ts) and published figures must not change afterwards:
 * the family's location, municipality, registration date, source (self / via a referrer), household
 * type and risk factors; its children as rows (the figures count children, they read no birth date,
 * name or age); its matches (volunteer, start, end), visits (date, minutes) and closure (date, reason,
 * goals reached). Also kept: the status and process dates (called back, intake) of the lifecycle,
 * evaluation scores, support-question outcomes and group-meeting head counts: facts about the support,
 * not about who received it. The consent history stays complete (append-only, seed 004): every event
 * keeps its type, action, moment and the standard text shown; only the free-text note goes.
 * Audit entries hold ids and codes only (never personal data) and stay as they are.
 */
import { type ParentDuplicateKeys, withDuplicateKeys } from "../registration/possible-duplicates.ts";

/** The placeholder for a required text that held personal data (names, a support question, a notice). */
export const ANONYMISED_TEXT = "Geanonimiseerd";

/** What each personal field of a family's record becomes. */
export interface AnonymisedValues {
  /** Address, postcode, free-text note; languages spoken (a stand-in for origin) are not needed by any figure. */
  Family: { address: null; postcode: null; note: null; languages: string[]; preferredLanguage: null };
  /** Names become the placeholder (they are required); contact details go. Parents have no birth date in the record. */
  /** With the duplicate keys of the placeholders: the normalised name and numbers are personal data too. */
  Parent: { firstName: string; lastName: string; phone: null; email: null } & ParentDuplicateKeys;
  /** The row stays (the figures count children); name and dates go: no figure reads a child's age. */
  Child: { firstName: null; bornOn: null; expectedOn: null };
  /** The question and goal were written with the family; goalReached (an outcome) stays. */
  SupportQuestion: { question: string; goal: null };
  /** The summary is free text about the family; the 1–5 scores stay. */
  Evaluation: { summary: string };
  /** Free text; closedOn, reason and goalsReached stay (the figures read closedOn). */
  Closure: { note: null };
  /** Free text; volunteer, start and end stay (the figures read them). */
  Match: { endReason: null };
  /** Free text; date and minutes stay (the figures read them). */
  Visit: { note: null };
  /** Free text only: the event itself (type, action, moment, text shown, version) stays. */
  ConsentEvent: { note: null };
  /** The notice named the family and its support; kind, status and dates stay. */
  ReferrerNotification: { subject: string; body: string };
  /** The family's e-mails kept or sent (the registration confirmation, the referrer notices). */
  OutboxEmail: { to: string; subject: string; body: string };
  /** The referrer's own contact details: only once every family they referred is anonymised (referrerToAnonymise). */
  Referrer: { name: string; organisation: null; email: null; phone: null };
}

const anonymisedParentFields = { firstName: ANONYMISED_TEXT, lastName: ANONYMISED_TEXT, phone: null, email: null } as const;

/** The values to write, fresh on each call (so no caller can change another's). */
export function anonymisedValues(): AnonymisedValues {
  const anonymisedParent = withDuplicateKeys(anonymisedParentFields);
  return {
    Family: { address: null, postcode: null, note: null, languages: [], preferredLanguage: null },
    Parent: anonymisedParent,
    Child: { firstName: null, bornOn: null, expectedOn: null },
    SupportQuestion: { question: ANONYMISED_TEXT, goal: null },
    Evaluation: { summary: "" },
    Closure: { note: null },
    Match: { endReason: null },
    Visit: { note: null },
    ConsentEvent: { note: null },
    ReferrerNotification: { subject: ANONYMISED_TEXT, body: ANONYMISED_TEXT },
    OutboxEmail: { to: "", subject: ANONYMISED_TEXT, body: ANONYMISED_TEXT },
    Referrer: { name: ANONYMISED_TEXT, organisation: null, email: null, phone: null },
  };
}

/**
 * The fields the annual figures read (apps/api/src/figures/load-figures-input.ts). Anonymisation
 * must never touch one of them; a test holds anonymisedValues to this.
 */
export const FIGURES_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Family: ["id", "locationId", "municipalityId", "registeredOn", "source", "householdType", "riskFactors"],
  Child: ["id", "familyId"],
  Closure: ["familyId", "closedOn"],
  Match: ["familyId", "volunteerId", "startOn", "endOn"],
  Visit: ["matchId", "visitedOn", "minutes"],
};

/**
 * A referrer may have referred several families; their contact details are needed for the other
 * families' notices, so they go only once every family they referred has been anonymised (the one
 * being anonymised now counted as such).
 */
export function referrerToAnonymise(referredFamilies: readonly { anonymised: boolean }[]): boolean {
  return referredFamilies.length > 0 && referredFamilies.every((f) => f.anonymised);
}

export type NoticeStatus = "PENDING" | "SENT" | "FAILED" | "CANCELLED";

/**
 * A notice still waiting (PENDING, or FAILED and due for a retry) is cancelled: it would now carry
 * the placeholder text to the referrer. Sent and cancelled notices keep their status.
 */
export function noticeStatusAfterAnonymisation(status: NoticeStatus): { status: NoticeStatus; cancelled: boolean } {
  return status === "PENDING" || status === "FAILED" ? { status: "CANCELLED", cancelled: true } : { status, cancelled: false };
}

/** The lastError of a notice cancelled by anonymisation (a code, like the other cancellation reasons). */
export const NOTICE_CANCELLED_BY_ANONYMISATION = "FAMILY_ANONYMISED";
