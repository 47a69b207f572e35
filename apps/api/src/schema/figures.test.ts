// Annual figures beyond one year: the national trend, breakdown and CSV, and a municipal officer's
// trend, comparison and CSV — all through GraphQL on the seeded country (window 2023-11 … 2026-11).
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn: as } = useSeededApi();

type Figures = Record<string, number | null> & { year: number };

const FIELDS =
  "year families children volunteers coordinators municipalities viaReferrer shareViaReferrer singleParent averageHoursPerFamily";
const ONE_YEAR = `query ($year: Int!) { annualFigures(year: $year) { ... on AnnualFiguresSuccess { figures { ${FIELDS} } } } }`;
const TREND = `query ($from: Int!, $to: Int!) { annualFiguresTrend(fromYear: $from, toYear: $to) {
  __typename ... on AnnualFiguresTrendSuccess { years { ${FIELDS} } } ... on Refusal { code field } } }`;
const BREAKDOWN = `query ($year: Int!, $by: FiguresBreakdownBy!) { annualFiguresBreakdown(year: $year, by: $by) {
  __typename ... on AnnualFiguresBreakdownSuccess { rows { id code name figures { families children volunteers } } } ... on Refusal { code field } } }`;
const CSV = `query ($year: Int!, $by: FiguresCsvBy, $from: Int, $language: ExportLanguage) {
  annualFiguresCsv(year: $year, by: $by, fromYear: $from, language: $language) {
    __typename ... on AnnualFiguresCsvSuccess { file { filename mediaType content } } ... on Refusal { code field } } }`;
const OFFICER_TREND = `query ($id: ID!, $from: Int!, $to: Int!) { municipalityFiguresTrend(municipalityId: $id, fromYear: $from, toYear: $to) {
  __typename ... on MunicipalityFiguresTrendSuccess { years { year municipality { code name }
    families { shown value suppression } children { shown value suppression } viaReferrer { shown value suppression }
    selfRegistered { shown value suppression } singleParent { shown value suppression }
    riskFactors { riskFactor families { shown value suppression } }
    comparison { measure riskFactor municipality national } } }
  ... on Refusal { code field } } }`;
const OFFICER_CSV = `query ($id: ID!, $year: Int!, $language: ExportLanguage) { municipalityFiguresCsv(municipalityId: $id, year: $year, language: $language) {
  __typename ... on MunicipalityFiguresCsvSuccess { file { filename content } } ... on Refusal { code field } } }`;

const rowsOf = (csv: string, separator: string) =>
  csv
    .split("\r\n")
    .filter(Boolean)
    .map((line) => line.split(separator));

describe("national: trend, breakdown, CSV", () => {
  it("the trend gives each year exactly the figures of that year alone (one load, same definitions)", async () => {
    const national = await as(DEMO_EMAIL.national);
    const res = await national.request<{ annualFiguresTrend: { years: Figures[] } }>(TREND, { from: 2023, to: 2026 });
    expect(res.errors).toBeUndefined();
    const trend = res.data!.annualFiguresTrend.years;
    expect(trend.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
    for (const year of trend) {
      const alone = await national.request<{ annualFigures: { figures: Figures } }>(ONE_YEAR, { year: year.year });
      expect(year).toEqual(alone.data!.annualFigures.figures);
    }
    expect(trend[2]!.families).toBeGreaterThan(20);
  });

  it("refuses a backwards or impossible range, tied to its field", async () => {
    const national = await as(DEMO_EMAIL.national);
    const backwards = await national.request<{ annualFiguresTrend: { code: string; field: string } }>(TREND, { from: 2025, to: 2024 });
    expect(backwards.data?.annualFiguresTrend).toMatchObject({ code: "INVALID_INPUT", field: "toYear" });
    const early = await national.request<{ annualFiguresTrend: { code: string; field: string } }>(TREND, { from: 1800, to: 2024 });
    expect(early.data?.annualFiguresTrend).toMatchObject({ code: "INVALID_INPUT", field: "fromYear" });
    const late = await national.request<{ annualFiguresTrend: { code: string; field: string } }>(TREND, { from: 2024, to: 3000 });
    expect(late.data?.annualFiguresTrend).toMatchObject({ code: "INVALID_INPUT", field: "toYear" });
  });

  it("the breakdown per municipality and per location adds up to the national families and children", async () => {
    const national = await as(DEMO_EMAIL.national);
    const total = (await national.request<{ annualFigures: { figures: Figures } }>(ONE_YEAR, { year: 2025 })).data!.annualFigures.figures;
    for (const by of ["MUNICIPALITY", "LOCATION"]) {
      const res = await national.request<{
        annualFiguresBreakdown: { rows: Array<{ id: string; code: string | null; name: string; figures: Figures }> };
      }>(BREAKDOWN, { year: 2025, by });
      expect(res.errors).toBeUndefined();
      const rows = res.data!.annualFiguresBreakdown.rows;
      expect(rows.length).toBeGreaterThan(1);
      expect(rows.reduce((s, r) => s + (r.figures.families ?? 0), 0)).toBe(total.families);
      expect(rows.reduce((s, r) => s + (r.figures.children ?? 0), 0)).toBe(total.children);
      for (const row of rows) expect(row.name).not.toBe("");
      if (by === "MUNICIPALITY") {
        const first = rows.find((r) => (r.figures.families ?? 0) > 0)!;
        const m = await getDb().prisma.municipality.findUniqueOrThrow({ where: { code: first.code! } });
        expect(first.id).toBe(encodeGlobalID("Municipality", m.id));
        expect(first.name).toBe(m.name);
      } else {
        expect(rows.every((r) => r.code === null)).toBe(true);
      }
    }
  });

  it("CSV: the national table per year in Dutch (;, decimal comma), per municipality in English (,)", async () => {
    const national = await as(DEMO_EMAIL.national);
    const res = await national.request<{ annualFiguresCsv: { file: { filename: string; mediaType: string; content: string } } }>(CSV, {
      year: 2025,
      from: 2024,
    });
    expect(res.errors).toBeUndefined();
    const file = res.data!.annualFiguresCsv.file;
    expect(file.filename).toBe("jaarcijfers-2024-2025.csv");
    expect(file.mediaType).toMatch(/^text\/csv/);
    expect(file.content).toMatch(/\r\n$/);
    const rows = rowsOf(file.content, ";");
    expect(rows[0]!.slice(0, 6)).toEqual(["jaar", "gemeenten", "coördinatoren", "vrijwilligers", "gezinnen", "kinderen"]);
    expect(rows.map((r) => r[0])).toEqual(["jaar", "2024", "2025"]);
    const trend = (await national.request<{ annualFiguresTrend: { years: Figures[] } }>(TREND, { from: 2024, to: 2025 })).data!
      .annualFiguresTrend.years;
    expect(rows[2]!.slice(1, 6).map(Number)).toEqual([
      trend[1]!.municipalities,
      trend[1]!.coordinators,
      trend[1]!.volunteers,
      trend[1]!.families,
      trend[1]!.children,
    ]);
    expect(rows[2]![7]).toMatch(/^\d+(,\d)?$/); // a share in percent, decimal comma

    const en = await national.request<{ annualFiguresCsv: { file: { filename: string; content: string } } }>(CSV, {
      year: 2025,
      by: "MUNICIPALITY",
      language: "EN",
    });
    expect(en.data!.annualFiguresCsv.file.filename).toBe("annual-figures-2025-municipalities.csv");
    const enRows = rowsOf(en.data!.annualFiguresCsv.file.content, ",");
    expect(enRows[0]!.slice(0, 4)).toEqual(["year", "CBS code", "municipality", "municipalities"]);
    expect(enRows.slice(1).every((r) => /^GM\d{4}$/.test(r[1]!))).toBe(true);

    const backwards = await national.request<{ annualFiguresCsv: { code: string; field: string } }>(CSV, { year: 2024, from: 2025 });
    expect(backwards.data?.annualFiguresCsv).toMatchObject({ code: "INVALID_INPUT", field: "toYear" });
  });

  it("is for national staff and admins: a coordinator and an officer are refused", async () => {
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.officer]) {
      const client = await as(email);
      for (const [doc, vars] of [
        [TREND, { from: 2024, to: 2025 }],
        [BREAKDOWN, { year: 2025, by: "LOCATION" }],
        [CSV, { year: 2025 }],
      ] as const) {
        const res = await client.request(doc, vars);
        expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
        expect(res.data ?? null).toBeNull();
      }
    }
    expect((await (await as(DEMO_EMAIL.admin)).request(TREND, { from: 2025, to: 2025 })).errors).toBeUndefined();
  });
});

describe("municipal officer: trend, comparison, CSV", () => {
  async function officerAndOwn() {
    const officer = await as(DEMO_EMAIL.officer);
    const me = await officer.request<{ me: { municipalities: Array<{ id: string; code: string; name: string }> } }>(
      "{ me { municipalities { id code name } } }",
    );
    return { officer, own: me.data!.me.municipalities[0]! };
  }

  it("the trend shows the own municipality per year, no count from 1 to 4, and the national shares beside it", async () => {
    const { officer, own } = await officerAndOwn();
    const res = await officer.request<{ municipalityFiguresTrend: { years: Array<Record<string, unknown>> } }>(OFFICER_TREND, {
      id: own.id,
      from: 2023,
      to: 2026,
    });
    expect(res.errors).toBeUndefined();
    const years = res.data!.municipalityFiguresTrend.years;
    expect(years.map((y) => y.year)).toEqual([2023, 2024, 2025, 2026]);
    for (const y of years) expect((y.municipality as { code: string }).code).toBe(own.code);
    const values = (JSON.stringify(years).match(/"value":\d+/g) ?? []).map((v) => Number(v.split(":")[1]));
    expect(values.length).toBeGreaterThan(0);
    for (const value of values) expect(value === 0 || value >= 5).toBe(true);
    for (const y of years) {
      for (const cell of Object.values(y).filter(
        (v): v is { shown: boolean; suppression: string | null } => !!v && typeof v === "object" && "shown" in v,
      )) {
        expect(cell.shown ? cell.suppression === null : ["SMALL_NUMBER", "COMPLEMENTARY"].includes(cell.suppression ?? "")).toBe(true);
      }
    }
    // The comparison carries the national share of the same year as the national staff see it.
    const nationalTrend = (
      await (
        await as(DEMO_EMAIL.national)
      ).request<{ annualFiguresTrend: { years: Figures[] } }>(TREND, {
        from: 2025,
        to: 2025,
      })
    ).data!.annualFiguresTrend.years[0]!;
    const y2025 = years.find((y) => y.year === 2025)! as { comparison: Array<{ measure: string; national: number | null }> };
    expect(y2025.comparison.find((c) => c.measure === "SHARE_VIA_REFERRER")?.national).toBeCloseTo(
      nationalTrend.shareViaReferrer ?? -1,
      10,
    );
    expect(y2025.comparison.filter((c) => c.measure === "SHARE_WITH_RISK_FACTOR")).toHaveLength(6);
  });

  it("another municipality's figures answer as not found (null), a malformed id too; national staff are refused", async () => {
    const { officer, own } = await officerAndOwn();
    const other = await getDb().prisma.municipality.findFirstOrThrow({ where: { code: { not: own.code } } });
    for (const id of [encodeGlobalID("Municipality", other.id), "not-an-id", encodeGlobalID("Family", other.id)]) {
      const trend = await officer.request<{ municipalityFiguresTrend: unknown }>(OFFICER_TREND, { id, from: 2024, to: 2025 });
      expect(trend.errors).toBeUndefined();
      expect(trend.data?.municipalityFiguresTrend).toBeNull();
      const csv = await officer.request<{ municipalityFiguresCsv: unknown }>(OFFICER_CSV, { id, year: 2025 });
      expect(csv.errors).toBeUndefined();
      expect(csv.data?.municipalityFiguresCsv).toBeNull();
    }
    const national = await as(DEMO_EMAIL.national);
    expect((await national.request(OFFICER_TREND, { id: own.id, from: 2024, to: 2025 })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    expect((await national.request(OFFICER_CSV, { id: own.id, year: 2025 })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("the CSV holds the shown values and never a suppressed number", async () => {
    const { officer, own } = await officerAndOwn();
    const res = await officer.request<{ municipalityFiguresCsv: { file: { filename: string; content: string } } }>(OFFICER_CSV, {
      id: own.id,
      year: 2025,
    });
    expect(res.errors).toBeUndefined();
    const file = res.data!.municipalityFiguresCsv.file;
    expect(file.filename).toBe(`jaarcijfers-2025-${own.code}.csv`);
    const rows = rowsOf(file.content, ";");
    expect(rows[0]).toEqual(["onderdeel", `${own.name} (${own.code})`, "Nederland"]);
    const trend = (
      await officer.request<{ municipalityFiguresTrend: { years: Array<Record<string, { shown: boolean; value: number | null }>> } }>(
        OFFICER_TREND,
        { id: own.id, from: 2025, to: 2025 },
      )
    ).data!.municipalityFiguresTrend.years[0]!;
    const byLabel = Object.fromEntries(rows.map((r) => [r[0], r[1]]));
    const expected = (cell: { shown: boolean; value: number | null }) => (cell.shown ? String(cell.value) : ["< 5", "verborgen"]);
    for (const [label, field] of [
      ["gezinnen", "families"],
      ["kinderen", "children"],
      ["via verwijzer", "viaReferrer"],
      ["zelf aangemeld", "selfRegistered"],
      ["eenoudergezin", "singleParent"],
    ] as const) {
      const want = expected(trend[field]!);
      if (Array.isArray(want)) expect(want).toContain(byLabel[label]);
      else expect(byLabel[label]).toBe(want);
    }
    // Count rows of the municipality's column: a number is 0 or at least 5.
    const countRows = rows.slice(2).filter((r) => !r[0]!.includes("(%)") && !r[0]!.includes("per gezin") && !r[0]!.startsWith("dagen"));
    for (const r of countRows) {
      if (/^\d+$/.test(r[1]!)) expect(Number(r[1]) === 0 || Number(r[1]) >= 5).toBe(true);
      else expect(["< 5", "verborgen"]).toContain(r[1]);
    }
    const en = await officer.request<{ municipalityFiguresCsv: { file: { content: string } } }>(OFFICER_CSV, {
      id: own.id,
      year: 2025,
      language: "EN",
    });
    expect(rowsOf(en.data!.municipalityFiguresCsv.file.content, ",")[0]![0]).toBe("measure");
  });
});
