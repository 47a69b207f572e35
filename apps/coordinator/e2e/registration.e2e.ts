import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { loggedInPage, saveScreenshot, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

describe("registering a family", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a refusal from the API shows at its field and keeps what was typed; a complete form lands on the new family's page", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanmelden" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Gezin aanmelden" }));
    expect(await seriousAxeViolations(page)).toEqual([]);

    const municipality = page.getByLabel("Gemeente", { exact: true });
    const options = await municipality.locator("option").allTextContents();
    expect(options.length).toBeGreaterThan(1);
    await municipality.selectOption({ index: 1 });
    await page.getByLabel("Naam van de verwijzer").fill("J. de Wit");
    await page.getByLabel("E-mailadres").first().fill("j.dewit@ggd.example");
    await page.getByRole("group", { name: "Ouder", exact: true }).getByLabel("Voornaam").fill("Sanne");
    await page.getByRole("group", { name: "Ouder", exact: true }).getByLabel("Achternaam").fill("Registratietest");
    await page.getByRole("group", { name: "Ouder", exact: true }).getByLabel("Telefoonnummer").fill("06 12345678");
    await page.getByLabel("Geboortedatum").fill("2025-03-14");

    // Without the consent to be called back, the API refuses and the form keeps every value.
    await page.getByRole("button", { name: "Gezin aanmelden" }).click();
    const problem = page.getByRole("alert");
    await visible(problem.getByText("Aanmelden kan alleen als de ouders het goed vinden dat de coördinator hen belt."));
    expect(await page.getByRole("group", { name: "Ouder", exact: true }).getByLabel("Achternaam").inputValue()).toBe("Registratietest");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("De coördinator mag de ouders bellen").check();
    await page.getByRole("button", { name: "Gezin aanmelden" }).click();
    await visible(page.getByRole("heading", { level: 1, name: /^Gezin .*Registratietest/ }));
    await saveScreenshot(page, "coordinator-registered-family.png");
  });
});
