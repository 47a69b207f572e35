import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiSession,
  demoLogin,
  loggedInPage,
  portalSuite,
  portalUrl,
  saveScreenshot,
  visible,
  withPortalPage,
} from "../../../packages/ui/testing/portal-suite.ts";
import { DEMO_LOGINS } from "../../../prisma/seed.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

portalSuite({
  portal: "coordinator",
  urlVariable: "E2E_COORDINATOR_URL",
  title: { nl: "Coördinatorportaal", en: "Coordinator portal" },
  role: "COORDINATOR",
  wrongRole: "NATIONAL_STAFF",
  wrongRoleMessage: "Dit portaal is voor coördinatoren van Home-Start-locaties.",
  homeHeading: { nl: "Vandaag", en: "Today" },
  home: { nl: ["Direct actie nodig", "Let op"], en: ["Act now", "Attention"] },
});

test("a coordinator can log in with the keyboard alone, skip link first", () =>
  withPortalPage("E2E_COORDINATOR_URL", async (page) => {
    await visible(page.getByLabel("E-mailadres"));
    await page.keyboard.press("Tab");
    const skipLink = page.getByRole("link", { name: "Direct naar de inhoud" });
    expect(await skipLink.evaluate((el) => el === document.activeElement)).toBe(true);
    await visible(skipLink);
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main");
    await page.keyboard.press("Tab");
    const login = demoLogin("COORDINATOR");
    await page.keyboard.type(login.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(login.password);
    await page.keyboard.press("Enter");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
  }));

interface Signal {
  code: string;
  message: { nl: string };
  familyId: string | null;
}
interface FamilyAnswer {
  family: {
    id: string;
    children: Array<{ id: string; firstName: string | null }>;
    eligibility: { outcome: string; reasons: Array<{ message: { nl: string } }> };
  } | null;
}
const FAMILY_QUERY = `query E2eFamily($id: ID!) { family(id: $id) { id children { id firstName } eligibility { outcome reasons { message { nl } } } } }`;

describe("coordinator pages", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("Vandaag shows the API's signals; Gezinnen finds a family whose page shows its eligibility with reasons", async () => {
    const api = await apiSession(demoLogin("COORDINATOR"));
    const { dashboard } = await api<{ dashboard: Signal[] }>("{ dashboard { code message { nl } familyId } }");
    expect(dashboard.length).toBeGreaterThan(0);

    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    const signals = page.locator("[data-signal]");
    await visible(signals.first());
    expect(await signals.count()).toBe(dashboard.length);
    // Most urgent first, in the user's language, as the API says it.
    await visible(page.getByText(dashboard[0]?.message.nl ?? "", { exact: true }).first());
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Gezinnen: search by the last name of one of the active families.
    const { families } = await api<{ families: { edges: Array<{ node: { id: string; parents: Array<{ lastName: string }> } }> } }>(
      "{ families(first: 1, status: ACTIVE) { edges { node { id parents { lastName } } } } }",
    );
    const target = families.edges[0]?.node;
    const lastName = target?.parents[0]?.lastName;
    expect(lastName).toBeTruthy();
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gezinnen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Gezinnen" }));
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
    await visible(page.getByRole("table", { name: "Gezinnen van uw locatie" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Zoek op naam van een ouder").fill(lastName ?? "");
    await page.getByLabel("Status").selectOption("ACTIVE");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await visible(page.getByRole("table", { name: "Gezinnen die aan uw zoekopdracht voldoen" }));
    const link = page.locator(`a[href="/gezinnen/${encodeURIComponent(target?.id ?? "")}"]`);
    await visible(link);
    await link.click();

    // The family page: the API's verdict and every reason, with the child's name for its id.
    const { family } = await api<FamilyAnswer>(FAMILY_QUERY, { id: target?.id });
    expect(family).not.toBeNull();
    await visible(page.getByRole("heading", { level: 1, name: new RegExp(`^Gezin .*${lastName}`) }));
    await visible(page.getByRole("heading", { level: 2, name: "Komt het gezin in aanmerking?" }));
    const verdict = page.locator(`[data-outcome="${family?.eligibility.outcome}"]`);
    await visible(verdict);
    const outcomes: Record<string, string> = {
      ELIGIBLE: "Komt in aanmerking",
      NOT_YET: "Komt nog niet in aanmerking",
      NOT_ELIGIBLE: "Komt niet in aanmerking",
      INCOMPLETE: "Nog niet te beoordelen: gegevens ontbreken",
    };
    await visible(verdict.getByText(outcomes[family?.eligibility.outcome ?? ""] ?? "?", { exact: true }));
    const reasons = page.locator("[data-reason]");
    expect(await reasons.count()).toBe(family?.eligibility.reasons.length);
    expect(family?.eligibility.reasons.length).toBeGreaterThan(0);
    const named = (text: string) =>
      (family?.children ?? []).reduce((acc, c) => (c.firstName ? acc.split(c.id).join(c.firstName) : acc), text);
    expect(await reasons.first().textContent()).toBe(named(family?.eligibility.reasons[0]?.message.nl ?? ""));
    await visible(page.getByText(/\d+ t\/m \d+ jaar, vanaf \d+ weken zwangerschap/).first());
    await visible(page.getByRole("table", { name: "Kinderen van het gezin en of zij het gezin laten meetellen" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "coordinator-family.png");

    // English follows, including the API's reasons.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Is the family eligible?" }));
    await page.getByRole("button", { name: "Nederlands" }).click();
  });

  test("a family of another location, opened by its address, is 'Gezin niet gevonden'", async () => {
    const second = DEMO_LOGINS.find((l) => l.email === "coordinator2@demo.home-start.nl");
    if (!second) throw new Error("prisma/seed.ts has no coordinator2@demo.home-start.nl");
    const other = await apiSession(second);
    const { families } = await other<{ families: { edges: Array<{ node: { id: string } }> } }>(
      "{ families(first: 1) { edges { node { id } } } }",
    );
    const foreignId = families.edges[0]?.node.id;
    expect(foreignId).toBeTruthy();
    // The API itself answers null for the first coordinator…
    const mine = await apiSession(demoLogin("COORDINATOR"));
    expect((await mine<FamilyAnswer>(FAMILY_QUERY, { id: foreignId })).family).toBeNull();

    // …and the portal says so plainly, with a way back.
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    await page.goto(`${portalUrl("E2E_COORDINATOR_URL")}/gezinnen/${encodeURIComponent(foreignId ?? "")}`);
    await visible(page.getByRole("heading", { level: 1, name: "Gezin niet gevonden" }));
    await visible(page.getByText("hoort niet bij uw locatie", { exact: false }).first());
    expect(await page.title()).toContain("Gezin niet gevonden");
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("link", { name: "Naar alle gezinnen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Gezinnen" }));
  });
});
