import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { annualFigures, type FamilyRecord, type FiguresInput, type LicenceRecord } from "./annual-figures.ts";
import { figuresBreakdown } from "./figures-breakdown.ts";

const family = (
  id: string,
  municipalityCode: string,
  locationId: string,
  startOn: string | null,
  endOn: string | null = null,
): FamilyRecord => ({
  id,
  municipalityCode,
  locationId,
  registeredOn: "2024-01-01",
  startOn,
  endOn,
  source: id.endsWith("r") ? "REFERRER" : "SELF",
  householdType: "TWO_PARENTS",
  riskFactors: ["FINANCIAL"],
  childrenCount: 2,
  minutesInYear: 600,
});

const licence = (id: string, locationId: string, codes: string[], validFrom = "2020-01-01"): LicenceRecord => ({
  id,
  locationId,
  status: "ACTIVE",
  validFrom,
  validUntil: "2030-12-31",
  municipalityCodes: codes,
});

const input: FiguresInput = {
  families: [
    family("a-r", "GM0001", "loc1", "2025-02-01"),
    family("b", "GM0001", "loc1", "2024-03-01", "2025-01-01"),
    family("c-r", "GM0002", "loc1", "2025-06-01"),
    family("d", "GM0003", "loc2", "2025-12-31"),
    family("gone", "GM0009", "loc9", "2020-01-01", "2021-01-01"),
  ],
  matches: [
    { familyId: "a-r", volunteerId: "v1", startOn: "2025-02-01", endOn: null },
    { familyId: "b", volunteerId: "v1", startOn: "2024-03-01", endOn: "2025-01-01" },
    { familyId: "c-r", volunteerId: "v2", startOn: "2025-06-01", endOn: null },
    { familyId: "d", volunteerId: "v3", startOn: "2025-12-31", endOn: null },
  ],
  licences: [
    licence("L1", "loc1", ["GM0001", "GM0002"]),
    licence("L2", "loc2", ["GM0003", "GM0004"]),
    licence("L9", "loc9", ["GM0009"], "2026-01-01"),
  ],
  coordinators: [
    { id: "c1", locationIds: ["loc1"], activeFrom: null, activeUntil: null },
    { id: "c2", locationIds: ["loc2"], activeFrom: null, activeUntil: null },
  ],
};

describe("figuresBreakdown — the national table per location / municipality", () => {
  it("one row per municipality with a supported family or a licence in force, each row the municipality's annualFigures", () => {
    const rows = figuresBreakdown(input, 2025, "MUNICIPALITY");
    expect(rows.map((r) => r.key)).toEqual(["GM0001", "GM0002", "GM0003", "GM0004"]);
    expect(rows.map((r) => [r.figures.families, r.figures.volunteers, r.figures.viaReferrer])).toEqual([
      [2, 1, 1],
      [1, 1, 1],
      [1, 1, 0],
      [0, 0, 0],
    ]);
    for (const row of rows) expect(row.figures).toEqual(annualFigures(input, 2025, { municipalityCodes: [row.key] }));
  });

  it("per location, with its coordinators and the municipalities its licences cover", () => {
    const rows = figuresBreakdown(input, 2025, "LOCATION");
    expect(rows.map((r) => [r.key, r.figures.families, r.figures.coordinators, r.figures.municipalities])).toEqual([
      ["loc1", 3, 1, 2],
      ["loc2", 1, 1, 2],
    ]);
  });

  it("the rows add up to the national families, children and volunteers-per-family figures", () => {
    const national = annualFigures(input, 2025);
    for (const by of ["LOCATION", "MUNICIPALITY"] as const) {
      const rows = figuresBreakdown(input, 2025, by);
      expect(rows.reduce((s, r) => s + r.figures.families, 0)).toBe(national.families);
      expect(rows.reduce((s, r) => s + r.figures.children, 0)).toBe(national.children);
    }
  });

  it("property: every row equals annualFigures scoped to its key", () => {
    const arb = fc.array(
      fc.record({
        m: fc.integer({ min: 1, max: 4 }),
        l: fc.integer({ min: 1, max: 3 }),
        start: fc.integer({ min: 2023, max: 2026 }),
        ends: fc.option(fc.integer({ min: 2023, max: 2026 })),
        v: fc.integer({ min: 1, max: 5 }),
      }),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(arb, (specs) => {
        const families = specs.map((s, i) =>
          family(`f${i}`, `GM000${s.m}`, `loc${s.l}`, `${s.start}-05-01`, s.ends === null ? null : `${Math.max(s.ends, s.start)}-06-01`),
        );
        const data: FiguresInput = {
          ...input,
          families,
          matches: families.map((f, i) => ({ familyId: f.id, volunteerId: `v${specs[i]!.v}`, startOn: f.startOn!, endOn: f.endOn })),
        };
        for (const by of ["LOCATION", "MUNICIPALITY"] as const) {
          for (const row of figuresBreakdown(data, 2025, by)) {
            const scope = by === "LOCATION" ? { locationIds: [row.key] } : { municipalityCodes: [row.key] };
            expect(row.figures).toEqual(annualFigures(data, 2025, scope));
          }
        }
      }),
      { numRuns: 200 },
    );
  });
});
