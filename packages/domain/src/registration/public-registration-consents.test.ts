import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONSENT_TYPES } from "../shared/enums.ts";
import { checkPublicRegistrationConsents } from "./public-registration-consents.ts";

const codes = (r: { reasons: Array<{ code: string }> }) => r.reasons.map((x) => x.code);

describe("consents of the public form — seed 004: only if the parents agree may the coordinator call them", () => {
  it("a parent gives processing and call-back consent: recorded in the form's order", () => {
    const r = checkPublicRegistrationConsents({
      source: "SELF",
      consents: ["CONTACT_BY_COORDINATOR", "PROCESSING"],
      parentsAgreedToBeCalled: false,
    });
    expect(r).toEqual({ ok: true, value: ["PROCESSING", "CONTACT_BY_COORDINATOR"], reasons: [] });
  });

  it("a referrer confirms the parents agreed, and may add the notice at start and end (step 4)", () => {
    const r = checkPublicRegistrationConsents({
      source: "REFERRER",
      consents: ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END", "PROCESSING"],
      parentsAgreedToBeCalled: true,
    });
    expect(r.ok && r.value).toEqual(["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"]);
  });

  it("refuses a referrer who did not confirm the parents' agreement (step 3)", () => {
    const r = checkPublicRegistrationConsents({
      source: "REFERRER",
      consents: ["PROCESSING", "CONTACT_BY_COORDINATOR"],
      parentsAgreedToBeCalled: false,
    });
    expect(codes(r)).toEqual(["PARENTS_AGREEMENT_NOT_CONFIRMED"]);
  });

  it("refuses each missing required consent, and consents the form does not ask", () => {
    expect(codes(checkPublicRegistrationConsents({ source: "SELF", consents: [], parentsAgreedToBeCalled: false }))).toEqual([
      "PROCESSING_CONSENT_NEEDED",
      "REGISTRATION_NEEDS_CONSENT",
    ]);
    expect(
      codes(
        checkPublicRegistrationConsents({
          source: "SELF",
          consents: ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"],
          parentsAgreedToBeCalled: false,
        }),
      ),
    ).toEqual(["CONSENT_NOT_ASKED"]);
    expect(
      codes(
        checkPublicRegistrationConsents({
          source: "REFERRER",
          consents: ["PROCESSING", "CONTACT_BY_COORDINATOR", "SHARE_DETAILS_WITH_REFERRER"],
          parentsAgreedToBeCalled: true,
        }),
      ),
    ).toEqual(["CONSENT_NOT_ASKED"]);
  });

  it("never allows a registration without both required consents (property)", () => {
    fc.assert(
      fc.property(
        fc.subarray([...CONSENT_TYPES]),
        fc.constantFrom("SELF" as const, "REFERRER" as const),
        fc.boolean(),
        (consents, source, agreed) => {
          const r = checkPublicRegistrationConsents({ source, consents, parentsAgreedToBeCalled: agreed });
          if (r.ok) {
            expect(r.value).toContain("PROCESSING");
            expect(r.value).toContain("CONTACT_BY_COORDINATOR");
            if (source === "REFERRER") expect(agreed).toBe(true);
          }
        },
      ),
    );
  });
});
