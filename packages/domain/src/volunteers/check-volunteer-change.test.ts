import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { VOLUNTEER_STATUSES } from "../shared/enums.ts";
import { checkVolunteerChange } from "./check-volunteer-change.ts";

describe("checkVolunteerChange (seed 003: one volunteer for a period)", () => {
  it("lets a volunteer without families stop, and one with a family pause", () => {
    expect(checkVolunteerChange({ status: "STOPPED", maxFamilies: 1, openMatches: 0 }).ok).toBe(true);
    expect(checkVolunteerChange({ status: "PAUSED", maxFamilies: 1, openMatches: 1 }).ok).toBe(true);
  });
  it("refuses stopping, or a lower maximum, while families depend on the volunteer", () => {
    const r = checkVolunteerChange({ status: "STOPPED", maxFamilies: 1, openMatches: 2 });
    expect(r.reasons.map((x) => x.code)).toEqual(["VOLUNTEER_HAS_OPEN_MATCHES", "MAX_FAMILIES_BELOW_OPEN_MATCHES"]);
  });
  it("never refuses a volunteer without open matches", () => {
    fc.assert(
      fc.property(fc.constantFrom(...VOLUNTEER_STATUSES), fc.integer({ min: 1, max: 5 }), (status, maxFamilies) => {
        expect(checkVolunteerChange({ status, maxFamilies, openMatches: 0 }).ok).toBe(true);
      }),
    );
  });
});
