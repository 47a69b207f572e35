import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { resolveDatabaseTarget } from "./connection.ts";
import { NameAsTextPool } from "./name-as-text-pool.ts";

/** The driver adapter the Prisma CLI (migrate deploy, migrate status) uses. */
export async function createMigrationAdapter() {
  const target = resolveDatabaseTarget();
  if (target.kind === "pglite") {
    if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
    return new PrismaPGlite(new PGlite(target.dataDir ?? undefined));
  }
  return new PrismaPg(new NameAsTextPool({ connectionString: target.url, max: 2 }));
}
