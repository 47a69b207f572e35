import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { LicenceCoverage } from "../licences/may-take-family.ts";
import { addDays, ageOn, fromDayNumber, toDayNumber } from "../shared/dates.ts";
import { type ChildForEligibility, judgeEligibility, lastEligibleDay, pregnancyThresholdDate } from "./judge-eligibility.ts";
import { type AgePolicy, addAgePolicy, policyInForce, validateAgePolicy } from "./policy-in-force.ts";

const GM = "GM0363";
const core: AgePolicy = { municipalityCode: GM, maxAgeInclusive: 6, pregnancyWeeksFrom: 28, validFrom: "2010-01-01", validUntil: null };
// A municipality that extended from 0–6 to 0–17 in 2019 (seed 001: "Gemeenten kunnen nu ook Home-Start aanbieden … tot en met 17 jaar").
const extended: AgePolicy[] = [
  { ...core, id: "a", validUntil: "2018-12-31" },
  { ...core, id: "b", maxAgeInclusive: 17, validFrom: "2019-01-01" },
];

const judge = (children: ChildForEligibility[], on: string, policies: AgePolicy[] = [core], licensed = true) =>
  judgeEligibility({ municipalityCode: GM, children, on, policies, licensing: { licensed } });
const codes = (e: { reasons: { code: string }[] }) => e.reasons.map((r) => r.code);

describe("judgeEligibility — seed 004: 0 t/m 6 jaar, vanaf 28 weken zwangerschap", () => {
  it("'t/m 6 jaar' means until the 7th birthday", () => {
    const child = [{ id: "lars", bornOn: "2018-06-15" }];
    const lastDay = judge(child, "2025-06-14");
    expect(lastDay.outcome).toBe("ELIGIBLE");
    expect(lastDay.eligibleFrom).toBe("2018-06-15");
    expect(lastDay.eligibleUntil).toBe("2025-06-14");
    const birthday = judge(child, "2025-06-15");
    expect(birthday.outcome).toBe("NOT_ELIGIBLE");
    expect(codes(birthday)).toEqual(["CHILD_TOO_OLD"]);
  });

  it("an unborn child counts from 28 weeks: due date − 12 weeks", () => {
    expect(pregnancyThresholdDate("2025-08-01", 28)).toBe("2025-05-09");
    const early = judge([{ expectedOn: "2025-08-01" }], "2025-05-08");
    expect(early.outcome).toBe("NOT_YET");
    expect(early.eligible).toBe(false);
    expect(early.eligibleFrom).toBe("2025-05-09");
    expect(codes(early)).toEqual(["PREGNANCY_TOO_EARLY"]);
    const on = judge([{ expectedOn: "2025-08-01" }], "2025-05-09");
    expect(on.outcome).toBe("ELIGIBLE");
    expect(on.eligibleUntil).toBe("2032-07-31");
    expect(on.untilIsEstimate).toBe(true);
  });

  it("a policy may start from pregnancy (seed 002: 'vanaf de zwangerschap')", () => {
    const fromPregnancy = { ...core, pregnancyWeeksFrom: 0 };
    expect(judge([{ expectedOn: "2025-08-01" }], "2024-11-01", [fromPregnancy]).outcome).toBe("ELIGIBLE");
  });

  it("judges against the policy in force on the date: a municipality that extended to 0–17 in 2019", () => {
    const child = [{ bornOn: "2010-03-01" }];
    const in2018 = judge(child, "2018-06-01", extended);
    expect(in2018.outcome).toBe("NOT_ELIGIBLE");
    expect(in2018.policy?.id).toBe("a");
    const in2019 = judge(child, "2019-06-01", extended);
    expect(in2019.outcome).toBe("ELIGIBLE");
    expect(in2019.policy?.id).toBe("b");
    expect(in2019.eligibleUntil).toBe("2028-02-29");
  });

  it("warns when the policy ends before the child outgrows it", () => {
    const e = judge([{ bornOn: "2018-03-01" }], "2018-06-01", extended);
    expect(e.outcome).toBe("ELIGIBLE");
    expect(e.eligibleUntil).toBe("2025-02-28");
    expect(codes(e)).toContain("POLICY_ENDS_EARLIER");
  });

  it("handles a 29 February birthday: 7th birthday is 1 March in a non-leap year", () => {
    const child = [{ bornOn: "2016-02-29" }];
    expect(lastEligibleDay("2016-02-29", 6)).toBe("2023-02-28");
    expect(judge(child, "2023-02-28").outcome).toBe("ELIGIBLE");
    expect(judge(child, "2023-03-01").outcome).toBe("NOT_ELIGIBLE");
    expect(lastEligibleDay("2012-02-29", 6)).toBe("2019-02-28");
  });

  it("a due date in the past asks for the birth to be registered", () => {
    const e = judge([{ id: "baby", expectedOn: "2025-01-10" }], "2025-01-20");
    expect(e.outcome).toBe("INCOMPLETE");
    expect(codes(e)).toEqual(["DUE_DATE_PASSED"]);
    expect(e.reasons[0]?.nl).toContain("registreer het kind als geboren");
  });

  it("children too old and too young at once: eligible if one qualifies, and says which", () => {
    const e = judge(
      [
        { id: "iris", bornOn: "2016-01-10" },
        { id: "merel", bornOn: "2022-05-01" },
      ],
      "2025-03-01",
    );
    expect(e.outcome).toBe("ELIGIBLE");
    expect(e.children.map((c) => [c.ref, c.status])).toEqual([
      ["iris", "TOO_OLD"],
      ["merel", "QUALIFIES"],
    ]);
    expect(e.eligibleUntil).toBe("2029-04-30");
  });

  it("too old plus too early a pregnancy: not yet, with the date it starts", () => {
    const e = judge([{ bornOn: "2015-01-10" }, { expectedOn: "2025-10-01" }], "2025-03-01");
    expect(e.outcome).toBe("NOT_YET");
    expect(e.eligibleFrom).toBe("2025-07-09");
    expect(codes(e)).toEqual(["CHILD_TOO_OLD", "PREGNANCY_TOO_EARLY"]);
  });

  it("the youngest qualifying child sets the end", () => {
    const e = judge([{ bornOn: "2020-01-01" }, { bornOn: "2023-05-05" }, { expectedOn: "2025-04-01" }], "2025-03-01");
    expect(e.eligibleFrom).toBe("2020-01-01");
    expect(e.eligibleUntil).toBe("2032-03-31");
    expect(e.untilIsEstimate).toBe(true);
  });

  it("no children at all", () => {
    const e = judge([], "2025-03-01");
    expect(e.outcome).toBe("INCOMPLETE");
    expect(codes(e)).toEqual(["NO_CHILDREN"]);
  });

  it("a child without dates, or born after the judgement", () => {
    expect(codes(judge([{}], "2025-03-01"))).toEqual(["CHILD_NO_DATES"]);
    expect(judge([{ bornOn: "2025-04-01" }], "2025-03-01").outcome).toBe("INCOMPLETE");
  });

  it("no policy in force", () => {
    const e = judge([{ bornOn: "2024-01-01" }], "2009-06-01");
    expect(e.outcome).toBe("NOT_ELIGIBLE");
    expect(codes(e)).toEqual(["NO_POLICY_IN_FORCE"]);
    expect(e.policy).toBeNull();
  });

  it("a municipality without a valid licence (flag)", () => {
    const e = judge([{ bornOn: "2024-01-01" }], "2025-03-01", [core], false);
    expect(e.outcome).toBe("NOT_ELIGIBLE");
    expect(codes(e)).toEqual(["MUNICIPALITY_NOT_LICENSED", "CHILD_QUALIFIES"]);
  });

  it("a municipality without a valid licence (licence list)", () => {
    const licence: LicenceCoverage = {
      id: "L1",
      locationId: "loc",
      status: "ACTIVE",
      validFrom: "2024-01-01",
      validUntil: "2026-12-31",
      municipalityCodes: [GM],
    };
    const ask = (licences: LicenceCoverage[], on = "2025-03-01") =>
      judgeEligibility({ municipalityCode: GM, children: [{ bornOn: "2024-01-01" }], on, policies: [core], licensing: { licences } });
    expect(ask([licence]).eligible).toBe(true);
    expect(ask([{ ...licence, status: "SUSPENDED" }]).eligible).toBe(false);
    expect(ask([licence], "2027-01-02").eligible).toBe(false);
    expect(ask([{ ...licence, municipalityCodes: ["GM0599"] }]).eligible).toBe(false);
  });

  it("property: a born child qualifies exactly while its age is within the range", () => {
    const day = fc.integer({ min: toDayNumber("2000-01-01"), max: toDayNumber("2030-12-31") }).map(fromDayNumber);
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 8000 }), fc.constantFrom(6, 14, 17), (born, days, max) => {
        const on = addDays(born, days);
        const e = judge([{ bornOn: born }], on, [{ ...core, validFrom: "1990-01-01", maxAgeInclusive: max }]);
        expect(e.eligible).toBe(ageOn(born, on) <= max);
        expect(e.children[0]?.until).toBe(lastEligibleDay(born, max));
      }),
    );
  });

  it("property: adding a child never makes an eligible family ineligible", () => {
    const day = fc.integer({ min: toDayNumber("2005-01-01"), max: toDayNumber("2025-12-31") }).map(fromDayNumber);
    const child = fc.oneof(
      day.map((bornOn) => ({ bornOn })),
      day.map((expectedOn) => ({ expectedOn })),
    );
    fc.assert(
      fc.property(fc.array(child, { maxLength: 4 }), child, day, (children, extra, on) => {
        if (judge(children, on).eligible) expect(judge([...children, extra], on).eligible).toBe(true);
      }),
    );
  });
});

describe("policyInForce / addAgePolicy", () => {
  it("uses the latest row when rows overlap, and says so", () => {
    const overlapping = [core, { ...core, id: "new", maxAgeInclusive: 14, validFrom: "2020-01-01" }];
    const found = policyInForce(overlapping, GM, "2021-01-01");
    expect(found.ok && found.value.id).toBe("new");
    expect(found.reasons.map((r) => r.code)).toEqual(["POLICIES_OVERLAP"]);
  });

  it("ignores other municipalities", () => {
    expect(policyInForce([core], "GM0599", "2021-01-01").ok).toBe(false);
  });

  it("a change is a new row: the previous one is ended the day before", () => {
    const result = addAgePolicy([core], { ...core, maxAgeInclusive: 17, validFrom: "2019-01-01" });
    expect(result.ok && result.value.map((p) => [p.maxAgeInclusive, p.validFrom, p.validUntil])).toEqual([
      [6, "2010-01-01", "2018-12-31"],
      [17, "2019-01-01", null],
    ]);
  });

  it("refuses to rewrite history or an age range that is not offered", () => {
    expect(addAgePolicy([core], { ...core, maxAgeInclusive: 17 }).reasons.map((r) => r.code)).toEqual(["POLICY_NOT_AFTER_EXISTING"]);
    expect(addAgePolicy([core], { ...core, maxAgeInclusive: 12, validFrom: "2020-01-01" }).reasons.map((r) => r.code)).toEqual([
      "MAX_AGE_NOT_ALLOWED",
    ]);
    expect(validateAgePolicy({ ...core, pregnancyWeeksFrom: 41, validUntil: "2009-01-01" }).reasons.map((r) => r.code)).toEqual([
      "PREGNANCY_WEEKS_INVALID",
      "PERIOD_ENDS_BEFORE_START",
    ]);
  });
});
