import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, demoLogin, loggedInPage, portalUrl, saveScreenshot, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

interface Year {
  year: number;
  families: number;
  children: number;
  volunteers: number;
  municipalities: number;
  viaReferrer: number;
}

const year = new Date().getFullYear() - 1;
const fromYear = year - 4;

describe("national annual figures (Jaarcijfers)", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the table per year, the trend chart, the breakdown and the CSV are the API's numbers", async () => {
    const api = await apiSession(demoLogin("NATIONAL_STAFF"));
    const { annualFiguresTrend } = await api<{ annualFiguresTrend: { years: Year[] } }>(
      `query E2eTrend($from: Int!, $to: Int!) { annualFiguresTrend(fromYear: $from, toYear: $to) {
        ... on AnnualFiguresTrendSuccess { years { year families children volunteers municipalities viaReferrer } } } }`,
      { from: fromYear, to: year },
    );
    const page = await loggedInPage(browser, "E2E_NATIONAL_URL", "NATIONAL_STAFF");
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/jaarcijfers`);
    await visible(page.getByRole("heading", { level: 1, name: "Jaarcijfers" }));
    await visible(page.getByRole("table", { name: `Landelijke cijfers ${year}` }));

    // The table per year, like the one the seeds publish.
    const trendTable = await visible(page.getByRole("table", { name: `Landelijke cijfers over de jaren ${fromYear}–${year}` }));
    for (const y of annualFiguresTrend.years) {
      const counts = await trendTable
        .locator(`tr[data-year="${y.year}"] td[data-count]`)
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count"))));
      expect(counts).toEqual([y.municipalities, y.volunteers, y.families, y.children, y.viaReferrer]);
    }

    // The chart: an image with a name, one point per year and series, at the API's values.
    const chart = await visible(page.getByRole("img", { name: `Gezinnen, kinderen en vrijwilligers, ${fromYear}–${year}` }));
    for (const series of ["families", "children", "volunteers"] as const) {
      const values = await chart
        .locator(`[data-series="${series}"] [data-value]`)
        .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-value"))));
      expect(values).toEqual(annualFiguresTrend.years.map((y) => y[series]));
    }

    // The breakdown per location, sortable; then per municipality.
    const breakdown = async (by: "LOCATION" | "MUNICIPALITY") =>
      (
        await api<{ annualFiguresBreakdown: { rows: Array<{ name: string; code: string | null; figures: { families: number } }> } }>(
          `query E2eBreakdown($y: Int!, $by: FiguresBreakdownBy!) { annualFiguresBreakdown(year: $y, by: $by) {
            ... on AnnualFiguresBreakdownSuccess { rows { name code figures { families } } } } }`,
          { y: year, by },
        )
      ).annualFiguresBreakdown.rows;
    const locations = await breakdown("LOCATION");
    const locationTable = await visible(page.getByRole("table", { name: `Cijfers per locatie in ${year}` }));
    expect(await locationTable.locator("tbody tr").count()).toBe(locations.length);
    await locationTable.getByRole("button", { name: "Gezinnen" }).click();
    await visible(page.locator('th[aria-sort="descending"] [data-sort="families"]'));
    expect(new URL(page.url()).searchParams.get("sorteer")).toBe("families");
    const families = await locationTable
      .locator('tbody td[data-column="families"]')
      .evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count"))));
    expect(families).toEqual(locations.map((l) => l.figures.families).sort((a, b) => b - a));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("Indeling").selectOption("gemeente");
    const municipalities = await breakdown("MUNICIPALITY");
    const municipalityTable = await visible(page.getByRole("table", { name: `Cijfers per gemeente in ${year}` }));
    // The caption may change before the new rows arrive: wait for the rows rather than race them.
    await municipalityTable.locator(`tbody tr:nth-child(${municipalities.length})`).waitFor();
    expect(await municipalityTable.locator("tbody tr").count()).toBe(municipalities.length);
    // Reload keeps the breakdown and the sort (they are in the address).
    await page.reload();
    await visible(page.getByRole("table", { name: `Cijfers per gemeente in ${year}` }));
    expect(await page.getByLabel("Indeling").inputValue()).toBe("gemeente");

    // CSV: the API's file, with a byte-order mark so Excel reads UTF-8.
    const { annualFiguresCsv } = await api<{ annualFiguresCsv: { file: { filename: string; content: string } } }>(
      `query E2eCsv($y: Int!, $from: Int!) { annualFiguresCsv(year: $y, fromYear: $from, by: NATIONAL, language: NL) {
        ... on AnnualFiguresCsvSuccess { file { filename content } } } }`,
      { y: year, from: fromYear },
    );
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download CSV: landelijke cijfers per jaar" }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(annualFiguresCsv.file.filename);
    const content = await readFile(await download.path(), "utf8");
    expect(content).toBe(`\uFEFF${annualFiguresCsv.file.content}`);
    // Each year's families in the CSV equal the API's figures.
    for (const y of annualFiguresTrend.years) expect(content).toContain(String(y.year));

    await visible(page.getByRole("button", { name: "Download als PDF / afdrukken" }));
    await visible(page.getByText("kies in het afdrukvenster 'Opslaan als PDF'", { exact: false }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "national-annual-figures.png");

    // As printed (the PDF): no portal header, a report title.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".hs-header").isVisible()).toBe(false);
    await visible(page.getByText(`Home-Start Nederland – Jaarcijfers ${year}`));
    const pdf = await page.pdf({ format: "A4" });
    expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
    await page.emulateMedia({ media: "screen" });

    // English, once.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Annual figures" }));
    await visible(page.getByRole("img", { name: `Families, children and volunteers, ${fromYear}–${year}` }));
    await visible(page.getByRole("table", { name: `Figures per municipality in ${year}` }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Jaarcijfers" }));
  });
});
