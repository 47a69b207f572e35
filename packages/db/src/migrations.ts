import { readdirSync } from "node:fs";
import path from "node:path";
import { repoRoot } from "./connection.ts";

export const migrationsDir = path.join(repoRoot, "prisma", "migrations");

/** Names of the migrations in the repository, oldest first. */
export function listMigrationNames(): string[] {
  return readdirSync(migrationsDir, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort();
}

/** Migrations in the repository that the database has not finished applying. */
export function pendingMigrations(applied: ReadonlyArray<string>): string[] {
  const done = new Set(applied);
  return listMigrationNames().filter((name) => !done.has(name));
}
