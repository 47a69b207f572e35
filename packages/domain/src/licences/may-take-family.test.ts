import { describe, expect, it } from "vitest";
import { type LicenceCoverage, mayTakeFamily } from "./may-take-family.ts";

const licence: LicenceCoverage = {
  id: "L1",
  locationId: "utrecht",
  status: "ACTIVE",
  validFrom: "2024-01-01",
  validUntil: "2026-12-31",
  municipalityCodes: ["GM0344", "GM0307"],
};
const ask = (licences: LicenceCoverage[], on = "2025-06-01", municipalityCode = "GM0344", locationId = "utrecht") =>
  mayTakeFamily(licences, { locationId, municipalityCode, on });
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe("mayTakeFamily — only under an ACTIVE licence covering the municipality, on a date in its period", () => {
  it("yes under the active licence", () => {
    const r = ask([licence]);
    expect(r.ok && r.value.id).toBe("L1");
    expect(ask([licence], "2024-01-01").ok).toBe(true);
    expect(ask([licence], "2026-12-31").ok).toBe(true);
  });

  it("no outside the period", () => {
    expect(codes(ask([licence], "2027-01-01"))).toEqual(["DATE_OUTSIDE_LICENCE_PERIOD"]);
    expect(codes(ask([licence], "2023-12-31"))).toEqual(["DATE_OUTSIDE_LICENCE_PERIOD"]);
  });

  it("no when suspended, applied or expired", () => {
    for (const status of ["SUSPENDED", "APPLIED", "GRANTED", "EXPIRED", "TERMINATED"] as const) {
      expect(codes(ask([{ ...licence, status }]))).toEqual(["LICENCE_NOT_ACTIVE"]);
    }
  });

  it("no for another municipality or another location", () => {
    expect(codes(ask([licence], "2025-06-01", "GM0599"))).toEqual(["NO_LICENCE_FOR_MUNICIPALITY"]);
    expect(codes(ask([licence], "2025-06-01", "GM0344", "amersfoort"))).toEqual(["NO_LICENCE_FOR_MUNICIPALITY"]);
  });

  it("a renewed licence takes over", () => {
    const renewed = { ...licence, id: "L2", validFrom: "2027-01-01", validUntil: "2029-12-31" };
    expect(ask([{ ...licence, status: "EXPIRED" }, renewed], "2027-03-01").ok).toBe(true);
  });

  it("without a location: is the municipality served at all?", () => {
    expect(mayTakeFamily([licence], { municipalityCode: "GM0307", on: "2025-06-01" }).ok).toBe(true);
  });
});
