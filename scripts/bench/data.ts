// `npm run bench:data -- --size S|M|L [--create] [--reset] [--today YYYY-MM-DD]`
// Loads the deterministic benchmark data (scripts/bench/lib/generator.ts) into the PostgreSQL
// database DATABASE_URL names: creates it with --create, migrates it with the project's own
// `npm run db:migrate`, empties it with --reset, loads it in batched multi-row inserts, analyses
// it and prints rows per table, the time taken and a checksum that is the same on every run.
import { spawnSync } from "node:child_process";
import pg from "pg";
import { hashPassword } from "../../apps/api/src/auth/password.ts";
import { parseDay } from "../../prisma/seed/dates.ts";
import { loadMunicipalities } from "../../prisma/seed/municipalities.ts";
import { ROOT } from "../lib/paths.ts";
import { BENCH_PASSWORD, BenchGenerator, DEFAULT_REFERENCE_DAY, SIZES, type Size } from "./lib/generator.ts";
import { Loader, TABLES, type TableName } from "./lib/loader.ts";

const USAGE = "Usage: npm run bench:data -- --size S|M|L [--create] [--reset] [--today YYYY-MM-DD]";

interface Options {
  size: Size;
  create: boolean;
  reset: boolean;
  today: string;
}

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

function parseArgs(argv: string[]): Options {
  const options: Partial<Options> = { create: false, reset: false, today: DEFAULT_REFERENCE_DAY };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=") ? arg.split("=", 2) : [arg, undefined];
    const value = () => inline ?? argv[++i] ?? fail(`${name} needs a value. ${USAGE}`);
    if (name === "--size") {
      const size = value().toUpperCase();
      if (!(size in SIZES)) fail(`--size must be S, M or L. ${USAGE}`);
      options.size = size as Size;
    } else if (name === "--create") options.create = true;
    else if (name === "--reset") options.reset = true;
    else if (name === "--today") options.today = value();
    else fail(`Unknown argument ${JSON.stringify(arg)}. ${USAGE}`);
  }
  if (!options.size) fail(`--size is required. ${USAGE}`);
  try {
    parseDay(options.today!);
  } catch {
    fail(`--today must be a date YYYY-MM-DD. ${USAGE}`);
  }
  return options as Options;
}

async function createDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    if (exists.rowCount === 0) {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
      console.log(`Created database ${name}.`);
    }
  } finally {
    await client.end();
  }
}

function migrate(url: string): void {
  const result = spawnSync("npm", ["run", "--silent", "db:migrate"], {
    cwd: ROOT,
    env: { ...process.env, DATABASE_URL: url },
    encoding: "utf8",
  });
  if (result.status !== 0) fail(`npm run db:migrate failed:\n${result.stderr || result.stdout}`);
  console.log(result.stdout.trim().split("\n").pop());
}

/** The tables holding data (not the migrations' record, nor the rows of FiguresRevision and ReadRevision, which --reset must keep). */
async function userTables(client: pg.Client): Promise<string[]> {
  const rows = await client.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name NOT IN ('_prisma_migrations', 'FiguresRevision', 'ReadRevision') ORDER BY 1",
  );
  return rows.rows.map((r) => r.name);
}

/** Per table: rows and an order-independent hash of every row (User and AuditEntry left out: password salts and load times differ). */
export async function checksum(client: pg.ClientBase): Promise<{ perTable: Record<string, string>; total: string; visitMinutes: number }> {
  const perTable: Record<string, string> = {};
  for (const table of Object.keys(TABLES) as TableName[]) {
    if (table === "User" || table === "AuditEntry") continue;
    const r = await client.query<{ n: string; h: string }>(
      `SELECT count(*)::text AS n, coalesce(sum(hashtextextended(t::text, 0)), 0)::text AS h FROM "${table}" t`,
    );
    perTable[table] = `${r.rows[0]!.n}:${r.rows[0]!.h}`;
  }
  const minutes = await client.query<{ m: string }>('SELECT coalesce(sum(minutes), 0)::text AS m FROM "Visit"');
  const total = await client.query<{ md5: string }>("SELECT md5($1) AS md5", [JSON.stringify(perTable)]);
  return { perTable, total: total.rows[0]!.md5, visitMinutes: Number(minutes.rows[0]!.m) };
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  const url = process.env.DATABASE_URL;
  if (!url || !/^postgres(ql)?:\/\//.test(url)) {
    fail(
      "bench:data needs DATABASE_URL naming a PostgreSQL database of its own, e.g.\n" +
        "  DATABASE_URL=postgresql://postgres@127.0.0.1:5432/hs_bench_s npm run bench:data -- --size S --create",
    );
  }
  const started = performance.now();
  if (options.create) await createDatabase(url);
  migrate(url);
  const migrated = performance.now();

  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await userTables(client);
    if (options.reset) {
      await client.query(`TRUNCATE ${tables.map((t) => `"${t}"`).join(", ")} RESTART IDENTITY CASCADE`);
      console.log(`Emptied ${tables.length} tables.`);
    } else {
      const used = await client.query<{ n: number }>(
        'SELECT (SELECT count(*) FROM "User")::int + (SELECT count(*) FROM "Family")::int + (SELECT count(*) FROM "Municipality")::int AS n',
      );
      if (used.rows[0]!.n > 0) fail("The database already holds data; add --reset to empty it first (it is emptied completely).");
    }
    await client.query("SET synchronous_commit = off");

    const spec = SIZES[options.size];
    console.log(
      `Generating size ${options.size}: ${spec.years} year(s) before ${options.today}, ${spec.families} families, ${spec.locations} locations, ${spec.volunteers} volunteers …`,
    );
    const passwordHash = await hashPassword(BENCH_PASSWORD);
    const loader = new Loader(client);
    const generator = new BenchGenerator(
      { size: options.size, referenceDay: options.today, passwordHash, municipalities: loadMunicipalities() },
      loader,
    );
    const meta = await generator.run();
    const loaded = performance.now();
    console.log(
      `Migrated in ${((migrated - started) / 1000).toFixed(1)} s, generated and loaded in ${((loaded - migrated) / 1000).toFixed(1)} s; VACUUM ANALYZE …`,
    );
    await client.query("VACUUM ANALYZE");
    const seconds = (performance.now() - started) / 1000;

    const width = Math.max(...Object.keys(loader.counts).map((t) => t.length));
    let total = 0;
    for (const [table, count] of Object.entries(loader.counts)) {
      total += count;
      console.log(`  ${table.padEnd(width)}  ${String(count).padStart(10)}`);
    }
    console.log(`  ${"total".padEnd(width)}  ${String(total).padStart(10)}`);
    const stats = await client.query<{ referred: number; single: number; hours: number; families: number }>(
      `
      SELECT round(100.0 * count(*) FILTER (WHERE source = 'REFERRER') / count(*), 1)::float AS referred,
             round(100.0 * count(*) FILTER (WHERE "householdType" = 'SINGLE_PARENT') / nullif(count("householdType"), 0), 1)::float AS single,
             count(*)::int AS families,
             (SELECT round(sum(v.minutes) / 60.0 / nullif(sum(LEAST(coalesce(m."endOn", $1::date - 1), $1::date - 1) - m."startOn" + 1) / 365.25, 0), 1)
                FROM "Match" m LEFT JOIN LATERAL (SELECT sum(minutes) AS minutes FROM "Visit" WHERE "matchId" = m.id) v ON true)::float AS hours
      FROM "Family"`,
      [options.today],
    );
    const s = stats.rows[0]!;
    console.log(
      `Families ${s.families}: ${s.referred}% via a referrer, ${s.single}% single parent, ${s.hours} visited hours per family-year.`,
    );
    const sum = await checksum(client);
    console.log(
      `Checksum ${sum.total} (visits ${loader.counts.Visit}, visit minutes ${sum.visitMinutes}); the same size gives the same checksum.`,
    );
    console.log(
      `Size ${options.size} ready in ${seconds.toFixed(1)} s (${Math.round(total / ((loaded - migrated) / 1000))} rows/s while loading).`,
    );
    console.log(`Logins (password ${meta.password}): ${meta.coordinatorEmail}, ${meta.nationalEmail}, ${meta.officerEmail}`);
  } finally {
    await client.end();
  }
}

await main();
