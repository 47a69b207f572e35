import { describe, expect, it } from "vitest";
import { NOTICE_CANCELLED_BY_ANONYMISATION } from "./anonymise-family.ts";
import { checkNotAnonymised, FAMILY_ANONYMISED } from "./check-not-anonymised.ts";

describe("checkNotAnonymised: nothing is written into an anonymised family", () => {
  it("allows a family that has not been anonymised", () => {
    expect(checkNotAnonymised({ anonymisedAt: null })).toEqual({ ok: true, value: true, reasons: [] });
  });

  it("refuses an anonymised family with FAMILY_ANONYMISED, in Dutch and English, with the Dutch date", () => {
    // 23:30 UTC on 31 Dec is already 1 Jan in the Netherlands.
    const result = checkNotAnonymised({ anonymisedAt: "2026-12-31T23:30:00Z" });
    expect(result.ok).toBe(false);
    expect(result.reasons).toHaveLength(1);
    const [r] = result.reasons;
    expect(r?.code).toBe("FAMILY_ANONYMISED");
    expect(r?.nl).toContain("op 2027-01-01 geanonimiseerd");
    expect(r?.en).toContain("anonymised on 2027-01-01");
    expect(r?.nl).not.toBe(r?.en);
  });

  it("refuses even when the moment cannot be read (it is set), without a date in the text", () => {
    const result = checkNotAnonymised({ anonymisedAt: "2026-12-31 10:00" });
    expect(result.ok).toBe(false);
    expect(result.reasons[0]?.code).toBe("FAMILY_ANONYMISED");
    expect(result.reasons[0]?.en).toContain("was anonymised because");
  });

  it("uses the same code as a referrer notice cancelled by anonymisation", () => {
    expect(FAMILY_ANONYMISED).toBe(NOTICE_CANCELLED_BY_ANONYMISATION);
  });
});
