import { describe, expect, it } from "vitest";
import type { AgePolicy } from "../eligibility/policy-in-force.ts";
import type { LicenceCoverage } from "../licences/may-take-family.ts";
import { CALL_BACK_WORKING_DAYS, NATIONAL_OFFICE_CONTACT, registrationOffer } from "./registration-offer.ts";

const policy = (maxAgeInclusive: number, validFrom: string, validUntil: string | null = null): AgePolicy => ({
  municipalityCode: "GM0307",
  maxAgeInclusive,
  pregnancyWeeksFrom: 28,
  validFrom,
  validUntil,
});
const licence = (over: Partial<LicenceCoverage> = {}): LicenceCoverage => ({
  id: "lic-1",
  locationId: "loc-amersfoort",
  status: "ACTIVE",
  validFrom: "2024-01-01",
  validUntil: "2028-12-31",
  municipalityCodes: ["GM0307"],
  ...over,
});

describe("is Home-Start offered here today — seed 004 step 1: check the municipality offers the programme", () => {
  it("offers it under an active licence with the policy in force: ages 0 t/m 17 after the 2019 extension (seed 001)", () => {
    const offer = registrationOffer({
      municipalityCode: "GM0307",
      policies: [policy(6, "2010-01-01", "2018-12-31"), policy(17, "2019-01-01")],
      licences: [licence()],
      on: "2026-11-23",
    });
    expect(offer).toEqual({
      offered: true,
      locationId: "loc-amersfoort",
      maxAgeInclusive: 17,
      pregnancyWeeksFrom: 28,
      callBackWorkingDays: CALL_BACK_WORKING_DAYS,
    });
  });

  it("judges the policy in force on the date asked", () => {
    const offer = registrationOffer({
      municipalityCode: "GM0307",
      policies: [policy(6, "2010-01-01", "2018-12-31"), policy(17, "2019-01-01")],
      licences: [licence({ validFrom: "2010-01-01" })],
      on: "2018-06-01",
    });
    expect(offer.offered && offer.maxAgeInclusive).toBe(6);
  });

  it("is not offered without a licence, with a licence that is not active, or outside its period", () => {
    const base = { municipalityCode: "GM0307", policies: [policy(6, "2019-01-01")], on: "2026-11-23" };
    const none = registrationOffer({ ...base, licences: [] });
    expect(none.offered).toBe(false);
    expect(!none.offered && none.reasons.map((r) => r.code)).toEqual(["NO_LICENCE_FOR_MUNICIPALITY"]);
    const suspended = registrationOffer({ ...base, licences: [licence({ status: "SUSPENDED" })] });
    expect(!suspended.offered && suspended.reasons[0]?.code).toBe("LICENCE_NOT_ACTIVE");
    const expired = registrationOffer({ ...base, licences: [licence({ validUntil: "2025-12-31" })] });
    expect(!expired.offered && expired.reasons[0]?.code).toBe("DATE_OUTSIDE_LICENCE_PERIOD");
    const otherMunicipality = registrationOffer({ ...base, licences: [licence({ municipalityCodes: ["GM0344"] })] });
    expect(otherMunicipality.offered).toBe(false);
  });

  it("is not offered without an age policy in force", () => {
    const offer = registrationOffer({
      municipalityCode: "GM0307",
      policies: [policy(6, "2027-01-01")],
      licences: [licence()],
      on: "2026-11-23",
    });
    expect(!offer.offered && offer.reasons.map((r) => r.code)).toEqual(["NO_POLICY_IN_FORCE"]);
  });

  it("takes the lowest licence id when two locations cover the municipality (deterministic)", () => {
    const offer = registrationOffer({
      municipalityCode: "GM0307",
      policies: [policy(6, "2019-01-01")],
      licences: [licence({ id: "lic-2", locationId: "loc-b" }), licence({ id: "lic-1", locationId: "loc-a" })],
      on: "2026-11-23",
    });
    expect(offer.offered && offer.locationId).toBe("loc-a");
  });

  it("calls back within 3 working days and points to the national office (seed 001)", () => {
    expect(CALL_BACK_WORKING_DAYS).toBe(3);
    expect(NATIONAL_OFFICE_CONTACT).toMatchObject({ email: "info@home-start.nl", phone: "020 523 11 00" });
  });
});
