import { allow, type RuleResult, reason, refuse } from "../shared/result.ts";

/**
 * A coordinator may send a referrer notice again when it failed, or when it was cancelled for want
 * of consent (the parents may have consented again since; the consent is judged again at sending,
 * seed 004 "alleen als ouders dit zelf willen"). A sent or still pending notice is not sent twice.
 */
export function mayRetryNotice(status: "PENDING" | "SENT" | "FAILED" | "CANCELLED"): RuleResult<true> {
  if (status === "FAILED" || status === "CANCELLED") return allow(true);
  if (status === "SENT") {
    return refuse(reason("NOTICE_ALREADY_SENT", "Dit bericht is al verstuurd.", "This notice has already been sent."));
  }
  return refuse(
    reason("NOTICE_STILL_PENDING", "Dit bericht staat al klaar om verstuurd te worden.", "This notice is already waiting to be sent."),
  );
}
