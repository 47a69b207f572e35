// Test helpers: a fresh, migrated database per test file, of the kind the run targets.
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { type Database, type OpenOptions, openDatabase } from "./client.ts";
import { resolveDatabaseTarget } from "./connection.ts";
import { databaseUrlWithName } from "./testing/urls.ts";

export { databaseUrlWithName };

/**
 * A fresh database cloned from the run's migrated template; `close()` throws it away.
 * `onQuery` sees every SQL statement Prisma sends (statement-count tests).
 */
export async function createTestDatabase(options: Pick<OpenOptions, "onQuery"> = {}): Promise<Database> {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    const template = process.env.HS_TEST_PG_TEMPLATE;
    if (!template) throw new Error("No PostgreSQL template: add @homestart/db/testing/global-setup to vitest's globalSetup.");
    const name = `hs_t_${randomBytes(6).toString("hex")}`;
    await adminQuery(target.url, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
    const db = await openDatabase({
      target: { kind: "postgres", url: databaseUrlWithName(target.url, name), databaseName: name },
      poolMax: 4,
      onQuery: options.onQuery,
    });
    return {
      ...db,
      close: async () => {
        await db.close();
        await adminQuery(target.url, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      },
    };
  }
  const tarball = process.env.HS_TEST_PGLITE_TEMPLATE;
  if (!tarball) throw new Error("No PGlite template: add @homestart/db/testing/global-setup to vitest's globalSetup.");
  const pglite = new PGlite({ loadDataDir: new Blob([readFileSync(tarball)]) });
  await pglite.waitReady;
  return openDatabase({ target: { kind: "pglite", dataDir: null }, pglite, onQuery: options.onQuery });
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
