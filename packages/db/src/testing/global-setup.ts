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
  // Once (in CI) the CLI reported every migration applied, yet left a data directory with none
  // recorded: the PGlite adapter did not wait for a migration script (fixed in cli-adapter.ts,
  // AwaitedScriptPGlite). Should a directory still come out so, it is thrown away, said so, and the
  // CLI run again in a new one, at most 3 times.
  let pglite: PGlite | null = null;
  const attempts: string[] = [];
  for (let attempt = 1; attempt <= 3 && !pglite; attempt++) {
    const dataDir = path.join(dir, `data-${attempt}`);
    const output = migrateDeploy({ DATABASE_URL: "", PGLITE_DIR: dataDir });
    const candidate = new PGlite(dataDir);
    await candidate.waitReady;
    const applied = await candidate
      .query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations WHERE finished_at IS NOT NULL")
      .then((r) => String(r.rows[0]?.n ?? 0))
      .catch((error: unknown) => `none (${(error as Error).message})`);
    if (applied === String(listMigrationNames().length)) pglite = candidate;
    else {
      await candidate.close();
      attempts.push(`attempt ${attempt}: ${applied} of ${listMigrationNames().length} migrations recorded; the CLI said:\n${output}`);
    }
  }
  if (!pglite) throw new Error(`prisma migrate deploy did not leave a migrated template:\n${attempts.join("\n")}`);
  if (attempts.length > 0) console.warn(`[test template] ${attempts.length} CLI run(s) left no migrations recorded; the next one did.`);
  const dump = await pglite.dumpDataDir("none");
  await pglite.close();
  const tarball = path.join(dir, "template.tar");
  writeFileSync(tarball, Buffer.from(await dump.arrayBuffer()));
  process.env.HS_TEST_PGLITE_TEMPLATE = tarball;
  return async () => rmSync(dir, { recursive: true, force: true });
}
