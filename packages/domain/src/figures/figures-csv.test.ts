import { describe, expect, it } from "vitest";
import type { AnnualFigures } from "./annual-figures.ts";
import { compareWithNational } from "./compare-with-national.ts";
import { annualFiguresCsv, cellText, csvText, officerFiguresCsv } from "./figures-csv.ts";
import { officerFigures } from "./officer-figures.ts";

// seeds 000/003: 2022 — 168 municipalities, 2,841 volunteers, 3,658 families, 7,190 children, 150 coordinators.
const y2022: AnnualFigures = {
  year: 2022,
  families: 3658,
  children: 7190,
  volunteers: 2841,
  coordinators: 150,
  municipalities: 168,
  viaReferrer: 2268,
  shareViaReferrer: 2268 / 3658,
  singleParent: 1097,
  householdTypes: { SINGLE_PARENT: 1097, TWO_PARENTS: 2561, OTHER: 0 },
  householdKnown: 3658,
  shareSingleParent: 1097 / 3658,
  riskFactors: { PSYCHOLOGICAL: 1500, PARENTING: 2000, PHYSICAL: 400, LIVING_ENVIRONMENT: 300, FINANCIAL: 900, LIMITED_NETWORK: 1220 },
  minutesVisited: 3658 * 6300,
  averageHoursPerFamily: 105,
  startedInYear: 1800,
  averageDaysRegistrationToStart: 12.345,
};

const parse = (text: string, separator: string) =>
  text
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(separator));

describe("csvText — RFC 4180", () => {
  it("CRLF, quotes only where needed, doubled quotes, decimal comma in Dutch", () => {
    expect(
      csvText(
        [
          ["a", 1.5, null],
          ['Den "Bosch"; Oost', 2],
        ],
        "nl",
      ),
    ).toBe('a;1,5;\r\n"Den ""Bosch""; Oost";2\r\n');
    expect(
      csvText(
        [
          ["a", 1.5, null],
          ["x,y", 2],
        ],
        "en",
      ),
    ).toBe('a,1.5,\r\n"x,y",2\r\n');
    expect(csvText([["line\nbreak"]], "en")).toBe('"line\nbreak"\r\n');
  });

  it("a text that a spreadsheet would run as a formula is defused", () => {
    expect(csvText([["=HYPERLINK(1)", "+31", "@x", "-"]], "en")).toBe("'=HYPERLINK(1),'+31,'@x,'-\r\n");
    expect(csvText([[-1]], "en")).toBe("-1\r\n"); // numbers are numbers
  });
});

describe("annualFiguresCsv — the national table", () => {
  it("the seeds' 2022 row, unformatted numbers, shares in percent", () => {
    const rows = parse(annualFiguresCsv("NATIONAL", [{ figures: y2022 }], "nl"), ";");
    expect(rows[0]!.slice(0, 8)).toEqual([
      "jaar",
      "gemeenten",
      "coördinatoren",
      "vrijwilligers",
      "gezinnen",
      "kinderen",
      "via verwijzer",
      "via verwijzer (%)",
    ]);
    expect(rows[1]!.slice(0, 10)).toEqual(["2022", "168", "150", "2841", "3658", "7190", "2268", "62", "1097", "30"]);
    expect(rows[1]!.at(-1)).toBe("12,3");
    expect(rows[0]!.length).toBe(rows[1]!.length);
  });

  it("per municipality with CBS code and name; per location with the name; English headers", () => {
    const m = parse(annualFiguresCsv("MUNICIPALITY", [{ code: "GM0363", name: "Amsterdam", figures: y2022 }], "en"), ",");
    expect(m[0]!.slice(0, 4)).toEqual(["year", "CBS code", "municipality", "municipalities"]);
    expect(m[1]!.slice(0, 4)).toEqual(["2022", "GM0363", "Amsterdam", "168"]);
    expect(m[1]!.at(-1)).toBe("12.3");
    const l = parse(annualFiguresCsv("LOCATION", [{ name: "Home-Start Utrecht", figures: y2022 }], "nl"), ";");
    expect(l[0]!.slice(0, 2)).toEqual(["jaar", "locatie"]);
    expect(l[1]!.slice(0, 2)).toEqual(["2022", "Home-Start Utrecht"]);
  });
});

describe("officerFiguresCsv — never a suppressed number", () => {
  const small: AnnualFigures = {
    ...y2022,
    families: 40,
    children: 83,
    volunteers: 31,
    coordinators: 2,
    municipalities: 1,
    viaReferrer: 37,
    shareViaReferrer: 37 / 40,
    singleParent: 12,
    householdTypes: { SINGLE_PARENT: 12, TWO_PARENTS: 26, OTHER: 0 },
    householdKnown: 38,
    shareSingleParent: 12 / 38,
    riskFactors: { PSYCHOLOGICAL: 10, PARENTING: 20, PHYSICAL: 3, LIVING_ENVIRONMENT: 0, FINANCIAL: 37, LIMITED_NETWORK: 15 },
    averageHoursPerFamily: 104.44,
    startedInYear: 22,
    averageDaysRegistrationToStart: 11.5,
  };

  it("writes '< 5' for a small number and 'verborgen' for its complement, with the national figure beside the shares", () => {
    const o = officerFigures(small);
    const text = officerFiguresCsv({ code: "GM0344", name: "Utrecht" }, o, compareWithNational(small, y2022), "nl");
    const rows = Object.fromEntries(parse(text, ";").map((r) => [r[0], r.slice(1)]));
    expect(rows.onderdeel).toEqual(["Utrecht (GM0344)", "Nederland"]);
    expect(rows.gezinnen).toEqual(["40", ""]);
    expect(rows.coördinatoren).toEqual(["< 5", ""]);
    expect(rows["zelf aangemeld"]).toEqual(["< 5", ""]);
    expect(rows["via verwijzer"]).toEqual(["verborgen", ""]);
    expect(rows["risicofactor fysiek"]).toEqual(["< 5", ""]);
    expect(rows["risicofactor woonomgeving"]).toEqual(["0", ""]);
    expect(rows["via verwijzer (%)"]).toEqual(["", "62"]);
    expect(rows["uren per gezin"]).toEqual(["104,4", "105"]);
    // The hidden counts appear nowhere.
    // The hidden counts (2 coordinators, 3 self-registered, 37 via a referrer, 2 unknown, …) appear nowhere in the municipality's column.
    const ownColumn = parse(text, ";").map((r) => r[1]);
    for (const hidden of ["2", "3", "12", "37"]) expect(ownColumn).not.toContain(hidden);
  });

  it("cellText follows the policy's minimum", () => {
    expect(cellText({ shown: false, suppression: "SMALL_NUMBER" }, "en", { minimum: 10 })).toBe("< 10");
    expect(cellText({ shown: false, suppression: "COMPLEMENTARY" }, "en")).toBe("hidden");
    expect(cellText({ shown: true, value: 0 }, "en")).toBe(0);
  });
});
