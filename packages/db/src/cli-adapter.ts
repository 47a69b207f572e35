import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import type { PrismaConfig } from "prisma";
import { resolveDatabaseTarget } from "./connection.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { NameAsTextPool } from "./name-as-text-pool.ts";

type MigrationAdapter = Awaited<ReturnType<NonNullable<Extract<PrismaConfig, { engine: "js" }>["adapter"]>>>;

/** The driver adapter the Prisma CLI (migrate deploy, migrate status) uses. */
export async function createMigrationAdapter(): Promise<MigrationAdapter> {
  const target = resolveDatabaseTarget();
  if (target.kind === "pglite") {
    if (target.dataDir) {
      mkdirSync(target.dataDir, { recursive: true });
      lockDataDir(target.dataDir); // released when the CLI process exits
    }
    // Same typing gap as in client.ts: the adapter is typed against driver-adapter-utils 6.10.
    return new PrismaPGlite(new PGlite(target.dataDir ?? undefined)) as unknown as MigrationAdapter;
  }
  return new PrismaPg(new NameAsTextPool({ connectionString: target.url, max: 2 }));
}
