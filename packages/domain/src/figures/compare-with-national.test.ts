import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { AnnualFigures } from "./annual-figures.ts";
import { compareWithNational } from "./compare-with-national.ts";
import { officerFigures } from "./officer-figures.ts";

const figures = (over: Partial<AnnualFigures>): AnnualFigures => ({
  year: 2022,
  families: 40,
  children: 80,
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

// seeds 000/003: 2022 — 3,658 families, 7,190 children, 62% via a referrer, 30% single parent.
const national = figures({
  families: 3658,
  children: 7190,
  viaReferrer: 2268,
  shareViaReferrer: 2268 / 3658,
  singleParent: 1097,
  householdTypes: { SINGLE_PARENT: 1097, TWO_PARENTS: 2561, OTHER: 0 },
  householdKnown: 3658,
  shareSingleParent: 1097 / 3658,
  riskFactors: { PSYCHOLOGICAL: 1500, PARENTING: 2000, PHYSICAL: 400, LIVING_ENVIRONMENT: 300, FINANCIAL: 900, LIMITED_NETWORK: 1220 },
  averageHoursPerFamily: 105,
  startedInYear: 1800,
  averageDaysRegistrationToStart: 13,
});

const byKey = (rows: ReturnType<typeof compareWithNational>) =>
  Object.fromEntries(rows.map((r) => [r.riskFactor ? `${r.measure}:${r.riskFactor}` : r.measure, [r.municipality, r.national]]));

describe("compareWithNational — shares and averages side by side", () => {
  it("a municipality of 40 families next to the seeds' 2022 national figures", () => {
    const c = byKey(compareWithNational(figures({}), national));
    expect(c.SHARE_VIA_REFERRER).toEqual([25 / 40, 2268 / 3658]);
    expect(Math.round((c.SHARE_VIA_REFERRER![1] ?? 0) * 100)).toBe(62);
    expect(Math.round((c.SHARE_SINGLE_PARENT![1] ?? 0) * 100)).toBe(30);
    // 2 of unknown household are hidden with single parent as complement: no municipal share.
    expect(c.SHARE_SINGLE_PARENT![0]).toBeNull();
    expect(c["SHARE_WITH_RISK_FACTOR:PARENTING"]).toEqual([0.5, 2000 / 3658]);
    expect(c["SHARE_WITH_RISK_FACTOR:PHYSICAL"]![0]).toBeNull(); // 3 families
    expect(c["SHARE_WITH_RISK_FACTOR:FINANCIAL"]![0]).toBeNull(); // 3 without it
    expect(c["SHARE_WITH_RISK_FACTOR:LIVING_ENVIRONMENT"]![0]).toBe(0);
    expect(c.CHILDREN_PER_FAMILY).toEqual([2, 7190 / 3658]);
    expect(c.AVERAGE_HOURS_PER_FAMILY).toEqual([105, 105]);
    expect(c.AVERAGE_DAYS_REGISTRATION_TO_START).toEqual([11.5, 13]);
  });

  it("no national figure when the rest of the country has fewer than 5 (it would be the municipality's own, or a handful)", () => {
    const own = figures({});
    for (const extra of [0, 1, 4]) {
      const rows = compareWithNational(own, { ...own, families: own.families + extra, householdKnown: own.householdKnown + extra });
      expect(rows.filter((r) => r.measure !== "AVERAGE_DAYS_REGISTRATION_TO_START").every((r) => r.national === null)).toBe(true);
    }
    const five = compareWithNational(own, { ...own, families: 45, householdKnown: 43 });
    expect(five.find((r) => r.measure === "SHARE_VIA_REFERRER")!.national).toBe(own.shareViaReferrer);
  });

  it("days to start: judged on the families that started, here and elsewhere", () => {
    const rows = byKey(compareWithNational(figures({ startedInYear: 4 }), { ...national, startedInYear: 8 }));
    expect(rows.AVERAGE_DAYS_REGISTRATION_TO_START).toEqual([null, null]);
  });

  it("property: the municipal side only uses counts officerFigures shows", () => {
    const arb = fc
      .record({
        families: fc.integer({ min: 0, max: 60 }),
        ref: fc.nat(),
        single: fc.nat(),
        known: fc.nat(),
        children: fc.nat({ max: 150 }),
        risk: fc.nat(),
      })
      .map(({ families, ref, single, known, children, risk }) => {
        const k = families === 0 ? 0 : known % (families + 1);
        const s = k === 0 ? 0 : single % (k + 1);
        const v = families === 0 ? 0 : ref % (families + 1);
        const r = families === 0 ? 0 : risk % (families + 1);
        return figures({
          families,
          children,
          viaReferrer: v,
          shareViaReferrer: families ? v / families : null,
          singleParent: s,
          householdTypes: { SINGLE_PARENT: s, TWO_PARENTS: k - s, OTHER: 0 },
          householdKnown: k,
          shareSingleParent: k ? s / k : null,
          riskFactors: { PSYCHOLOGICAL: r, PARENTING: 0, PHYSICAL: 0, LIVING_ENVIRONMENT: 0, FINANCIAL: 0, LIMITED_NETWORK: 0 },
        });
      });
    fc.assert(
      fc.property(arb, (own) => {
        const o = officerFigures(own);
        const c = byKey(compareWithNational(own, national));
        const hiddenFamilies = !o.families.shown;
        if (hiddenFamilies) {
          expect(c.SHARE_VIA_REFERRER![0]).toBeNull();
          expect(c.CHILDREN_PER_FAMILY![0]).toBeNull();
          expect(c["SHARE_WITH_RISK_FACTOR:PSYCHOLOGICAL"]![0]).toBeNull();
        }
        if (!o.viaReferrer.shown) expect(c.SHARE_VIA_REFERRER![0]).toBeNull();
        if (!o.riskFactors.PSYCHOLOGICAL.shown) expect(c["SHARE_WITH_RISK_FACTOR:PSYCHOLOGICAL"]![0]).toBeNull();
        if (!o.children.shown) expect(c.CHILDREN_PER_FAMILY![0]).toBeNull();
        if (!o.household.SINGLE_PARENT.shown) expect(c.SHARE_SINGLE_PARENT![0]).toBeNull();
      }),
      { numRuns: 500 },
    );
  });
});
