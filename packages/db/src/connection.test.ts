import { describe, expect, it } from "vitest";
import { DatabaseConfigError, defaultPgliteDir, redactUrl, resolveDatabaseTarget } from "./connection.ts";
import { reportNameAsText } from "./name-as-text-pool.ts";

describe("resolveDatabaseTarget", () => {
  it("uses the embedded database under .data/ when DATABASE_URL is unset or empty", () => {
    expect(resolveDatabaseTarget({})).toEqual({ kind: "pglite", dataDir: defaultPgliteDir });
    expect(resolveDatabaseTarget({ DATABASE_URL: "  " })).toEqual({ kind: "pglite", dataDir: defaultPgliteDir });
    expect(defaultPgliteDir).toMatch(/\.data\/pglite$/);
  });

  it("uses a real server for postgresql:// and postgres:// URLs", () => {
    expect(resolveDatabaseTarget({ DATABASE_URL: "postgresql://u:p@db.example:5432/homestart" })).toMatchObject({
      kind: "postgres",
      databaseName: "homestart",
    });
    expect(resolveDatabaseTarget({ DATABASE_URL: "postgres://localhost/x" })).toMatchObject({ kind: "postgres" });
  });

  it.each([
    ["not a url", /not a valid URL/],
    ["mysql://localhost/db", /unsupported scheme "mysql"/],
    ["postgresql://localhost", /names no database/],
    ["postgresql://localhost/", /names no database/],
  ])("refuses %s with a message that says what is accepted", (url, message) => {
    expect(() => resolveDatabaseTarget({ DATABASE_URL: url })).toThrow(DatabaseConfigError);
    expect(() => resolveDatabaseTarget({ DATABASE_URL: url })).toThrow(message);
  });

  it("never repeats a password in messages", () => {
    expect(redactUrl("postgresql://user:secret@host/db")).toBe("postgresql://user:***@host/db");
  });
});

describe("the name-as-text workaround for prisma/orm#27403", () => {
  it("reports PostgreSQL's name type (OID 19) as text (OID 25) and leaves other types alone", () => {
    const result = reportNameAsText({ fields: [{ dataTypeID: 19 }, { dataTypeID: 23 }, { dataTypeID: 25 }] });
    expect(result.fields.map((f) => f.dataTypeID)).toEqual([25, 23, 25]);
  });
});
