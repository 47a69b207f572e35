import { createHash } from "node:crypto";
import pg from "pg";

const names = new Map<string, string>();
/** Distinct texts prepared at most; past it a statement runs unnamed (planned each time). */
const MAX_PREPARED = 500;

/**
 * The prepared statement's name for a statement text: one per distinct text, from its hash, so
 * the same text always gets the same name on every connection (node-postgres parses a name once
 * per connection and refuses a name reused for another text). The API's driver statements are
 * fixed texts; for planning-heavy ones (the dashboard's, the session lookup) PostgreSQL's plan
 * cache saves about as much as the execution costs (issue 7). Bounded, so SQL built at run time
 * (tests' harnesses) cannot make every connection hold statements without end: past the bound,
 * undefined (run it unnamed).
 */
export function preparedStatementName(sql: string): string | undefined {
  let name = names.get(sql);
  if (name === undefined && names.size < MAX_PREPARED) {
    name = `hs_${createHash("sha1").update(sql).digest("hex").slice(0, 20)}`;
    names.set(sql, name);
  }
  return name;
}

/**
 * Whether a statement may be prepared: one with parameters, or a single SELECT without them (the
 * visitatie planner's loads). Other texts without parameters go by the simple protocol, which
 * allows several statements in one text (a prepared statement refuses those) and is what BEGIN,
 * COMMIT and SET are sent by; a semicolon anywhere but at the end keeps a SELECT there too.
 */
function preparable(text: string, values: unknown[] | undefined): boolean {
  if (values && values.length > 0) return true;
  const trimmed = text.trim().replace(/;$/, "");
  return /^(select|with)\b/i.test(trimmed) && !trimmed.includes(";");
}

/**
 * A node-postgres client that sends each parameterised statement, and each single SELECT, as a
 * named prepared statement (named by preparedStatementName), so a connection parses and plans it once:
 * Prisma's statements and the driver's alike. Other statements without parameters (BEGIN,
 * COMMIT, several in one text) and those that already carry a name pass through untouched.
 */
export class PreparingClient extends pg.Client {
  // biome-ignore lint/suspicious/noExplicitAny: pg's query has a dozen overloads; this adds a name to two of them and passes every argument on.
  override query(...args: any[]): any {
    const [first, second] = args;
    if (typeof first === "string" && (Array.isArray(second) || second === undefined)) {
      const name = preparable(first, second) ? preparedStatementName(first) : undefined;
      if (name) return super.query({ name, text: first, values: second ?? [] }, ...args.slice(2));
    } else if (first && typeof first === "object" && typeof first.text === "string" && !first.name && typeof first.submit !== "function") {
      const values = first.values ?? (Array.isArray(second) ? second : undefined);
      const name = preparable(first.text, values) ? preparedStatementName(first.text) : undefined;
      if (name) return super.query({ ...first, name }, ...args.slice(1));
    }
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }
}
