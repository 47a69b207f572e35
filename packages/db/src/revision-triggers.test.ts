// The revision rows (FiguresRevision, ReadRevision) are raised by deferred triggers at commit, in
// the order a transaction wrote its tables. Two commits that raise them in opposite orders must
// both go through, not deadlock (migration revision_lock_order). PostgreSQL only: PGlite has one
// connection, so its commits never meet.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client.ts";
import { resolveDatabaseTarget } from "./connection.ts";
import { createTestDatabase } from "./testing.ts";

const onPostgres = resolveDatabaseTarget().kind === "postgres";
let db: Database;
const clients: pg.Client[] = [];

beforeAll(async () => {
  if (!onPostgres) return;
  db = await createTestDatabase();
  await db.query(`INSERT INTO "Organisation" ("id", "name", "city", "updatedAt") VALUES ('o1', 'Stichting Test', 'Zwolle', now())`);
  // Two of each, so the two transactions below share no row of their own data.
  await db.query(
    `INSERT INTO "Location" ("id", "organisationId", "name", "city", "startedOn", "updatedAt")
     VALUES ('l1', 'o1', 'Home-Start Een', 'Zwolle', '2020-01-01', now()), ('l2', 'o1', 'Home-Start Twee', 'Kampen', '2020-01-01', now())`,
  );
  await db.query(
    `INSERT INTO "Municipality" ("id", "code", "name", "province") VALUES ('m1', 'GM9998', 'Een', 'Overijssel'), ('m2', 'GM9997', 'Twee', 'Overijssel')`,
  );
});

afterAll(async () => {
  await Promise.all(clients.map((c) => c.end().catch(() => {})));
  await db?.close();
});

async function connect(): Promise<pg.Client> {
  if (db.target.kind !== "postgres") throw new Error("PostgreSQL only");
  const client = new pg.Client({ connectionString: db.target.url });
  await client.connect();
  clients.push(client);
  return client;
}

/** Until the backend of `client` waits for a lock. */
async function waitingForLock(client: pg.Client): Promise<void> {
  const pid = (client as unknown as { processID: number }).processID;
  for (let i = 0; i < 100; i++) {
    const [row] = await db.query<{ waiting: boolean }>(
      `SELECT wait_event_type = 'Lock' AS "waiting" FROM pg_stat_activity WHERE pid = $1`,
      [pid],
    );
    if (row?.waiting) return;
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error("the commit never waited for a lock");
}

/**
 * Runs `statements` in a transaction and sends its COMMIT, which must come to wait for a lock;
 * `outcome` settles when the COMMIT does.
 */
async function commitThatWaits(client: pg.Client, statements: string[]): Promise<{ outcome: Promise<string> }> {
  await client.query(`BEGIN`);
  for (const sql of statements) await client.query(sql);
  const outcome = client.query(`COMMIT`).then(
    () => "committed",
    (error: { code?: string }) => `failed ${error.code}`,
  );
  await waitingForLock(client);
  return { outcome };
}

describe.skipIf(!onPostgres)("revision triggers", () => {
  it("let two commits that raise revisions in opposite orders both go through", async () => {
    const [holder, first, second] = [await connect(), await connect(), await connect()];
    const revisions = async () =>
      Object.fromEntries(
        (await db.query<{ name: string; revision: string }>(`SELECT "name", "revision"::text AS "revision" FROM "ReadRevision"`)).map(
          (r) => [r.name, Number(r.revision)],
        ),
      );
    const before = await revisions();
    // The planner's row is held, so both commits below meet at it.
    await holder.query(`BEGIN`);
    await holder.query(`SELECT 1 FROM "ReadRevision" WHERE "name" = 'visitatie_planner' FOR UPDATE`);
    // A location, then a municipality: visitatie_planner first, then eligibility_facts and the others.
    const firstCommit = await commitThatWaits(first, [
      `UPDATE "Location" SET "city" = 'Deventer' WHERE "id" = 'l1'`,
      `UPDATE "Municipality" SET "code" = 'GM9996' WHERE "id" = 'm1'`,
    ]);
    // The reverse: the municipality's revisions first, then the planner's.
    const secondCommit = await commitThatWaits(second, [
      `UPDATE "Municipality" SET "code" = 'GM9995' WHERE "id" = 'm2'`,
      `UPDATE "Location" SET "city" = 'Deventer' WHERE "id" = 'l2'`,
    ]);
    await holder.query(`ROLLBACK`);
    // Without one lock before the rows, each commit held one row and waited for the other's: 40P01.
    expect(await Promise.all([firstCommit.outcome, secondCommit.outcome])).toEqual(["committed", "committed"]);
    const after = await revisions();
    expect(after.visitatie_planner).toBe((before.visitatie_planner ?? 0) + 2);
    expect(after.eligibility_facts).toBe((before.eligibility_facts ?? 0) + 2);
  });
});
