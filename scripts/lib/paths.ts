import path from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const SCHEMA = path.join(ROOT, "prisma", "schema.prisma");
export const MIGRATIONS_DIR = path.join(ROOT, "prisma", "migrations");
/** The Prisma schema as of the newest migration, so a new migration is a diff against it. */
export const SNAPSHOT = path.join(MIGRATIONS_DIR, "schema.snapshot.prisma");
export const prismaBin = path.join(ROOT, "node_modules", ".bin", "prisma");

/**
 * Environment for Prisma CLI commands that need no database (diff, generate): the CLI still
 * opens the configured adapter, so point it at a throw-away in-memory PGlite rather than
 * .data/ (which a running `npm start` may hold) or a real server.
 */
export const cliEnvWithoutDatabase: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: "memory://" };
