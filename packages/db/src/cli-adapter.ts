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
    return new AwaitedScriptPGlite(new PGlite(target.dataDir ?? undefined)) as unknown as MigrationAdapter;
  }
  return new WholeScriptPg(new NameAsTextPool({ connectionString: target.url, max: 2 }));
}

/**
 * adapter-pg 6.19 runs a migration script by splitting it at every ";" (its executeScript), which
 * cuts a function body (`$$ … ; … $$`, as in the figures_revision migration) into pieces.
 * PostgreSQL itself runs a whole script sent as one simple-protocol query, as one implicit
 * transaction, so the script is sent as it is. Remove with adapter-pg 7 (check its executeScript).
 */
class WholeScriptPg extends PrismaPg {
  readonly #pool: NameAsTextPool;

  constructor(pool: NameAsTextPool) {
    super(pool);
    this.#pool = pool;
  }

  override async connect() {
    const adapter = await super.connect();
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await this.#pool.query(script);
      } catch (error) {
        onError(error);
      }
    };
    return adapter;
  }
}

/**
 * pglite-prisma-adapter 0.6 starts a migration script (`executeScript`) without waiting for it:
 * the CLI then records the migration, reports success and exits while PGlite may still be running
 * the script, leaving a data directory without the migration recorded (seen in CI once the
 * figures_revision migration made a script long enough). Here the script is awaited, and an error
 * in it fails the migration instead of escaping as an unhandled rejection.
 */
class AwaitedScriptPGlite extends PrismaPGlite {
  readonly #pglite: PGlite;

  constructor(pglite: PGlite) {
    super(pglite);
    this.#pglite = pglite;
  }

  override async connect() {
    const adapter = await super.connect();
    const onError = (adapter as unknown as { onError(error: unknown): never }).onError.bind(adapter);
    adapter.executeScript = async (script: string) => {
      try {
        await this.#pglite.exec(script);
      } catch (error) {
        onError(error);
      }
    };
    return adapter;
  }
}
