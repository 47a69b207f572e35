import { existsSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** Where the data lives: embedded PGlite (default) or a real PostgreSQL server. */
export type DatabaseTarget =
  | { kind: "pglite"; dataDir: string | null } // null: in memory
  | { kind: "postgres"; url: string; databaseName: string };

/** A configuration error with a message fit to print to an operator (no stack needed). */
export class DatabaseConfigError extends Error {
  override name = "DatabaseConfigError";
}

/** The repository root: the nearest folder above this module holding turbo.json (also from the API's bundle in apps/api/dist). */
export const repoRoot = findRepoRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRepoRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "turbo.json"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(from, "../../..");
  }
}

/** The default embedded database directory: `.data/pglite` at the repository root. */
export const defaultPgliteDir = path.join(repoRoot, ".data", "pglite");

/**
 * Reads DATABASE_URL. Unset or empty → embedded PGlite under `.data/`.
 * `postgres://` or `postgresql://` → a real server. `memory://` → in-memory PGlite (tests).
 * Anything else is refused with a message that says what is accepted.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): DatabaseTarget {
  const raw = env.DATABASE_URL?.trim();
  if (!raw) return { kind: "pglite", dataDir: env.PGLITE_DIR?.trim() || defaultPgliteDir };
  if (raw === "memory://") return { kind: "pglite", dataDir: null };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new DatabaseConfigError(
      "DATABASE_URL is not a valid URL. Use postgresql://user:password@host:5432/database, or leave it unset for the embedded database.",
    );
  }
  if (url.protocol !== "postgresql:" && url.protocol !== "postgres:") {
    throw new DatabaseConfigError(
      `DATABASE_URL uses the unsupported scheme "${url.protocol.replace(/:$/, "")}". Use postgresql://…, or leave it unset for the embedded database.`,
    );
  }
  const databaseName = decodeURIComponent(url.pathname.replace(/^\//, ""));
  if (!databaseName) {
    throw new DatabaseConfigError("DATABASE_URL names no database: add one after the host, e.g. postgresql://localhost:5432/homestart.");
  }
  if (!url.hostname && !url.searchParams.get("host")) {
    throw new DatabaseConfigError("DATABASE_URL names no host.");
  }
  return { kind: "postgres", url: raw, databaseName };
}

/** The URL without its password, for messages and logs. */
export function redactUrl(raw: string): string {
  try {
    const url = new URL(raw);
    if (url.password) url.password = "***";
    return url.toString();
  } catch {
    return "(unparseable URL)";
  }
}
