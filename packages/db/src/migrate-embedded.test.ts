import { readFileSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { describe, expect, it } from "vitest";
import { migrateEmbedded } from "./migrate-embedded.ts";
import { listMigrationNames } from "./migrations.ts";

type Row = { migration_name: string; checksum: string; applied_steps_count: number; finished: boolean };
const BOOKKEEPING =
  "SELECT migration_name, checksum, applied_steps_count, finished_at IS NOT NULL AS finished FROM _prisma_migrations ORDER BY 1";

describe("migrating the embedded database in process", () => {
  it("keeps the same bookkeeping as `prisma migrate deploy`, and is idempotent", async () => {
    const ours = new PGlite();
    const first = await migrateEmbedded(ours);
    expect(first.applied).toEqual(listMigrationNames());
    expect(await migrateEmbedded(ours)).toEqual({ applied: [], alreadyApplied: listMigrationNames().length });

    // The tests' template was migrated by the Prisma CLI (global setup): same rows, same checksums.
    const tarball = process.env.HS_TEST_PGLITE_TEMPLATE;
    if (tarball) {
      const cli = new PGlite({ loadDataDir: new Blob([readFileSync(tarball)]) });
      expect((await ours.query<Row>(BOOKKEEPING)).rows).toEqual((await cli.query<Row>(BOOKKEEPING)).rows);
      await cli.close();
    }
    // And the tables are there.
    expect((await ours.query<{ n: number }>(`SELECT count(*)::int AS n FROM "Family"`)).rows[0]?.n).toBe(0);
    await ours.close();
  });

  it("applies a migration whole or not at all", async () => {
    const pg = new PGlite();
    await pg.exec(`CREATE TABLE "Organisation" (id text)`); // makes the first migration fail half-way
    await expect(migrateEmbedded(pg)).rejects.toThrow();
    expect((await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations")).rows[0]?.n).toBe(0);
    expect((await pg.query<{ n: number }>("SELECT count(*)::int AS n FROM pg_type WHERE typname = 'LicenceStatus'")).rows[0]?.n).toBe(0);
    await pg.close();
  });
});
