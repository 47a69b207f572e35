// CI's drift check: the committed GraphQL schema matches the code, and the Prisma schema
// matches the migrations (no model change without a migration).
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { listMigrationNames, migrationsDir } from "../packages/db/src/migrations.ts";
import { cliEnvWithoutDatabase, prismaBin, ROOT, SCHEMA, SNAPSHOT } from "./lib/paths.ts";

let failed = false;

const gql = spawnSync(path.join(ROOT, "node_modules", ".bin", "tsx"), ["src/print-schema.ts", "--check"], {
  cwd: path.join(ROOT, "apps", "api"),
  encoding: "utf8",
});
process.stdout.write(gql.stdout);
process.stderr.write(gql.stderr);
if (gql.status !== 0) failed = true;

// `migrate diff --exit-code` exits 2 when the schema differs from the one at the last migration.
const diff = spawnSync(
  prismaBin,
  ["migrate", "diff", "--from-schema-datamodel", SNAPSHOT, "--to-schema-datamodel", SCHEMA, "--exit-code"],
  {
    cwd: ROOT,
    encoding: "utf8",
    env: cliEnvWithoutDatabase,
  },
);
if (diff.status === 0) {
  console.log("prisma/schema.prisma matches the migrations.");
} else {
  failed = true;
  console.error("prisma/schema.prisma has changes without a migration. Run: npm run db:new-migration -- <name>");
  console.error(diff.stdout.split("\n").slice(0, 30).join("\n"));
}

// The migrations must build exactly what schema.prisma describes: replay them on one fresh
// in-memory PGlite, build the schema from empty on another, and compare the catalogues (tables,
// columns, indexes, constraints, enums; not triggers, which schema.prisma cannot express: the
// figures_revision migration adds some).
const fromSchema = execFileSync(prismaBin, ["migrate", "diff", "--from-empty", "--to-schema-datamodel", SCHEMA, "--script"], {
  cwd: ROOT,
  encoding: "utf8",
  env: cliEnvWithoutDatabase,
});
const replayed = await describe(listMigrationNames().map((name) => readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8")));
const expected = await describe([fromSchema]);
if (replayed.join("\n") === expected.join("\n")) {
  console.log(`The ${listMigrationNames().length} migration(s) build exactly what prisma/schema.prisma describes.`);
} else {
  failed = true;
  const a = new Set(replayed);
  const b = new Set(expected);
  console.error("The migrations and prisma/schema.prisma disagree:");
  for (const line of replayed) if (!b.has(line)) console.error(`  only in migrations: ${line}`);
  for (const line of expected) if (!a.has(line)) console.error(`  only in schema.prisma: ${line}`);
}

async function describe(scripts: string[]): Promise<string[]> {
  const pg = new PGlite();
  for (const sql of scripts) await pg.exec(sql);
  const rows = async (sql: string) => (await pg.query<Record<string, unknown>>(sql)).rows.map((r) => Object.values(r).join(" | "));
  const lines = [
    ...(await rows(
      "SELECT table_name, column_name, data_type, udt_name, is_nullable, coalesce(column_default, '') FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2",
    )),
    ...(await rows("SELECT indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")),
    ...(await rows(
      "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace AND contype <> 't' ORDER BY 1, 2",
    )),
    ...(await rows(
      "SELECT t.typname, string_agg(e.enumlabel, ',' ORDER BY e.enumsortorder) FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid GROUP BY 1 ORDER BY 1",
    )),
  ];
  await pg.close();
  return lines;
}

process.exit(failed ? 1 : 0);
