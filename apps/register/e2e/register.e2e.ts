// Browser tests of the public registration page (apps/register) against the real API on the seeded
// demo database: a parent registers in Arabic on a phone, a referrer registers the same family in
// Dutch, the coordinator of the serving location gets both (language, duplicate warning), a
// municipality without Home-Start gets the kind answer, Tigrinya renders in Noto Sans Ethiopic.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, apiUrl, demoLogin, saveScreenshot, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";
import { DICTIONARIES, type Key, type Locale, translate } from "../src/i18n.ts";

const AR = (key: Key, values?: Record<string, string | number>) => translate("ar", key, values);
const NL = (key: Key, values?: Record<string, string | number>) => translate("nl", key, values);

function registerUrl(): string {
  const url = process.env.E2E_REGISTER_URL;
  if (!url) throw new Error("E2E_REGISTER_URL is not set: run through vitest.e2e.config.ts (its global setup starts the page).");
  return url;
}

/** The public API, as the page calls it (no login). */
async function publicApi<T>(query: string, variables: Record<string, unknown>): Promise<T> {
  const res = await fetch(`${apiUrl()}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ query, variables }),
  });
  const json = (await res.json()) as { data?: T; errors?: unknown };
  if (!json.data) throw new Error(JSON.stringify(json.errors));
  return json.data;
}

const SERVED = "Amersfoort"; // the demo coordinator's location serves it (prisma/seed/fixtures.ts)
const unique = Date.now().toString().slice(-6);
const family = {
  firstName: "Amal",
  lastName: `Haddad-${unique}`,
  phone: `06 55${unique}`,
  email: `amal.${unique}@example.org`,
  bornOn: "2024-05-02",
};

type CoordinatorFamily = {
  id: string;
  channel: string;
  source: string;
  status: string;
  preferredLanguage: string | null;
  parents: Array<{ lastName: string }>;
  possibleDuplicates: Array<{ familyId: string; matches: string[] }>;
};

async function coordinatorFamilies(): Promise<CoordinatorFamily[]> {
  const api = await apiSession(demoLogin("COORDINATOR"));
  const data = await api<{ families: { edges: Array<{ node: CoordinatorFamily }> } }>(
    `{ families(first: 50) { edges { node { id channel source status preferredLanguage parents { lastName } possibleDuplicates { familyId matches } } } } }`,
  );
  return data.families.edges.map((e) => e.node).filter((f) => f.parents.some((p) => p.lastName === family.lastName));
}

async function expectAxeClean(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

async function heading(page: Page, name: string) {
  return visible(page.getByRole("heading", { level: 1, name }));
}

/** From the language page to the offer of `municipality`, in `locale`. */
async function toOffer(page: Page, locale: Locale, municipality: string): Promise<void> {
  const t = (key: Key) => DICTIONARIES[locale][key];
  await heading(page, t("language.title"));
  await page.getByRole("button", { name: t("app.next") }).click();
  await heading(page, t("municipality.title"));
  await page.getByLabel(t("municipality.label")).fill(municipality);
  await page.getByRole("button", { name: t("municipality.search") }).click();
  await (await visible(page.getByRole("button", { name: new RegExp(`^${municipality} \\(`) }))).click();
}

describe("public registration page", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("a parent registers in Arabic on a phone: right to left throughout, errors at the fields, axe clean", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "ar", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    await page.goto(registerUrl());
    // The browser's language chose Arabic.
    await heading(page, AR("language.title"));
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["ar", "rtl"]);
    await expectAxeClean(page);

    await toOffer(page, "ar", SERVED);
    await heading(page, AR("offer.yesTitle", { name: SERVED }));
    expect(await page.locator("main").evaluate((el) => getComputedStyle(el).direction)).toBe("rtl");
    await expectAxeClean(page);
    await page.getByRole("button", { name: AR("offer.continue") }).click();

    await heading(page, AR("who.title"));
    await page.getByLabel(AR("who.SELF")).check();
    await page.getByRole("button", { name: AR("app.next") }).click();

    // An empty form: each problem at its field, focus on the first.
    await heading(page, AR("details.title"));
    await page.getByRole("button", { name: AR("app.next") }).click();
    const firstName = page.getByLabel(AR("parent.firstName"));
    await visible(page.getByRole("alert").getByText(AR("error.summary")));
    expect(await firstName.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await firstName.getAttribute("aria-describedby")) ?? "";
    expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain(AR("error.required"));
    await page.waitForFunction(() => document.activeElement?.getAttribute("name") === "parent.firstName");

    await firstName.fill(family.firstName);
    await page.getByLabel(AR("parent.lastName")).fill(family.lastName);
    await page.getByLabel(AR("parent.phone")).fill(family.phone);
    await page.getByLabel(AR("parent.email")).fill(family.email);
    await page.getByLabel(AR("child.bornOn", { n: 1 })).fill(family.bornOn);
    await page.getByLabel(AR("wish.label")).fill("أحتاج إلى من أتحدث معه.");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    await expectAxeClean(page);
    await page.getByRole("button", { name: AR("app.next") }).click();

    await heading(page, AR("consents.title"));
    await saveScreenshot(page, "register-ar.png");
    // A parent is asked the two consents, not the notice to a referrer; each explained, in Arabic.
    expect(await page.locator("[data-consent]").count()).toBe(2);
    await visible(
      page
        .locator('[data-consent="PROCESSING"]')
        .getByText(/[\u0600-\u06FF]/)
        .first(),
    );
    await page.getByRole("button", { name: AR("consents.submit") }).click();
    await visible(page.getByText(AR("consents.missing")).first());
    await expectAxeClean(page);
    await page.locator('[data-consent="PROCESSING"] input[type="checkbox"]').check();
    await page.locator('[data-consent="CONTACT_BY_COORDINATOR"] input[type="checkbox"]').check();
    await page.getByRole("button", { name: AR("consents.submit") }).click();

    await heading(page, AR("done.title"));
    await visible(page.getByText(AR("done.callSelf", { days: 3 })));
    await visible(page.getByText(AR("done.email")));
    await expectAxeClean(page);
    await context.close();

    const [registered] = await coordinatorFamilies();
    expect(registered).toMatchObject({ channel: "ONLINE", source: "SELF", status: "REGISTERED", preferredLanguage: "ar" });
  });

  test("a referrer registers the same family in Dutch: the coordinator gets both, with the duplicate warning", async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    await page.goto(registerUrl());
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["nl", "ltr"]);
    await toOffer(page, "nl", SERVED);
    await page.getByRole("button", { name: NL("offer.continue") }).click();
    await page.getByLabel(NL("who.REFERRER")).check();
    await page.getByRole("button", { name: NL("app.next") }).click();

    await heading(page, NL("details.title"));
    await page.getByLabel(NL("referrer.type")).selectOption("DISTRICT_NURSE");
    await page.getByLabel(NL("referrer.name")).fill("J. de Wit");
    await page.getByLabel(NL("referrer.organisation")).fill("GGD regio Utrecht");
    await page.getByLabel(NL("referrer.email")).fill("j.dewit@ggd.example");
    await page.getByLabel(NL("parent.firstName")).fill(family.firstName);
    await page.getByLabel(NL("parent.lastName")).fill(family.lastName);
    await page.getByLabel(NL("parent.phone"), { exact: true }).fill(family.phone.replace("06 ", "+31 6 "));
    await page.getByLabel(NL("child.bornOn", { n: 1 })).fill(family.bornOn);
    await page.getByRole("button", { name: NL("child.add") }).click();
    await page
      .getByRole("group", { name: NL("child.label", { n: 2 }) })
      .getByLabel(NL("child.expected"))
      .check();
    await page.getByLabel(NL("child.expectedOn", { n: 2 })).fill(new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10));
    await expectAxeClean(page);
    await page.getByRole("button", { name: NL("app.next") }).click();

    await heading(page, NL("consents.title"));
    expect(await page.locator("[data-consent]").count()).toBe(4);
    for (const consent of ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"]) {
      await page.locator(`[data-consent="${consent}"] input[type="checkbox"]`).check();
    }
    // Without the confirmation that the parents agreed to be called (seed 004 step 3): refused at the field.
    await page.getByRole("button", { name: NL("consents.submit") }).click();
    await visible(page.getByText(NL("consents.agreedMissing")));
    await page.getByLabel(NL("consents.agreed")).check();
    await page.getByRole("button", { name: NL("consents.submit") }).click();
    await heading(page, NL("done.title"));
    await visible(page.getByText(NL("done.callReferrer", { days: 3 })));
    await context.close();

    const both = await coordinatorFamilies();
    expect(both).toHaveLength(2);
    const parent = both.find((f) => f.source === "SELF");
    const referred = both.find((f) => f.source === "REFERRER");
    expect(referred).toMatchObject({ channel: "ONLINE", preferredLanguage: "nl", status: "REGISTERED" });
    expect(referred?.possibleDuplicates).toContainEqual({ familyId: parent?.id, matches: ["PHONE", "NAME_AND_BIRTH_DATE"] });
    expect(parent?.possibleDuplicates.map((d) => d.familyId)).toContain(referred?.id);
  });

  test("a municipality without Home-Start: a kind answer with the national office, and nothing can be stored", async () => {
    type Offer = { registrationOffer: { municipalities: Array<{ id: string; name: string; offered: boolean }> } };
    let unserved: { id: string; name: string } | undefined;
    for (const search of ["aa", "oo", "er", "en", "ee"]) {
      const offer = await publicApi<Offer>(
        "query ($s: String, $l: RegistrationLanguage!) { registrationOffer(search: $s, language: $l) { municipalities { id name offered } } }",
        { s: search, l: "NL" },
      );
      unserved = offer.registrationOffer.municipalities.find((m) => !m.offered && !m.name.includes("("));
      if (unserved) break;
    }
    if (!unserved) throw new Error("No municipality without Home-Start found.");
    const before = (await coordinatorFamilies()).length;

    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    await page.goto(registerUrl());
    await toOffer(page, "nl", unserved.name);
    await heading(page, NL("offer.noTitle", { name: unserved.name }));
    await visible(page.getByText(NL("offer.nothingStored")));
    await visible(page.getByRole("link", { name: "info@home-start.nl" }));
    await visible(page.getByRole("link", { name: "020 523 11 00" }));
    expect(await page.getByRole("button", { name: NL("offer.continue") }).count()).toBe(0);
    await expectAxeClean(page);
    await context.close();

    // Sent anyway, straight to the API: refused, nothing stored.
    const answer = await publicApi<{ submitRegistration: { __typename: string; code?: string } }>(
      `mutation ($input: SubmitRegistrationInput!) { submitRegistration(input: $input) { __typename ... on Refusal { code } } }`,
      {
        input: {
          municipalityId: unserved.id,
          language: "NL",
          registeredBy: "SELF",
          parent: { firstName: family.firstName, lastName: family.lastName, phone: family.phone },
          children: [{ bornOn: family.bornOn }],
          consents: ["PROCESSING", "CONTACT_BY_COORDINATOR"],
          consentTextVersion: "registration-2026-11",
        },
      },
    );
    expect(answer.submitRegistration).toEqual({ __typename: "Refusal", code: "NOT_OFFERED" });
    expect((await coordinatorFamilies()).length).toBe(before);
  });

  test("Tigrinya renders in Noto Sans Ethiopic; the language can be switched on every page", async () => {
    const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: "ti-ER", timezoneId: "Europe/Amsterdam" });
    const page = await context.newPage();
    await page.goto(registerUrl());
    const title = DICTIONARIES.ti["language.title"];
    await heading(page, title);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("ti");
    const fonts = await page.evaluate(async (text) => {
      await document.fonts.ready;
      await document.fonts.load('16px "Noto Sans Ethiopic"', text);
      const h1 = document.querySelector("h1");
      return {
        family: h1 ? getComputedStyle(h1).fontFamily : "",
        renders: document.fonts.check('16px "Noto Sans Ethiopic"', text),
        loaded: [...document.fonts].some((f) => f.family.replace(/"/g, "") === "Noto Sans Ethiopic" && f.status === "loaded"),
      };
    }, title);
    expect(fonts.family.replace(/"/g, "")).toMatch(/^Noto Sans Ethiopic/);
    expect(fonts).toMatchObject({ renders: true, loaded: true });
    await expectAxeClean(page);
    await saveScreenshot(page, "register-ti.png");

    await page.getByRole("button", { name: DICTIONARIES.ti["app.next"] }).click();
    await heading(page, DICTIONARIES.ti["municipality.title"]);
    // Every later page has the switch in its header.
    await page.getByRole("banner").getByRole("button", { name: "English" }).click();
    await heading(page, DICTIONARIES.en["municipality.title"]);
    expect(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir])).toEqual(["en", "ltr"]);
    await page.getByRole("banner").getByRole("button", { name: "العربية" }).click();
    await heading(page, AR("municipality.title"));
    expect(await page.evaluate(() => document.documentElement.dir)).toBe("rtl");
    await expectAxeClean(page);
    await context.close();
  });
});
