import { createHash } from "node:crypto";

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
