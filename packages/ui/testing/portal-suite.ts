// The browser tests every portal shares (run by each portal's e2e/*.e2e.ts through the harness in
// scripts/e2e): a new visitor gets the Dutch login form, a wrong login is refused in Dutch and
// keeps what was typed, the right demo login shows who is logged in, English works, logout works,
// a role that does not belong gets the wrong-portal notice, and axe finds nothing serious.
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DEMO_LOGINS } from "../../../prisma/seed.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";
import type { Role } from "../src/api/operations.ts";

const SCREENSHOTS = path.resolve(import.meta.dirname, "../../../docs/screenshots");

export interface PortalSuiteOptions {
  portal: "coordinator" | "national" | "municipality";
  /** The env var the harness sets to the portal's URL. */
  urlVariable: "E2E_COORDINATOR_URL" | "E2E_NATIONAL_URL" | "E2E_MUNICIPALITY_URL";
  title: { nl: string; en: string };
  /** The demo login that belongs here, and one that does not. */
  role: Role;
  wrongRole: Role;
  /** The wrong-portal sentence, in Dutch. */
  wrongRoleMessage: string;
  /** Texts the home page shows for the demo login (its scopes), in Dutch and in English. */
  home: { nl: string[]; en: string[] };
  /** The home page's h1 after login; "Welkom" / "Welcome" by default. */
  homeHeading?: { nl: string; en: string };
}

export function demoLogin(role: Role): { email: string; password: string } {
  const login = DEMO_LOGINS.find((l) => l.role === role);
  if (!login) throw new Error(`prisma/seed.ts has no demo login with role ${role}.`);
  return login;
}

/** Where the harness started the API (for asking it directly what a page should show). */
export function apiUrl(): string {
  const url = process.env.E2E_API_URL;
  if (!url) throw new Error("E2E_API_URL is not set: run through vitest.e2e.config.ts (its global setup starts the API).");
  return url;
}

export type GraphqlCall = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * Logs in to the API directly (fetch, JSON) as a demo user and returns a function that runs
 * queries with that session; it throws on GraphQL errors, so a test compares with real answers.
 */
export async function apiSession(login: { email: string; password: string }): Promise<GraphqlCall> {
  const endpoint = `${apiUrl()}/graphql`;
  const post = (body: unknown, cookie?: string) =>
    fetch(endpoint, {
      method: "POST",
      headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });
  const response = await post({
    query: "mutation E2eLogin($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }",
    variables: login,
  });
  const answer = (await response.json()) as { data?: { login: { __typename: string } } };
  if (answer.data?.login.__typename !== "LoginSuccess") throw new Error(`Could not log in as ${login.email}: ${JSON.stringify(answer)}`);
  const cookie = response.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return async <T>(query: string, variables: Record<string, unknown> = {}) => {
    const result = (await (await post({ query, variables }, cookie)).json()) as { data?: T; errors?: unknown[] };
    if (result.errors || !result.data) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data;
  };
}

/** A logged-in page in a fresh browser context (1280 wide, Dutch, Dutch time); closed by closing its browser. */
export async function loggedInPage(browser: Browser, variable: PortalSuiteOptions["urlVariable"], role: Role, width = 1280): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
  const page = await context.newPage();
  await page.goto(portalUrl(variable));
  await logIn(page, demoLogin(role));
  await page.getByRole("button", { name: "Uitloggen" }).first().waitFor({ timeout: 15_000 });
  return page;
}

/** A count as the portals write it, e.g. "1.234" (nl) → 1234. */
export function parseDutchCount(text: string | null): number {
  const digits = (text ?? "").replace(/[.\s\u00a0]/g, "");
  if (!/^\d+$/.test(digits)) throw new Error(`Not a count: ${JSON.stringify(text)}`);
  return Number(digits);
}

export function saveScreenshot(page: Page, name: string): Promise<Buffer> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return page.screenshot({ path: path.join(SCREENSHOTS, name), fullPage: true });
}

export function portalUrl(variable: PortalSuiteOptions["urlVariable"]): string {
  const url = process.env[variable];
  if (!url) throw new Error(`${variable} is not set: run through vitest.e2e.config.ts (its global setup starts the portals).`);
  return url;
}

export async function visible(locator: Locator): Promise<Locator> {
  await locator.waitFor({ state: "visible", timeout: 15_000 });
  return locator;
}

/** Runs `use` with a fresh page (own browser, no cookies) on the portal, and closes it after. */
export async function withPortalPage(variable: PortalSuiteOptions["urlVariable"], use: (page: Page) => Promise<void>): Promise<void> {
  const browser = await launchBrowser();
  try {
    const page = await browser.newPage();
    await page.goto(portalUrl(variable));
    await use(page);
  } finally {
    await browser.close();
  }
}

export async function logIn(page: Page, login: { email: string; password: string }, language: "nl" | "en" = "nl"): Promise<void> {
  await page.getByLabel(language === "nl" ? "E-mailadres" : "E-mail address").fill(login.email);
  await page.getByLabel(language === "nl" ? "Wachtwoord" : "Password").fill(login.password);
  await page.getByRole("button", { name: language === "nl" ? "Inloggen" : "Log in", exact: true }).click();
}

export function portalSuite(options: PortalSuiteOptions): void {
  const homeHeading = options.homeHeading ?? { nl: "Welkom", en: "Welcome" };
  describe(`${options.portal} portal`, () => {
    let browser: Browser;
    let context: BrowserContext;
    let page: Page;

    beforeAll(async () => {
      browser = await launchBrowser();
    });
    afterAll(async () => {
      await browser?.close();
    });

    /** Every test is a new visitor: no cookie, nothing in localStorage. */
    async function newVisitor(): Promise<Page> {
      await context?.close();
      context = await browser.newContext({ viewport: { width: 1280, height: 860 }, locale: "nl-NL", timezoneId: "Europe/Amsterdam" });
      page = await context.newPage();
      await page.goto(portalUrl(options.urlVariable));
      return page;
    }

    test("a new visitor gets the login form, in Dutch, with no serious accessibility problems", async () => {
      const page = await newVisitor();
      await visible(page.getByRole("heading", { level: 1, name: "Inloggen" }));
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("nl");
      expect(await page.title()).toContain(options.title.nl);
      await visible(page.getByRole("banner").getByText(options.title.nl, { exact: true }));
      await visible(page.getByLabel("E-mailadres"));
      await visible(page.getByLabel("Wachtwoord"));
      await visible(page.getByRole("button", { name: "Inloggen", exact: true }));
      await visible(page.getByRole("main"));
      expect(await seriousAxeViolations(page)).toEqual([]);
    });

    test("an empty form says what is missing, at the fields, and moves focus there", async () => {
      const page = await newVisitor();
      await page.getByRole("button", { name: "Inloggen", exact: true }).click();
      const email = page.getByLabel("E-mailadres");
      await visible(page.getByText("Vul uw e-mailadres in."));
      await visible(page.getByText("Vul uw wachtwoord in."));
      expect(await email.getAttribute("aria-invalid")).toBe("true");
      const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
      expect(await page.locator(`[id="${describedBy}"]`).textContent()).toContain("Vul uw e-mailadres in.");
      expect(await email.evaluate((el) => el === document.activeElement)).toBe(true);
    });

    test("an unknown login is refused with the Dutch message, and what was typed stays", async () => {
      const page = await newVisitor();
      const unknown = { email: `niemand-${Date.now()}@example.org`, password: "geen-wachtwoord" };
      await logIn(page, unknown);
      const alert = await visible(page.getByRole("alert"));
      expect(await alert.textContent()).toContain("Het e-mailadres of het wachtwoord klopt niet.");
      expect(await alert.evaluate((el) => el === document.activeElement)).toBe(true);
      expect(await page.getByLabel("E-mailadres").inputValue()).toBe(unknown.email);
      expect(await page.getByLabel("Wachtwoord").inputValue()).toBe(unknown.password);
      // The refusal follows a language switch: the API sends it in both languages.
      await page.getByRole("button", { name: "English" }).click();
      await visible(page.getByRole("alert").getByText("The e-mail address or the password is not correct."));
    });

    test("the right demo login shows who is logged in; English; logout returns to the login form", async () => {
      const page = await newVisitor();
      await logIn(page, demoLogin(options.role));
      await visible(page.getByRole("heading", { level: 1, name: homeHeading.nl }));
      await visible(page.getByText("Ingelogd als", { exact: true }));
      const me = await page.evaluate(async () => {
        const response = await fetch("/graphql", {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({ query: "{ me { name email } }" }),
        });
        return ((await response.json()) as { data: { me: { name: string; email: string } } }).data.me;
      });
      expect(me.email).toBe(demoLogin(options.role).email);
      await visible(page.getByRole("banner").getByText(me.name, { exact: true }));
      await visible(page.getByRole("main").getByText(me.name, { exact: true }));
      for (const text of options.home.nl) await visible(page.getByRole("main").getByText(text).first());
      // Focus went to the new page's heading, so a screen reader reads where we are.
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("H1");
      expect(await seriousAxeViolations(page)).toEqual([]);
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({ path: path.join(SCREENSHOTS, `${options.portal}-home.png`), fullPage: true });

      await page.getByRole("button", { name: "English" }).click();
      await visible(page.getByRole("heading", { level: 1, name: homeHeading.en }));
      await visible(page.getByText("Logged in as", { exact: true }));
      await visible(page.getByRole("banner").getByText(options.title.en, { exact: true }));
      for (const text of options.home.en) await visible(page.getByRole("main").getByText(text).first());
      expect(await page.evaluate(() => document.documentElement.lang)).toBe("en");
      // The choice is remembered.
      await page.reload();
      await visible(page.getByRole("heading", { level: 1, name: homeHeading.en }));

      await page.getByRole("button", { name: "Log out" }).click();
      await visible(page.getByRole("heading", { level: 1, name: "Log in" }));
      await visible(page.getByLabel("E-mail address"));
      await page.getByRole("button", { name: "Nederlands" }).click();
      await visible(page.getByRole("heading", { level: 1, name: "Inloggen" }));
      // The session is really gone, not just hidden.
      await page.reload();
      await visible(page.getByRole("heading", { level: 1, name: "Inloggen" }));
    });

    test("a role that does not belong here gets the wrong-portal notice and can log out", async () => {
      const page = await newVisitor();
      await logIn(page, demoLogin(options.wrongRole));
      await visible(page.getByText(options.wrongRoleMessage));
      await visible(page.getByRole("heading", { level: 1, name: "Dit is niet uw portaal" }));
      expect(await page.getByRole("heading", { level: 1, name: homeHeading.nl }).count()).toBe(0);
      expect(await seriousAxeViolations(page)).toEqual([]);
      await page.getByRole("main").getByRole("button", { name: "Uitloggen" }).click();
      await visible(page.getByRole("heading", { level: 1, name: "Inloggen" }));
    });
  });
}
