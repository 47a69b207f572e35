import { describe, expect, it } from "vitest";
import type { AnnualFigures } from "./annual-figures.ts";
import { officerFigures } from "./officer-figures.ts";

const figures = (over: Partial<AnnualFigures>): AnnualFigures => ({
  year: 2025,
  families: 40,
  children: 83,
  volunteers: 31,
  coordinators: 2,
  municipalities: 1,
  viaReferrer: 25,
  shareViaReferrer: 25 / 40,
  singleParent: 12,
  householdTypes: { SINGLE_PARENT: 12, TWO_PARENTS: 26, OTHER: 0 },
  householdKnown: 38,
  shareSingleParent: 12 / 38,
  riskFactors: { PSYCHOLOGICAL: 10, PARENTING: 20, PHYSICAL: 3, LIVING_ENVIRONMENT: 0, FINANCIAL: 37, LIMITED_NETWORK: 15 },
  minutesVisited: 40 * 6300,
  averageHoursPerFamily: 105,
  startedInYear: 22,
  averageDaysRegistrationToStart: 11.5,
  ...over,
});

describe("officerFigures — the same figures, small numbers suppressed", () => {
  it("shows what is safe and hides 1–4 with whatever would give them away", () => {
    const o = officerFigures(figures({}));
    expect(o.families).toEqual({ shown: true, value: 40 });
    expect(o.viaReferrer).toEqual({ shown: true, value: 25 });
    expect(o.shareViaReferrer).toBe(25 / 40);
    expect(o.coordinators.shown).toBe(false); // 2 coordinators
    expect(o.riskFactors.PHYSICAL.shown).toBe(false); // 3 families
    expect(o.riskFactors.FINANCIAL.shown).toBe(false); // 40 − 37 = 3 without it
    expect(o.riskFactors.LIVING_ENVIRONMENT).toEqual({ shown: true, value: 0 });
    // 2 of unknown household: hidden, with the smallest other count (12) as complement.
    expect(o.household.UNKNOWN.shown).toBe(false);
    expect(o.household.SINGLE_PARENT.shown).toBe(false);
    expect(o.household.TWO_PARENTS).toEqual({ shown: true, value: 26 });
    expect(o.shareSingleParent).toBeNull();
    expect(o.averageHoursPerFamily).toBe(105);
  });

  it("three self-registered families: both source counts hidden, the total shown", () => {
    const o = officerFigures(figures({ viaReferrer: 37, shareViaReferrer: 37 / 40 }));
    expect([o.viaReferrer.shown, o.selfRegistered.shown, o.families.shown]).toEqual([false, false, true]);
    expect(o.shareViaReferrer).toBeNull();
  });

  it("a municipality with 3 families shows nothing about them", () => {
    const o = officerFigures(
      figures({
        families: 3,
        children: 5,
        viaReferrer: 2,
        singleParent: 1,
        householdTypes: { SINGLE_PARENT: 1, TWO_PARENTS: 2, OTHER: 0 },
        householdKnown: 3,
        riskFactors: { PSYCHOLOGICAL: 1, PARENTING: 3, PHYSICAL: 0, LIVING_ENVIRONMENT: 0, FINANCIAL: 0, LIMITED_NETWORK: 2 },
        startedInYear: 2,
      }),
    );
    expect(o.families.shown).toBe(false);
    expect(o.shareViaReferrer).toBeNull();
    expect(o.averageHoursPerFamily).toBeNull();
    expect(o.averageDaysRegistrationToStart).toBeNull();
    expect(o.children).toEqual({ shown: true, value: 5 });
  });
});
