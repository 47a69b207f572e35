// `npm run db:migrate`: applies prisma/migrations to the database DATABASE_URL names.
// - PostgreSQL: `prisma migrate deploy` (through the name-as-text adapter, see README).
// - Embedded PGlite (.data/pglite): in process, with the same bookkeeping as the CLI
//   (packages/db/src/migrate-embedded.ts says why).
// A wrong URL, a server that is down or a directory in use gets one clear line.
import { spawnSync } from "node:child_process";
import {
  DatabaseConfigError,
  DatabaseUnavailableError,
  migrateEmbeddedDirectory,
  openDatabase,
  redactUrl,
  resolveDatabaseTarget,
} from "../packages/db/src/index.ts";
import { prismaBin, ROOT } from "./lib/paths.ts";

try {
  const target = resolveDatabaseTarget();
  if (target.kind === "pglite") {
    const dataDir = target.dataDir ?? "";
    console.log(`Migrating the embedded database (${dataDir}) …`);
    const report = await migrateEmbeddedDirectory(dataDir);
    console.log(report.applied.length > 0 ? `Applied ${report.applied.join(", ")}.` : "No pending migrations to apply.");
  } else {
    // Opening without the migration check proves the server is reachable.
    const db = await openDatabase({ target, requireMigrated: false });
    await db.close();
    console.log(`Migrating ${redactUrl(target.url)} …`);
    const result = spawnSync(prismaBin, ["migrate", "deploy"], { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
    if (result.status !== 0) {
      console.error(`prisma migrate deploy failed:\n${(result.stderr || result.stdout).split("\n").slice(0, 20).join("\n")}`);
      process.exit(1);
    }
    const done = result.stdout.match(/migrations? have been successfully applied|No pending migrations to apply/i);
    console.log(done ? done[0] : result.stdout.trim().split("\n").pop());
  }
} catch (error) {
  if (error instanceof DatabaseConfigError || error instanceof DatabaseUnavailableError) {
    console.error(`Cannot migrate: ${error.message}`);
    process.exit(1);
  }
  throw error;
}
