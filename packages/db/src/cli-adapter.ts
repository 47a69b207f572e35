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
    const pglite = new PGlite(target.dataDir ?? undefined);
    return runningScriptsWith(new PrismaPGlite(pglite), (script) => pglite.exec(script)) as unknown as MigrationAdapter;
  }
  const pool = new NameAsTextPool({ connectionString: target.url, max: 2 });
  return runningScriptsWith(new PrismaPg(pool), (script) => pool.query(script));
}

/** What both adapter factories have: a connect() giving an adapter that runs migration scripts. */
interface MigrationFactory {
  connect(): Promise<{ executeScript(script: string): Promise<void> }>;
}

/**
 * Both adapters run a migration script badly, each in its own way, so the CLI's adapter is given
 * `executeScript` = `run`, awaited, with the adapter's own error conversion:
 * - adapter-pg 6.19 splits the script at every ";", which cuts a function body (`$$ … ; … $$`, as
 *   in the figures_revision migration) into pieces. PostgreSQL runs a whole script sent as one
 *   simple-protocol query, as one implicit transaction. Remove with adapter-pg 7 (check its
 *   executeScript).
 * - pglite-prisma-adapter 0.6 starts the script without waiting for it: the CLI then recorded the
 *   migration, reported success and exited while PGlite still ran it, leaving a data directory
 *   without the migration recorded (seen in CI once the figures_revision migration made a script
 *   long enough); an error in it escaped as an unhandled rejection.
 */
function runningScriptsWith<F extends MigrationFactory>(factory: F, run: (script: string) => Promise<unknown>): F {
  const connect = factory.connect.bind(factory);
  factory.connect = (async () => {
    const adapter = await connect();
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await run(script);
      } catch (error) {
        onError(error);
      }
    };
    return adapter;
  }) as F["connect"];
  return factory;
}
