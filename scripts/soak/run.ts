// `npm run soak -- [--minutes 10] [--sessions 40] [--keep]` (issue 8, item 7; by hand).
// Against the PostgreSQL server DATABASE_URL names: makes a fresh database there (migrated with
// `prisma migrate deploy`, seeded with the demo at full scale), starts the production API on it
// (apps/api/dist/main.js, built as npm start builds it, as scripts/bench/run.ts does), and runs many concurrent sessions of every
// role, each mixing reads and writes, for the given minutes. Reports requests, errors, p50/p95/p99,
// the API's memory (RSS) at start and end, and checks that every write the API acknowledged is in
// the database afterwards. The database is dropped at the end unless --keep.

import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import path from "node:path";
import { parse, validate } from "graphql";
import pg from "pg";
import { bundleApi } from "../../apps/api/scripts/build.ts";
import { openDatabase } from "../../packages/db/src/index.ts";
import { databaseUrlWithName } from "../../packages/db/src/testing/urls.ts";
import { DEMO_EMAIL } from "../../prisma/seed/build.ts";
import { DEMO_PASSWORD, seedDemo } from "../../prisma/seed.ts";
import { prismaBin, ROOT } from "../lib/paths.ts";

interface Options {
  minutes: number;
  sessions: number;
  keep: boolean;
}

function parseArgs(argv: string[]): Options {
  const o: Options = { minutes: 10, sessions: 40, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => Number(argv[++i]);
    if (a === "--minutes") o.minutes = next();
    else if (a === "--sessions") o.sessions = next();
    else if (a === "--keep") o.keep = true;
    else {
      console.error(`Unknown argument ${a}. Usage: npm run soak -- [--minutes N] [--sessions N] [--keep]`);
      process.exit(2);
    }
  }
  if (!(o.minutes > 0) || !(o.sessions > 0)) throw new Error("--minutes and --sessions must be positive numbers");
  return o;
}

// ---------------------------------------------------------------------------
// What each role does
// ---------------------------------------------------------------------------

type Role = "coordinator" | "coordinator2" | "national" | "officer" | "admin" | "anonymous";

interface Session {
  role: Role;
  n: number;
  cookie: string;
  familyIds: string[];
  municipalityId: string | null;
  counter: number;
}

interface Operation {
  name: string;
  write?: boolean;
  query: string;
  variables: (s: Session) => Record<string, unknown>;
  /** For writes: the marker that proves the write is stored (checked afterwards). */
  marker?: (s: Session, variables: Record<string, unknown>) => { table: "Volunteer" | "Organisation"; value: string };
  /** The answer is a success (for writes: the typename of the result). */
  ok: (data: Record<string, unknown>) => boolean;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)] as T;
const okData = (field: string) => (data: Record<string, unknown>) => data[field] !== undefined;
const typename = (field: string, expected: string) => (data: Record<string, unknown>) =>
  (data[field] as { __typename?: string } | null)?.__typename === expected;

const COORDINATOR: Operation[] = [
  {
    name: "families",
    query: "{ families(first: 20) { edges { node { id status parents { firstName lastName } } } } }",
    variables: () => ({}),
    ok: okData("families"),
  },
  {
    name: "family",
    query: "query ($id: ID!) { family(id: $id) { id status address postcode parents { firstName phone } children { bornOn } } }",
    variables: (s) => ({ id: pick(s.familyIds) }),
    ok: (d) => d.family !== null,
  },
  { name: "dashboard", query: "{ dashboard { code } }", variables: () => ({}), ok: okData("dashboard") },
  { name: "volunteers", query: "{ volunteers(first: 20) { edges { node { id } } } }", variables: () => ({}), ok: okData("volunteers") },
  { name: "weekMatches", query: "{ weekMatches { id lastVisitOn visitCountInWeek } }", variables: () => ({}), ok: okData("weekMatches") },
  {
    name: "createVolunteer",
    write: true,
    query: "mutation ($input: CreateVolunteerInput!) { createVolunteer(input: $input) { __typename ... on Refusal { code } } }",
    variables: (s) => ({ input: { details: { firstName: "Soak", lastName: `Soak-${s.n}-${++s.counter}` } } }),
    marker: (_s, v) => ({ table: "Volunteer", value: (v.input as { details: { lastName: string } }).details.lastName }),
    ok: typename("createVolunteer", "CreateVolunteerSuccess"),
  },
];

const NATIONAL: Operation[] = [
  { name: "annualFigures", query: "{ annualFigures(year: 2025) { __typename } }", variables: () => ({}), ok: okData("annualFigures") },
  {
    name: "locations",
    query: "{ locations(first: 20) { edges { node { name phone } } } }",
    variables: () => ({}),
    ok: okData("locations"),
  },
  { name: "licences", query: "{ licences(first: 20) { edges { node { number } } } }", variables: () => ({}), ok: okData("licences") },
  { name: "visitatiePlanner", query: "{ visitatiePlanner(months: 3) { months } }", variables: () => ({}), ok: okData("visitatiePlanner") },
  { name: "nationalOverview", query: "{ nationalOverview { activeLicences } }", variables: () => ({}), ok: okData("nationalOverview") },
  {
    name: "createOrganisation",
    write: true,
    query: "mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { __typename ... on Refusal { code } } }",
    variables: (s) => ({ input: { name: `Stichting Soak ${s.n}-${++s.counter}`, city: "Zwolle" } }),
    marker: (_s, v) => ({ table: "Organisation", value: (v.input as { name: string }).name }),
    ok: typename("createOrganisation", "CreateOrganisationSuccess"),
  },
];

const OFFICER: Operation[] = [
  {
    name: "municipalityFigures",
    query: "query ($id: ID!) { municipalityFigures(municipalityId: $id, year: 2025) { __typename } }",
    variables: (s) => ({ id: s.municipalityId }),
    ok: okData("municipalityFigures"),
  },
  {
    name: "municipalities",
    query: `{ municipalities(first: 10, search: "A") { edges { node { code } } } }`,
    variables: () => ({}),
    ok: okData("municipalities"),
  },
];

const ADMIN: Operation[] = [
  { name: "users", query: "{ users(first: 20) { edges { node { email } } } }", variables: () => ({}), ok: okData("users") },
];

const ANONYMOUS: Operation[] = [{ name: "me", query: "{ me { id } }", variables: () => ({}), ok: (d) => d.me === null }];

const MIX: Record<Role, Operation[]> = {
  coordinator: COORDINATOR,
  coordinator2: COORDINATOR,
  national: NATIONAL,
  officer: OFFICER,
  admin: ADMIN,
  anonymous: ANONYMOUS,
};
/** Sessions per role, as shares of --sessions: mostly coordinators, as in real use. */
const SHARE: Array<[Role, number]> = [
  ["coordinator", 0.3],
  ["coordinator2", 0.3],
  ["national", 0.15],
  ["officer", 0.1],
  ["admin", 0.05],
  ["anonymous", 0.1],
];
const EMAIL: Record<Exclude<Role, "anonymous">, string> = {
  coordinator: DEMO_EMAIL.coordinator,
  coordinator2: DEMO_EMAIL.coordinator2,
  national: DEMO_EMAIL.national,
  officer: DEMO_EMAIL.officer,
  admin: DEMO_EMAIL.admin,
};

// ---------------------------------------------------------------------------
// HTTP and the API process
// ---------------------------------------------------------------------------

async function graphql(url: string, cookie: string, query: string, variables: Record<string, unknown>) {
  const res = await fetch(`${url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json", ...(cookie ? { cookie } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as {
    data?: Record<string, unknown>;
    errors?: Array<{ message: string; extensions?: { code?: string } }>;
  };
  return {
    status: res.status,
    body,
    cookie: res.headers
      .getSetCookie()
      .map((c) => c.split(";")[0] ?? "")
      .find((c) => c.startsWith("hs_session=")),
  };
}

function rssMb(pid: number | undefined): number | null {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1];
    return kb ? Math.round(Number(kb) / 1024) : null;
  } catch {
    return null;
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

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
    setTimeout(() => child.kill("SIGKILL"), 5_000).unref();
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;

// ---------------------------------------------------------------------------
// Main
// ---------------------------------------------------------------------------

async function main(): Promise<number> {
  const options = parseArgs(process.argv.slice(2));
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl || !/^postgres(ql)?:\/\//.test(serverUrl)) {
    console.error("npm run soak needs DATABASE_URL naming a PostgreSQL server (a fresh database is made on it).");
    return 2;
  }
  // Every operation must still fit the schema.
  const { schema } = await import("../../apps/api/src/schema/index.ts");
  for (const op of Object.values(MIX).flat()) {
    const errors = validate(schema, parse(op.query));
    if (errors.length > 0) throw new Error(`${op.name} is out of date with the schema: ${errors[0]?.message}`);
  }

  const name = `hs_soak_${Date.now().toString(36)}`;
  const url = databaseUrlWithName(serverUrl, name);
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  let api: ChildProcess | null = null;
  try {
    console.log(`Database ${name}: migrating and seeding the demo …`);
    execFileSync(prismaBin, ["migrate", "deploy"], { cwd: ROOT, env: { ...process.env, DATABASE_URL: url }, stdio: "pipe" });
    const setup = await openDatabase({ target: { kind: "postgres", url, databaseName: name } });
    const today = new Date().toISOString().slice(0, 10);
    await seedDemo(setup.prisma, { today, scale: 1 });
    const counts = (
      await setup.query<{ families: number; visits: number }>(
        `SELECT (SELECT count(*) FROM "Family")::int AS families, (SELECT count(*) FROM "Visit")::int AS visits`,
      )
    )[0];
    console.log(`Seeded: ${counts?.families} families, ${counts?.visits} visits.`);

    const port = await freePort();
    // The API as built for production (as npm start runs it).
    await bundleApi();
    api = spawn(process.execPath, ["--enable-source-maps", "dist/main.js"], {
      cwd: path.join(ROOT, "apps", "api"),
      env: {
        ...process.env,
        DATABASE_URL: url,
        API_PORT: String(port),
        NODE_ENV: "production",
        NOTICE_WORKER_INTERVAL_MS: "60000",
        RETENTION_JOB_INTERVAL_MS: "0",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let apiLog = "";
    api.stdout?.on("data", (d) => {
      apiLog += d;
    });
    api.stderr?.on("data", (d) => {
      apiLog += d;
    });
    const apiUrl = `http://127.0.0.1:${port}`;
    const deadlineStart = Date.now() + 90_000;
    for (;;) {
      if (api.exitCode !== null) throw new Error(`The API did not start:\n${apiLog.slice(-2000)}`);
      if (Date.now() > deadlineStart) throw new Error("The API did not answer within 90 s");
      try {
        if ((await fetch(`${apiUrl}/healthz`)).status === 200) break;
      } catch {}
      await new Promise((r) => setTimeout(r, 250));
    }

    // Log every session in (each its own session token).
    const sessions: Session[] = [];
    for (const [role, share] of SHARE) {
      const count = Math.max(1, Math.round(options.sessions * share));
      for (let i = 0; i < count; i++) {
        const s: Session = { role, n: sessions.length, cookie: "", familyIds: [], municipalityId: null, counter: 0 };
        if (role !== "anonymous") {
          const login = await graphql(apiUrl, "", "mutation ($e: String!, $p: String!) { login(email: $e, password: $p) { __typename } }", {
            e: EMAIL[role],
            p: DEMO_PASSWORD,
          });
          if (!login.cookie) throw new Error(`Login as ${EMAIL[role]} failed: ${JSON.stringify(login.body)}`);
          s.cookie = login.cookie;
        }
        if (role === "coordinator" || role === "coordinator2") {
          const r = await graphql(apiUrl, s.cookie, "{ families(first: 30) { edges { node { id } } } }", {});
          s.familyIds = ((r.body.data?.families as { edges?: Array<{ node: { id: string } }> } | undefined)?.edges ?? []).map(
            (e) => e.node.id,
          );
        }
        if (role === "officer") {
          const r = await graphql(apiUrl, s.cookie, "{ me { municipalities { id } } }", {});
          s.municipalityId = (r.body.data?.me as { municipalities?: Array<{ id: string }> } | undefined)?.municipalities?.[0]?.id ?? null;
        }
        sessions.push(s);
      }
    }

    const latencies: number[] = [];
    const errors = new Map<string, number>();
    const acknowledged: Array<{ table: "Volunteer" | "Organisation"; value: string }> = [];
    let requests = 0;
    let writes = 0;
    const note = (key: string) => errors.set(key, (errors.get(key) ?? 0) + 1);
    const rssStart = rssMb(api.pid);
    const memory: Array<[number, number | null]> = [[0, rssStart]];
    const started = Date.now();
    const end = started + options.minutes * 60_000;
    const sampler = setInterval(() => memory.push([Math.round((Date.now() - started) / 60_000), rssMb(api?.pid)]), 60_000);
    console.log(`${sessions.length} sessions for ${options.minutes} min; API RSS at start ${rssStart} MB …`);

    await Promise.all(
      sessions.map(async (s) => {
        while (Date.now() < end) {
          const op = pick(MIX[s.role]);
          const variables = op.variables(s);
          const t0 = performance.now();
          try {
            const res = await graphql(apiUrl, s.cookie, op.query, variables);
            latencies.push(performance.now() - t0);
            requests++;
            if (op.write) writes++;
            if (res.status >= 500) note(`${op.name}: HTTP ${res.status}`);
            else if (res.body.errors?.length) note(`${op.name}: ${res.body.errors[0]?.extensions?.code ?? res.body.errors[0]?.message}`);
            else if (!res.body.data || !op.ok(res.body.data))
              note(`${op.name}: unexpected answer ${JSON.stringify(res.body.data).slice(0, 120)}`);
            else if (op.marker) acknowledged.push(op.marker(s, variables));
          } catch (error) {
            requests++;
            note(`${op.name}: ${(error as Error).message}`);
          }
          // A little think time, as people have.
          await new Promise((r) => setTimeout(r, Math.random() * 50));
        }
      }),
    );
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const rssEnd = rssMb(api.pid);

    // Every acknowledged write is there.
    let missing = 0;
    for (const table of ["Volunteer", "Organisation"] as const) {
      const values = acknowledged.filter((a) => a.table === table).map((a) => a.value);
      const column = table === "Volunteer" ? `"lastName"` : "name";
      const found = await setup.query<{ v: string }>(`SELECT ${column} AS v FROM "${table}" WHERE ${column} = ANY($1)`, [values]);
      missing += values.length - new Set(found.map((r) => r.v)).size;
    }
    await setup.close();

    latencies.sort((a, b) => a - b);
    const errorCount = [...errors.values()].reduce((a, b) => a + b, 0);
    const fmt = (v: number) => (v < 10 ? v.toFixed(1) : String(Math.round(v)));
    const lines = [
      `Soak ${new Date().toISOString().slice(0, 16)}Z: ${sessions.length} sessions (${SHARE.map(([r]) => `${sessions.filter((s) => s.role === r).length} ${r}`).join(", ")}), ${options.minutes} min`,
      `  machine: ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GB, load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(" ")}`,
      `  data: ${counts?.families} families, ${counts?.visits} visits (demo seed, scale 1)`,
      `  requests: ${requests} (${writes} writes), ${(requests / seconds).toFixed(1)}/s`,
      `  errors: ${errorCount}${errorCount ? ` — ${[...errors].map(([k, v]) => `${k} ×${v}`).join("; ")}` : ""}`,
      `  latency ms: p50 ${fmt(percentile(latencies, 50))}, p95 ${fmt(percentile(latencies, 95))}, p99 ${fmt(percentile(latencies, 99))}, max ${fmt(latencies.at(-1) ?? Number.NaN)}`,
      `  API memory (RSS) MB: start ${rssStart}, end ${rssEnd}; per minute ${memory.map(([m, r]) => `${m}:${r}`).join(" ")}`,
      `  acknowledged writes: ${acknowledged.length}, missing afterwards: ${missing}`,
    ];
    console.log(lines.join("\n"));
    return errorCount === 0 && missing === 0 ? 0 : 1;
  } finally {
    if (api) await stop(api);
    if (!options.keep) await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    else console.log(`Kept database ${name}.`);
    await admin.end();
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
