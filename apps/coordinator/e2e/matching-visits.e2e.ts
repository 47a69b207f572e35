import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, demoLogin, loggedInPage, portalUrl, saveScreenshot, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

/** Today and tomorrow in Dutch time, YYYY-MM-DD. */
function dutchDay(offsetDays = 0): string {
  const day = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(
    new Date(),
  );
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + offsetDays);
  return date.toISOString().slice(0, 10);
}

interface WaitingFamilies {
  families: {
    edges: Array<{
      node: {
        id: string;
        parents: Array<{ lastName: string }>;
        matchSuggestions: {
          ranked: Array<{ volunteer: { id: string; firstName: string; lastName: string } | null }>;
          excludedCount: number;
        };
      };
    }>;
  };
}

describe("visits and matching", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("Bezoeken: a visit logged from the week list shows as logged; a visit in the future is refused at its field", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Bezoeken" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Bezoeken" }));
    await visible(page.locator("[data-match]").first());
    expect(await seriousAxeViolations(page)).toEqual([]);

    const open = page.locator('[data-match][data-logged="false"]');
    expect(await open.count()).toBeGreaterThan(1);
    const matchId = await open.first().getAttribute("data-match");
    const row = page.locator(`[data-match="${matchId}"]`);
    await row.getByLabel("Uren").fill("1,5");
    await row.getByLabel("Korte notitie").fill("Samen naar de speeltuin");
    await row.getByRole("button", { name: "Vastleggen" }).click();
    await visible(row.getByText("Bezoek vastgelegd deze week"));
    await visible(row.getByRole("status").getByText(/vastgelegd \(1,5 uur\)/));
    expect(await row.getAttribute("data-logged")).toBe("true");

    // Another match, a day in the future: the API's reason shows at the date, and the hours stay.
    const other = page.locator('[data-match][data-logged="false"]').first();
    const tomorrow = dutchDay(1);
    await other.getByLabel("Datum").fill(tomorrow);
    await other.getByLabel("Uren").fill("2");
    await other.getByRole("button", { name: "Vastleggen" }).click();
    const date = other.getByLabel("Datum");
    await visible(other.getByText(`Het bezoek (${tomorrow}) ligt in de toekomst.`));
    expect(await date.getAttribute("aria-invalid")).toBe("true");
    expect(await other.getByLabel("Uren").inputValue()).toBe("2");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await saveScreenshot(page, "coordinator-visits-week.png");

    // The week is in the address: the previous week opens by link and survives a reload.
    await page.getByRole("link", { name: "Vorige week" }).click();
    await page.waitForURL(/\/bezoeken\?week=\d{4}-\d{2}-\d{2}$/);
    await page.reload();
    await visible(page.getByRole("link", { name: "Deze week" }));
  });

  test("a waiting family is matched to a suggested volunteer; the family page then shows the match and the referrer notice outcome", async () => {
    const api = await apiSession(demoLogin("COORDINATOR"));
    const { families } = await api<WaitingFamilies>(
      `{ families(first: 50, status: WAITING_FOR_MATCH) { edges { node { id parents { lastName }
          matchSuggestions { ranked { volunteer { id firstName lastName } } excludedCount } } } } }`,
    );
    // The last waiting family with a suggestion (other tests start from the newest registrations).
    const family = families.edges
      .map((e) => e.node)
      .filter((f) => f.matchSuggestions.ranked.some((r) => r.volunteer))
      .at(-1);
    expect(family).toBeDefined();
    if (!family) return;
    const volunteer = family.matchSuggestions.ranked.find((r) => r.volunteer)?.volunteer;
    if (!volunteer) throw new Error("no suggested volunteer");
    const name = `${volunteer.firstName} ${volunteer.lastName}`;

    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await page.goto(`${portalUrl("E2E_COORDINATOR_URL")}/gezinnen/${encodeURIComponent(family.id)}`);
    const section = page.locator('[data-section="match"]');
    await visible(section.getByRole("heading", { level: 2, name: "Koppeling en bezoeken" }));
    await visible(section.getByRole("heading", { name: "Voorgestelde vrijwilligers" }));
    await visible(section.locator("[data-suggestion]").first());
    // The volunteers not available are counted, and listed (with why) only when opened.
    const excluded = family.matchSuggestions.excludedCount;
    // The demo location always has volunteers who are full, in training or paused.
    expect(excluded).toBeGreaterThan(0);
    const list = section.locator("details").filter({ hasText: `Niet beschikbaar (${excluded})` });
    expect(await list.locator("li").count()).toBe(0);
    await list.getByText(`Niet beschikbaar (${excluded})`).click();
    await visible(list.locator("li").nth(excluded - 1));
    expect(await list.locator("li").count()).toBe(excluded);
    expect(await seriousAxeViolations(page)).toEqual([]);

    await section.getByRole("button", { name: `Koppelen met ${name}` }).click();
    const done = section.getByRole("status").filter({ hasText: `Gekoppeld met ${name}` });
    await visible(done);
    await visible(done.getByText("Bericht aan de verwijzer:"));
    await visible(done.locator("[data-notices] li").first());
    const current = section.locator("[data-current-match]");
    await visible(current.getByRole("link", { name }));

    // A visit logged on the family page lands in its visits and hours.
    await current.getByLabel("Uren").fill("2");
    await current.getByRole("button", { name: "Vastleggen" }).click();
    await visible(section.locator("[data-visits]").getByRole("cell", { name: "2", exact: true }));
    // Corrected in place: the table shows the new duration.
    await section
      .locator("[data-visits]")
      .getByRole("button", { name: /^Wijzigen bezoek van / })
      .first()
      .click();
    const correct = section.getByRole("form", { name: /^Bezoek van .* corrigeren$/ });
    await correct.getByLabel("Uren").fill("2,5");
    await correct.getByRole("button", { name: "Opslaan" }).click();
    await visible(section.locator("[data-visits]").getByRole("cell", { name: "2,5", exact: true }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "coordinator-family-match.png");
  });
});
