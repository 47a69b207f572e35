// Starts the API on the database DATABASE_URL names (embedded PGlite when unset).
// API_WORKERS=N (PostgreSQL only) serves from N processes on one port (node:cluster): the API
// keeps nothing in memory that another process needs (sessions are in the database; caches
// follow the database), so a machine's cores, like machines behind a load balancer, share the
// load. The background jobs (notices, retention) run in the first worker only.
import cluster from "node:cluster";
import {
  DatabaseConfigError,
  DatabaseNotMigratedError,
  DatabaseUnavailableError,
  openDatabase,
  resolveDatabaseTarget,
} from "@homestart/db";
import { retentionSettingsFromEnv } from "./retention/anonymise-closed-families.ts";
import { trustedProxyHops } from "./security/proxy-headers.ts";
import { startApiServer } from "./server.ts";

const port = Number(process.env.API_PORT ?? 4000);
/** How often due referrer notices (pending, or failed and due for a retry) are delivered. */
const noticeWorkerIntervalMs = Number(process.env.NOTICE_WORKER_INTERVAL_MS ?? 60_000);
/** Retention: RETENTION_MONTHS after closure (default 24), checked every RETENTION_JOB_INTERVAL_MS (default a day; 0 = off). */
const retention = retentionSettingsFromEnv(process.env);
if (!retention.ok) {
  console.error(`API not started: ${retention.error}`);
  process.exit(1);
}
const { retentionMonths, intervalMs: retentionJobIntervalMs } = retention;

const proxies = trustedProxyHops(process.env.TRUST_PROXY);
if (!proxies.ok) {
  console.error(`API not started: ${proxies.error}`);
  process.exit(1);
}

const workers = Number(process.env.API_WORKERS ?? 1);
if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
  console.error("API not started: API_WORKERS must be a whole number from 1 to 64.");
  process.exit(1);
}

if (workers > 1 && cluster.isPrimary) await runPrimary(workers);
else await runServer();

/** Forks the workers, replaces one that dies, and stops them all on SIGTERM/SIGINT. */
async function runPrimary(count: number): Promise<void> {
  try {
    if (resolveDatabaseTarget().kind === "pglite") {
      console.error("API not started: API_WORKERS above 1 needs DATABASE_URL (PostgreSQL); the embedded database serves one process.");
      process.exit(1);
    }
  } catch (error) {
    console.error(`API not started: ${(error as Error).message}`);
    process.exit(1);
  }
  let stopping = false;
  const fork = (first: boolean) => {
    const worker = cluster.fork({ API_BACKGROUND_JOBS: first ? "1" : "0" });
    worker.on("exit", (code, signal) => {
      if (stopping) return;
      console.error(`[api] worker ${worker.process.pid} ended (${signal ?? code}); starting another.`);
      // A worker that cannot start at all (port, database) must not be restarted in a loop.
      if (code === 1) process.exit(1);
      fork(first);
    });
  };
  for (let i = 0; i < count; i++) fork(i === 0);
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    const check = setInterval(() => {
      if (Object.keys(cluster.workers ?? {}).length === 0) {
        clearInterval(check);
        process.exit(0);
      }
    }, 100);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

async function runServer(): Promise<void> {
  const backgroundJobs = cluster.isPrimary || process.env.API_BACKGROUND_JOBS === "1";
  try {
    const db = await openDatabase();
    const server = await startApiServer(db, {
      port,
      host: process.env.API_HOST ?? "127.0.0.1",
      noticeWorkerIntervalMs: backgroundJobs ? noticeWorkerIntervalMs : undefined,
      retentionJobIntervalMs: backgroundJobs ? retentionJobIntervalMs : undefined,
      retentionMonths,
    });
    const where = db.target.kind === "pglite" ? "embedded PGlite" : "PostgreSQL";
    console.log(`API ready at ${server.url}/graphql (database: ${where}${cluster.isWorker ? `, worker ${process.pid}` : ""})`);
    if (!process.env.SMTP_HOST) console.log("No SMTP_HOST set: referrer notices are kept in the OutboxEmail table.");
    // A worker can get both SIGINT (its terminal's process group) and SIGTERM (the primary): stop once.
    let stopping: Promise<void> | null = null;
    const stop = () => {
      stopping ??= (async () => {
        await server.close();
        await db.close();
        process.exit(0);
      })();
      return stopping;
    };
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  } catch (error) {
    if (error instanceof DatabaseConfigError || error instanceof DatabaseUnavailableError || error instanceof DatabaseNotMigratedError) {
      console.error(`API not started: ${error.message}`);
      process.exit(1);
    }
    if ((error as NodeJS.ErrnoException).code === "EADDRINUSE") {
      console.error(`API not started: port ${port} is already in use (set API_PORT to use another).`);
      process.exit(1);
    }
    throw error;
  }
}
