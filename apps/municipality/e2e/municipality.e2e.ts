import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, demoLogin, loggedInPage, portalSuite, portalUrl, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

portalSuite({
  portal: "municipality",
  urlVariable: "E2E_MUNICIPALITY_URL",
  title: { nl: "Gemeenteportaal", en: "Municipality portal" },
  role: "MUNICIPAL_OFFICER",
  wrongRole: "COORDINATOR",
  wrongRoleMessage: "Dit portaal is voor medewerkers van gemeenten.",
  homeHeading: { nl: "Cijfers van uw gemeente", en: "Your municipality's figures" },
  home: { nl: ["Amersfoort", "CBS-code GM0307", "Gezinnen ondersteund"], en: ["CBS code GM0307", "Families supported"] },
});

const EXPLANATIONS: Record<string, string> = {
  SMALL_NUMBER: "Minder dan 5.",
  COMPLEMENTARY: "klein aantal elders",
  DERIVED: "zijn verborgen",
  NO_DATA: "geen gezinnen",
  HIDDEN: "privacyredenen",
};
const MARKS: Record<string, string> = {
  SMALL_NUMBER: "< 5",
  COMPLEMENTARY: "verborgen",
  DERIVED: "niet getoond",
  NO_DATA: "–",
  HIDDEN: "verborgen",
};

/** Every number shown is 0 or at least 5; every hidden one has its mark and, tied to it, its explanation. */
async function checkPrivacy(page: Page): Promise<void> {
  const counts = await page.locator("main [data-count]").evaluateAll((els) => els.map((el) => Number(el.getAttribute("data-count"))));
  expect(counts.length).toBeGreaterThan(0);
  for (const count of counts) expect(count === 0 || count >= 5, `shown count ${count}`).toBe(true);
  const marks = page.locator("main [data-suppressed]");
  for (let i = 0; i < (await marks.count()); i++) {
    const mark = marks.nth(i);
    const kind = (await mark.getAttribute("data-suppressed")) ?? "";
    expect(await mark.textContent()).toBe(MARKS[kind]);
    // Reachable by keyboard (a link), and described by its explanation for a screen reader.
    expect(await mark.evaluate((el) => el.tagName)).toBe("A");
    const describedBy = (await mark.getAttribute("aria-describedby")) ?? "";
    const explanation = page.locator(`[id="${describedBy}"]`);
    await visible(explanation);
    expect(await explanation.textContent()).toContain(EXPLANATIONS[kind]);
  }
}

describe("municipality pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the figures page shows the officer's municipality, privacy-safe, as the API answers", async () => {
    const year = new Date().getFullYear() - 1;
    const api = await apiSession(demoLogin("MUNICIPAL_OFFICER"));
    const { me } = await api<{ me: { municipalities: Array<{ id: string; name: string }> } }>("{ me { municipalities { id name } } }");
    const municipality = me.municipalities[0];
    if (!municipality) throw new Error("The demo officer has no municipality.");
    const figures = async (y: number) =>
      (
        await api<{ municipalityFigures: { figures: { families: { shown: boolean; value: number | null } } } }>(
          "query E2eFigures($y: Int!, $m: ID!) { municipalityFigures(year: $y, municipalityId: $m) { ... on MunicipalityFiguresSuccess { figures { families { shown value } } } } }",
          { y, m: municipality.id },
        )
      ).municipalityFigures.figures.families;

    const page = await loggedInPage(browser, "E2E_MUNICIPALITY_URL", "MUNICIPAL_OFFICER");
    await visible(page.getByRole("heading", { level: 2, name: municipality.name }));
    await visible(page.getByRole("table", { name: `Home-Start in ${municipality.name}, ${year}` }));
    const families = await figures(year);
    const cell = page.locator('[data-figure="families"] td');
    if (families.shown) expect(await cell.locator("[data-count]").getAttribute("data-count")).toBe(String(families.value));
    else await visible(cell.locator("[data-suppressed]"));
    await checkPrivacy(page);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Another year, chosen in the form; the same rules hold.
    await page.getByLabel("Jaar").fill(String(year - 1));
    await page.getByRole("button", { name: "Toon cijfers" }).click();
    await visible(page.getByRole("table", { name: `Home-Start in ${municipality.name}, ${year - 1}` }));
    await checkPrivacy(page);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A mark's link leads to its explanation.
    const mark = page.locator("main [data-suppressed]").first();
    if ((await mark.count()) > 0) {
      await mark.focus();
      await page.keyboard.press("Enter");
      expect(await page.evaluate(() => window.location.hash)).toMatch(/^#suppression-note-/);
    }
  });

  test("English marks and explanations", async () => {
    const page = await loggedInPage(browser, "E2E_MUNICIPALITY_URL", "MUNICIPAL_OFFICER");
    await page.goto(`${portalUrl("E2E_MUNICIPALITY_URL")}/?jaar=${new Date().getFullYear() - 2}`);
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Your municipality's figures" }));
    await visible(page.getByRole("columnheader", { name: "Families", exact: true }));
    const marks = await page.locator("main [data-suppressed]").allTextContents();
    for (const mark of marks) expect(["< 5", "hidden", "not shown", "–"]).toContain(mark);
    if (marks.length > 0) await visible(page.getByRole("heading", { name: "Why some figures are not shown" }));
    await page.getByRole("button", { name: "Nederlands" }).click();
  });
});
