import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, demoLogin, type GraphqlCall, loggedInPage, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

// A coordinator's whole day in the portal, against the real API: register a referred family with an
// unborn child, eligibility too early and then at 28 weeks, consents, intake, matching, a visit, the
// interim evaluation, closure with the referrer's notice sent; and on another family a withdrawn
// referrer consent that stops the notice.

const DAY = 86_400_000;
/** The Dutch date `days` calendar days from today. Adding 24-hour days to now is a day off late in
 * the evening when the span crosses a change to or from summer time. */
const isoIn = (days: number) => {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);
};

interface FamilyState {
  family: {
    status: string;
    version: number;
    children: Array<{ id: string; expectedOn: string | null }>;
    referrerNotices: Array<{ kind: string; status: string }>;
    eligibility: { outcome: string; eligibleFrom: string | null };
  } | null;
}
const STATE = `query E2eDay($id: ID!, $on: Date) { family(id: $id) { status version children { id expectedOn }
  referrerNotices { kind status } eligibility(on: $on) { outcome eligibleFrom } } }`;

async function familyState(api: GraphqlCall, id: string, on?: string) {
  const { family } = await api<FamilyState>(STATE, { id, on: on ?? null });
  if (!family) throw new Error("family not found");
  return family;
}

async function waitForNotice(api: GraphqlCall, id: string, kind: string, status: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const family = await familyState(api, id);
    if (family.referrerNotices.some((n) => n.kind === kind && n.status === status)) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`the ${kind} notice never became ${status}`);
}

/** The family id from the family page's address. */
function familyIdOf(page: Page): string {
  return decodeURIComponent(new URL(page.url()).pathname.split("/").at(-1) ?? "");
}

async function register(page: Page, lastName: string, expectedOn: string, consents: string[]): Promise<string> {
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Aanmelden" }).click();
  await visible(page.getByRole("heading", { level: 1, name: "Gezin aanmelden" }));
  await page.getByLabel("Gemeente", { exact: true }).selectOption({ index: 1 });
  await page.getByLabel("Naam van de verwijzer").fill("Wijkverpleegkundige De Boer");
  await page.getByLabel("E-mailadres").first().fill("de.boer@ggd.example");
  const parent = page.getByRole("group", { name: "Ouder", exact: true });
  await parent.getByLabel("Voornaam").fill("Lotte");
  await parent.getByLabel("Achternaam").fill(lastName);
  await parent.getByLabel("Telefoonnummer").fill("06 98765432");
  await page.getByLabel("Verwacht (zwangerschap)").check();
  await page.getByLabel("Uitgerekende datum").fill(expectedOn);
  for (const consent of consents) await page.getByLabel(consent).check();
  await page.getByRole("button", { name: "Gezin aanmelden" }).click();
  await visible(page.getByRole("heading", { level: 1, name: new RegExp(`^Gezin .*${lastName}`) }));
  return familyIdOf(page);
}

async function grantConsent(page: Page, type: string): Promise<void> {
  const consent = page.locator(`[data-section="consents"] [data-consent="${type}"]`);
  await consent.getByRole("button", { name: /^Toestemming vastleggen/ }).click();
  await visible(page.locator(`[data-section="consents"] [data-consent="${type}"][data-in-force="true"]`));
}

async function intake(page: Page): Promise<void> {
  const status = page.locator('[data-section="status"]');
  await status.getByRole("button", { name: "Teruggebeld: vastleggen" }).click();
  await visible(status.getByText("Vastgelegd dat u het gezin hebt teruggebeld."));
  await status.getByRole("button", { name: "Kennismaking starten" }).click();
  await visible(status.getByText("De status is nu: Kennismaking."));
  await status.getByRole("button", { name: "Kennismaking afgerond" }).click();
  await visible(status.getByText("De status is nu: Wacht op koppeling."));
}

async function matchFirstSuggestion(page: Page): Promise<void> {
  const section = page.locator('[data-section="match"]');
  await visible(section.locator("[data-suggestion]").first());
  await section
    .getByRole("button", { name: /^Koppelen met / })
    .first()
    .click();
  await visible(section.getByRole("status").filter({ hasText: "Gekoppeld met" }));
}

describe("a coordinator's whole day", () => {
  let browser: Browser;
  let api: GraphqlCall;
  beforeAll(async () => {
    browser = await launchBrowser();
    api = await apiSession(demoLogin("COORDINATOR"));
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("dashboard → register with an unborn child → too early, then at 28 weeks → consents → match → visit → evaluation → close, notice sent", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    await visible(page.locator("[data-signal]").first());

    // 20 weeks pregnant: Home-Start starts at 28 weeks (seed 004), so not yet — from the date it will be.
    const lastName = `Dagtest${Date.now().toString().slice(-5)}`;
    const id = await register(page, lastName, isoIn(20 * 7), ["De coördinator mag de ouders bellen"]);
    const tooEarly = await familyState(api, id);
    expect(tooEarly.eligibility.outcome).toBe("NOT_YET");
    expect(tooEarly.eligibility.eligibleFrom).toBe(isoIn(8 * 7));
    await visible(page.locator('[data-outcome="NOT_YET"]').getByText("Komt nog niet in aanmerking", { exact: true }));
    // At 28 weeks the API accepts the family…
    expect((await familyState(api, id, isoIn(8 * 7))).eligibility.outcome).toBe("ELIGIBLE");
    expect(await seriousAxeViolations(page)).toEqual([]);

    // …and so the day can go on, the midwife's new due date puts the pregnancy at 28 weeks today.
    const unborn = tooEarly.children[0];
    const { updateChild } = await api<{ updateChild: { __typename: string } }>(
      `mutation E2eDueDate($input: UpdateChildInput!) { updateChild(input: $input) { __typename } }`,
      { input: { familyId: id, childId: unborn?.id, version: tooEarly.version, expectedOn: isoIn(12 * 7) } },
    );
    expect(updateChild.__typename).toBe("UpdateChildSuccess");
    await page.reload();
    await visible(page.locator('[data-outcome="ELIGIBLE"]').getByText("Komt in aanmerking", { exact: true }));

    // Consents at the intake, then the intake itself.
    await grantConsent(page, "PROCESSING");
    await grantConsent(page, "NOTIFY_REFERRER_START_END");
    await intake(page);

    // A suggested volunteer; the START notice to the referrer is queued and sent.
    await matchFirstSuggestion(page);
    await waitForNotice(api, id, "START", "SENT");

    // A visit, logged on the family page.
    const current = page.locator('[data-section="match"] [data-current-match]');
    await current.getByLabel("Uren").fill("2");
    await current.getByRole("button", { name: "Vastleggen" }).click();
    await visible(page.locator('[data-section="match"] [data-visits]').getByRole("cell", { name: "2", exact: true }));

    // The interim evaluation.
    const evaluations = page.locator('[data-section="evaluations"]');
    await evaluations.getByLabel("Tussenevaluatie").check();
    await evaluations.getByLabel("Welzijn van de ouders").selectOption("4");
    await evaluations.getByLabel("Samenvatting").fill("Eerste weken gaan goed.");
    await evaluations.getByRole("button", { name: "Evaluatie opslaan" }).click();
    await visible(evaluations.getByText("De evaluatie is opgeslagen."));

    // Closure: the END notice is queued, then shown as sent.
    const closure = page.locator('[data-section="closure"]');
    await closure.getByLabel("Reden").selectOption("GOALS_REACHED");
    await closure.getByRole("button", { name: "Ondersteuning afsluiten" }).click();
    await visible(closure.getByText("De ondersteuning is afgesloten"));
    expect(await closure.locator("[data-notice-outcome]").first().getAttribute("data-notice-outcome")).toBe("queued");
    await waitForNotice(api, id, "END", "SENT");
    await page.reload();
    const sent = page.locator('[data-section="referrer-notices"] [data-notice="END"][data-notice-status="SENT"]');
    await visible(sent.getByText("Verstuurd", { exact: true }).first());
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("on another family, the withdrawn referrer consent stops the notice", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await visible(page.getByRole("heading", { level: 1, name: "Vandaag" }));
    const lastName = `Intrektest${Date.now().toString().slice(-5)}`;
    const id = await register(page, lastName, isoIn(10 * 7), [
      "De coördinator mag de ouders bellen",
      "Verwerken van hun gegevens voor de ondersteuning",
      "Bericht aan de verwijzer bij start en afsluiting",
    ]);
    await intake(page);

    const consent = page.locator('[data-section="consents"] [data-consent="NOTIFY_REFERRER_START_END"]');
    await consent.getByRole("button", { name: /^Toestemming intrekken/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ja, intrekken" }).click();
    await visible(page.locator('[data-section="consents"] [data-consent="NOTIFY_REFERRER_START_END"][data-in-force="false"]'));

    await matchFirstSuggestion(page);
    const family = await familyState(api, id);
    expect(family.status).toBe("ACTIVE");
    expect(family.referrerNotices).toEqual([]);
    await visible(page.locator('[data-section="match"]').getByText("Bericht aan de verwijzer:"));
  });
});
