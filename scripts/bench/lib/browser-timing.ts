// Time until the coordinator's dashboard ("Vandaag") shows data in headless Chromium: the
// production build served by `vite preview` (proxying /graphql to the API under measurement, as
// `npm start` does), a logged-in session, and a new browser context per run (no cached scripts).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { launchBrowser } from "../../e2e/browser.ts";
import { ROOT } from "../../lib/paths.ts";

export interface BrowserTiming {
  runs: number[];
  note: string;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

export async function dashboardTiming(apiUrl: string, sessionCookie: string, port: number, runs = 7): Promise<BrowserTiming> {
  const dist = path.join(ROOT, "apps", "coordinator", "dist", "index.html");
  if (!existsSync(dist)) return { runs: [], note: "not measured: apps/coordinator/dist is missing (npm run build first)" };
  if (!existsSync(CHROMIUM)) return { runs: [], note: `not measured: no Chromium at ${CHROMIUM} (apt-get install chromium)` };
  const preview: ChildProcess = spawn(
    process.execPath,
    [path.join(ROOT, "node_modules", "vite", "bin", "vite.js"), "preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
    { cwd: path.join(ROOT, "apps", "coordinator"), env: { ...process.env, API_URL: apiUrl }, stdio: "ignore" },
  );
  const url = `http://127.0.0.1:${port}`;
  const browser = await launchBrowser();
  try {
    const deadline = Date.now() + 30_000;
    for (;;) {
      try {
        if ((await fetch(url)).ok) break;
      } catch {}
      if (Date.now() > deadline) return { runs: [], note: "not measured: vite preview did not start" };
      await new Promise((r) => setTimeout(r, 200));
    }
    const [name, value] = sessionCookie.split("=") as [string, string];
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext();
      await context.addCookies([{ name, value, url }]);
      const page = await context.newPage();
      const started = performance.now();
      await page.goto(url);
      // Data: the signal groups, or the "nothing to do" state; both come from the dashboard query.
      await page.locator(".hs-signals, .hs-empty").first().waitFor({ timeout: 30_000 });
      times.push(performance.now() - started);
      await context.close();
    }
    return { runs: times, note: `${runs} page loads, each in a new browser context (scripts not cached)` };
  } finally {
    await browser.close();
    preview.kill("SIGTERM");
  }
}
