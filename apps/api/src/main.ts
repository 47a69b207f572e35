// Starts the API on the database DATABASE_URL names (embedded PGlite when unset).
import { DatabaseConfigError, DatabaseNotMigratedError, DatabaseUnavailableError, openDatabase } from "@homestart/db";
import { retentionSettingsFromEnv } from "./retention/anonymise-closed-families.ts";
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

try {
  const db = await openDatabase();
  const server = await startApiServer(db, {
    port,
    host: process.env.API_HOST ?? "127.0.0.1",
    noticeWorkerIntervalMs,
    retentionJobIntervalMs: retention.intervalMs,
    retentionMonths: retention.retentionMonths,
  });
  console.log(`API ready at ${server.url}/graphql (database: ${db.target.kind === "pglite" ? "embedded PGlite" : "PostgreSQL"})`);
  if (!process.env.SMTP_HOST) console.log("No SMTP_HOST set: referrer notices are kept in the OutboxEmail table.");
  const stop = async () => {
    await server.close();
    await db.close();
    process.exit(0);
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
