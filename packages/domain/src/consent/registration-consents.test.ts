import { describe, expect, it } from "vitest";
import type { ConsentType } from "../shared/enums.ts";
import type { ConsentEvent } from "./consent-state.ts";
import { checkRegistrationConsents } from "./registration-consents.ts";

const now = "2026-11-23T10:00:00+01:00";
const granted = (...types: ConsentType[]): ConsentEvent[] => types.map((type) => ({ type, action: "GRANTED", at: now }));

describe("consent needed to register a family — seed 004: may the coordinator call them?", () => {
  it("needs the consent to be called by the coordinator, nothing more", () => {
    expect(checkRegistrationConsents(granted("CONTACT_BY_COORDINATOR"), now)).toEqual({ ok: true, value: true, reasons: [] });
  });

  it("refuses without it, whatever else was given", () => {
    const none = checkRegistrationConsents(granted("PROCESSING", "NOTIFY_REFERRER_START_END"), now);
    expect(none.ok).toBe(false);
    expect(none.reasons.map((r) => r.code)).toEqual(["REGISTRATION_NEEDS_CONSENT", "NO_CONSENT"]);
  });

  it("refuses when the consent was withdrawn again", () => {
    const history: ConsentEvent[] = [
      { type: "CONTACT_BY_COORDINATOR", action: "GRANTED", at: "2026-11-20T10:00:00+01:00" },
      { type: "CONTACT_BY_COORDINATOR", action: "WITHDRAWN", at: "2026-11-21T10:00:00+01:00" },
    ];
    expect(checkRegistrationConsents(history, now).reasons.map((r) => r.code)).toEqual(["REGISTRATION_NEEDS_CONSENT", "CONSENT_WITHDRAWN"]);
  });
});
