// The deterministic demo seed: municipalities (all 342, from data/gemeenten-2025.csv) plus a
// realistic Home-Start Netherlands of organisations, locations, licences, visitaties and three
// years of families, volunteers, matches and visits before a reference date.
//
//   tsx prisma/seed.ts [--if-empty] [--today=YYYY-MM-DD] [--scale=N]
//
// Everything generated is a pure function of (today, scale): the same options give the same rows,
// ids included. The database must be migrated and empty; with --if-empty a database that already
// has users is left alone ("already seeded").
import path from "node:path";
import { fileURLToPath } from "node:url";
import { hashPassword } from "../apps/api/src/auth/password.ts";
import {
  DatabaseConfigError,
  DatabaseNotMigratedError,
  DatabaseUnavailableError,
  describeConnectionError,
  openDatabase,
  type Prisma,
  Role,
} from "../packages/db/src/index.ts";
import { buildDemoData, DEMO_EMAIL, type DemoStats } from "./seed/build.ts";
import { localToday, parseDay } from "./seed/dates.ts";
import { loadMunicipalities } from "./seed/municipalities.ts";
import { type TableName, writeDemoData, writeMunicipalities } from "./seed/write.ts";

/** The one password of every demo account. Demo only: never seed this into a real installation. */
export const DEMO_PASSWORD = "demo-home-start";

export const DEMO_LOGINS: Array<{ role: string; email: string; password: string; description: string }> = [
  {
    role: Role.COORDINATOR,
    email: DEMO_EMAIL.coordinator,
    password: DEMO_PASSWORD,
    description: "Coordinator of Home-Start Amersfoort e.o. (Amersfoort, Leusden, Soest)",
  },
  {
    role: Role.COORDINATOR,
    email: DEMO_EMAIL.coordinator2,
    password: DEMO_PASSWORD,
    description: "Coordinator of Home-Start Den Haag ('s-Gravenhage, Rijswijk)",
  },
  {
    role: Role.NATIONAL_STAFF,
    email: DEMO_EMAIL.national,
    password: DEMO_PASSWORD,
    description: "National office (Landelijk Steunpunt): licences, visitaties, figures for all locations",
  },
  {
    role: Role.MUNICIPAL_OFFICER,
    email: DEMO_EMAIL.officer,
    password: DEMO_PASSWORD,
    description: "Municipal officer of Amersfoort (served by Home-Start Amersfoort e.o.)",
  },
  { role: Role.ADMIN, email: DEMO_EMAIL.admin, password: DEMO_PASSWORD, description: "Administrator: users and reference data" },
];

export interface SeedOptions {
  /** Reference date YYYY-MM-DD; the data covers the three years before it. Default: today (local). */
  today?: string;
  /** Multiplies the number of families and volunteers per location (default 1: about 660 families). */
  scale?: number;
  /** Called after each table is written. */
  onProgress?: (table: TableName, rows: number) => void;
}

export interface SeedSummary {
  today: string;
  scale: number;
  counts: Record<TableName, number>;
  stats: DemoStats;
}

/** The database already holds data: seeding again would duplicate it. */
export class SeedRefusedError extends Error {
  override name = "SeedRefusedError";
}

/** How much is in the database already (municipalities are reference data and do not count). */
export async function existingData(prisma: Pick<Prisma, "user" | "organisation" | "location" | "family">): Promise<{
  users: number;
  other: number;
  description: string;
}> {
  const [users, organisations, locations, families] = await Promise.all([
    prisma.user.count(),
    prisma.organisation.count(),
    prisma.location.count(),
    prisma.family.count(),
  ]);
  return {
    users,
    other: organisations + locations + families,
    description: `${users} users, ${organisations} organisations, ${locations} locations, ${families} families`,
  };
}

/**
 * Seeds the demo data into an empty, migrated database, in one transaction (all or nothing).
 * Throws SeedRefusedError when the database already has users, organisations or families.
 */
export async function seedDemo(prisma: Prisma, options: SeedOptions = {}): Promise<SeedSummary> {
  const today = options.today ?? localToday();
  parseDay(today);
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 20)) throw new RangeError(`scale must be in (0, 20], got ${scale}`);
  const municipalities = loadMunicipalities();
  const passwordHash = await hashPassword(DEMO_PASSWORD);

  return prisma.$transaction(
    async (tx) => {
      const existing = await existingData(tx);
      if (existing.users + existing.other > 0) {
        throw new SeedRefusedError(
          `The database already holds data (${existing.description}); the demo seed only fills an empty database.`,
        );
      }
      const byCode = await writeMunicipalities(tx, municipalities);
      options.onProgress?.("municipalities", municipalities.length);
      const { data, stats } = buildDemoData({ today, scale, municipalities: byCode, passwordHash });
      await writeDemoData(tx, data, options.onProgress);
      const counts = Object.fromEntries([
        ["municipalities", byCode.size],
        ...Object.entries(data).map(([table, rows]: [string, unknown[]]) => [table, rows.length]),
      ]) as Record<TableName, number>;
      return { today, scale, counts, stats };
    },
    { maxWait: 30_000, timeout: 15 * 60_000 },
  );
}

// ---------------------------------------------------------------------------
// Command line
// ---------------------------------------------------------------------------

const USAGE = "Usage: tsx prisma/seed.ts [--if-empty] [--today=YYYY-MM-DD] [--scale=N]";

interface CliOptions {
  ifEmpty: boolean;
  today?: string;
  scale?: number;
}

function parseArgs(argv: string[]): CliOptions {
  const options: CliOptions = { ifEmpty: false };
  for (const arg of argv) {
    if (arg === "--if-empty") options.ifEmpty = true;
    else if (arg.startsWith("--today=")) options.today = arg.slice("--today=".length);
    else if (arg.startsWith("--scale=")) options.scale = Number(arg.slice("--scale=".length));
    else throw new UsageError(`Unknown argument ${JSON.stringify(arg)}. ${USAGE}`);
  }
  if (options.today !== undefined) {
    try {
      parseDay(options.today);
    } catch {
      throw new UsageError(`--today must be a date YYYY-MM-DD, got ${JSON.stringify(options.today)}.`);
    }
  }
  if (options.scale !== undefined && !(options.scale > 0 && options.scale <= 20)) {
    throw new UsageError("--scale must be a number above 0 and at most 20.");
  }
  return options;
}

class UsageError extends Error {
  override name = "UsageError";
}

function describeFailure(error: unknown): string {
  if (
    error instanceof DatabaseUnavailableError ||
    error instanceof DatabaseNotMigratedError ||
    error instanceof DatabaseConfigError ||
    error instanceof SeedRefusedError ||
    error instanceof UsageError
  ) {
    return error.message;
  }
  return `Seeding failed: ${describeConnectionError(error)}`;
}

function printSummary(summary: SeedSummary, seconds: number): void {
  const { stats } = summary;
  console.log(`Seeded the demo (reference date ${summary.today}, scale ${summary.scale}) in ${seconds.toFixed(1)} s:`);
  const entries = Object.entries(summary.counts);
  const width = Math.max(...entries.map(([t]) => t.length));
  for (const [table, count] of entries) console.log(`  ${table.padEnd(width)}  ${String(count).padStart(6)}`);
  const statuses = Object.entries(stats.familiesByStatus)
    .map(([s, n]) => `${s} ${n}`)
    .join(", ");
  console.log(
    `Families: ${stats.families} (${statuses}); referred ${(stats.referredShare * 100).toFixed(0)}%, ` +
      `single parent ${(stats.singleParentShare * 100).toFixed(0)}%, ${stats.hoursPerFamilyYear.toFixed(0)} visited hours per family-year.`,
  );
  printLogins();
}

export function printLogins(): void {
  console.log("Demo logins (demo data only):");
  for (const login of DEMO_LOGINS) console.log(`  ${login.email}  /  ${login.password}  (${login.role}: ${login.description})`);
}

async function main(argv: string[]): Promise<number> {
  const options = parseArgs(argv);
  const db = await openDatabase();
  try {
    const existing = await existingData(db.prisma);
    if (options.ifEmpty && existing.users > 0) {
      console.log("The database is already seeded (it has users); nothing to do.");
      return 0;
    }
    if (existing.users + existing.other > 0) {
      console.error(
        `Refusing to seed: the database already holds data (${existing.description}). ` +
          "Seed a new, migrated database instead (another PGLITE_DIR or DATABASE_URL), or use --if-empty to skip a seeded one.",
      );
      return 1;
    }
    const started = performance.now();
    const summary = await seedDemo(db.prisma, { today: options.today, scale: options.scale });
    printSummary(summary, (performance.now() - started) / 1000);
    return 0;
  } finally {
    await db.close();
  }
}

function isMainModule(): boolean {
  const entry = process.argv[1];
  if (!entry) return false;
  return path.resolve(entry) === fileURLToPath(import.meta.url);
}

if (isMainModule()) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(describeFailure(error));
      process.exitCode = 1;
    },
  );
}
