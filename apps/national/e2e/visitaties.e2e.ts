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

interface PlannerRow {
  location: { id: string; name: string };
  state: { status: string; plannedOn: string | null };
  proposal: { proposedOn: string } | null;
}

/** Today in Dutch time, YYYY-MM-DD. */
const today = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam" }).format(new Date());

describe("visitaties", () => {
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

  const planner = async () =>
    (
      await api<{ visitatiePlanner: { rows: PlannerRow[] } }>(
        "{ visitatiePlanner { rows { location { id name } state { status plannedOn } proposal { proposedOn } } } }",
      )
    ).visitatiePlanner.rows;
  const locationStatus = async (id: string) =>
    (
      await api<{ location: { visitatie: { status: string } } }>("query E2eLoc($id: ID!) { location(id: $id) { visitatie { status } } }", {
        id,
      })
    ).location.visitatie.status;

  test("an overdue visitatie on the overview is planned from the planner's proposal, its outcome recorded, and it is no longer overdue", async () => {
    const { nationalOverview } = await api<{ nationalOverview: { visitatiesOverdue: number } }>(
      "{ nationalOverview { visitatiesOverdue } }",
    );
    expect(nationalOverview.visitatiesOverdue, "the seed has an overdue visitatie").toBeGreaterThan(0);
    const rows = await planner();
    const overdue = rows.filter((r) => r.state.status === "OVERDUE");

    const link = await visible(page.locator('[data-stat="visitatiesOverdue"] a'));
    expect(parseDutchCount(await link.textContent())).toBe(nationalOverview.visitatiesOverdue);
    await link.click();
    await visible(page.getByRole("heading", { level: 1, name: "Visitatieplanner" }));
    expect(page.url()).toContain("status=OVERDUE");
    await visible(page.locator("[data-planner]"));
    const shown = await page.locator("[data-planner] tbody tr").evaluateAll((trs) => trs.map((tr) => tr.getAttribute("data-location")));
    expect(shown).toEqual(overdue.map((r) => r.location.name));
    expect(shown.length).toBe(nationalOverview.visitatiesOverdue);
    // Status in words, the due month marked in the row.
    const firstRow = page.locator("[data-planner] tbody tr").first();
    await visible(firstRow.getByText("Te laat", { exact: true }));
    expect(await firstRow.locator('[data-mark="due"]').count()).toBe(1);
    expect(await seriousAxeViolations(page)).toEqual([]);
    await saveScreenshot(page, "national-visitatie-planner.png");

    const target = overdue.find((r) => r.proposal !== null);
    if (!target?.proposal) throw new Error("an overdue location has a proposal");
    const row = page.locator(`[data-planner] tbody tr[data-location="${target.location.name}"]`);
    await visible(row.locator('[data-mark="proposal"]'));
    const planLink = row.locator("[data-plan]");
    expect(await planLink.getAttribute("href")).toContain(`datum=${target.proposal.proposedOn}`);
    await planLink.click();
    await visible(page.getByRole("heading", { level: 1, name: `Visitaties van ${target.location.name}` }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    if (target.state.plannedOn === null) {
      expect(await page.getByLabel("Datum van de visitatie").inputValue()).toBe(target.proposal.proposedOn);
      await page.getByRole("group", { name: "Visitatoren" }).getByRole("checkbox").first().check();
      await page.getByRole("button", { name: "Visitatie plannen" }).click();
      await visible(page.getByRole("status").getByText("De visitatie is gepland."));
    } else {
      // Planned once but never held: it is moved to the proposal.
      const form = page.locator("form", { has: page.getByRole("heading", { name: "Verplaatsen" }) });
      expect(await form.getByLabel("Datum van de visitatie").inputValue()).toBe(target.proposal.proposedOn);
      await form.getByRole("button", { name: "Nieuwe datum opslaan" }).click();
      await visible(page.getByRole("status").getByText("De visitatie is verplaatst."));
    }
    await visible(page.locator(`[data-planned-on="${target.proposal.proposedOn}"]`));
    await visible(page.locator(`[data-visitatie-status="${await locationStatus(target.location.id)}"]`));

    // Back in the planner the row shows the planned month.
    await page.getByRole("link", { name: "Terug naar de planner" }).click();
    await visible(page.locator(`[data-planner] tbody tr[data-location="${target.location.name}"] [data-mark="planned"]`));

    // Record the outcome (performed today), with findings, then add an improvement action.
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/visitaties/${encodeURIComponent(target.location.id)}`);
    await visible(page.getByRole("heading", { level: 3, name: "Uitkomst vastleggen" }));
    await page.getByRole("button", { name: "Uitkomst opslaan" }).click();
    await visible(page.getByText("Kies een uitkomst."));
    await page.getByLabel("Uitgevoerd op").fill(today());
    await page.getByRole("radio", { name: "Voldoet, met verbeteracties" }).check();
    await page.getByLabel("Bevindingen").fill("Werving van vrijwilligers verdient aandacht (e2e).");
    await page.getByRole("button", { name: "Uitkomst opslaan" }).click();
    await visible(page.getByRole("status").getByText("De uitkomst is vastgelegd."));
    const status = await locationStatus(target.location.id);
    expect(status).not.toBe("OVERDUE");
    await visible(page.locator(`[data-visitatie-status="${status}"]`));
    await visible(page.getByText("Werving van vrijwilligers verdient aandacht (e2e)."));

    await page.getByLabel("Omschrijving").fill("Wervingsplan opstellen (e2e)");
    await page.getByLabel("Uiterlijk gereed op").fill(`${new Date().getFullYear() + 1}-03-31`);
    await page.getByRole("button", { name: "Verbeteractie toevoegen" }).click();
    await visible(page.locator('[data-action="Wervingsplan opstellen (e2e)"]'));
    expect(await seriousAxeViolations(page)).toEqual([]);

    // The overview no longer counts it as overdue.
    const after = await api<{ nationalOverview: { visitatiesOverdue: number } }>("{ nationalOverview { visitatiesOverdue } }");
    expect(after.nationalOverview.visitatiesOverdue).toBe(nationalOverview.visitatiesOverdue - 1);
  });

  test("a planned visitatie is rescheduled and cancelled", async () => {
    const rows = await planner();
    const target = rows.find((r) => r.state.status === "PLANNED");
    if (!target) throw new Error("a planned visitatie");
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/visitaties/${encodeURIComponent(target.location.id)}`);
    await visible(page.getByRole("heading", { level: 3, name: "Verplaatsen" }));
    const next = `${new Date().getFullYear() + 1}-02-10`;
    const reschedule = page.locator("form", { has: page.getByRole("heading", { name: "Verplaatsen" }) });
    await reschedule.getByLabel("Datum van de visitatie").fill(next);
    await reschedule.getByRole("button", { name: "Nieuwe datum opslaan" }).click();
    await visible(page.getByRole("status").getByText("De visitatie is verplaatst."));
    await visible(page.locator(`[data-planned-on="${next}"]`));

    await page.getByRole("button", { name: "Visitatie annuleren" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Ja, annuleren" }).click();
    await visible(page.getByRole("status").getByText("De visitatie is geannuleerd."));
    expect(await locationStatus(target.location.id)).not.toBe("PLANNED");
    await visible(page.getByRole("heading", { level: 2, name: "Visitatie plannen" }));
  });

  test("improvement actions past their due date: mark one done and it leaves the list; the planner in English", async () => {
    const list = async () =>
      (
        await api<{ overdueImprovementActions: { edges: { node: { id: string; description: string } }[] } }>(
          "{ overdueImprovementActions(first: 25) { edges { node { id description } } } }",
        )
      ).overdueImprovementActions.edges.map((e) => e.node);
    const before = await list();
    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/visitaties`);
    await page.getByRole("link", { name: "Verbeteracties over de termijn" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Verbeteracties over de termijn" }));
    if (before.length === 0) {
      await visible(page.getByText("Geen verbeteracties over de termijn"));
    } else {
      const first = before[0];
      if (!first) return;
      await visible(page.locator("[data-list=actions]"));
      expect(await page.locator("[data-list=actions] tbody tr").count()).toBe(Math.min(before.length, 25));
      expect(await seriousAxeViolations(page)).toEqual([]);
      const firstRow = page.locator("[data-list=actions] tbody tr").first();
      expect(await firstRow.getAttribute("data-action")).toBe(first.description);
      await firstRow.getByRole("button", { name: "Gereed melden" }).click();
      await visible(page.getByRole("status").getByText(`Gereed gemeld: ${first.description}`));
      const after = await list();
      expect(after.map((a) => a.id)).not.toContain(first.id);
    }

    await page.goto(`${portalUrl("E2E_NATIONAL_URL")}/visitaties?capaciteit=2`);
    await visible(page.locator("[data-planner]"));
    expect(await page.getByLabel("Visitaties per maand (capaciteit)").inputValue()).toBe("2");
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Review planner" }));
    await visible(page.getByLabel("Reviews per month (capacity)"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Nederlands" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Visitatieplanner" }));
  });
});
