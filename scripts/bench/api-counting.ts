// The API as apps/api/src/main.ts starts it, plus a count of the SQL statements Prisma sends
// (packages/db's `onQuery`, from Prisma's query events), read and reset over a second port:
//   GET http://127.0.0.1:$COUNT_PORT/  →  {"statements": n, "queries": [...]}  (and resets both)
// `queries` holds the statements' SQL text (for `npm run bench -- --count-only --show-sql`).
// Used only to count statements per operation; latency and throughput are measured on main.ts.
import { createServer } from "node:http";
import { openDatabase } from "@homestart/db";
import { startApiServer } from "../../apps/api/src/server.ts";

let statements = 0;
let queries: string[] = [];
const db = await openDatabase({
  onQuery: (event) => {
    statements += 1;
    if (queries.length < 200) queries.push(event.query);
  },
});
const server = await startApiServer(db, { port: Number(process.env.API_PORT), host: "127.0.0.1" });
createServer((_req, res) => {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ statements, queries }));
  statements = 0;
  queries = [];
}).listen(Number(process.env.COUNT_PORT), "127.0.0.1");
console.log(`API (counting statements) ready at ${server.url}`);
process.on("SIGTERM", async () => {
  await server.close();
  await db.close();
  process.exit(0);
});
