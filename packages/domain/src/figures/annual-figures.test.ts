import { describe, expect, it } from "vitest";
import { addDays } from "../shared/dates.ts";
import {
  annualFigures,
  type CoordinatorRecord,
  type FamilyRecord,
  type FiguresInput,
  type LicenceRecord,
  licenceInForceInYear,
  type MatchRecord,
  supportedInYear,
} from "./annual-figures.ts";

/** A published row of the seeds' table (brief; seeds 000, 001, 002, 003). */
interface PublishedRow {
  year: number;
  municipalities: number;
  volunteers: number;
  families: number;
  children: number;
  viaReferrer: number;
  coordinators?: number;
  singleParent?: number;
}

const code = (i: number) => `GM${String(i + 1).padStart(4, "0")}`;

/**
 * Builds a data set that must give exactly the published row under our definitions, with boundary
 * cases that count (end on 1 Jan, start on 31 Dec, running since the year before) and distractors
 * that must not (ended the year before, starting the year after, never started, licences only
 * applied for or ended before the year).
 */
function buildDataSet(row: PublishedRow): FiguresInput {
  const y = row.year;
  const periods: [string, string | null][] = [
    [`${y - 1}-06-01`, null],
    [`${y - 1}-03-01`, `${y}-01-01`],
    [`${y}-12-31`, null],
    [`${y}-03-10`, `${y + 1}-02-01`],
    [`${y}-05-05`, `${y}-11-30`],
  ];
  const extraChildren = row.children - row.families;
  const families: FamilyRecord[] = [];
  for (let i = 0; i < row.families; i++) {
    const [startOn, endOn] = periods[i % periods.length]!;
    families.push({
      id: `f${i}`,
      municipalityCode: code(i % row.municipalities),
      locationId: `loc${i % 40}`,
      registeredOn: addDays(startOn, -(i % 20)),
      startOn,
      endOn,
      source: i < row.viaReferrer ? "REFERRER" : "SELF",
      householdType: row.singleParent !== undefined && i < row.singleParent ? "SINGLE_PARENT" : "TWO_PARENTS",
      riskFactors: i % 3 === 0 ? ["LIMITED_NETWORK", "PARENTING"] : ["PSYCHOLOGICAL"],
      // 1 child each, the rest spread round-robin.
      childrenCount: 1 + Math.floor(extraChildren / row.families) + (i < extraChildren % row.families ? 1 : 0),
      minutesInYear: 6300,
    });
  }
  const distractors: FamilyRecord[] = [
    { ...families[0]!, id: "ended-before", startOn: `${y - 2}-01-01`, endOn: `${y - 1}-12-31` },
    { ...families[0]!, id: "starts-after", registeredOn: `${y}-12-20`, startOn: `${y + 1}-01-01`, endOn: null },
    { ...families[0]!, id: "never-started", startOn: null, endOn: null },
  ];
  const supported = families.length;
  const matches: MatchRecord[] = [];
  // Every supported family has a volunteer; with more volunteers than families, some families have two.
  for (let v = 0; v < Math.max(row.volunteers, supported); v++) {
    const family = families[v % supported]!;
    matches.push({ familyId: family.id, volunteerId: `v${v % row.volunteers}`, startOn: family.startOn!, endOn: family.endOn });
  }
  matches.push({ familyId: "ended-before", volunteerId: "v-gone", startOn: `${y - 2}-01-01`, endOn: `${y - 1}-12-31` });
  matches.push({ familyId: "starts-after", volunteerId: "v-new", startOn: `${y + 1}-01-01`, endOn: null });
  matches.push({ familyId: families[0]!.id, volunteerId: "v-earlier", startOn: `${y - 2}-01-01`, endOn: `${y - 1}-05-31` });

  const licences: LicenceRecord[] = [];
  for (let i = 0; i < row.municipalities; i += 3) {
    const codes = [i, i + 1, i + 2].filter((k) => k < row.municipalities).map(code);
    const variant = i % 4;
    licences.push({
      id: `L${i}`,
      locationId: `loc${i % 40}`,
      status: variant === 0 ? "EXPIRED" : variant === 1 ? "TERMINATED" : "ACTIVE",
      validFrom: variant === 2 ? `${y}-07-01` : `${y - 2}-01-01`,
      validUntil: variant === 0 ? `${y}-01-01` : `${y + 1}-12-31`,
      endedOn: variant === 1 ? `${y}-06-30` : null,
      municipalityCodes: codes,
    });
  }
  licences.push({ id: "applied", locationId: "x", status: "APPLIED", validFrom: null, validUntil: null, municipalityCodes: ["GM9001"] });
  licences.push({
    id: "old",
    locationId: "x",
    status: "EXPIRED",
    validFrom: `${y - 4}-01-01`,
    validUntil: `${y - 1}-12-31`,
    municipalityCodes: ["GM9002"],
  });
  licences.push({
    id: "ended-early",
    locationId: "x",
    status: "TERMINATED",
    validFrom: `${y - 2}-01-01`,
    validUntil: `${y + 1}-12-31`,
    endedOn: `${y - 1}-10-01`,
    municipalityCodes: ["GM9003"],
  });
  licences.push({
    id: "granted",
    locationId: "x",
    status: "GRANTED",
    validFrom: `${y}-01-01`,
    validUntil: `${y + 2}-12-31`,
    municipalityCodes: ["GM9004"],
  });

  const coordinators: CoordinatorRecord[] = Array.from({ length: row.coordinators ?? 0 }, (_, i) => ({
    id: `c${i}`,
    locationIds: [`loc${i % 40}`],
    activeFrom: i % 2 === 0 ? null : `${y}-01-15`,
    activeUntil: i % 3 === 0 ? `${y}-01-31` : null,
  }));
  coordinators.push({ id: "c-left", locationIds: ["loc0"], activeFrom: null, activeUntil: `${y - 1}-12-31` });
  return { families: [...families, ...distractors], matches, licences, coordinators };
}

const published: PublishedRow[] = [
  // seed 001: "2019 Home-Start 161 2880 4082 8079 2906"
  { year: 2019, municipalities: 161, volunteers: 2880, families: 4082, children: 8079, viaReferrer: 2906 },
  // seed 001: "2018 Home-Start 0 t/m 6 jaar 161 2733 3332 6997 2774"
  { year: 2018, municipalities: 161, volunteers: 2733, families: 3332, children: 6997, viaReferrer: 2774 },
  // seed 001: "2018 Home-Start vanaf 7 jaar 88 837 490 1112 350" (more volunteers than families)
  { year: 2018, municipalities: 88, volunteers: 837, families: 490, children: 1112, viaReferrer: 350 },
  // seeds 000/003: 2022 — 168 gemeenten, 3.658 gezinnen, 7.190 kinderen, 150 coördinatoren, 2.841 vrijwilligers, 62% verwijzer, 30% alleenstaand
  {
    year: 2022,
    municipalities: 168,
    volunteers: 2841,
    families: 3658,
    children: 7190,
    viaReferrer: 2268,
    coordinators: 150,
    singleParent: 1097,
  },
  // seed 002: 2023 — 2772 vrijwilligers, 180 gemeenten, 3166 gezinnen, 6375 kinderen
  { year: 2023, municipalities: 180, volunteers: 2772, families: 3166, children: 6375, viaReferrer: 1963 },
];

describe("annualFigures — the seeds' published table, rebuilt", () => {
  for (const row of published) {
    it(`${row.year}: ${row.families} families, ${row.children} children, ${row.volunteers} volunteers, ${row.municipalities} municipalities`, () => {
      const f = annualFigures(buildDataSet(row), row.year);
      expect({
        year: f.year,
        municipalities: f.municipalities,
        volunteers: f.volunteers,
        families: f.families,
        children: f.children,
        viaReferrer: f.viaReferrer,
      }).toEqual({
        year: row.year,
        municipalities: row.municipalities,
        volunteers: row.volunteers,
        families: row.families,
        children: row.children,
        viaReferrer: row.viaReferrer,
      });
      if (row.coordinators !== undefined) expect(f.coordinators).toBe(row.coordinators);
    });
  }

  it("2022 shares: 62% via a referrer, 30% single parent (seed 000)", () => {
    const f = annualFigures(buildDataSet(published[3]!), 2022);
    expect(Math.round((f.shareViaReferrer ?? 0) * 100)).toBe(62);
    expect(Math.round((f.shareSingleParent ?? 0) * 100)).toBe(30);
    expect(f.householdTypes).toEqual({ SINGLE_PARENT: 1097, TWO_PARENTS: 2561, OTHER: 0 });
    expect(f.riskFactors.LIMITED_NETWORK).toBe(1220);
    expect(f.riskFactors.PSYCHOLOGICAL).toBe(3658 - 1220);
    expect(f.averageHoursPerFamily).toBe(105);
  });

  it("one definition for every audience: municipal scopes add up to the national total", () => {
    const data = buildDataSet(published[0]!);
    const national = annualFigures(data, 2019);
    let families = 0;
    let children = 0;
    let municipalities = 0;
    for (let i = 0; i < 161; i++) {
      const local = annualFigures(data, 2019, { municipalityCodes: [code(i)] });
      families += local.families;
      children += local.children;
      municipalities += local.municipalities;
    }
    expect([families, children, municipalities]).toEqual([national.families, national.children, national.municipalities]);
  });
});

describe("annualFigures — definitions", () => {
  it("supported in a year: start ≤ 31 Dec and (no end or end ≥ 1 Jan)", () => {
    expect(supportedInYear({ startOn: "2019-12-31", endOn: null }, 2019)).toBe(true);
    expect(supportedInYear({ startOn: "2018-01-01", endOn: "2019-01-01" }, 2019)).toBe(true);
    expect(supportedInYear({ startOn: "2018-01-01", endOn: "2018-12-31" }, 2019)).toBe(false);
    expect(supportedInYear({ startOn: "2020-01-01", endOn: null }, 2019)).toBe(false);
    expect(supportedInYear({ startOn: null, endOn: null }, 2019)).toBe(false);
  });

  it("a licence counts when it was in force on a day of the year", () => {
    const l: LicenceRecord = {
      id: "l",
      locationId: "x",
      status: "EXPIRED",
      validFrom: "2017-01-01",
      validUntil: "2019-01-01",
      municipalityCodes: ["GM0001"],
    };
    expect(licenceInForceInYear(l, 2019)).toBe(true);
    expect(licenceInForceInYear({ ...l, status: "GRANTED" }, 2019)).toBe(false);
    expect(licenceInForceInYear({ ...l, status: "TERMINATED", endedOn: "2018-12-31" }, 2019)).toBe(false);
  });

  it("average days from registration to start, over families that started in the year", () => {
    const family = (id: string, registeredOn: string, startOn: string): FamilyRecord => ({
      id,
      municipalityCode: "GM0001",
      locationId: "l",
      registeredOn,
      startOn,
      endOn: null,
      source: "SELF",
      householdType: null,
      riskFactors: [],
      childrenCount: 1,
      minutesInYear: 0,
    });
    const f = annualFigures(
      {
        families: [
          family("a", "2024-12-20", "2025-01-03"),
          family("b", "2025-03-01", "2025-03-11"),
          family("c", "2024-01-01", "2024-02-01"),
        ],
        matches: [],
        licences: [],
        coordinators: [],
      },
      2025,
    );
    expect(f.startedInYear).toBe(2);
    expect(f.averageDaysRegistrationToStart).toBe(12);
    expect(f.families).toBe(3);
    expect(f.shareSingleParent).toBeNull();
    expect(f.averageHoursPerFamily).toBe(0);
  });

  it("an empty year gives zeros and no shares", () => {
    const f = annualFigures({ families: [], matches: [], licences: [], coordinators: [] }, 2025);
    expect([f.families, f.shareViaReferrer, f.averageHoursPerFamily, f.averageDaysRegistrationToStart]).toEqual([0, null, null, null]);
  });
});
