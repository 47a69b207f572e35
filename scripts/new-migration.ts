// Writes a new migration from the change to prisma/schema.prisma, with no database at all
// (`prisma migrate dev` cannot run on our adapters; see ../shared/stack-notes.md).
// Usage: npm run db:new-migration -- <name>
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { cliEnvWithoutDatabase, MIGRATIONS_DIR, prismaBin, SCHEMA, SNAPSHOT } from "./lib/paths.ts";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  console.error("Usage: npm run db:new-migration -- <name in snake_case>");
  process.exit(2);
}
const from = existsSync(SNAPSHOT) ? ["--from-schema-datamodel", SNAPSHOT] : ["--from-empty"];
const sql = execFileSync(prismaBin, ["migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script"], {
  encoding: "utf8",
  env: cliEnvWithoutDatabase,
});
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  console.log("No schema change: nothing to migrate.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(dir, { recursive: true });
writeFileSync(path.join(dir, "migration.sql"), sql);
if (!existsSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"))) {
  writeFileSync(path.join(MIGRATIONS_DIR, "migration_lock.toml"), 'provider = "postgresql"\n');
}
copyFileSync(SCHEMA, SNAPSHOT);
console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
