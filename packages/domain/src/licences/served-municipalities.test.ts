import { describe, expect, it } from "vitest";
import { validateMunicipalDecision } from "./municipal-decision.ts";
import { checkStartServing, checkStopServing, type ServedPeriod } from "./served-municipalities.ts";

const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);
const history: ServedPeriod[] = [
  { id: "a", municipalityId: "GM0307", servedFrom: "2015-01-01", servedUntil: null },
  { id: "b", municipalityId: "GM0327", servedFrom: "2015-01-01", servedUntil: "2019-12-31" },
];

describe("served municipalities — history of periods, never overlapping (seed 003)", () => {
  it("starts serving a new municipality, or one served before, after its last period", () => {
    expect(checkStartServing(history, "GM0344", "2026-01-01").ok).toBe(true);
    expect(checkStartServing(history, "GM0327", "2020-01-01").ok).toBe(true);
  });
  it("refuses a second open period or an overlap", () => {
    expect(codes(checkStartServing(history, "GM0307", "2026-01-01"))).toEqual(["ALREADY_SERVED"]);
    expect(codes(checkStartServing(history, "GM0327", "2019-12-31"))).toEqual(["SERVED_PERIOD_OVERLAPS"]);
  });
  it("stops the open period on the last day served", () => {
    const r = checkStopServing(history, "GM0307", "2026-06-30");
    expect(r.ok && r.value).toEqual({ id: "a", municipalityId: "GM0307", servedFrom: "2015-01-01", servedUntil: "2026-06-30" });
  });
  it("refuses stopping what is not served, or before it started", () => {
    expect(codes(checkStopServing(history, "GM0327", "2026-06-30"))).toEqual(["NOT_SERVED"]);
    expect(codes(checkStopServing(history, "GM0344", "2026-06-30"))).toEqual(["NOT_SERVED"]);
    expect(codes(checkStopServing(history, "GM0307", "2014-12-31"))).toEqual(["STOP_BEFORE_START"]);
  });
});

describe("validateMunicipalDecision — a decision taken, with a sensible period (seed 003)", () => {
  it("accepts a decision taken before it takes effect, open-ended or not", () => {
    expect(validateMunicipalDecision({ decidedOn: "2025-11-01", effectiveFrom: "2026-01-01", effectiveUntil: null }, "2026-11-23").ok).toBe(
      true,
    );
    expect(
      validateMunicipalDecision({ decidedOn: "2026-02-01", effectiveFrom: "2026-01-01", effectiveUntil: "2029-12-31" }, "2026-11-23").ok,
    ).toBe(true);
  });
  it("refuses future decisions and periods that end before they start", () => {
    expect(
      codes(validateMunicipalDecision({ decidedOn: "2026-12-01", effectiveFrom: "2027-01-01", effectiveUntil: null }, "2026-11-23")),
    ).toEqual(["DECIDED_IN_FUTURE"]);
    expect(
      codes(
        validateMunicipalDecision({ decidedOn: "2026-01-01", effectiveFrom: "2026-01-01", effectiveUntil: "2025-12-31" }, "2026-11-23"),
      ),
    ).toEqual(["PERIOD_ENDS_BEFORE_START", "DECIDED_AFTER_END"]);
  });
});
