// `npm run bench [-- --duration 10 --out bench/results.md --note "…"]`
// Benchmarks the API built for production against the benchmark data in DATABASE_URL (made by
// `npm run bench:data`), next to each operation's hand-written SQL floor, and writes
// bench/results.md. Exits non-zero when a target of issue 7 is missed. See bench/README.md.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { availableParallelism, cpus, tmpdir, totalmem } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";
import pg from "pg";
import { bundleApi, bundleForNode } from "../../apps/api/scripts/build.ts";
import { ROOT } from "../lib/paths.ts";
import { type BrowserTiming, dashboardTiming } from "./lib/browser-timing.ts";
import type { BenchMeta } from "./lib/generator.ts";
import { type BenchContext, type BenchRole, OPERATIONS, type Operation } from "./lib/operations.ts";

interface Options {
  duration: number;
  out: string;
  note: string;
  connections: number[];
  /** Processes for the API (API_WORKERS) and, equally, for the floor. */
  workers: number;
  /** Only count statements and compare answers (no load); quick, for working on an operation. */
  countOnly: boolean;
  /** With --count-only: print each operation's SQL statements. */
  showSql: boolean;
  /** Only these operations (keys), for working on one; a partial run says so in its report. */
  only: string[] | null;
}

function parseArgs(argv: string[]): Options {
  const o: Options = {
    duration: 10,
    out: path.join(ROOT, "bench", "results.md"),
    note: "",
    connections: [16, 64],
    workers: availableParallelism(),
    countOnly: false,
    showSql: false,
    only: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const next = () => argv[++i] ?? "";
    if (a === "--duration") o.duration = Number(next());
    else if (a === "--out") o.out = path.resolve(next());
    else if (a === "--note") o.note = next();
    else if (a === "--workers") o.workers = Number(next());
    else if (a === "--count-only") o.countOnly = true;
    else if (a === "--show-sql") o.showSql = true;
    else if (a === "--only") {
      o.only = next().split(",").filter(Boolean);
      // A partial run never replaces the committed results unless --out says so.
      if (!argv.includes("--out")) o.out = path.join(tmpdir(), "bench-only.md");
    } else {
      console.error(
        `Unknown argument ${a}. Usage: npm run bench -- [--duration S] [--out FILE] [--note TEXT] [--workers N] [--only KEY,KEY] [--count-only [--show-sql]]`,
      );
      process.exit(2);
    }
  }
  if (!(o.duration > 0)) throw new Error("--duration must be a positive number of seconds");
  if (!Number.isInteger(o.workers) || o.workers < 1) throw new Error("--workers must be a whole number of processes");
  const unknown = o.only?.filter((key) => !OPERATIONS.some((op) => op.key === key)) ?? [];
  if (unknown.length > 0)
    throw new Error(`--only: no operation ${unknown.join(", ")} (there are ${OPERATIONS.map((op) => op.key).join(", ")})`);
  return o;
}

// ---------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------

const children: ChildProcess[] = [];

function launch(script: string, env: NodeJS.ProcessEnv, cwd = ROOT) {
  // `node --import tsx` (not the tsx CLI) so the pid is the server itself (for its RSS); a built
  // .js file (the API's production bundle) runs on plain node.
  const args = script.endsWith(".js") ? ["--enable-source-maps", script] : ["--import", "tsx", script];
  const child = spawn(process.execPath, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout?.on("data", (d) => {
    log += d;
  });
  child.stderr?.on("data", (d) => {
    log += d;
  });
  children.push(child);
  return { child, log: () => log.slice(-3000) };
}

async function waitFor(url: string, child: ChildProcess, log: () => string, method = "GET"): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${url} did not start:\n${log()}`);
    try {
      const res = await fetch(url, { method });
      if (res.status < 500) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} did not answer within 90 s:\n${log()}`);
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

/** Waits (at most two minutes) until no other session runs a statement in the database. */
async function databaseIdle(url: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    const deadline = Date.now() + 120_000;
    while (Date.now() < deadline) {
      const { rows } = await db.query(
        `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND state = 'active' AND pid <> pg_backend_pid()`,
      );
      if (rows[0].n === 0) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await db.end();
  }
}

async function freePort(): Promise<number> {
  const { createServer } = await import("node:net");
  return new Promise((resolve) => {
    const s = createServer();
    s.listen(0, "127.0.0.1", () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** Resident memory of a process and its children (the API's workers), MB. */
function rssMb(pid: number | undefined): number | null {
  const rssKb = (id: string | number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${id}/status`, "utf8"))?.[1] ?? 0);
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean);
    const kb = rssKb(pid!) + children.reduce((sum, child) => sum + rssKb(child), 0);
    return kb ? Math.round(kb / 1024) : null;
  } catch {
    return null;
  }
}

// ---------------------------------------------------------------------------
// HTTP
// ---------------------------------------------------------------------------

async function graphql(url: string, cookie: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", cookie },
    body: JSON.stringify({ query, variables }),
  });
  return { status: res.status, body: (await res.json()) as { data?: unknown; errors?: Array<{ message: string }> }, res };
}

async function login(url: string, email: string, password: string): Promise<string> {
  const { body, res } = await graphql(
    url,
    "",
    "mutation Login($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }",
    { email, password },
  );
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0]!)
    .find((c) => c.startsWith("hs_session="));
  if (!cookie) throw new Error(`Login as ${email} failed: ${JSON.stringify(body)}`);
  return cookie;
}

interface Load {
  rps: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

/** autocannon against one URL; latencies from every response (autocannon's own summary has no p95). */
function load(url: string, body: string, cookie: string, connections: number, duration: number): Promise<Load> {
  const latencies: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      { url, method: "POST", headers: { "content-type": "application/json", cookie }, body, connections, duration },
      (error, result) => {
        if (error) return reject(error);
        latencies.sort((a, b) => a - b);
        resolve({
          rps: result.requests.total / (result.duration || duration),
          p50: percentile(latencies, 50),
          p95: percentile(latencies, 95),
          p99: percentile(latencies, 99),
          errors: result.errors + result.timeouts + result.non2xx,
        });
      },
    );
    instance.on("response", (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  });
}

// ---------------------------------------------------------------------------
// Context, schema, front ends
// ---------------------------------------------------------------------------

async function benchContext(db: pg.Client): Promise<BenchContext> {
  const meta = (await db.query(`SELECT detail FROM "AuditEntry" WHERE action = 'bench.data' ORDER BY id DESC LIMIT 1`)).rows[0]?.detail as
    | BenchMeta
    | undefined;
  if (!meta) throw new Error("This database has no benchmark data: run npm run bench:data -- --size S first (with the same DATABASE_URL).");
  const locationIds = (
    await db.query(`SELECT s."locationId" FROM "UserLocationScope" s JOIN "User" u ON u.id = s."userId" WHERE u.email = $1`, [
      meta.coordinatorEmail,
    ])
  ).rows.map((r) => r.locationId as string);
  const family = (
    await db.query(`SELECT id FROM "Family" WHERE "locationId" = ANY($1) AND status = 'ACTIVE' ORDER BY id LIMIT 1`, [locationIds])
  ).rows[0];
  const waiting = (
    await db.query(`SELECT id FROM "Family" WHERE "locationId" = ANY($1) AND status = 'WAITING_FOR_MATCH' ORDER BY id LIMIT 1`, [
      locationIds,
    ])
  ).rows[0];
  return {
    meta,
    locationIds,
    familyId: family?.id ?? "",
    waitingFamilyId: waiting?.id ?? family?.id ?? "",
    municipalityId: meta.officerMunicipalityId,
    year: Number(meta.referenceDay.slice(0, 4)) - 1,
  };
}

/** Which operations the API's current schema can answer; the others are "not in the API yet". */
async function checkOperations(): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>();
  try {
    const { parse, validate } = await import("graphql");
    const { schema } = await import("../../apps/api/src/schema/index.ts");
    const fields = schema.getQueryType()?.getFields() ?? {};
    for (const op of OPERATIONS) {
      if (!(op.rootField in fields)) out.set(op.key, "not in the API yet");
      else {
        const errors = validate(schema, parse(op.query));
        out.set(op.key, errors.length > 0 ? `query out of date with the schema: ${errors[0]!.message}` : null);
      }
    }
  } catch (error) {
    console.warn(`Could not load the API schema to check the operations (${(error as Error).message}); running all of them.`);
  }
  return out;
}

interface FrontEnd {
  app: string;
  initialJsGzipKb: number | null;
  note: string;
}

function frontEnds(): FrontEnd[] {
  const apps = readdirSync(path.join(ROOT, "apps")).filter((a) => existsSync(path.join(ROOT, "apps", a, "index.html")));
  return apps.map((app) => {
    const dist = path.join(ROOT, "apps", app, "dist");
    const html = path.join(dist, "index.html");
    if (!existsSync(html)) return { app, initialJsGzipKb: null, note: "not built (no dist/; run npm run build on a quiet checkout)" };
    const text = readFileSync(html, "utf8");
    const refs = [
      ...text.matchAll(/<script[^>]*\bsrc="([^"]+\.js)"/g),
      ...text.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+\.js)"/g),
    ].map((m) => m[1]!);
    let bytes = 0;
    for (const ref of new Set(refs)) {
      const file = path.join(dist, ref.replace(/^\//, ""));
      if (existsSync(file)) bytes += gzipSync(readFileSync(file), { level: 9 }).length;
    }
    return { app, initialJsGzipKb: Math.round(bytes / 102.4) / 10, note: `${new Set(refs).size} script(s) referenced by dist/index.html` };
  });
}

/**
 * The national figures' cost when the cache is cold: a visit's minutes are raised by one (a
 * figure-relevant commit, through pg), the figures are asked at once and must show one more
 * minute; then the change is undone. Returns each request's time in ms.
 */
async function figuresAfterWrite(apiUrl: string, cookie: string, ctx: BenchContext, times = 5): Promise<number[]> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const query = `query ($year: Int!) { annualFigures(year: $year) { ... on AnnualFiguresSuccess { figures { families averageHoursPerFamily } } } }`;
  const minutes = async () => {
    const { body } = await graphql(apiUrl, cookie, query, { year: ctx.year });
    const f = (body.data as { annualFigures: { figures: { families: number; averageHoursPerFamily: number } } }).annualFigures.figures;
    return Math.round(f.averageHoursPerFamily * 60 * f.families);
  };
  const visit = (
    await db.query(`SELECT v.id FROM "Visit" v WHERE v."visitedOn" BETWEEN $1 AND $2 ORDER BY v.id LIMIT 1`, [
      `${ctx.year}-06-01`,
      `${ctx.year}-06-30`,
    ])
  ).rows[0] as { id: string } | undefined;
  const result: number[] = [];
  try {
    if (!visit) return result;
    let before = await minutes();
    for (let i = 0; i < times; i++) {
      await db.query(`UPDATE "Visit" SET minutes = minutes + 1 WHERE id = $1`, [visit.id]);
      const started = performance.now();
      const after = await minutes();
      result.push(performance.now() - started);
      if (after !== before + 1) throw new Error(`figures did not follow the write: ${before} + 1 minute expected, got ${after}`);
      before = after;
    }
  } finally {
    if (visit) await db.query(`UPDATE "Visit" SET minutes = minutes - $2 WHERE id = $1`, [visit.id, result.length]);
    await db.end();
  }
  return result;
}

/**
 * The reads the API keeps whole (apps/api/src/response-cache.ts), each asked right after a write
 * that raised its revision: the cost of the first ask after a change, which the rows above (a
 * read-only load, answered from memory after the first request) do not show. The write rewrites a
 * value unchanged (a visit of the coordinator's location, a licence), so the data stays as it was.
 */
const KEPT_AFTER_WRITE: Array<{
  key: string;
  revision: (ctx: BenchContext) => string;
  write: string;
  values: (ctx: BenchContext) => unknown[];
}> = [
  {
    key: "dashboard",
    revision: (ctx) => `location_data:${ctx.locationIds[0]}`,
    write: `UPDATE "Visit" SET "minutes" = "minutes" WHERE "id" = (SELECT v."id" FROM "Visit" v JOIN "Match" m ON m."id" = v."matchId"
              JOIN "Family" f ON f."id" = m."familyId" WHERE f."locationId" = $1 ORDER BY v."id" LIMIT 1)`,
    values: (ctx) => [ctx.locationIds[0]],
  },
  {
    key: "families",
    revision: (ctx) => `location_data:${ctx.locationIds[0]}`,
    write: `UPDATE "Family" SET "note" = "note" WHERE "id" = (SELECT "id" FROM "Family" WHERE "locationId" = $1 ORDER BY "id" LIMIT 1)`,
    values: (ctx) => [ctx.locationIds[0]],
  },
  {
    key: "licences",
    revision: () => "licence_list",
    write: `UPDATE "Licence" SET "number" = "number" WHERE "id" = (SELECT "id" FROM "Licence" ORDER BY "id" LIMIT 1)`,
    values: () => [],
  },
];

async function keptAfterWrite(
  apiUrl: string,
  cookies: Partial<Record<BenchRole, string>>,
  ctx: BenchContext,
  times = 5,
): Promise<Array<{ title: string; ms: number[] }>> {
  const db = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await db.connect();
  const revision = async (name: string) =>
    Number((await db.query(`SELECT "revision" FROM "ReadRevision" WHERE "name" = $1`, [name])).rows[0]?.revision ?? 0);
  const result: Array<{ title: string; ms: number[] }> = [];
  try {
    for (const kept of KEPT_AFTER_WRITE) {
      const op = OPERATIONS.find((o) => o.key === kept.key)!;
      const vars = op.variables(ctx);
      await graphql(apiUrl, cookies[op.role]!, op.query, vars);
      const ms: number[] = [];
      for (let i = 0; i < times; i++) {
        const before = await revision(kept.revision(ctx));
        await db.query(kept.write, kept.values(ctx));
        if ((await revision(kept.revision(ctx))) <= before) throw new Error(`${kept.key}: the write did not raise ${kept.revision(ctx)}`);
        const started = performance.now();
        const { body } = await graphql(apiUrl, cookies[op.role]!, op.query, vars);
        ms.push(performance.now() - started);
        if (body.errors?.length) throw new Error(`${kept.key}: ${body.errors[0]!.message}`);
      }
      result.push({ title: op.title, ms });
    }
  } finally {
    await db.end();
  }
  return result;
}

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

interface OpResult {
  op: Operation;
  status: string | null;
  statements?: number | null;
  statementsSmallPage?: number | null;
  /** Reads the API keeps whole (apps/api response-cache.ts): the first ask, before it keeps the answer (lists: of a page of 50 and of 5). */
  statementsFirstAsk?: { page: number; smallPage?: number } | null;
  answer?: string;
  api?: { single: Load; at: Record<number, Load> };
  raw?: { single: Load; at: Record<number, Load> };
}

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    console.error("npm run bench needs DATABASE_URL naming a PostgreSQL database loaded by npm run bench:data.");
    return 2;
  }
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  const ctx = await benchContext(db);
  const counts = (await db.query(`SELECT (SELECT count(*) FROM "Family")::int AS families, (SELECT count(*) FROM "Visit")::int AS visits`))
    .rows[0] as { families: number; visits: number };
  const pgVersion = (await db.query("SHOW server_version")).rows[0].server_version as string;
  await db.end();
  console.log(
    `Benchmark data: size ${ctx.meta.size}, ${counts.families} families, ${counts.visits} visits, reference day ${ctx.meta.referenceDay}.`,
  );

  const availability = await checkOperations();
  const results: OpResult[] = OPERATIONS.filter((op) => options.only?.includes(op.key) ?? true).map((op) => ({
    op,
    status: availability.get(op.key) ?? null,
  }));
  const runnable = results.filter((r) => r.status === null);
  const emails: Record<BenchRole, string> = {
    coordinator: ctx.meta.coordinatorEmail,
    national: ctx.meta.nationalEmail,
    officer: ctx.meta.officerEmail,
  };
  const body = (op: Operation) => JSON.stringify({ query: op.query, variables: op.variables(ctx) });

  try {
    // 0. Both servers built the same way (esbuild bundles run on plain node, as npm start runs the API).
    await bundleApi();
    const rawBundle = path.join(tmpdir(), `homestart-bench-floor-${process.pid}`, "raw-server.js");
    await bundleForNode(path.join(ROOT, "scripts", "bench", "raw-server.ts"), rawBundle);

    // 1. The floor's server.
    const rawPort = await freePort();
    const raw = launch(rawBundle, {
      PORT: String(rawPort),
      BENCH_CONTEXT: JSON.stringify(ctx),
      BENCH_WORKERS: String(options.workers),
    });
    const rawUrl = `http://127.0.0.1:${rawPort}`;
    await waitFor(`${rawUrl}/raw/none`, raw.child, raw.log);

    // 2. Statements per operation, from Prisma's query events (a separate API process that counts them).
    const [countApiPort, countPort] = [await freePort(), await freePort()];
    const counting = launch("scripts/bench/api-counting.ts", {
      API_PORT: String(countApiPort),
      COUNT_PORT: String(countPort),
      NODE_ENV: "production",
    });
    const countingUrl = `http://127.0.0.1:${countApiPort}`;
    await waitFor(`${countingUrl}/healthz`, counting.child, counting.log);
    let lastQueries: string[] = [];
    const readCount = async () => {
      const answer = (await (await fetch(`http://127.0.0.1:${countPort}/`)).json()) as { statements: number; queries: string[] };
      lastQueries = answer.queries;
      return answer.statements;
    };
    const cookies: Partial<Record<BenchRole, string>> = {};
    for (const role of ["coordinator", "national", "officer"] as const)
      cookies[role] = await login(countingUrl, emails[role], ctx.meta.password);
    for (const r of runnable) {
      const vars = r.op.variables(ctx);
      await readCount();
      const first = await graphql(countingUrl, cookies[r.op.role]!, r.op.query, vars);
      if (first.body.errors?.length) {
        r.status = `API error: ${first.body.errors[0]!.message}`;
        continue;
      }
      const rawAnswer = r.op.raw
        ? ((await (await fetch(`${rawUrl}/raw/${r.op.key}`, { method: "POST" })).json()) as { data?: unknown; error?: string })
        : null;
      if (rawAnswer?.error) r.answer = `floor failed: ${rawAnswer.error}`;
      else if (rawAnswer && r.op.compare) r.answer = r.op.compare(first.body.data, rawAnswer.data) ?? "same";
      const n = 3;
      const firstAsk = await readCount();
      for (let i = 0; i < n; i++) await graphql(countingUrl, cookies[r.op.role]!, r.op.query, vars);
      r.statements = Math.round((await readCount()) / n);
      if (options.showSql) {
        await graphql(countingUrl, cookies[r.op.role]!, r.op.query, vars);
        await readCount();
        for (const q of lastQueries) console.log(`    · ${q.replace(/\s+/g, " ").slice(0, Number(process.env.BENCH_SQL_CHARS ?? 400))}`);
      }
      // A kept read is counted when first asked and when asked again (a kept answer); lists at 50 and at 5.
      const kept = KEPT_AFTER_WRITE.some((k) => k.key === r.op.key);
      if (kept) r.statementsFirstAsk = { page: firstAsk };
      if ("first" in vars) {
        await graphql(countingUrl, cookies[r.op.role]!, r.op.query, { ...vars, first: 5 });
        const smallFirstAsk = await readCount();
        await graphql(countingUrl, cookies[r.op.role]!, r.op.query, { ...vars, first: 5 });
        r.statementsSmallPage = await readCount();
        if (kept) r.statementsFirstAsk = { page: firstAsk, smallPage: smallFirstAsk };
      }
      console.log(
        `  ${r.op.key}: ${r.statements} statement(s) per request${kept ? ` (${firstAsk} when first asked)` : ""}; answer vs floor: ${r.answer ?? "not compared"}`,
      );
    }
    await stop(counting.child);
    if (options.countOnly) return runnable.some((r) => r.status !== null || (r.statements ?? 0) > 6) ? 1 : 0;

    // 3. The production API (apps/api/dist/main.js, built here as `npm start` builds it), measured.
    const apiPort = await freePort();
    const api = launch(
      "dist/main.js",
      // No retention run during the measurement (it would anonymise the data's old closed families).
      {
        API_PORT: String(apiPort),
        NODE_ENV: "production",
        NOTICE_WORKER_INTERVAL_MS: "600000",
        RETENTION_JOB_INTERVAL_MS: "0",
        API_WORKERS: String(options.workers),
      },
      path.join(ROOT, "apps", "api"),
    );
    const apiUrl = `http://127.0.0.1:${apiPort}`;
    await waitFor(`${apiUrl}/healthz`, api.child, api.log);
    for (const role of ["coordinator", "national", "officer"] as const)
      cookies[role] = await login(apiUrl, emails[role], ctx.meta.password);
    const rssBefore = rssMb(api.child.pid);
    const warm = Math.max(1, Math.min(3, options.duration / 2));
    for (const r of runnable.filter((x) => x.status === null)) {
      const b = body(r.op);
      console.log(`Measuring ${r.op.key} …`);
      // autocannon stops sending at the end of a run, but the server may still be working off
      // requests it queued; one more request waits behind them, so no run measures the last one's backlog.
      // And PostgreSQL may still be running statements of requests whose clients are gone (at L a
      // floor's figures statement takes 1.6 s, 64 of them queued): wait until it is idle too.
      const drain = async (target: string, cookie: string) => {
        await fetch(target, { method: "POST", headers: { "content-type": "application/json", cookie }, body: b }).then((res) => res.text());
        await databaseIdle(url);
      };
      const measure = async (target: string, cookie: string) => {
        const at: Record<number, Load> = {};
        const single = await load(target, b, cookie, 1, options.duration);
        await drain(target, cookie);
        for (const c of options.connections) {
          at[c] = await load(target, b, cookie, c, options.duration);
          await drain(target, cookie);
        }
        return { single, at };
      };
      await load(`${apiUrl}/graphql`, b, cookies[r.op.role]!, 4, warm);
      await drain(`${apiUrl}/graphql`, cookies[r.op.role]!);
      r.api = await measure(`${apiUrl}/graphql`, cookies[r.op.role]!);
      if (r.op.raw) {
        await load(`${rawUrl}/raw/${r.op.key}`, b, "", 4, warm);
        await drain(`${rawUrl}/raw/${r.op.key}`, "");
        r.raw = await measure(`${rawUrl}/raw/${r.op.key}`, "");
      }
    }
    const rssAfter = rssMb(api.child.pid);
    if (options.only) {
      await stop(api.child);
      await stop(raw.child);
      return report(
        options,
        ctx,
        counts,
        pgVersion,
        results,
        { rssBefore, rssAfter },
        [],
        { runs: [], note: "not measured (--only)" },
        "not measured (--only)",
        "not measured (--only)",
      );
    }
    console.log("Timing the figures right after a write …");
    const afterWrite = await figuresAfterWrite(apiUrl, cookies.national!, ctx).catch((error: unknown) => (error as Error).message);
    console.log("Timing the kept answers right after a write …");
    const keptWrite = await keptAfterWrite(apiUrl, cookies, ctx).catch((error: unknown) => (error as Error).message);
    console.log("Timing the coordinator dashboard in headless Chromium …");
    const browser = await dashboardTiming(apiUrl, cookies.coordinator!, await freePort()).catch(
      (error: unknown): BrowserTiming => ({ runs: [], note: `not measured: ${(error as Error).message.split("\n")[0]}` }),
    );
    await stop(api.child);
    await stop(raw.child);

    return report(options, ctx, counts, pgVersion, results, { rssBefore, rssAfter }, frontEnds(), browser, afterWrite, keptWrite);
  } finally {
    await Promise.all(children.map(stop));
  }
}

// ---------------------------------------------------------------------------
// The report
// ---------------------------------------------------------------------------

const ms = (v: number | undefined) => (v === undefined || Number.isNaN(v) ? "–" : v < 10 ? v.toFixed(1) : String(Math.round(v)));
const rps = (v: number | undefined) => (v === undefined ? "–" : String(Math.round(v)));

function report(
  options: Options,
  ctx: BenchContext,
  counts: { families: number; visits: number },
  pgVersion: string,
  results: OpResult[],
  memory: { rssBefore: number | null; rssAfter: number | null },
  fronts: FrontEnd[],
  browser: BrowserTiming,
  afterWrite: number[] | string,
  keptWrite: Array<{ title: string; ms: number[] }> | string,
): number {
  const missed: string[] = [];
  const c16 = options.connections[0] ?? 16;
  const rows = results.map((r) => {
    if (r.status !== null) return `| ${r.op.title} | ${r.status} |||||||||||`;
    const a = r.api;
    const w = r.raw;
    const apiRps = a?.at[c16]?.rps;
    const ratio = apiRps && w?.at[c16]?.rps ? apiRps / w.at[c16]!.rps : undefined;
    const p95 = a?.at[c16]?.p95;
    if (a && Object.values(a.at).some((l) => l.rps === 0)) missed.push(`${r.op.key}: no answer within a ${options.duration} s run`);
    if (p95 !== undefined && p95 >= r.op.targetP95Ms)
      missed.push(`${r.op.key}: p95 ${ms(p95)} ms at ${c16} clients (target < ${r.op.targetP95Ms} ms)`);
    if (!r.op.raw) missed.push(`${r.op.key}: no SQL floor written yet, so its throughput target is not checked`);
    if (ratio !== undefined && ratio < 0.5)
      missed.push(`${r.op.key}: API throughput ${(ratio * 100).toFixed(0)}% of the SQL floor (target ≥ 50%)`);
    if (r.statements != null && r.statements > 6) missed.push(`${r.op.key}: ${r.statements} SQL statements (target ≤ 6)`);
    if (r.statementsSmallPage != null && r.statements != null && r.statementsSmallPage !== r.statements)
      missed.push(`${r.op.key}: statements grow with page size (${r.statementsSmallPage} at 5, ${r.statements} at 50)`);
    const firstAsk = r.statementsFirstAsk;
    const firstAskMost = firstAsk ? Math.max(firstAsk.page, firstAsk.smallPage ?? 0) : 0;
    if (firstAskMost > 6) missed.push(`${r.op.key}: ${firstAskMost} SQL statements when first asked (target ≤ 6)`);
    if (firstAsk?.smallPage !== undefined && firstAsk.page !== firstAsk.smallPage)
      missed.push(`${r.op.key}: statements when first asked grow with page size (${firstAsk.smallPage} at 5, ${firstAsk.page} at 50)`);
    if ((a?.single.errors ?? 0) + (a?.at[c16]?.errors ?? 0) > 0) missed.push(`${r.op.key}: errors under load`);
    const errors = [a?.single.errors, ...Object.values(a?.at ?? {}).map((l) => l.errors)].reduce((s: number, e) => s + (e ?? 0), 0);
    const cells = [
      r.op.title,
      `${ms(a?.single.p50)} / ${ms(a?.single.p95)} / ${ms(a?.single.p99)}`,
      ...options.connections.map((c) => `${rps(a?.at[c]?.rps)} rps, p95 ${ms(a?.at[c]?.p95)}`),
      `${ms(w?.single.p50)} / ${ms(w?.single.p95)}`,
      ...options.connections.map((c) => `${rps(w?.at[c]?.rps)} rps, p95 ${ms(w?.at[c]?.p95)}`),
      ratio === undefined ? "–" : ratio.toFixed(2),
      r.statements == null
        ? "–"
        : `${r.statements}${r.statementsSmallPage != null ? ` (page of 5: ${r.statementsSmallPage})` : ""}${
            firstAsk ? `; first ask ${firstAsk.page}${firstAsk.smallPage !== undefined ? ` (page of 5: ${firstAsk.smallPage})` : ""}` : ""
          }`,
      `< ${r.op.targetP95Ms} ms`,
      r.answer ?? "–",
      String(errors),
    ];
    return `| ${cells.join(" | ")} |`;
  });
  if (typeof afterWrite === "string") missed.push(`figures right after a write: ${afterWrite}`);
  if (typeof keptWrite === "string" && !options.only) missed.push(`kept answers right after a write: ${keptWrite}`);
  else if (afterWrite.length === 0) missed.push("figures right after a write: not measured");
  for (const f of fronts)
    if (f.initialJsGzipKb !== null && f.initialJsGzipKb > 200)
      missed.push(`${f.app}: initial JS ${f.initialJsGzipKb} KB gzip (target ≤ 200)`);
  const cpu = cpus();
  const lines = [
    "# Benchmark results",
    "",
    options.note ? `> **${options.note}**\n` : "",
    options.only ? `> **A partial run (--only ${options.only.join(",")}): not a result of the whole benchmark.**\n` : "",
    `Run ${new Date().toISOString()} by \`npm run bench -- --duration ${options.duration}\`. How to read this: bench/README.md.`,
    "",
    `- Machine: ${cpu[0]?.model ?? "?"}, ${cpu.length} cores, ${(totalmem() / 2 ** 30).toFixed(1)} GiB memory; Node ${process.version}; PostgreSQL ${pgVersion}`,
    `- Data: size ${ctx.meta.size} (${ctx.meta.years} year(s) before ${ctx.meta.referenceDay}): ${counts.families} families, ${counts.visits} visits; figures for ${ctx.year}`,
    `- API memory (RSS of the API process): ${memory.rssBefore ?? "?"} MB after start and login, ${memory.rssAfter ?? "?"} MB after the load`,
    `- Duration per measurement: ${options.duration} s (after a warm-up of 4 clients)`,
    `- Processes: the API with API_WORKERS=${options.workers} and the floor with as many; the load generator and PostgreSQL on the same machine`,
    "",
    `| Operation | API 1 client p50 / p95 / p99 ms | ${options.connections.map((c) => `API ${c} clients`).join(" | ")} | SQL floor 1 client p50 / p95 ms | ${options.connections.map((c) => `Floor ${c} clients`).join(" | ")} | API/floor throughput (${c16} clients) | SQL statements per request | p95 target (${c16} clients) | Same answer as floor | Errors |`,
    `|${" --- |".repeat(7 + 2 * options.connections.length)}`,
    ...rows,
    "",
    "Floors: " +
      results
        .filter((r) => r.op.raw)
        .map((r) => `${r.op.key}: ${r.op.raw!.note}`)
        .join("; ") +
      ".",
    "",
    "## Front ends",
    "",
    "| App | Initial JS (gzip) | Note |",
    "| --- | --- | --- |",
    ...fronts.map((f) => `| ${f.app} | ${f.initialJsGzipKb === null ? "–" : `${f.initialJsGzipKb} KB`} | ${f.note} |`),
    "",
    browser.runs.length === 0
      ? `Time until the coordinator dashboard shows data in headless Chromium: ${browser.note}.`
      : `Time until the coordinator dashboard shows data in headless Chromium (navigation to the signals on screen): median ${ms(
          [...browser.runs].sort((a, b) => a - b)[Math.floor(browser.runs.length / 2)],
        )} ms, slowest ${ms(Math.max(...browser.runs))} ms (${browser.note}).`,
    "",
    "## Figures right after a write",
    "",
    typeof afterWrite === "string" || afterWrite.length === 0
      ? `Not measured${typeof afterWrite === "string" ? `: ${afterWrite}` : " (no visit in June of the year)"}.`
      : `The figures are served from a cache kept per FiguresRevision (apps/api/src/figures/figures-cache.ts), which triggers raise when a transaction that changes their data commits. The first request after such a commit loads them again (concurrent ones share that load); the rows above measure the cached answer. National annual figures for ${ctx.year}, each right after a change to a visit's minutes committed: median ${ms(
          [...afterWrite].sort((a, b) => a - b)[Math.floor(afterWrite.length / 2)],
        )} ms, slowest ${ms(Math.max(...afterWrite))} ms (${afterWrite.length} times; every answer checked to come from the new revision).`,
    "",
    "## Kept answers right after a write",
    "",
    typeof keptWrite === "string"
      ? `Not measured: ${keptWrite}.`
      : [
          "The licence list and the coordinator's family list and dashboard are answered from memory while the ReadRevision rows their data raises stay the same (apps/api/src/response-cache.ts); the rows above measure those kept answers. Each read below is asked right after a write that raised its row committed (the first ask after a change, which executes it):",
          "",
          "| Read | Median ms | Slowest ms | Times |",
          "| --- | --- | --- | --- |",
          ...keptWrite.map(
            (k) =>
              `| ${k.title} | ${ms([...k.ms].sort((a, b) => a - b)[Math.floor(k.ms.length / 2)])} | ${ms(Math.max(...k.ms))} | ${k.ms.length} |`,
          ),
        ].join("\n"),
    "",
    "## Targets",
    "",
    missed.length === 0 ? "All targets measured here were met." : missed.map((m) => `- MISSED: ${m}`).join("\n"),
    "",
  ];
  writeFileSync(options.out, lines.filter((l, i) => !(l === "" && lines[i - 1] === "")).join("\n"));
  console.log(`Wrote ${path.relative(ROOT, options.out)}.`);
  if (missed.length > 0) console.log(`Targets missed:\n${missed.map((m) => `  - ${m}`).join("\n")}`);
  return missed.length > 0 ? 1 : 0;
}

process.exitCode = await main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  return 2;
});
