import type { IsoDateTime } from "../shared/datetimes.ts";
import { allow, type RuleResult, reason, refuse } from "../shared/result.ts";
import { type ConsentEvent, mayDo } from "./consent-state.ts";

/**
 * What must be consented before a family is registered (seed 004, steps for referrers: "vraag dan
 * of de Home-Start coördinator hen mag bellen"): that the coordinator may call them. The consent to
 * process their data for the support is asked at the intake (the INTAKE transition needs it, see
 * lifecycle/support-transitions.ts); the notice to the referrer is optional and asked separately.
 */
export function checkRegistrationConsents(consents: readonly ConsentEvent[], now: IsoDateTime): RuleResult<true> {
  const call = mayDo(consents, "CALL_FAMILY", now);
  if (call.ok) return allow(true);
  return refuse(
    reason(
      "REGISTRATION_NEEDS_CONSENT",
      "Aanmelden kan alleen als de ouders het goed vinden dat de coördinator hen belt.",
      "A family can only be registered when the parents agree to be called by the coordinator.",
    ),
    ...call.reasons,
  );
}
