import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ROOT } from "../lib/paths.ts";
import { type Portal, type Stack, startStack } from "../lib/stack.ts";

// Ports away from `npm start`'s, so a running demo does not collide with the tests;
// E2E_PORT_OFFSET moves them all, for two runs on one machine.
const offset = Number(process.env.E2E_PORT_OFFSET ?? 0);
const E2E_PORTS = {
  api: 4100 + offset,
  coordinator: 5273 + offset,
  national: 5274 + offset,
  municipality: 5275 + offset,
  register: 5276 + offset,
};

export default async function setup(): Promise<() => Promise<void>> {
  const dir = mkdtempSync(path.join(os.tmpdir(), "hs-e2e-"));
  // The retention job stays off: it would anonymise seeded families 30 s in, under the tests' feet
  // (apps/api/src/retention has its own tests).
  const env = { ...process.env, DATABASE_URL: "", PGLITE_DIR: path.join(dir, "pglite"), RETENTION_JOB_INTERVAL_MS: "0" };
  // The same migrate and seed steps as `npm start`.
  const tsx = path.join(ROOT, "node_modules", ".bin", "tsx");
  execFileSync(tsx, ["scripts/migrate.ts"], { cwd: ROOT, env, stdio: "pipe" });
  execFileSync(tsx, ["prisma/seed.ts"], { cwd: ROOT, env, stdio: "pipe" });
  let stack: Stack;
  try {
    stack = await startStack({
      apiPort: E2E_PORTS.api,
      portalPorts: {
        coordinator: E2E_PORTS.coordinator,
        national: E2E_PORTS.national,
        municipality: E2E_PORTS.municipality,
        register: E2E_PORTS.register,
      },
      env,
      // E2E_PORTALS=register runs one app's browser tests without building the others.
      portals: process.env.E2E_PORTALS ? (process.env.E2E_PORTALS.split(",") as Portal[]) : undefined,
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  process.env.E2E_API_URL = stack.apiUrl;
  process.env.E2E_COORDINATOR_URL = stack.portalUrls.coordinator;
  process.env.E2E_NATIONAL_URL = stack.portalUrls.national;
  process.env.E2E_MUNICIPALITY_URL = stack.portalUrls.municipality;
  process.env.E2E_REGISTER_URL = stack.portalUrls.register;
  return async () => {
    await stack.stop();
    rmSync(dir, { recursive: true, force: true });
  };
}
