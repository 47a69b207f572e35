// The floor: each operation's hand-written SQL through `pg`, behind a bare HTTP server, so it
// is measured exactly like the API (same HTTP client, same JSON over the wire, own process).
//   BENCH_CONTEXT=<json> DATABASE_URL=… PORT=… node --import tsx scripts/bench/raw-server.ts
import cluster from "node:cluster";
import { createServer } from "node:http";
import { PreparingClient } from "@homestart/db/prepared-statements";
import pg from "pg";
import { type BenchContext, OPERATIONS } from "./lib/operations.ts";

// Dates and timestamps stay strings (YYYY-MM-DD, as the API sends them): no time-zone conversion.
pg.types.setTypeParser(1082, (v) => v);
pg.types.setTypeParser(1114, (v) => v);

// As many processes as the API has (BENCH_WORKERS, like API_WORKERS), so both sides get the same cores.
const workers = Number(process.env.BENCH_WORKERS ?? 1);
if (workers > 1 && cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  process.on("SIGTERM", () => {
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 500);
  });
} else serve();

function serve(): void {
  const ctx = JSON.parse(process.env.BENCH_CONTEXT ?? "null") as BenchContext;
  // The same client as the API's (packages/db prepared-statements.ts): each statement planned once per connection.
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10, Client: PreparingClient });
  pool.on("error", () => {});
  const byKey = new Map(OPERATIONS.filter((o) => o.raw).map((o) => [o.key, o.raw!]));

  const server = createServer(async (req, res) => {
    for await (const _ of req) {
      // drain the body: the floor takes its parameters from BENCH_CONTEXT
    }
    const op = byKey.get((req.url ?? "").replace(/^\/raw\//, ""));
    if (!op) {
      res.writeHead(404).end();
      return;
    }
    try {
      const data = await op.run(pool, ctx);
      res.writeHead(200, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ data }));
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: String((error as Error).message) }));
    }
  });
  server.listen(Number(process.env.PORT), "127.0.0.1", () => console.log("raw ready"));
  process.on("SIGTERM", () => {
    server.close();
    void pool.end().then(() => process.exit(0));
  });
}
