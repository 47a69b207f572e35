import type { ConsentType, RegistrationSource } from "../shared/enums.ts";
import { allow, type Reason, type RuleResult, reason, refuse } from "../shared/result.ts";

/** The consents the public registration form asks, in the order it shows them. */
export const PUBLIC_CONSENTS = ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"] as const;
export type PublicConsent = (typeof PUBLIC_CONSENTS)[number];
/** Without these nothing is stored. */
export const REQUIRED_PUBLIC_CONSENTS: readonly PublicConsent[] = ["PROCESSING", "CONTACT_BY_COORDINATOR"];

export interface PublicRegistrationConsentQuestion {
  source: RegistrationSource;
  consents: readonly ConsentType[];
  /** A referrer's explicit confirmation that the parents agreed to be called (seed 004, step 3). */
  parentsAgreedToBeCalled: boolean;
}

/**
 * What the public form needs before any personal data may be stored: the consent to process the
 * family's data and the consent to be called by the coordinator (seed 004 step 3: "vraag dan of de
 * Home-Start coördinator hen mag bellen"). A referrer must moreover confirm that the parents agreed
 * to be called. The notice to the referrer at start and end (seed 004 step 4) is optional and only
 * makes sense when a referrer registers; sharing details is never asked online.
 * Returns the consents to record, without duplicates, in the form's order.
 */
export function checkPublicRegistrationConsents(q: PublicRegistrationConsentQuestion): RuleResult<PublicConsent[]> {
  const given = new Set(q.consents);
  const problems: Reason[] = [];
  if (given.has("SHARE_DETAILS_WITH_REFERRER") || (q.source === "SELF" && given.has("NOTIFY_REFERRER_START_END"))) {
    problems.push(
      reason("CONSENT_NOT_ASKED", "Deze toestemming wordt in dit formulier niet gevraagd.", "This consent is not asked for on this form."),
    );
  }
  if (!given.has("PROCESSING")) {
    problems.push(
      reason(
        "PROCESSING_CONSENT_NEEDED",
        "Zonder toestemming om de gegevens te bewaren kunnen we de aanmelding niet opslaan.",
        "Without the consent to keep the details we cannot store the registration.",
      ),
    );
  }
  if (!given.has("CONTACT_BY_COORDINATOR")) {
    problems.push(
      reason(
        "REGISTRATION_NEEDS_CONSENT",
        "Aanmelden kan alleen als de ouders het goed vinden dat de coördinator hen belt.",
        "A family can only be registered when the parents agree to be called by the coordinator.",
      ),
    );
  }
  if (q.source === "REFERRER" && !q.parentsAgreedToBeCalled) {
    problems.push(
      reason(
        "PARENTS_AGREEMENT_NOT_CONFIRMED",
        "Bevestig dat de ouders het goed vinden dat de coördinator hen belt.",
        "Confirm that the parents agree to be called by the coordinator.",
      ),
    );
  }
  if (problems.length > 0) return refuse(...problems);
  return allow(PUBLIC_CONSENTS.filter((c) => given.has(c)));
}
