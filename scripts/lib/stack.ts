// Starts the API, the three portals and the public registration page (production builds served
// by `vite preview`, which proxies /graphql to the API so the session cookie stays same-origin). Used by `npm start`
// and by the browser tests.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { ROOT } from "./paths.ts";

export const PORTALS = ["coordinator", "national", "municipality", "register"] as const;
export type Portal = (typeof PORTALS)[number];

export interface StackOptions {
  apiPort: number;
  portalPorts: Record<Portal, number>;
  env?: NodeJS.ProcessEnv;
  /** Print the children's output (npm start) or keep it for errors only (tests). */
  inheritOutput?: boolean;
  /** Only these portals (e.g. the browser tests of one app); all of them by default. */
  portals?: readonly Portal[];
}

export interface Stack {
  apiUrl: string;
  portalUrls: Record<Portal, string>;
  stop(): Promise<void>;
}

/** The API as built for production (apps/api: npm run build). */
const apiBundle = path.join(ROOT, "apps", "api", "dist", "main.js");
const viteBin = path.join(ROOT, "node_modules", "vite", "bin", "vite.js");

async function waitForHttp(url: string, child: ChildProcess, output: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} did not start (exit ${child.exitCode}).\n${output()}`);
    try {
      const res = await fetch(url);
      if (res.ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within ${timeoutMs / 1000} s.\n${output()}`);
}

function launch(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv, inherit: boolean) {
  const child = spawn(command, args, { cwd, env, stdio: inherit ? ["ignore", "inherit", "inherit"] : ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  return { child, output: () => log.slice(-4000) };
}

/**
 * The API listens on 127.0.0.1 only and is reached through the portals' proxies, so it trusts
 * their X-Forwarded-* headers (TRUST_PROXY=1): login throttling then counts per real client
 * address instead of lumping everyone together as 127.0.0.1.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const env = { ...process.env, ...options.env };
  const apiUrl = `http://127.0.0.1:${options.apiPort}`;
  const children: ChildProcess[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (c) =>
          new Promise<void>((resolve) => {
            if (c.exitCode !== null || c.signalCode !== null) return resolve();
            c.once("exit", () => resolve());
            c.kill("SIGTERM");
            setTimeout(() => c.kill("SIGKILL"), 5_000).unref();
          }),
      ),
    );
  };
  try {
    if (!existsSync(apiBundle)) throw new Error(`${path.relative(ROOT, apiBundle)} is missing: run npm run build first.`);
    const api = launch(
      process.execPath,
      ["--enable-source-maps", apiBundle],
      path.join(ROOT, "apps", "api"),
      { ...env, API_PORT: String(options.apiPort), TRUST_PROXY: "1" },
      !!options.inheritOutput,
    );
    children.push(api.child);
    await waitForHttp(`${apiUrl}/healthz`, api.child, api.output);
    const portalUrls = {} as Record<Portal, string>;
    await Promise.all(
      (options.portals ?? PORTALS).map(async (portal) => {
        const port = options.portalPorts[portal];
        const p = launch(
          process.execPath,
          [viteBin, "preview", "--port", String(port), "--strictPort", "--host", "127.0.0.1"],
          path.join(ROOT, "apps", portal),
          { ...env, API_URL: apiUrl },
          false,
        );
        children.push(p.child);
        portalUrls[portal] = `http://127.0.0.1:${port}`;
        await waitForHttp(portalUrls[portal], p.child, p.output);
      }),
    );
    return { apiUrl, portalUrls, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
