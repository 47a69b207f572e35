import { PGlite } from "@electric-sql/pglite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Database, openDatabase } from "./client.ts";
import { resolveDatabaseTarget } from "./connection.ts";
import { DatabaseNotMigratedError, DatabaseUnavailableError } from "./errors.ts";
import { listMigrationNames } from "./migrations.ts";
import { createTestDatabase, databaseUrlWithName } from "./testing.ts";

const target = resolveDatabaseTarget();
let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

describe(`the database (${target.kind})`, () => {
  it("has every migration applied by `prisma migrate deploy`", async () => {
    const rows = await db.query<{ migration_name: string }>(
      "SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL ORDER BY migration_name",
    );
    expect(rows.map((r) => r.migration_name)).toEqual(listMigrationNames());
  });

  it("round-trips dates, enums, arrays, JSON, big integers and nested writes in a transaction", async () => {
    const family = await db.prisma.$transaction(async (tx) => {
      const org = await tx.organisation.create({ data: { name: "Stichting Welzijn", city: "Zwolle" } });
      const location = await tx.location.create({
        data: { organisationId: org.id, name: "Home-Start Zwolle", city: "Zwolle", startedOn: new Date("2012-03-01") },
      });
      const municipality = await tx.municipality.create({ data: { code: "GM9999", name: "Testgemeente", province: "Overijssel" } });
      return tx.family.create({
        data: {
          locationId: location.id,
          municipalityId: municipality.id,
          registeredOn: new Date("2024-02-29"),
          source: "REFERRER",
          householdType: "SINGLE_PARENT",
          languages: ["nl", "ti"],
          riskFactors: ["FINANCIAL", "LIMITED_NETWORK"],
          children: { create: [{ bornOn: new Date("2021-02-28") }, { expectedOn: new Date("2025-01-15") }] },
          consents: { create: { type: "PROCESSING", action: "GRANTED", at: new Date("2024-02-29T10:15:00Z") } },
        },
        include: { children: { orderBy: { bornOn: "asc" } }, consents: true },
      });
    });
    expect(family.registeredOn.toISOString()).toBe("2024-02-29T00:00:00.000Z");
    expect(family.languages).toEqual(["nl", "ti"]);
    expect(family.riskFactors).toEqual(["FINANCIAL", "LIMITED_NETWORK"]);
    expect(family.children).toHaveLength(2);
    expect(family.consents[0]?.at.toISOString()).toBe("2024-02-29T10:15:00.000Z");

    const entry = await db.prisma.auditEntry.create({
      data: { action: "family.create", entityType: "Family", entityId: family.id, detail: { fields: ["languages"] } },
    });
    expect(typeof entry.id).toBe("bigint");
    expect(entry.detail).toEqual({ fields: ["languages"] });

    // A failed interactive transaction leaves nothing behind.
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { name: "Half geschreven", city: "Nergens" } });
        throw new Error("rollback");
      }),
    ).rejects.toThrow("rollback");
    expect(await db.prisma.organisation.count({ where: { name: "Half geschreven" } })).toBe(0);
  });

  // PostgreSQL's connection pool only: PGlite has one connection and no pool to run dry.
  it.runIf(target.kind === "postgres")(
    "gives a connection back when COMMIT fails: more failed commits than the pool holds, and the next transaction still runs",
    async () => {
      // A deferred unique constraint fails at COMMIT, as a deferred trigger's deadlock or a dropped
      // connection would. Prisma 6.19 alone leaves the connection checked out (releasing-transactions.ts).
      await db.query(`CREATE TABLE "CommitProbe" ("n" int UNIQUE DEFERRABLE INITIALLY DEFERRED)`);
      for (let i = 0; i < 6; i++) {
        await expect(
          db.prisma.$transaction(async (tx) => {
            await tx.$executeRawUnsafe(`INSERT INTO "CommitProbe" ("n") VALUES (${i}), (${i})`);
          }),
        ).rejects.toThrow(/unique|duplicate/i);
      }
      await db.prisma.$transaction(async (tx) => {
        await tx.$executeRawUnsafe(`INSERT INTO "CommitProbe" ("n") VALUES (1)`);
      });
      expect(await db.query(`SELECT "n" FROM "CommitProbe"`)).toEqual([{ n: 1 }]);
    },
  );
});

describe("clear errors at the edges", () => {
  it("refuses a database whose migrations are not applied", async () => {
    if (target.kind === "pglite") {
      const empty = new PGlite();
      await expect(openDatabase({ target: { kind: "pglite", dataDir: null }, pglite: empty })).rejects.toThrow(DatabaseNotMigratedError);
      await expect(openDatabase({ target: { kind: "pglite", dataDir: null }, pglite: new PGlite() })).rejects.toThrow(/npm run db:migrate/);
    } else {
      const name = `hs_empty_${Date.now().toString(36)}`;
      await db.query(`CREATE DATABASE "${name}"`);
      try {
        const url = databaseUrlWithName(target.url, name);
        await expect(openDatabase({ target: { kind: "postgres", url, databaseName: name } })).rejects.toThrow(
          /pending migration.*npm run db:migrate/,
        );
      } finally {
        await db.query(`DROP DATABASE "${name}"`);
      }
    }
  });

  it("says a PostgreSQL server that is down is down, without the password", async () => {
    const url = "postgresql://someone:s3cret@127.0.0.1:1/homestart";
    const attempt = openDatabase({ target: { kind: "postgres", url, databaseName: "homestart" } });
    await expect(attempt).rejects.toThrow(DatabaseUnavailableError);
    await expect(openDatabase({ target: { kind: "postgres", url, databaseName: "homestart" } })).rejects.toThrow(
      /Cannot use PostgreSQL at postgresql:\/\/someone:\*\*\*@127\.0\.0\.1:1\/homestart: the connection was refused \(is the server running\?\)/,
    );
  });

  it.runIf(target.kind === "postgres")("says a database that does not exist does not exist", async () => {
    if (target.kind !== "postgres") return;
    const url = databaseUrlWithName(target.url, "hs_no_such_database");
    await expect(openDatabase({ target: { kind: "postgres", url, databaseName: "hs_no_such_database" } })).rejects.toThrow(
      /does not exist/,
    );
  });

  it.runIf(target.kind === "postgres")(
    "prepares each parameterised statement and each single SELECT once per connection, Prisma's too, unless PG_PREPARED_STATEMENTS=0",
    async () => {
      if (db.target.kind !== "postgres") return;
      const prepared = async () => {
        // One connection, so the count sees the same session.
        const one = await openDatabase({ target: db.target, poolMax: 1 });
        try {
          await one.query("SELECT $1::int AS n", [1]);
          await one.query("SELECT $1::int AS n", [2]);
          await one.prisma.organisation.findMany({ where: { name: "no such organisation" } });
          await one.query("SELECT 41 AS n");
          // Several statements in one text, and transaction control, go unprepared (and still run).
          await one.query("SELECT 1 AS n; SELECT 2 AS n");
          await one.prisma.$transaction(async (tx) => tx.organisation.count());
          const rows = await one.query<{ statement: string }>(
            "SELECT statement FROM pg_prepared_statements WHERE name LIKE 'hs\\_%' AND statement NOT LIKE '%pg_prepared_statements%'",
          );
          return rows.map((r) => r.statement);
        } finally {
          await one.close();
        }
      };
      const statements = await prepared();
      expect(statements).toContain("SELECT $1::int AS n");
      expect(statements).toContain("SELECT 41 AS n");
      expect(statements.some((s) => s.includes('"Organisation"') && s.includes("$1"))).toBe(true);
      expect(statements.some((s) => s.includes("count(") || s.includes("COUNT("))).toBe(true);
      expect(statements.filter((s) => s.includes("SELECT 2"))).toEqual([]);
      process.env.PG_PREPARED_STATEMENTS = "0";
      try {
        expect(await prepared()).toEqual([]);
      } finally {
        delete process.env.PG_PREPARED_STATEMENTS;
      }
    },
  );
});
