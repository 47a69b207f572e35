// Vitest global setup for every package whose tests use a database: migrates a fresh
// template with the real command (`prisma migrate deploy`), once per test run, on the
// database the run targets (PGlite by default, PostgreSQL when DATABASE_URL is set).
// Each test file then clones the template (see createTestDatabase).
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { repoRoot, resolveDatabaseTarget } from "../connection.ts";
import { listMigrationNames } from "../migrations.ts";
import { databaseUrlWithName } from "./urls.ts";

const prismaBin = path.join(repoRoot, "node_modules", ".bin", "prisma");

function migrateDeploy(env: NodeJS.ProcessEnv): string {
  return execFileSync(prismaBin, ["migrate", "deploy"], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    stdio: "pipe",
    encoding: "utf8",
  });
}

export default async function setup(): Promise<() => Promise<void>> {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    const template = `hs_tpl_${process.pid}_${Date.now().toString(36)}`;
    const admin = new pg.Client({ connectionString: target.url });
    await admin.connect();
    await admin.query(`CREATE DATABASE "${template}"`);
    await admin.end();
    migrateDeploy({ DATABASE_URL: databaseUrlWithName(target.url, template) });
    process.env.HS_TEST_PG_TEMPLATE = template;
    return async () => {
      const c = new pg.Client({ connectionString: target.url });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${template}" WITH (FORCE)`);
      await c.end();
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "hs-pglite-tpl-"));
  const dataDir = path.join(dir, "data");
  const output = migrateDeploy({ DATABASE_URL: "", PGLITE_DIR: dataDir });
  const pglite = new PGlite(dataDir);
  await pglite.waitReady;
  // Fail loudly (with the CLI's own words) if the template is not what the CLI said it did.
  const applied = await pglite
    .query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")
    .then((r) => r.rows[0]?.n ?? 0)
    .catch(() => 0);
  if (applied !== listMigrationNames().length) {
    await pglite.close();
    throw new Error(`prisma migrate deploy left the template with ${applied} of ${listMigrationNames().length} migrations:\n${output}`);
  }
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const tarball = path.join(dir, "template.tar");
  writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  process.env.HS_TEST_PGLITE_TEMPLATE = tarball;
  return async () => rmSync(dir, { recursive: true, force: true });
}
