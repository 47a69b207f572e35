// Prisma CLI configuration (Prisma 6.19, JavaScript engine: nothing is downloaded).
// The CLI connects through the same driver adapters as the application:
// - DATABASE_URL unset → embedded PGlite under .data/pglite
// - DATABASE_URL=postgresql://… → a real server through @prisma/adapter-pg,
//   with the `name`-as-text pool that works around prisma/orm#27403 (see packages/db).
import path from "node:path";
import { defineConfig } from "prisma/config";
import { createMigrationAdapter } from "./packages/db/src/cli-adapter.ts";

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  adapter: createMigrationAdapter,
});
