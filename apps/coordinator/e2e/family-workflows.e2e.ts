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

// The family page's workflows against the real API: each test registers its own family through the
// API (so it does not depend on, or use up, the seeded families other tests need).

interface Options {
  me: { locations: Array<{ id: string; registrationMunicipalities: Array<{ id: string }> }> };
}
interface Registered {
  registerFamily: { __typename: string; family?: { id: string } };
}
interface FamilyState {
  family: {
    status: string;
    version: number;
    consents: Array<{ type: string; action: string }>;
    referrerNotices: Array<{ kind: string; status: string }>;
  } | null;
}

/** A date `years` years before today, YYYY-MM-DD. */
function yearsAgo(years: number): string {
  const d = new Date();
  d.setFullYear(d.getFullYear() - years);
  return d.toISOString().slice(0, 10);
}

/** Registers a referred family with a one-year-old child and every consent, as a coordinator would. */
async function registerFamily(api: GraphqlCall, lastName: string): Promise<string> {
  const { me } = await api<Options>("{ me { locations { id registrationMunicipalities { id } } } }");
  const location = me.locations.find((l) => l.registrationMunicipalities.length > 0);
  if (!location) throw new Error("The demo coordinator's location has no municipality to register from");
  const answer = await api<Registered>(
    `mutation E2eRegister($input: RegisterFamilyInput!) {
      registerFamily(input: $input) { __typename ... on RegisterFamilySuccess { family { id } } ... on Refusal { code message { nl } } }
    }`,
    {
      input: {
        locationId: location.id,
        municipalityId: location.registrationMunicipalities[0]?.id,
        source: "REFERRER",
        referrer: { type: "DISTRICT_NURSE", name: "E2E Verwijzer", organisation: "GGD", email: "verwijzer@ggd.example", phone: null },
        parents: [{ firstName: "Noor", lastName, phone: null, email: `${lastName.toLowerCase()}@example.nl` }],
        children: [{ firstName: "Mila", bornOn: yearsAgo(1), expectedOn: null }],
        consents: ["CONTACT_BY_COORDINATOR", "PROCESSING", "NOTIFY_REFERRER_START_END", "SHARE_DETAILS_WITH_REFERRER"],
        postcode: null,
        address: null,
        note: null,
      },
    },
  );
  const id = answer.registerFamily.family?.id;
  if (!id) throw new Error(`registerFamily refused: ${JSON.stringify(answer)}`);
  return id;
}

const STATE_QUERY = `query E2eFamilyState($id: ID!) {
  family(id: $id) { status version consents { type action } referrerNotices { kind status } }
}`;

async function openFamily(page: Page, id: string, lastName: string): Promise<void> {
  await page.goto(`${portalUrl("E2E_COORDINATOR_URL")}/gezinnen/${encodeURIComponent(id)}`);
  await visible(page.getByRole("heading", { level: 1, name: new RegExp(`^Gezin .*${lastName}`) }));
}

describe("the family page's workflows", () => {
  let browser: Browser;
  let api: GraphqlCall;
  beforeAll(async () => {
    browser = await launchBrowser();
    api = await apiSession(demoLogin("COORDINATOR"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("Vandaag links each signal to its record; a registration not called back opens where the call-back is one click", async () => {
    const { dashboard } = await api<{ dashboard: Array<{ code: string; familyId: string | null; volunteerId: string | null }> }>(
      "{ dashboard { code familyId volunteerId } }",
    );
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    await visible(page.locator("[data-signal]").first());
    // Every signal about a family or a volunteer links to that record.
    for (const [i, signal] of dashboard.entries()) {
      const item = page.locator("[data-signal]").nth(i);
      if (signal.familyId) expect(await item.locator(`a[href="/gezinnen/${encodeURIComponent(signal.familyId)}"]`).count()).toBe(1);
      if (signal.volunteerId)
        expect(await item.locator(`a[href="/vrijwilligers/${encodeURIComponent(signal.volunteerId)}"]`).count()).toBe(1);
    }
    expect(await seriousAxeViolations(page)).toEqual([]);

    // A registration not called back (the seed's are all within the three working days, so they are no
    // signal yet): from the list filtered on "Aangemeld", its page records the call-back in one click.
    const { families } = await api<{ families: { edges: Array<{ node: { id: string; calledBackAt: string | null } }> } }>(
      "{ families(first: 50, status: REGISTERED) { edges { node { id calledBackAt } } } }",
    );
    const fresh = families.edges
      .map((e) => e.node)
      .filter((f) => f.calledBackAt === null)
      .at(-1);
    expect(fresh, "the seed has a registration that was not called back").toBeTruthy();
    const signal = dashboard.find((s) => s.familyId === fresh?.id);
    if (signal) {
      await page
        .locator(`[data-signal] a[href="/gezinnen/${encodeURIComponent(fresh?.id ?? "")}"]`)
        .first()
        .click();
    } else {
      await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Gezinnen" }).click();
      await page.getByLabel("Status").selectOption("REGISTERED");
      await page.getByRole("button", { name: "Zoeken" }).click();
      await page.waitForURL(/status=REGISTERED/);
      await visible(page.getByRole("table", { name: "Gezinnen die aan uw zoekopdracht voldoen" }));
      const link = page.locator(`a[href="/gezinnen/${encodeURIComponent(fresh?.id ?? "")}"]`);
      if ((await link.count()) > 0) await link.click();
      else await page.goto(`${portalUrl("E2E_COORDINATOR_URL")}/gezinnen/${encodeURIComponent(fresh?.id ?? "")}`);
    }
    await visible(page.getByRole("heading", { level: 1, name: /^Gezin / }));
    await page.getByRole("button", { name: "Teruggebeld: vastleggen" }).click();
    await visible(page.getByText("Vastgelegd dat u het gezin hebt teruggebeld."));
    await visible(page.getByRole("button", { name: "Kennismaking starten" }));
    await expect.poll(() => page.getByRole("button", { name: "Teruggebeld: vastleggen" }).count()).toBe(0);
  });

  test("call back → intake → intake complete; withdraw a consent; close and see the referrer notice; export the data", async () => {
    const lastName = "Werkstroomtest";
    const id = await registerFamily(api, lastName);
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await openFamily(page, id, lastName);
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Exactly the moves the API allows are offered.
    const status = page.locator('[data-section="status"]');
    await visible(status.getByRole("button", { name: "Kennismaking starten" }));
    expect(await status.getByRole("button", { name: "Kennismaking afgerond" }).count()).toBe(0);

    await status.getByRole("button", { name: "Teruggebeld: vastleggen" }).click();
    await visible(status.getByText("Vastgelegd dat u het gezin hebt teruggebeld."));
    await status.getByRole("button", { name: "Kennismaking starten" }).click();
    await visible(status.getByText("De status is nu: Kennismaking."));
    await status.getByRole("button", { name: "Kennismaking afgerond" }).click();
    await visible(status.getByText("De status is nu: Wacht op koppeling."));
    expect((await api<FamilyState>(STATE_QUERY, { id })).family?.status).toBe("WAITING_FOR_MATCH");
    await visible(status.locator('[data-status="WAITING_FOR_MATCH"]'));

    // Withdrawing a consent is one click plus a confirmation; the history shows it, newest first.
    const consents = page.locator('[data-section="consents"]');
    await consents
      .locator('[data-consent="SHARE_DETAILS_WITH_REFERRER"]')
      .getByRole("button", { name: /^Toestemming intrekken/ })
      .click();
    const dialog = page.getByRole("dialog");
    await visible(dialog.getByText("Trekken de ouders deze toestemming in"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await dialog.getByRole("button", { name: "Ja, intrekken" }).click();
    await visible(consents.getByText("Vastgelegd: de ouders trekken hun toestemming in voor:", { exact: false }));
    const firstRow = consents.locator("[data-consent-history] tbody tr").first();
    await visible(firstRow.getByText("Ingetrokken", { exact: true }));
    await visible(firstRow.getByText("Details over de ondersteuning delen met de verwijzer"));
    await visible(consents.locator('[data-consent="SHARE_DETAILS_WITH_REFERRER"][data-in-force="false"]'));
    const state = await api<FamilyState>(STATE_QUERY, { id });
    expect(state.family?.consents.at(-1)).toEqual({ type: "SHARE_DETAILS_WITH_REFERRER", action: "WITHDRAWN" });

    // Closing: the page says what happened to the referrer's closing notice.
    const closure = page.locator('[data-section="closure"]');
    await closure.getByLabel("Reden").selectOption("NO_MATCH_POSSIBLE");
    await closure.getByLabel("Notitie (niet verplicht)").fill("Geen vrijwilliger beschikbaar in de wijk.");
    await closure.getByRole("button", { name: "Ondersteuning afsluiten" }).click();
    await visible(closure.getByText("De ondersteuning is afgesloten"));
    const outcome = closure.locator("[data-notice-outcome]").first();
    await visible(outcome);
    const after = await api<FamilyState>(STATE_QUERY, { id });
    expect(after.family?.status).toBe("CLOSED");
    const endNotice = after.family?.referrerNotices.find((n) => n.kind === "END");
    if (endNotice) {
      expect(await outcome.getAttribute("data-notice-outcome")).toBe("queued");
      await visible(page.locator('[data-section="referrer-notices"] [data-notice="END"]'));
    } else {
      expect(await outcome.getAttribute("data-notice-outcome")).not.toBe("queued");
    }
    await visible(closure.locator("[data-closure]").getByText("Geen koppeling mogelijk"));
    expect(await page.locator('[data-section="status"]').getByRole("button").count()).toBe(0);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "coordinator-family-closed.png");

    // The GDPR export downloads a JSON file with the family's data.
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      page.getByRole("button", { name: "Download gegevens (AVG-inzageverzoek)" }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    const file = await download.path();
    const text = await readFile(file, "utf8");
    expect(() => JSON.parse(text)).not.toThrow();
    expect(text).toContain(lastName);
    await visible(page.getByText("Het bestand met de gegevens van het gezin is gedownload."));

    // The audit trail is collapsed and opens on request.
    const audit = page.locator('[data-section="audit"]');
    expect(await audit.getByRole("table").isVisible()).toBe(false);
    await audit.getByText(/^Toon de logboekregels/).click();
    await visible(audit.getByRole("table", { name: "Logboek van dit dossier, de nieuwste eerst" }));

    // English, once.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Consents" }));
    await visible(page.getByRole("button", { name: "Download data (GDPR access request)" }));
    await page.getByRole("button", { name: "Nederlands" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Toestemmingen" }));
  });

  test("an evaluation with the four scores is recorded for a family in support", async () => {
    const { families } = await api<{ families: { edges: Array<{ node: { id: string; parents: Array<{ lastName: string }> } }> } }>(
      "{ families(first: 10, status: ACTIVE) { edges { node { id parents { lastName } } } } }",
    );
    const target = families.edges.at(-1)?.node;
    expect(target).toBeTruthy();
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await openFamily(page, target?.id ?? "", target?.parents[0]?.lastName ?? "");
    const section = page.locator('[data-section="evaluations"]');
    await section.getByLabel("Tussenevaluatie").check();
    await section.getByLabel("Welzijn van de ouders").selectOption("4");
    await section.getByLabel("Positief opvoeden").selectOption("3");
    await section.getByLabel("Gedrag van het kind").selectOption("4");
    await section.getByLabel("Sociaal netwerk").selectOption("2");
    await section.getByLabel("Samenvatting").fill("E2E: het gaat beter met de slaap.");
    await section.getByRole("button", { name: "Evaluatie opslaan" }).click();
    await visible(section.getByText("De evaluatie is opgeslagen."));
    const row = section.locator("[data-evaluations] tbody tr", { hasText: "E2E: het gaat beter met de slaap." });
    await visible(row);
    expect(await row.locator("td").allTextContents()).toEqual(expect.arrayContaining(["Tussenevaluatie", "4", "3", "2"]));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("a save on a stale version says someone else changed it and keeps what was typed", async () => {
    const lastName = "Conflicttest";
    const id = await registerFamily(api, lastName);
    const first = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    const second = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await openFamily(first, id, lastName);
    await openFamily(second, id, lastName);
    for (const page of [first, second]) await page.getByRole("button", { name: "Gegevens wijzigen" }).click();

    await second.getByLabel("Notitie", { exact: true }).fill("Van de tweede pagina");
    await second.getByRole("button", { name: "Opslaan", exact: true }).click();
    await visible(second.locator('[data-section="facts"]').getByText("Van de tweede pagina"));

    await first.getByLabel("Notitie", { exact: true }).fill("Van de eerste pagina");
    await first.getByRole("button", { name: "Opslaan", exact: true }).click();
    await visible(first.getByRole("alert").getByText("Iemand anders heeft dit intussen gewijzigd", { exact: false }));
    await visible(first.locator("[data-conflict]"));
    expect(await first.getByLabel("Notitie", { exact: true }).inputValue()).toBe("Van de eerste pagina");
    expect(await seriousAxeViolations(first)).toEqual([]);

    // Load the latest version: the typed text stays, and saving again succeeds.
    await first.getByRole("button", { name: "Laad de nieuwste gegevens" }).click();
    await visible(first.locator('[data-section="facts"]').getByText("Van de tweede pagina"));
    expect(await first.getByLabel("Notitie", { exact: true }).inputValue()).toBe("Van de eerste pagina");
    await first.getByRole("button", { name: "Opslaan", exact: true }).click();
    await visible(first.locator('[data-section="facts"]').getByText("Van de eerste pagina"));
  });

  test("Gezinnen filters by registration date and municipality and sorts, all in the address", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await page.goto(`${portalUrl("E2E_COORDINATOR_URL")}/gezinnen`);
    await visible(page.getByRole("heading", { level: 1, name: "Gezinnen" }));
    const municipality = page.getByLabel("Gemeente", { exact: true });
    await expect.poll(() => municipality.locator("option").count(), { timeout: 15_000 }).toBeGreaterThan(1);
    const municipalityId = await municipality.locator("option").nth(1).getAttribute("value");
    await municipality.selectOption(municipalityId ?? "");
    await page.getByLabel("Aangemeld vanaf").fill(yearsAgo(5));
    await page.getByLabel("Sorteren op").selectOption("REGISTERED_ON_ASC");
    await page.getByRole("button", { name: "Zoeken" }).click();
    await page.waitForURL(/sortering=REGISTERED_ON_ASC/);
    const url = new URL(page.url());
    expect(url.searchParams.get("gemeente")).toBe(municipalityId);
    expect(url.searchParams.get("van")).toBe(yearsAgo(5));
    await visible(
      page.getByRole("table", { name: "Gezinnen die aan uw zoekopdracht voldoen" }).or(page.getByText("Geen gezinnen gevonden")),
    );
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The list is what the API answers for the same filters, in its order.
    const { families } = await api<{ families: { edges: Array<{ node: { id: string } }> } }>(
      `query E2eFiltered($m: ID, $from: Date) { families(first: 50, municipalityId: $m, registeredFrom: $from, orderBy: REGISTERED_ON_ASC) { edges { node { id } } } }`,
      { m: municipalityId, from: yearsAgo(5) },
    );
    const hrefs = await page.locator("table a[href^='/gezinnen/']").evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    expect(hrefs).toEqual(families.edges.map((e) => `/gezinnen/${encodeURIComponent(e.node.id)}`));

    // Reload keeps the filters.
    await page.reload();
    await visible(page.getByRole("heading", { level: 1, name: "Gezinnen" }));
    expect(await page.getByLabel("Sorteren op").inputValue()).toBe("REGISTERED_ON_ASC");
    expect(await page.getByLabel("Aangemeld vanaf").inputValue()).toBe(yearsAgo(5));
  });
});
