import { readFile } from "node:fs/promises";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiSession,
  demoLogin,
  type GraphqlCall,
  loggedInPage,
  portalUrl,
  saveScreenshot,
  visible,
} from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

interface Cell {
  shown: boolean;
  value: number | null;
  suppression: string | null;
}
const CELL = "{ shown value suppression }";
const COUNTS = ["families", "children", "volunteers", "viaReferrer", "selfRegistered", "singleParent"] as const;
// The CSV's Dutch row labels (packages/domain figures-csv) for the counts above.
const CSV_LABELS: Record<(typeof COUNTS)[number], string> = {
  families: "gezinnen",
  children: "kinderen",
  volunteers: "vrijwilligers",
  viaReferrer: "via verwijzer",
  selfRegistered: "zelf aangemeld",
  singleParent: "eenoudergezin",
};
type OfficerFigures = Record<(typeof COUNTS)[number], Cell> & {
  year: number;
  riskFactors: Array<{ riskFactor: string; families: Cell }>;
  comparison: Array<{ measure: string; riskFactor: string | null; municipality: number | null; national: number | null }>;
};

const lastYear = new Date().getFullYear() - 1;
const percent = (v: number) => new Intl.NumberFormat("nl-NL", { style: "percent", maximumFractionDigits: 1 }).format(v);
const oneDecimal = (v: number) => new Intl.NumberFormat("nl-NL", { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(v);

describe("municipality figures", () => {
  let browser: Browser;
  let officer: GraphqlCall;
  let national: GraphqlCall;
  let municipality: { id: string; code: string; name: string };

  const figuresFor = async (year: number): Promise<OfficerFigures> =>
    (
      await officer<{ municipalityFigures: { figures: OfficerFigures } }>(
        `query E2eOfficerFigures($y: Int!, $m: ID!) { municipalityFigures(year: $y, municipalityId: $m) {
          ... on MunicipalityFiguresSuccess { figures { year ${COUNTS.map((c) => `${c} ${CELL}`).join(" ")}
            riskFactors { riskFactor families ${CELL} } comparison { measure riskFactor municipality national } } } } }`,
        { y: year, m: municipality.id },
      )
    ).municipalityFigures.figures;
  const hiddenCells = (f: OfficerFigures) => [...COUNTS.map((c) => f[c]), ...f.riskFactors.map((r) => r.families)].filter((c) => !c.shown);

  beforeAll(async () => {
    browser = await launchBrowser();
    officer = await apiSession(demoLogin("MUNICIPAL_OFFICER"));
    national = await apiSession(demoLogin("NATIONAL_STAFF"));
    const { me } = await officer<{ me: { municipalities: Array<{ id: string; code: string; name: string }> } }>(
      "{ me { municipalities { id code name } } }",
    );
    if (!me.municipalities[0]) throw new Error("The demo officer has no municipality.");
    municipality = me.municipalities[0];
  });
  afterAll(async () => {
    await browser?.close();
  });

  /** The most recent year (of the last three) with a small number hidden, so the page has "< 5" marks. */
  async function yearWithSmallNumbers(): Promise<number> {
    for (const year of [lastYear, lastYear - 1, lastYear - 2]) {
      if (hiddenCells(await figuresFor(year)).some((c) => c.suppression === "SMALL_NUMBER")) return year;
    }
    return lastYear;
  }

  async function openFigures(year: number): Promise<Page> {
    const page = await loggedInPage(browser, "E2E_MUNICIPALITY_URL", "MUNICIPAL_OFFICER");
    await page.goto(`${portalUrl("E2E_MUNICIPALITY_URL")}/gemeente/${encodeURIComponent(municipality.id)}?jaar=${year}`);
    await visible(page.getByRole("table", { name: `Home-Start in ${municipality.name}, ${year}` }));
    return page;
  }

  test("own figures with '< 5' marks, the trend chart, national comparison and locations, as the API answers", async () => {
    const year = await yearWithSmallNumbers();
    const figures = await figuresFor(year);
    const page = await openFigures(year);
    await visible(page.getByRole("heading", { level: 2, name: municipality.name }));

    // Every count as the API says: the number, or the mark saying why it is hidden.
    for (const count of COUNTS) {
      const cell = page.locator(`[data-figure="${count}"] td`);
      if (figures[count].shown) expect(await cell.locator("[data-count]").getAttribute("data-count")).toBe(String(figures[count].value));
      else expect(await cell.locator("[data-suppressed]").getAttribute("data-suppressed")).toBe(figures[count].suppression);
    }
    const small = hiddenCells(figures).filter((c) => c.suppression === "SMALL_NUMBER").length;
    if (small > 0) {
      const marks = page.locator('[data-figure] [data-suppressed="SMALL_NUMBER"]');
      expect(await marks.count()).toBe(small);
      expect(await marks.first().textContent()).toBe("< 5");
      await visible(page.getByRole("heading", { name: "Waarom sommige cijfers niet getoond worden" }));
      await visible(page.getByText("Minder dan 5. Zulke kleine aantallen tonen we niet", { exact: false }));
    }

    // The trend: a chart (role img, named) whose points are the API's shown values; hidden ones have no point.
    const { municipalityFiguresTrend } = await officer<{ municipalityFiguresTrend: { years: Array<{ year: number; families: Cell }> } }>(
      `query E2eTrend($m: ID!, $from: Int!, $to: Int!) { municipalityFiguresTrend(municipalityId: $m, fromYear: $from, toYear: $to) {
        ... on MunicipalityFiguresTrendSuccess { years { year families ${CELL} } } } }`,
      { m: municipality.id, from: Math.max(1994, year - 4), to: year },
    );
    const chart = await visible(page.getByRole("img", { name: `Gezinnen, kinderen en vrijwilligers in ${municipality.name}` }));
    const points = await chart
      .locator('[data-series="families"] [data-value]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-value"))));
    expect(points).toEqual(municipalityFiguresTrend.years.filter((y) => y.families.shown).map((y) => y.families.value));
    const trendTable = page.getByRole("table", { name: `${municipality.name} per jaar` });
    for (const y of municipalityFiguresTrend.years) {
      const td = trendTable.locator(`[data-category="${y.year}"] td[data-series="families"]`);
      if (y.families.shown) expect(await td.locator("[data-count]").getAttribute("data-count")).toBe(String(y.families.value));
      else await visible(td.locator("[data-suppressed]"));
    }

    // Side by side with the national figure: the API's comparison, row for row.
    const comparison = page.locator('[data-table="comparison"] tbody tr');
    expect(await comparison.count()).toBe(figures.comparison.length);
    for (const c of figures.comparison) {
      if (c.national === null) continue;
      const key = c.riskFactor ? `${c.measure}-${c.riskFactor}` : c.measure;
      const shown = await page.locator(`[data-measure="${key}"] [data-side="national"]`).textContent();
      expect(shown).toBe(c.measure.startsWith("SHARE_") ? percent(c.national) : oneDecimal(c.national));
    }

    // The locations serving the municipality: licence status and visitaties.
    const { me } = await officer<{
      me: {
        municipalities: Array<{
          id: string;
          servingLocations: Array<{
            name: string;
            licence: { status: string } | null;
            lastVisitatieOn: string | null;
            visitatieStatus: string;
          }>;
        }>;
      };
    }>("{ me { municipalities { id servingLocations { name licence { status } lastVisitatieOn visitatieStatus } } } }");
    const serving = me.municipalities.find((m) => m.id === municipality.id)?.servingLocations ?? [];
    expect(serving.length).toBeGreaterThan(0);
    const rows = page.locator('[data-table="serving-locations"] tbody tr');
    expect(await rows.count()).toBe(serving.length);
    for (const location of serving) {
      const row = page.locator(`[data-table="serving-locations"] tr[data-location="${location.name}"]`);
      expect(await row.locator("[data-licence-status]").getAttribute("data-licence-status")).toBe(location.licence?.status ?? "NONE");
      expect(await row.locator("[data-visitatie-status]").getAttribute("data-visitatie-status")).toBe(location.visitatieStatus);
      expect(await row.locator("[data-last-visitatie]").getAttribute("data-last-visitatie")).toBe(location.lastVisitatieOn ?? "");
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "municipality-figures.png");
  });

  test("the CSV is the API's file (with a BOM for Excel) and holds no hidden number", async () => {
    const year = await yearWithSmallNumbers();
    const figures = await figuresFor(year);
    const page = await openFigures(year);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Download CSV" }).click()]);
    const path = await download.path();
    const content = await readFile(path, "utf8");
    const { municipalityFiguresCsv } = await officer<{ municipalityFiguresCsv: { file: { filename: string; content: string } } }>(
      `query E2eCsv($m: ID!, $y: Int!) { municipalityFiguresCsv(municipalityId: $m, year: $y) {
        ... on MunicipalityFiguresCsvSuccess { file { filename content } } } }`,
      { m: municipality.id, y: year },
    );
    expect(download.suggestedFilename()).toBe(municipalityFiguresCsv.file.filename);
    expect(content).toBe(`\uFEFF${municipalityFiguresCsv.file.content}`);

    // The real numbers behind the hidden cells (national staff may see them) appear nowhere in the municipality's column.
    const { annualFigures: raw } = await national<{ annualFigures: { figures: Record<string, number> } }>(
      `query E2eRaw($y: Int!, $code: String!) { annualFigures(year: $y, municipalityCode: $code) {
        ... on AnnualFiguresSuccess { figures { families children volunteers viaReferrer singleParent } } } }`,
      { y: year, code: municipality.code },
    );
    const rows = new Map(
      content
        .replace(/^\uFEFF/, "")
        .split("\r\n")
        .filter(Boolean)
        .map((line) => {
          const [label = "", value = ""] = line.split(";");
          return [label.replace(/^"|"$/g, ""), value.replace(/^"|"$/g, "")] as const;
        }),
    );
    for (const count of COUNTS) {
      const value = rows.get(CSV_LABELS[count]);
      expect(value, count).toBeDefined();
      if (figures[count].shown) expect(value).toBe(String(figures[count].value));
      else {
        expect(["< 5", "verborgen"]).toContain(value);
        if (count in raw.figures) expect(value).not.toBe(String(raw.figures[count]));
      }
    }
    for (const [label, value] of rows) {
      if (label === "jaar" || !/^\d+$/.test(value)) continue;
      const n = Number(value);
      expect(n === 0 || n >= 5, `${label}: ${value}`).toBe(true);
    }
  });

  test("the PDF (print) is laid out as a report, without the portal around it", async () => {
    const page = await openFigures(lastYear);
    await visible(page.getByRole("button", { name: "Download als PDF / afdrukken" }));
    await visible(page.getByText("kies in het afdrukvenster 'Opslaan als PDF'", { exact: false }));
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".hs-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Download CSV" }).isVisible()).toBe(false);
    await visible(page.getByText(`Home-Start in ${municipality.name} – cijfers over ${lastYear}`));
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    expect(pdf.length).toBeGreaterThan(10_000);
  });

  test("another municipality's figures are not found, by any address", async () => {
    const { municipalities } = await national<{ municipalities: { edges: Array<{ node: { id: string; code: string } }> } }>(
      "{ municipalities(first: 10) { edges { node { id code } } } }",
    );
    const other = municipalities.edges.map((e) => e.node).find((m) => m.code !== municipality.code);
    if (!other) throw new Error("No other municipality in the seed.");
    const { municipalityFigures } = await officer<{ municipalityFigures: unknown }>(
      "query E2eOther($m: ID!, $y: Int!) { municipalityFigures(municipalityId: $m, year: $y) { __typename } }",
      { m: other.id, y: lastYear },
    );
    expect(municipalityFigures).toBeNull();

    const page = await loggedInPage(browser, "E2E_MUNICIPALITY_URL", "MUNICIPAL_OFFICER");
    for (const id of [other.id, "bm90LWFuLWlk"]) {
      await page.goto(`${portalUrl("E2E_MUNICIPALITY_URL")}/gemeente/${encodeURIComponent(id)}`);
      await visible(page.getByRole("heading", { level: 1, name: "Gemeente niet gevonden" }));
      expect(await page.locator("[data-figure]").count()).toBe(0);
      expect(await page.locator("[data-count]").count()).toBe(0);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Naar de cijfers van uw gemeente" }).click();
    await visible(page.getByRole("heading", { level: 2, name: municipality.name }));
  });

  test("in English: the comparison, locations and exports", async () => {
    const page = await openFigures(lastYear);
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { name: "Compared with the whole country" }));
    await visible(page.getByRole("heading", { name: "Locations, licence and reviews" }));
    await visible(page.getByRole("button", { name: "Download as PDF / Print" }));
    await visible(page.getByRole("img", { name: `Families, children and volunteers in ${municipality.name}` }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await visible(page.getByRole("heading", { name: "Vergeleken met heel Nederland" }));
  });
});
