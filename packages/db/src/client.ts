import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { type DatabaseTarget, redactUrl, resolveDatabaseTarget } from "./connection.ts";
import { lockDataDir } from "./data-dir-lock.ts";
import { DatabaseNotMigratedError, DatabaseUnavailableError, describeConnectionError } from "./errors.ts";
import { PrismaClient } from "./generated/prisma/client.ts";
import { pendingMigrations } from "./migrations.ts";
import { PreparingClient } from "./prepared-statements.ts";
import { releasingTransactions } from "./releasing-transactions.ts";

export type Prisma = InstanceType<typeof PrismaClient>;

export interface Database {
  prisma: Prisma;
  target: DatabaseTarget;
  /**
   * Runs raw SQL through the underlying driver, without Prisma: the API's hottest reads (the
   * session lookup, the dashboard), where Prisma's per-query plan compilation cost more than the
   * query (issue 7), and benchmarks, tests, migration checks. Reported to `onQuery` like
   * Prisma's statements. Dates come back as the driver gives them: select text where it matters.
   * On PostgreSQL each distinct statement text is a named prepared statement, so a connection
   * plans it once instead of on every request (prepared-statements.ts).
   */
  query<T = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

export interface OpenOptions {
  target?: DatabaseTarget;
  /** Throw DatabaseNotMigratedError when migrations are pending (default true). */
  requireMigrated?: boolean;
  /** An existing PGlite instance (tests clone a migrated template into one). */
  pglite?: PGlite;
  poolMax?: number;
  /**
   * Called once per SQL statement Prisma sends (Prisma's query log events). For tests that
   * count statements (e.g. that a page of families costs a bounded number); off by default.
   */
  onQuery?: (event: QueryEvent) => void;
}

/** One SQL statement Prisma sent, as its query log reports it. */
export interface QueryEvent {
  query: string;
  durationMs: number;
}

/** The one place that creates a Prisma client: embedded PGlite or a real PostgreSQL server. */
export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const target = options.target ?? resolveDatabaseTarget();
  const db =
    target.kind === "pglite"
      ? await openPglite(target.dataDir, options.pglite, options.onQuery)
      : await openPostgres(target.url, options.poolMax, options.onQuery);
  if (options.requireMigrated ?? true) {
    try {
      await assertMigrated(db);
    } catch (error) {
      await db.close();
      throw error;
    }
  }
  return db;
}

async function openPglite(dataDir: string | null, existing?: PGlite, onQuery?: OpenOptions["onQuery"]): Promise<Database> {
  let pglite = existing;
  let unlock = () => {};
  if (!pglite) {
    if (dataDir) {
      mkdirSync(dataDir, { recursive: true });
      unlock = lockDataDir(dataDir);
    }
    try {
      pglite = new PGlite(dataDir ?? undefined);
      await pglite.waitReady;
    } catch (error) {
      unlock();
      throw new DatabaseUnavailableError(
        `The embedded database at ${dataDir ?? "memory"} could not be opened: ${describeConnectionError(error)}`,
      );
    }
  }
  const client = pglite;
  const prisma = createClient(pgliteAdapter(client), onQuery);
  return {
    prisma,
    target: { kind: "pglite", dataDir },
    query: reporting(onQuery, async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows),
    close: async () => {
      await prisma.$disconnect();
      if (!client.closed) await client.close();
      unlock();
    },
  };
}

/** A client, with Prisma's query events forwarded to `onQuery` when one is given. */
function createClient(adapter: AdapterFactory, onQuery?: OpenOptions["onQuery"]): Prisma {
  if (!onQuery) return new PrismaClient({ adapter });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (e) => onQuery({ query: e.query, durationMs: e.duration }));
  // The log option only widens the client's type with `$on("query")`; everything else is the same client.
  return client as unknown as Prisma;
}

/** `query`, telling `onQuery` of each statement as Prisma's query events do. */
function reporting(onQuery: OpenOptions["onQuery"], query: Database["query"]): Database["query"] {
  if (!onQuery) return query;
  return async (sql, params) => {
    const started = performance.now();
    try {
      return await query(sql, params);
    } finally {
      onQuery({ query: sql, durationMs: performance.now() - started });
    }
  };
}

type AdapterFactory = NonNullable<ConstructorParameters<typeof PrismaClient>[0]>["adapter"];

/**
 * pglite-prisma-adapter 0.6 is typed against @prisma/driver-adapter-utils 6.10; the one type
 * that changed by 6.19 (`ArgType`) is one it never reads, so the cast is sound at run time —
 * the database tests on PGlite prove it. Drop the cast when the adapter follows 6.19.
 * Beware: it answers a transaction whose COMMIT fails (a deferred constraint) as committed, with
 * nothing written (it catches its transaction's error after handing the transaction out; seen
 * on 0.6). No deferred check in this schema can fail on PGlite's one connection: the deferred
 * triggers only raise revision counters. Do not add one that can.
 */
function pgliteAdapter(client: PGlite): AdapterFactory {
  return new PrismaPGlite(client) as unknown as AdapterFactory;
}

async function openPostgres(url: string, poolMax = 10, onQuery?: OpenOptions["onQuery"]): Promise<Database> {
  // PG_PREPARED_STATEMENTS=0: unnamed statements, for a pooler that cannot keep named ones (PgBouncer before 1.21).
  const Client = process.env.PG_PREPARED_STATEMENTS === "0" ? pg.Client : PreparingClient;
  const pool = new pg.Pool({ connectionString: url, max: poolMax, connectionTimeoutMillis: 5_000, Client });
  // A pool emits 'error' when an idle client's server goes away; without a listener Node exits.
  pool.on("error", () => {});
  try {
    await pool.query("SELECT 1");
  } catch (error) {
    await pool.end().catch(() => {});
    throw new DatabaseUnavailableError(`Cannot use PostgreSQL at ${redactUrl(url)}: ${describeConnectionError(error)}.`);
  }
  const prisma = createClient(releasingTransactions(new PrismaPg(pool)), onQuery);
  return {
    prisma,
    target: { kind: "postgres", url, databaseName: new URL(url).pathname.slice(1) },
    query: reporting(onQuery, async <T>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as T[]),
    close: async () => {
      await prisma.$disconnect();
      // The adapter may have ended the pool already; ending it twice throws.
      if (!pool.ended) await pool.end();
    },
  };
}

async function assertMigrated(db: Database): Promise<void> {
  let applied: string[];
  try {
    const rows = await db.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL",
    );
    applied = rows.map((r) => r.migration_name);
  } catch (error) {
    // Only "no such table" means nothing was migrated yet; anything else is a real failure.
    if ((error as { code?: string }).code !== "42P01" && !/_prisma_migrations.*does not exist/.test(String((error as Error).message))) {
      throw error;
    }
    applied = [];
  }
  const pending = pendingMigrations(applied);
  if (pending.length > 0) {
    throw new DatabaseNotMigratedError(
      `The database has ${pending.length} pending migration(s) (${pending.join(", ")}). Run: npm run db:migrate`,
    );
  }
}
