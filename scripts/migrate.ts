// `npm run db:migrate`: applies prisma/migrations with `prisma migrate deploy` to the database
// DATABASE_URL names (embedded PGlite under .data/ when unset). Checks the target first so a
// wrong URL or a server that is down gets one clear line instead of an engine trace.
import { spawnSync } from "node:child_process";
import { DatabaseConfigError, DatabaseUnavailableError, openDatabase, redactUrl, resolveDatabaseTarget } from "../packages/db/src/index.ts";
import { prismaBin, ROOT } from "./lib/paths.ts";

try {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    // Opening without the migration check proves the server is reachable.
    const db = await openDatabase({ target, requireMigrated: false });
    await db.close();
  }
  // The embedded database is not opened here: a PGlite directory opened by this process and
  // then by the CLI's (while this one lives) makes the second one wait forever. The CLI's
  // adapter takes the directory's lock itself.
  console.log(`Migrating ${target.kind === "pglite" ? `the embedded database (${target.dataDir})` : redactUrl(target.url)} …`);
} catch (error) {
  if (error instanceof DatabaseConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`Cannot migrate: ${error.message}`);
    process.exit(1);
  }
  throw error;
}

const result = spawnSync(prismaBin, ["migrate", "deploy"], { cwd: ROOT, encoding: "utf8" });
if (result.status !== 0) {
  console.error(`prisma migrate deploy failed:\n${(result.stderr || result.stdout).split("\n").slice(0, 20).join("\n")}`);
  process.exit(1);
}
const applied = result.stdout.match(/migrations? have been successfully applied|No pending migrations to apply/i);
console.log(applied ? applied[0] : result.stdout.trim().split("\n").pop());
