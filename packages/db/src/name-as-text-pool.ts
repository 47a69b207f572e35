import pg from "pg";

/**
 * Workaround for prisma/orm issue 27403, used only by the Prisma CLI (migrate) on a real
 * PostgreSQL server: `@prisma/adapter-pg` 6.x cannot deserialize columns of PostgreSQL's
 * `name` type (OID 19), which the schema engine's catalogue queries return. `name` travels
 * as text on the wire, so reporting it as `text` (OID 25) is exact.
 *
 * Remove when moving to `@prisma/adapter-pg` 7.x (which maps OID 19 itself) — that needs
 * Prisma 7, whose CLI cannot run offline on our machines today (see README).
 */
export const PG_NAME_OID = 19;
export const PG_TEXT_OID = 25;

export function reportNameAsText<R extends { fields?: Array<{ dataTypeID: number }> }>(result: R): R {
  for (const field of result.fields ?? []) {
    if (field.dataTypeID === PG_NAME_OID) field.dataTypeID = PG_TEXT_OID;
  }
  return result;
}

export class NameAsTextPool extends pg.Pool {
  // biome-ignore lint/suspicious/noExplicitAny: pg.Pool#query has many overloads; we pass them all through unchanged.
  override query(...args: any[]): any {
    // biome-ignore lint/suspicious/noExplicitAny: see above.
    const result = (super.query as (...a: any[]) => any)(...args);
    if (result && typeof result.then === "function") {
      return result.then((r: pg.QueryResult) => reportNameAsText(r));
    }
    return result;
  }

  // The adapter runs most statements on a checked-out client, so patch those too.
  // biome-ignore lint/suspicious/noExplicitAny: same overload pass-through as above.
  override connect(...args: any[]): any {
    if (args.length > 0) return (super.connect as (...a: unknown[]) => unknown)(...args);
    return super.connect().then((client) => {
      const original = client.query.bind(client) as (...a: unknown[]) => unknown;
      // biome-ignore lint/suspicious/noExplicitAny: overload pass-through.
      (client as any).query = (...a: unknown[]) => {
        const r = original(...a) as Promise<pg.QueryResult> | undefined;
        return r && typeof r.then === "function" ? r.then(reportNameAsText) : r;
      };
      return client;
    });
  }
}
