import { test } from "vitest";
import { demoLogin, logIn, portalSuite, visible, withPortalPage } from "../../../packages/ui/testing/portal-suite.ts";

portalSuite({
  portal: "national",
  urlVariable: "E2E_NATIONAL_URL",
  title: { nl: "Landelijk Steunpunt", en: "National office" },
  role: "NATIONAL_STAFF",
  wrongRole: "COORDINATOR",
  wrongRoleMessage: "Dit portaal is voor medewerkers van het Landelijk Steunpunt",
  home: { nl: ["Landelijk overzicht", "Volgt in een later issue"], en: ["National overview", "Coming in a later issue"] },
});

test("an administrator works in the national portal too", () =>
  withPortalPage("E2E_NATIONAL_URL", async (page) => {
    await logIn(page, demoLogin("ADMIN"));
    await visible(page.getByRole("heading", { level: 1, name: "Welkom" }));
    await visible(page.getByRole("banner").getByText("Beheerder", { exact: true }));
  }));
