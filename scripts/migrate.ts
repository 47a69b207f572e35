// `npm run db:migrate`: applies prisma/migrations with `prisma migrate deploy` to the database
// DATABASE_URL names (embedded PGlite under .data/ when unset). Checks the target first so a
// wrong URL or a server that is down gets one clear line instead of an engine trace.
import { spawn } from "node:child_process";
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

// A first `prisma migrate deploy` on the embedded database in a fresh clone was seen to stall
// (0% CPU, forever) while a second run went through at once. Until the cause is found
// (see README, "Known issues"), a run that takes longer than this is stopped and run again.
const STALL_MS = Number(process.env.MIGRATE_STALL_SECONDS ?? 120) * 1000;

function deploy(): Promise<{ status: number | null; output: string; stalled: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(prismaBin, ["migrate", "deploy"], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (d) => {
      output += d;
    });
    child.stderr.on("data", (d) => {
      output += d;
    });
    let stalled = false;
    const timer = setTimeout(() => {
      stalled = true;
      child.kill("SIGKILL");
    }, STALL_MS);
    child.on("close", (status) => {
      clearTimeout(timer);
      resolve({ status, output, stalled });
    });
  });
}

let result = await deploy();
if (result.stalled) {
  console.log(`prisma migrate deploy stalled for ${STALL_MS / 1000} s; running it again …`);
  result = await deploy();
}
if (result.status !== 0) {
  const why = result.stalled ? `it stalled twice (${STALL_MS / 1000} s each)` : result.output.split("\n").slice(0, 20).join("\n");
  console.error(`prisma migrate deploy failed: ${why}`);
  process.exit(1);
}
const applied = result.output.match(/migrations? have been successfully applied|No pending migrations to apply/i);
console.log(applied ? applied[0] : result.output.trim().split("\n").pop());
