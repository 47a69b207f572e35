import { expect, test } from "vitest";
import { demoLogin, portalSuite, visible, withPortalPage } from "../../../packages/ui/testing/portal-suite.ts";

portalSuite({
  portal: "coordinator",
  urlVariable: "E2E_COORDINATOR_URL",
  title: { nl: "Coördinatorportaal", en: "Coordinator portal" },
  role: "COORDINATOR",
  wrongRole: "NATIONAL_STAFF",
  wrongRoleMessage: "Dit portaal is voor coördinatoren van Home-Start-locaties.",
  home: { nl: ["Uw locaties", "Home-Start Amersfoort e.o."], en: ["Your locations", "Home-Start Amersfoort e.o."] },
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
    await visible(page.getByRole("heading", { level: 1, name: "Welkom" }));
  }));
