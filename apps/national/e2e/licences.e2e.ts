import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import {
  apiSession,
  demoLogin,
  type GraphqlCall,
  loggedInPage,
  parseDutchCount,
  portalUrl,
  saveScreenshot,
  visible,
} from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

interface LicenceNode {
  id: string;
  number: string;
  status: string;
  version: number;
  allowedTransitions: string[];
}

const LICENCE_FIELDS = "id number status version allowedTransitions";

describe("licences", () => {
  let browser: Browser;
  let api: GraphqlCall;
  let page: Page;
  beforeAll(async () => {
    browser = await launchBrowser();
    api = await apiSession(demoLogin("NATIONAL_STAFF"));
    page = await loggedInPage(browser, "E2E_NATIONAL_URL", "NATIONAL_STAFF");
  });
  afterAll(async () => {
    await browser?.close();
  });

  const licence = async (id: string) =>
    (await api<{ licence: LicenceNode }>(`query E2eLicence($id: ID!) { licence(id: $id) { ${LICENCE_FIELDS} } }`, { id })).licence;
  const shownTransitions = () =>
    page.locator("[data-transitions] [data-transition]").evaluateAll((els) => els.map((e) => e.getAttribute("data-transition")));

  test("the overview's 'ending soon' number opens the licence list filtered the same way", async () => {
    const { nationalOverview } = await api<{ nationalOverview: { licencesExpiringSoon: number } }>(
      "{ nationalOverview { licencesExpiringSoon } }",
    );
    const { licences } = await api<{ licences: { edges: { node: { number: string } }[] } }>(
      "{ licences(status: [ACTIVE], expiringWithinDays: 90, first: 25, orderBy: VALID_UNTIL) { edges { node { number } } } }",
    );
    const link = await visible(page.locator('[data-stat="licencesExpiringSoon"] a'));
    expect(parseDutchCount(await link.textContent())).toBe(nationalOverview.licencesExpiringSoon);
    await link.click();
    await visible(page.getByRole("heading", { level: 1, name: "Licenties" }));
    expect(page.url()).toContain("verloopt=90");
    expect(await page.getByLabel("Looptijd").inputValue()).toBe("90");
    if (licences.edges.length === 0) {
      await visible(page.getByText("Geen licenties gevonden"));
    } else {
      await visible(page.locator("[data-list=licences]"));
      const numbers = await page.locator("[data-licence]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-licence")));
      expect(numbers).toEqual(licences.edges.map((e) => e.node.number));
      if (licences.edges.length < 25) expect(numbers.length).toBe(nationalOverview.licencesExpiringSoon);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Reload keeps the filter (it lives in the address).
    await page.reload();
    await visible(page.getByRole("heading", { level: 1, name: "Licenties" }));
    expect(await page.getByLabel("Looptijd").inputValue()).toBe("90");
  });

  test("a licence shows exactly the API's allowed steps; suspending without a reason is refused with the reason; with one it is suspended", async () => {
    const { licences } = await api<{ licences: { edges: { node: LicenceNode }[] } }>(
      `{ licences(status: [ACTIVE], first: 1, orderBy: NUMBER) { edges { node { ${LICENCE_FIELDS} } } } }`,
    );
    const active = licences.edges[0]?.node;
    expect(active, "the seed has an active licence").toBeDefined();
    if (!active) return;
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/licenties/${encodeURIComponent(active.id)}`);
    await visible(page.getByRole("heading", { level: 1, name: `Licentie ${active.number}` }));
    expect(await shownTransitions()).toEqual(active.allowedTransitions);
    expect(await page.locator("[data-licence-status]").getAttribute("data-licence-status")).toBe("ACTIVE");
    await visible(page.getByRole("table", { name: "Statuswijzigingen, oudste eerst" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "national-licence.png");

    // No reason: the API refuses, and the page says why at the field.
    const { transitionLicence: refused } = await api<{ transitionLicence: { __typename: string; message?: { nl: string } } }>(
      `mutation E2eRefuse($id: ID!, $v: Int!) { transitionLicence(input: { licenceId: $id, version: $v, to: SUSPENDED }) { __typename ... on Refusal { message { nl } } } }`,
      { id: active.id, v: active.version },
    );
    expect(refused.__typename).toBe("Refusal");
    await page.locator('[data-transition="SUSPENDED"]').click();
    await page.getByRole("button", { name: "Bevestigen: Schorsen" }).click();
    const alert = await visible(page.getByRole("alert"));
    expect(await alert.textContent()).toContain(refused.message?.nl ?? "?");
    expect(await page.getByLabel("Reden").getAttribute("aria-invalid")).toBe("true");
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("Reden").fill("Visitatie: kwaliteitsnormen niet gehaald (e2e)");
    await page.getByRole("button", { name: "Bevestigen: Schorsen" }).click();
    await visible(page.getByRole("status").getByText("De status is gewijzigd in Geschorst."));
    await visible(page.locator('[data-licence-status="SUSPENDED"]'));
    await visible(page.locator('[data-history] tr[data-to="SUSPENDED"]').getByText("kwaliteitsnormen niet gehaald (e2e)"));
    const after = await licence(active.id);
    expect(after.status).toBe("SUSPENDED");
    expect(await shownTransitions()).toEqual(after.allowedTransitions);
  });

  test("the terms are saved with the version; someone else's change in between is a conflict that keeps what was typed", async () => {
    const { licences } = await api<{ licences: { edges: { node: LicenceNode }[] } }>(
      `{ licences(status: [ACTIVE], first: 2, orderBy: NUMBER) { edges { node { ${LICENCE_FIELDS} } } } }`,
    );
    const target = licences.edges[1]?.node ?? licences.edges[0]?.node;
    if (!target) throw new Error("no active licence");
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/licenties/${encodeURIComponent(target.id)}`);
    await visible(page.getByRole("heading", { level: 1, name: `Licentie ${target.number}` }));
    await page.getByLabel("Betaalstatus").selectOption("OVERDUE");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await visible(page.getByText("De voorwaarden zijn opgeslagen."));
    await visible(page.locator("[data-fee-status]").getByText("Betaling te laat"));

    // Someone else saves in between.
    const now = await licence(target.id);
    await api(
      `mutation E2eTerms($id: ID!, $v: Int!) { updateLicenceTerms(input: { licenceId: $id, version: $v, feePaymentStatus: PAID }) { __typename } }`,
      { id: target.id, v: now.version },
    );
    await page.getByLabel("Uitvoeringsvoorwaarden").fill("Nieuwe voorwaarden (e2e)");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await visible(page.getByText("Iemand anders heeft deze licentie intussen gewijzigd", { exact: false }));
    expect(await page.getByLabel("Uitvoeringsvoorwaarden").inputValue()).toBe("Nieuwe voorwaarden (e2e)");
    // The page now shows the other change and saves with the new version.
    await visible(page.locator("[data-fee-status]").getByText("Betaald"));
    await page.getByRole("button", { name: "Opslaan" }).click();
    await visible(page.getByText("De voorwaarden zijn opgeslagen."));
  });

  test("a licence goes from the municipal decision to active: apply, grant, activate", async () => {
    const { organisations } = await api<{
      organisations: {
        edges: {
          node: {
            id: string;
            locations: { id: string }[];
            municipalDecisions: { id: string; effectiveFrom: string; effectiveUntil: string | null; municipality: { name: string } }[];
          };
        }[];
      };
    }>(
      "{ organisations(first: 50) { edges { node { id locations { id } municipalDecisions { id effectiveFrom effectiveUntil municipality { name } } } } } }",
    );
    const today = new Date().toISOString().slice(0, 10);
    const inEffect = (d: { effectiveFrom: string; effectiveUntil: string | null }) =>
      d.effectiveFrom <= today && (d.effectiveUntil === null || d.effectiveUntil >= today);
    const org = organisations.edges.map((e) => e.node).find((o) => o.locations.length > 0 && o.municipalDecisions.some(inEffect));
    const decision = org?.municipalDecisions.find(inEffect);
    if (!org || !decision) throw new Error("the seed has an organisation with a decision in effect");
    await page.goto(
      `${portalUrl("E2E_NATIONAL_URL")}/licenties/aanvragen?organisatie=${encodeURIComponent(org.id)}&besluit=${encodeURIComponent(decision.id)}`,
    );
    await visible(page.getByRole("heading", { level: 1, name: "Licentie aanvragen" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    const location = page.getByLabel("Locatie");
    if ((await location.inputValue()) === "") await location.selectOption({ index: 1 });
    await page.getByLabel("Licentievergoeding per jaar (euro)").fill("1250");
    await page.getByRole("button", { name: "Aanvraag vastleggen" }).click();
    await visible(page.locator('[data-licence-status="APPLIED"]'));
    expect(await shownTransitions()).toEqual(["GRANTED", "TERMINATED"]);

    await page.locator('[data-transition="GRANTED"]').click();
    await page.getByRole("button", { name: "Bevestigen: Verlenen" }).click();
    await visible(page.locator('[data-licence-status="GRANTED"]'));

    await page.locator('[data-transition="ACTIVE"]').click();
    const year = new Date().getFullYear();
    await page.getByLabel("Looptijd vanaf").fill(`${year}-01-01`);
    await page.getByLabel("Looptijd tot en met").fill(`${year + 3}-12-31`);
    await page.getByRole("button", { name: "Bevestigen: Activeren" }).click();
    await visible(page.locator('[data-licence-status="ACTIVE"]'));
    expect(await page.locator("[data-history] tr").count()).toBeGreaterThanOrEqual(3);
  });
});
