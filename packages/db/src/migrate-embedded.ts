// Applies prisma/migrations to the embedded database in this process, with the same
// bookkeeping as `prisma migrate deploy` (the `_prisma_migrations` table, the SHA-256 checksum
// of each migration.sql), so the Prisma CLI sees them as applied.
//
// Why not the CLI here: a first `prisma migrate deploy` on PGlite in a fresh clone was seen
// to stall forever at 0% CPU (three times; reruns went through), and a killed run leaves a
// broken data directory. The CLI stays the path for PostgreSQL and for the tests' template;
// a test compares this bookkeeping with the CLI's. Remove when the stall is understood.
import { createHash, randomUUID } from "node:crypto";
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { lockDataDir } from "./data-dir-lock.ts";
import { listMigrationNames, migrationsDir } from "./migrations.ts";

// The table exactly as the Prisma schema engine creates it.
const CREATE_MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export async function migrateEmbedded(pglite: PGlite): Promise<MigrationReport> {
  await pglite.exec(CREATE_MIGRATIONS_TABLE);
  const done = new Set(
    (
      await pglite.query<{ migration_name: string }>(
        "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
      )
    ).rows.map((r) => r.migration_name),
  );
  const failed = (
    await pglite.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NULL AND rolled_back_at IS NULL",
    )
  ).rows;
  if (failed.length > 0) {
    throw new Error(`Migration ${failed[0]?.migration_name} failed earlier and was not rolled back; resolve it before migrating again.`);
  }
  const applied: string[] = [];
  for (const name of listMigrationNames()) {
    if (done.has(name)) continue;
    const sql = readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    // One transaction per migration: it is applied and recorded whole, or not at all.
    await pglite.transaction(async (tx) => {
      await tx.exec(sql);
      await tx.query(
        "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, started_at, applied_steps_count) VALUES ($1, $2, now(), $3, now(), 1)",
        [randomUUID(), checksum, name],
      );
    });
    applied.push(name);
  }
  return { applied, alreadyApplied: done.size };
}

/** Opens the embedded database directory (taking its lock), migrates it and closes it. */
export async function migrateEmbeddedDirectory(dataDir: string): Promise<MigrationReport> {
  mkdirSync(dataDir, { recursive: true });
  const unlock = lockDataDir(dataDir);
  const pglite = new PGlite(dataDir);
  try {
    await pglite.waitReady;
    return await migrateEmbedded(pglite);
  } finally {
    await pglite.close();
    unlock();
  }
}
