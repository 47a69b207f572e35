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

interface Municipality {
  id: string;
  code: string;
  name: string;
  agePolicies: { validFrom: string; validUntil: string | null; maxAgeInclusive: number }[];
}
const FIELDS = "id code name agePolicies { validFrom validUntil maxAgeInclusive }";

describe("municipalities, organisations and locations", () => {
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

  test("the overview's 'offered' number opens the municipalities filtered on offered", async () => {
    const { municipalities } = await api<{ municipalities: { edges: { node: { code: string } }[] } }>(
      "{ municipalities(offered: true, first: 25) { edges { node { code } } } }",
    );
    const link = await visible(page.locator('[data-stat="municipalitiesOffering"] a'));
    const count = parseDutchCount(await link.textContent());
    await link.click();
    await visible(page.getByRole("heading", { level: 1, name: "Gemeenten" }));
    expect(page.url()).toContain("aangeboden=ja");
    await visible(page.locator("[data-list=municipalities]"));
    const codes = await page.locator("[data-municipality]").evaluateAll((rows) => rows.map((r) => r.getAttribute("data-municipality")));
    expect(codes).toEqual(municipalities.edges.map((e) => e.node.code));
    expect(await page.locator('[data-municipality][data-offered="false"]').count()).toBe(0);
    if (count <= 25) expect(codes.length).toBe(count);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "national-municipalities.png");
  });

  test("a new age policy from a date is added to the history; one before the newest is refused with the API's reason", async () => {
    const { municipalities } = await api<{ municipalities: { edges: { node: Municipality }[] } }>(
      `{ municipalities(offered: true, first: 10) { edges { node { ${FIELDS} } } } }`,
    );
    const m = municipalities.edges.map((e) => e.node).find((x) => x.agePolicies.length > 0);
    if (!m) throw new Error("an offered municipality with an age policy");
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/gemeenten?zoek=${encodeURIComponent(m.name)}`);
    await page.locator(`[data-municipality="${m.code}"]`).getByRole("link", { name: m.name }).click();
    await visible(page.getByRole("heading", { level: 1, name: `Gemeente ${m.name}` }));
    await visible(page.getByRole("table", { name: "Leeftijdsbeleid, nieuwste eerst" }));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Before the newest policy: refused, at the field.
    const newest =
      m.agePolicies
        .map((p) => p.validFrom)
        .sort()
        .at(-1) ?? "2000-01-01";
    const { setAgePolicy: refused } = await api<{ setAgePolicy: { __typename: string; message?: { nl: string } } }>(
      "mutation E2ePolicy($id: ID!, $from: Date!) { setAgePolicy(input: { municipalityId: $id, validFrom: $from, maxAgeInclusive: 14 }) { __typename ... on Refusal { message { nl } } } }",
      { id: m.id, from: "2000-01-01" },
    );
    expect(refused.__typename).toBe("Refusal");
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Nieuw leeftijdsbeleid vanaf een datum" }) });
    await form.getByLabel("Geldt vanaf").fill("2000-01-01");
    await form.getByLabel("Leeftijden").selectOption("14");
    await form.getByRole("button", { name: "Beleid vastleggen" }).click();
    await visible(form.getByRole("alert").getByText(refused.message?.nl ?? "?"));
    expect(await form.getByLabel("Geldt vanaf").getAttribute("aria-invalid")).toBe("true");

    // From next year: added; the policy then in force ends the day before.
    const from = `${new Date().getFullYear() + 1}-01-01`;
    expect(from > newest).toBe(true);
    await form.getByLabel("Geldt vanaf").fill(from);
    await form.getByLabel("Leeftijden").selectOption("17");
    await form.getByLabel("Toelichting").fill("Uitbreiding naar 0 t/m 17 (e2e)");
    await form.getByRole("button", { name: "Beleid vastleggen" }).click();
    await visible(page.getByRole("status").getByText("Het nieuwe leeftijdsbeleid is vastgelegd."));
    await visible(page.locator(`[data-policies] tr[data-valid-from="${from}"][data-max-age="17"]`));
    await visible(page.locator(`[data-policies] [data-valid-until="${new Date().getFullYear()}-12-31"]`));
    const { municipalities: after } = await api<{ municipalities: { edges: { node: Municipality }[] } }>(
      `query E2eM($s: String!) { municipalities(search: $s, first: 1) { edges { node { ${FIELDS} } } } }`,
      { s: m.code },
    );
    expect(after.edges[0]?.node.agePolicies.length).toBe(m.agePolicies.length + 1);
  });

  test("a decision recorded at a municipality leads to a licence application for it", async () => {
    const { municipalities } = await api<{ municipalities: { edges: { node: Municipality }[] } }>(
      `{ municipalities(offered: false, first: 1) { edges { node { ${FIELDS} } } } }`,
    );
    const m = municipalities.edges[0]?.node;
    if (!m) throw new Error("a municipality without Home-Start");
    const { organisations } = await api<{
      organisations: { edges: { node: { id: string; name: string; locations: { id: string }[] } }[] };
    }>("{ organisations(first: 50) { edges { node { id name locations { id } } } } }");
    const org = organisations.edges.map((e) => e.node).find((o) => o.locations.length > 0);
    if (!org) throw new Error("an organisation with a location");
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/gemeenten/${m.code}`);
    await visible(page.getByRole("heading", { level: 1, name: `Gemeente ${m.name}` }));
    const form = page.locator("form", { has: page.getByRole("heading", { name: "Beschikking vastleggen" }) });
    const year = new Date().getFullYear();
    await form.getByLabel("Uitvoerende organisatie").selectOption(org.id);
    await form.getByLabel("Kenmerk van de beschikking").fill(`E2E-${year}-001`);
    await form.getByLabel("Datum besluit").fill(`${year}-01-15`);
    await form.getByLabel("Geldig vanaf").fill(`${year}-02-01`);
    await form.getByRole("button", { name: "Beschikking vastleggen" }).click();
    await visible(page.getByRole("status").getByText("De beschikking is vastgelegd.", { exact: false }));
    await page.getByRole("link", { name: `Licentie aanvragen met beschikking E2E-${year}-001` }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Licentie aanvragen" }));
    const box = page.getByRole("checkbox", { name: new RegExp(`^${m.name} – beschikking E2E-${year}-001`) });
    expect(await box.isChecked()).toBe(true);
    const location = page.getByLabel("Locatie");
    if ((await location.inputValue()) === "") await location.selectOption({ index: 1 });
    await page.getByRole("button", { name: "Aanvraag vastleggen" }).click();
    await visible(page.locator('[data-licence-status="APPLIED"]'));
    await visible(page.getByRole("main").getByRole("link", { name: m.name }));
  });

  test("organisations and locations: a location shows coordinators, municipalities served, licence and visitaties; its details are saved", async () => {
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/`);
    await page.locator('[data-stat="locations"] a').click();
    await visible(page.getByRole("heading", { level: 1, name: "Locaties" }));
    await visible(page.locator("[data-list=locations]"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    const first = page.locator("[data-list=locations] tbody tr").first();
    const name = (await first.getAttribute("data-location")) ?? "";
    await first.getByRole("link", { name }).click();
    await visible(page.getByRole("heading", { level: 1, name }));
    await visible(page.getByRole("heading", { level: 2, name: "Coördinatoren" }));
    await visible(page.getByRole("heading", { level: 2, name: "Gemeenten die de locatie bedient" }));
    await visible(page.getByRole("link", { name: "Naar de visitaties van deze locatie" }));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // Serving a municipality already served is refused with the API's reason; a new one is added from a date.
    const locationId = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
    const { location } = await api<{
      location: { servedMunicipalities: { servedUntil: string | null; municipality: { id: string; name: string } }[] };
    }>("query E2eServed($id: ID!) { location(id: $id) { servedMunicipalities { servedUntil municipality { id name } } } }", {
      id: locationId,
    });
    const current = location.servedMunicipalities.find((s) => s.servedUntil === null);
    const serve = page.locator("form", { has: page.getByRole("heading", { name: "Een gemeente gaan bedienen" }) });
    if (current) {
      await serve.getByLabel("Zoek de gemeente").fill(current.municipality.name);
      await serve.getByLabel("Gemeente", { exact: true }).selectOption(current.municipality.id);
      await serve.getByLabel("Vanaf").fill(`${new Date().getFullYear()}-01-01`);
      await serve.getByRole("button", { name: "Gaan bedienen" }).click();
      await visible(serve.getByRole("alert"));
      expect(await serve.getByRole("alert").textContent()).toContain("al bediend");
    }
    const { municipalities: free } = await api<{ municipalities: { edges: { node: { id: string; name: string } }[] } }>(
      "{ municipalities(offered: false, first: 20) { edges { node { id name } } } }",
    );
    const fresh = free.edges.map((e) => e.node).find((m) => !location.servedMunicipalities.some((s) => s.municipality.id === m.id));
    if (!fresh) throw new Error("a municipality the location does not serve");
    await serve.getByLabel("Zoek de gemeente").fill(fresh.name);
    await serve.getByLabel("Gemeente", { exact: true }).selectOption(fresh.id);
    await serve.getByLabel("Vanaf").fill(`${new Date().getFullYear() + 1}-01-01`);
    await serve.getByRole("button", { name: "Gaan bedienen" }).click();
    await visible(page.getByRole("status").getByText("De bediende gemeenten zijn bijgewerkt."));
    await visible(page.getByRole("table", { name: "Bediende gemeenten, nieuwste eerst" }).getByRole("link", { name: fresh.name }));

    await page.getByLabel("Telefoonnummer").fill("033 123 45 67");
    await page.getByRole("button", { name: "Opslaan" }).click();
    await visible(page.getByRole("status").getByText("De gegevens zijn opgeslagen."));

    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Organisaties" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Uitvoerende organisaties" }));
    await visible(page.locator("[data-list=organisations]"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.locator("[data-list=organisations] tbody tr").first().getByRole("link").click();
    await visible(page.getByRole("heading", { level: 2, name: "Locaties" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
