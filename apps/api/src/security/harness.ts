// Shared by the security tests: the authorization expectations (who may call what), a content
// fingerprint of the database, and the shape checks every answer must pass.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { Database, Prisma } from "@homestart/db";
import { type Actor, type Expectations, type Fixtures, gid } from "../authz/matrix.ts";
import { DEMO_EMAIL } from "../testing/seeded-api.ts";

/** Every area's expectations from authz/expectations/, as the matrix test reads them. */
export async function loadExpectations(): Promise<Expectations> {
  const dir = fileURLToPath(new URL("../authz/expectations/", import.meta.url));
  const all: Expectations = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const module = (await import(/* @vite-ignore */ pathToFileURL(`${dir}${file}`).href)) as { expectations: Expectations };
    Object.assign(all, module.expectations);
  }
  return all;
}

/** Which actors the matrix says may call `op` ("Query.x" / "Mutation.x"). */
export function allowedActors(expectations: Expectations, op: string): Actor[] {
  const c = expectations[op];
  if (!c) return [];
  return (Object.entries(c.expect) as Array<[Actor, string]>).filter(([, o]) => o === "allowed").map(([a]) => a);
}

/** Tables a refused request may still touch: its audit entry, sessions (lastSeenAt), login throttling. */
const VOLATILE = ["AuditEntry", "Session", "LoginThrottle", "_prisma_migrations"];

/**
 * A hash of the CONTENT of every table (not only row counts, so a half-written update shows too).
 * One statement; a few tens of milliseconds on the seeded test database.
 */
export async function contentFingerprint(db: Database): Promise<string> {
  const tables = await db.query<{ relname: string }>(
    `SELECT c.relname::text AS relname FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relkind = 'r' ORDER BY c.relname`,
  );
  const parts = tables
    .map((t) => t.relname)
    .filter((name) => !VOLATILE.includes(name))
    .map(
      (name) => `SELECT '${name}' AS t, count(*) AS n, md5(coalesce(string_agg(x::text, '|' ORDER BY x::text), '')) AS h FROM "${name}" x`,
    );
  const rows = await db.query<{ t: string; n: number | string; h: string }>(parts.join(" UNION ALL "));
  return rows
    .map((r) => `${r.t}=${r.n}:${r.h}`)
    .sort()
    .join(",");
}

/** Names the tables whose content differs between two fingerprints. */
export function fingerprintDiff(before: string, after: string): string[] {
  const a = new Map(before.split(",").map((p) => p.split("=") as [string, string]));
  return after
    .split(",")
    .map((p) => p.split("=") as [string, string])
    .filter(([t, v]) => a.get(t) !== v)
    .map(([t]) => t);
}

/** Signs of internals leaking: stack frames, source paths, driver or ORM messages. */
export const INTERNALS =
  /\n\s+at |\bat [\w.<>]+ \(|\.ts:\d+|\.js:\d+|node_modules|PrismaClient|prisma\.\w+\.\w+\(|Invalid `|DriverAdapterError|duplicate key value|violates .* constraint/;

/** The error codes a client may legitimately be answered with for bad input. */
export const CLIENT_ERROR_CODES = [
  "GRAPHQL_VALIDATION_FAILED",
  "BAD_USER_INPUT",
  "GRAPHQL_PARSE_FAILED",
  "BAD_REQUEST",
  "PAYLOAD_TOO_LARGE",
];

/** The matrix's fixtures (coordinator A/B locations, officer X/Y municipalities, user ids) for its `variables`. */
export async function matrixFixtures(prisma: Prisma): Promise<Fixtures> {
  const emails: Record<Exclude<Actor, "anonymous" | "officerY">, string> = {
    coordinatorA: DEMO_EMAIL.coordinator,
    coordinatorB: DEMO_EMAIL.coordinator2,
    national: DEMO_EMAIL.national,
    officerX: DEMO_EMAIL.officer,
    admin: DEMO_EMAIL.admin,
  };
  const users = await prisma.user.findMany({
    where: { email: { in: Object.values(emails) } },
    include: { locationScopes: true, municipalityScopes: true },
  });
  const user = (actor: keyof typeof emails) => {
    const u = users.find((x) => x.email === emails[actor]);
    if (!u) throw new Error(`no user for ${actor}`);
    return u;
  };
  const municipalityY = await prisma.municipality.findFirstOrThrow({
    where: { userScopes: { none: {} }, families: { some: {} } },
    orderBy: { code: "asc" },
  });
  return {
    prisma,
    locationIds: {
      A: user("coordinatorA").locationScopes.map((s) => s.locationId),
      B: user("coordinatorB").locationScopes.map((s) => s.locationId),
    },
    municipalityIds: { X: user("officerX").municipalityScopes.map((s) => s.municipalityId), Y: [municipalityY.id] },
    userIds: {
      ...Object.fromEntries(Object.keys(emails).map((a) => [a, user(a as keyof typeof emails).id])),
      officerY: "",
    } as Fixtures["userIds"],
    gid,
  };
}
