import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiSession,
  demoLogin,
  loggedInPage,
  logIn,
  parseDutchCount,
  portalSuite,
  visible,
  withPortalPage,
} from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

portalSuite({
  portal: "national",
  urlVariable: "E2E_NATIONAL_URL",
  title: { nl: "Landelijk Steunpunt", en: "National office" },
  role: "NATIONAL_STAFF",
  wrongRole: "COORDINATOR",
  wrongRoleMessage: "Dit portaal is voor medewerkers van het Landelijk Steunpunt",
  homeHeading: { nl: "Landelijk overzicht", en: "National overview" },
  home: { nl: ["Kerncijfers", "Open locaties", "Bekijk de jaarcijfers"], en: ["Key figures", "Open locations", "View the annual figures"] },
});

test("an administrator works in the national portal too", () =>
  withPortalPage("E2E_NATIONAL_URL", async (page) => {
    await logIn(page, demoLogin("ADMIN"));
    await visible(page.getByRole("heading", { level: 1, name: "Landelijk overzicht" }));
    await visible(page.getByRole("banner").getByText("Beheerder", { exact: true }));
  }));

const OVERVIEW_FIELDS = [
  "municipalitiesOffering",
  "locations",
  "activeLicences",
  "licencesExpiringSoon",
  "visitatiesOverdue",
  "visitatiesDueSoon",
] as const;
type Overview = Record<(typeof OVERVIEW_FIELDS)[number], number>;

describe("national pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("the overview shows the six numbers the API answers", async () => {
    const api = await apiSession(demoLogin("NATIONAL_STAFF"));
    const { nationalOverview } = await api<{ nationalOverview: Overview }>(`{ nationalOverview { ${OVERVIEW_FIELDS.join(" ")} } }`);
    const page = await loggedInPage(browser, "E2E_NATIONAL_URL", "NATIONAL_STAFF");
    await visible(page.locator("[data-stat]").first());
    for (const field of OVERVIEW_FIELDS) {
      const shown = await page.locator(`[data-stat="${field}"] .hs-stat__value`).textContent();
      expect(parseDutchCount(shown), field).toBe(nationalOverview[field]);
    }
    expect(await page.locator("[data-stat]").count()).toBe(OVERVIEW_FIELDS.length);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("Jaarcijfers shows last year's families as the API counts them; a refused year says why at the field", async () => {
    const year = new Date().getFullYear() - 1;
    const api = await apiSession(demoLogin("NATIONAL_STAFF"));
    const { annualFigures } = await api<{ annualFigures: { figures: { families: number; children: number } } }>(
      "query E2eFigures($year: Int!) { annualFigures(year: $year) { ... on AnnualFiguresSuccess { figures { families children } } } }",
      { year },
    );
    const page = await loggedInPage(browser, "E2E_NATIONAL_URL", "NATIONAL_STAFF");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Jaarcijfers" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Jaarcijfers" }));
    expect(await page.getByLabel("Jaar").inputValue()).toBe(String(year));
    await visible(page.getByRole("table", { name: `Landelijke cijfers ${year}` }));
    expect(await page.locator('[data-figure="families"] [data-count]').getAttribute("data-count")).toBe(
      String(annualFigures.figures.families),
    );
    expect(parseDutchCount(await page.locator('[data-figure="families"] td').textContent())).toBe(annualFigures.figures.families);
    expect(parseDutchCount(await page.locator('[data-figure="children"] td').textContent())).toBe(annualFigures.figures.children);
    await visible(page.getByRole("table", { name: `Gezinnen per risicofactor in ${year}` }));
    expect(await seriousAxeViolations(page)).toEqual([]);

    const { annualFigures: refused } = await api<{ annualFigures: { __typename: string; message?: { nl: string } } }>(
      "{ annualFigures(year: 1900) { __typename ... on Refusal { message { nl } } } }",
    );
    expect(refused.__typename).toBe("Refusal");
    await page.getByLabel("Jaar").fill("1900");
    await page.getByRole("button", { name: "Toon cijfers" }).click();
    await visible(page.getByText(refused.message?.nl ?? "?", { exact: true }).first());
    // The refusal marks the field once React has rendered the answer: wait for it rather than race it.
    await visible(page.locator('input[aria-invalid="true"]'));
    expect(await page.getByLabel("Jaar").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Jaar").evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
