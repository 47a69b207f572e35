import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { apiSession, demoLogin, loggedInPage, saveScreenshot, visible } from "../../../packages/ui/testing/portal-suite.ts";
import { launchBrowser, seriousAxeViolations } from "../../../scripts/e2e/browser.ts";

describe("volunteers and group meetings", () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });

  test("Vrijwilligers: filters live in the address; a volunteer is created, edited, a conflict keeps what was typed; supervision recorded; English", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Vrijwilligers" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Vrijwilligers" }));
    await visible(page.locator("[data-volunteers]"));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByLabel("Alleen vrijwilligers die nu gekoppeld kunnen worden").check();
    await page.getByLabel("Sorteren op").selectOption("VOG_EXPIRY");
    await page.getByRole("button", { name: "Toon" }).click();
    await page.waitForURL(/klaar=1/);
    expect(page.url()).toContain("sorteer=VOG_EXPIRY");
    await page.reload();
    expect(await page.getByLabel("Alleen vrijwilligers die nu gekoppeld kunnen worden").isChecked()).toBe(true);
    await visible(page.locator("[data-volunteers] tbody tr").first());
    const readyCells = await page.locator("[data-volunteers] tbody tr td:nth-child(3)").allTextContents();
    expect(readyCells.length).toBeGreaterThan(0);
    expect(new Set(readyCells)).toEqual(new Set(["Ja"]));

    // Create: an empty name is refused at its field; then the complete form lands on the new page.
    await page.getByRole("link", { name: "Vrijwilliger toevoegen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Vrijwilliger toevoegen" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Achternaam").fill("Testvrijwilliger");
    await page.getByRole("button", { name: "Vrijwilliger toevoegen" }).click();
    await visible(page.getByRole("alert"));
    expect(await page.getByLabel("Voornaam").getAttribute("aria-invalid")).toBe("true");
    expect(await page.getByLabel("Achternaam").inputValue()).toBe("Testvrijwilliger");
    await page.getByLabel("Voornaam").fill("Femke");
    await page.getByLabel("Status").selectOption("ACTIVE");
    await page.getByLabel("Datum van de VOG (niet verplicht)").fill("2026-01-15");
    await page.getByLabel("Training afgerond op (niet verplicht)").fill("2026-02-01");
    await page.getByRole("group", { name: "Ochtenden" }).getByLabel("Dinsdag").check();
    await page.getByLabel("0 t/m 3 jaar").check();
    await page.getByRole("button", { name: "Vrijwilliger toevoegen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger" }));
    await visible(page.getByText("Dinsdag ochtend"));
    await visible(page.locator("[data-vog-expires]"));
    expect(await seriousAxeViolations(page)).toEqual([]);
    const volunteerUrl = page.url();
    const volunteerId = decodeURIComponent(volunteerUrl.split("/vrijwilligers/")[1] ?? "");

    // Edit: the change shows on the page.
    await page.getByRole("link", { name: "Gegevens wijzigen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger wijzigen" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.getByLabel("Telefoonnummer (niet verplicht)").fill("06 11223344");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger" }));
    await visible(page.getByText("06 11223344"));

    // Someone else saves in between: CONFLICT, and what was typed stays in the form.
    await page.getByRole("link", { name: "Gegevens wijzigen" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger wijzigen" }));
    const api = await apiSession(demoLogin("COORDINATOR"));
    const { volunteer } = await api<{ volunteer: { version: number } }>("query V($id: ID!) { volunteer(id: $id) { version } }", {
      id: volunteerId,
    });
    await api(`mutation U($input: UpdateVolunteerInput!) { updateVolunteer(input: $input) { __typename } }`, {
      input: {
        id: volunteerId,
        version: volunteer.version,
        details: {
          firstName: "Femke",
          lastName: "Testvrijwilliger",
          status: "ACTIVE",
          vogIssuedOn: "2026-01-15",
          trainingCompletedOn: "2026-02-01",
          phone: "06 99999999",
          languages: ["nl", "en"],
          availability: ["TUE_MORNING", "THU_AFTERNOON"],
          experienceAgeGroups: ["0_3", "4_6"],
        },
      },
    });
    await page.getByLabel("Postcode (niet verplicht)").fill("3811 AB");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await visible(page.getByRole("alert").getByText("Iemand anders heeft dit intussen gewijzigd", { exact: false }));
    expect(await page.getByLabel("Postcode (niet verplicht)").inputValue()).toBe("3811 AB");
    expect(await seriousAxeViolations(page)).toEqual([]);
    // Loading the latest version shows the other change; saving then works.
    await page.getByRole("button", { name: "Laatste versie laden (uw invoer gaat verloren)" }).click();
    await page.waitForFunction(() => (document.querySelector('input[type="tel"]') as HTMLInputElement | null)?.value === "06 99999999");
    await page.getByLabel("Postcode (niet verplicht)").fill("3811 AB");
    await page.getByRole("button", { name: "Wijzigingen opslaan" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger" }));
    await visible(page.getByText("3811 AB"));

    // Supervision meeting on the volunteer's page.
    await page.goto(volunteerUrl);
    await visible(page.getByRole("heading", { level: 1, name: "Femke Testvrijwilliger" }));
    await page.getByLabel("Notitie (niet verplicht)").fill("Kennismaking en eerste gezin besproken");
    await page.getByRole("button", { name: "Gesprek vastleggen" }).click();
    await visible(page.locator("[data-supervision]").getByText("Kennismaking en eerste gezin besproken"));
    await saveScreenshot(page, "coordinator-volunteer.png");

    // English once.
    await page.getByRole("button", { name: "English" }).click();
    await visible(page.getByRole("heading", { level: 2, name: "Supervision meetings" }));
    await visible(page.getByRole("link", { name: "Change details" }));
    await visible(page.getByRole("navigation", { name: "Main menu" }).getByRole("link", { name: "Volunteers" }));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });

  test("Groepsbijeenkomsten: a meeting is created and a family's attendance recorded", async () => {
    const page = await loggedInPage(browser, "E2E_COORDINATOR_URL", "COORDINATOR");
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Groepsbijeenkomsten" }).click();
    await visible(page.getByRole("heading", { level: 1, name: "Groepsbijeenkomsten" }));
    expect(await seriousAxeViolations(page)).toEqual([]);

    await page.getByText("Nieuwe bijeenkomst").click();
    const form = page.getByRole("form", { name: "Nieuwe bijeenkomst" });
    await form.getByRole("button", { name: "Bijeenkomst toevoegen" }).click();
    await visible(form.getByRole("alert"));
    expect(await form.getByLabel("Titel").getAttribute("aria-invalid")).toBe("true");
    await form.getByLabel("Titel").fill("Koffieochtend e2e");
    await form.getByLabel("Onderwerp (niet verplicht)").fill("Slapen en ritme");
    await form.getByRole("button", { name: "Bijeenkomst toevoegen" }).click();
    await visible(form.getByText("De bijeenkomst Koffieochtend e2e is toegevoegd."));

    const meeting = page.locator("[data-meeting]").filter({ hasText: "Koffieochtend e2e" });
    await visible(meeting);
    await meeting.getByText("Aanwezigheid", { exact: true }).click();
    const attendance = meeting.getByRole("form", { name: "Aanwezigheid vastleggen bij Koffieochtend e2e" });
    await attendance.getByLabel("Gezin").selectOption({ index: 1 });
    await attendance.getByLabel("Aantal ouders").fill("2");
    await attendance.getByLabel("Aantal kinderen").fill("3");
    await attendance.getByRole("button", { name: "Vastleggen" }).click();
    await visible(meeting.getByText("1 gezin aanwezig"));
    await visible(meeting.getByRole("cell", { name: "3", exact: true }));
    expect(await seriousAxeViolations(page)).toEqual([]);
  });
});
