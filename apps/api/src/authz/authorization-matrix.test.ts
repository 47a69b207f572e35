// Walks every query and mutation of the printed schema for every kind of user, in and out of
// scope, and fails when an operation has no expectation (so a new operation cannot slip through).
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { hashPassword } from "../auth/password.ts";
import { schema } from "../schema/index.ts";
import { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";
import { ACTORS, type Actor, type Expectations, type Fixtures, gid, type Outcome } from "./matrix.ts";

const { db: getDb, api: getApi, loggedIn } = useSeededApi();

const OFFICER_Y = "gemeente.y@authz.test";
const PASSWORD = "authz-matrix-password";

async function loadExpectations(): Promise<Expectations> {
  const dir = fileURLToPath(new URL("./expectations/", import.meta.url));
  const all: Expectations = {};
  for (const file of readdirSync(dir)
    .filter((f) => f.endsWith(".ts"))
    .sort()) {
    const module = (await import(/* @vite-ignore */ pathToFileURL(`${dir}${file}`).href)) as { expectations: Expectations };
    for (const [key, value] of Object.entries(module.expectations)) {
      if (key in all) throw new Error(`${key} has expectations in two files`);
      all[key] = value;
    }
  }
  return all;
}

function rootOperations(): string[] {
  const ops: string[] = [];
  for (const type of [schema.getQueryType(), schema.getMutationType()]) {
    if (type) ops.push(...Object.keys(type.getFields()).map((f) => `${type.name}.${f}`));
  }
  return ops.sort();
}

type Response = Awaited<ReturnType<TestClient["request"]>>;

/** What the answer means for authorization. */
function outcomeOf(res: Response, field: string): Outcome | "error" {
  const codes = (res.errors ?? []).map((e) => e.extensions?.code);
  if (codes.includes("FORBIDDEN")) return "refused";
  if (res.errors && res.errors.length > 0) return "error";
  const value = (res.data as Record<string, unknown> | undefined)?.[field];
  if (value === null || value === undefined) return "notFound";
  if (typeof value === "object" && !Array.isArray(value)) {
    const v = value as { __typename?: string; code?: string };
    if (v.__typename === "Refusal" && v.code === "NOT_FOUND") return "notFound";
  }
  return "allowed";
}

/** Row counts of every table: a refusal must leave all of them as they were. */
async function fingerprint(): Promise<string> {
  const rows = await getDb().prisma.$queryRawUnsafe<Array<{ relname: string; n: bigint }>>(
    `SELECT c.relname::text AS relname, (xpath('/row/n/text()', query_to_xml(format('select count(*) as n from %I', c.relname), false, true, '')))[1]::text::bigint AS n
       FROM pg_class c JOIN pg_namespace s ON s.oid = c.relnamespace
      WHERE s.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT IN ('AuditEntry', 'Session', 'LoginThrottle', '_prisma_migrations')
      ORDER BY c.relname`,
  );
  return rows.map((r) => `${r.relname}=${r.n}`).join(",");
}

describe("authorization matrix", () => {
  it("has an expectation for every query and mutation, and none for operations that do not exist", async () => {
    const expectations = await loadExpectations();
    const operations = rootOperations();
    expect(
      operations.filter((op) => !(op in expectations)),
      "operations without an expectation",
    ).toEqual([]);
    expect(
      Object.keys(expectations).filter((op) => !operations.includes(op)),
      "expectations without an operation",
    ).toEqual([]);
  });

  it("answers every operation for every kind of user as expected", async () => {
    const prisma = getDb().prisma;
    const municipalityY = await prisma.municipality.findFirstOrThrow({
      where: { userScopes: { none: {} }, families: { some: {} } },
      orderBy: { code: "asc" },
    });
    await prisma.user.create({
      data: {
        email: OFFICER_Y,
        name: "Officer Y",
        role: "MUNICIPAL_OFFICER",
        passwordHash: await hashPassword(PASSWORD),
        municipalityScopes: { create: { municipalityId: municipalityY.id } },
      },
    });
    const emails: Record<Exclude<Actor, "anonymous">, string> = {
      coordinatorA: DEMO_EMAIL.coordinator,
      coordinatorB: DEMO_EMAIL.coordinator2,
      national: DEMO_EMAIL.national,
      officerX: DEMO_EMAIL.officer,
      officerY: OFFICER_Y,
      admin: DEMO_EMAIL.admin,
    };
    const users = await prisma.user.findMany({
      where: { email: { in: Object.values(emails) } },
      include: { locationScopes: true, municipalityScopes: true },
    });
    const user = (actor: Exclude<Actor, "anonymous">) => {
      const u = users.find((x) => x.email === emails[actor]);
      if (!u) throw new Error(`no user for ${actor}`);
      return u;
    };
    const fixtures: Fixtures = {
      prisma,
      locationIds: {
        A: user("coordinatorA").locationScopes.map((s) => s.locationId),
        B: user("coordinatorB").locationScopes.map((s) => s.locationId),
      },
      municipalityIds: { X: user("officerX").municipalityScopes.map((s) => s.municipalityId), Y: [municipalityY.id] },
      userIds: Object.fromEntries(Object.keys(emails).map((a) => [a, user(a as Exclude<Actor, "anonymous">).id])) as Fixtures["userIds"],
      gid,
    };
    const clients: Record<Actor, TestClient> = { anonymous: new TestClient(getApi().url) } as Record<Actor, TestClient>;
    for (const [actor, email] of Object.entries(emails)) {
      clients[actor as Actor] = email === OFFICER_Y ? await loginAs(email) : await loggedIn(email);
    }

    const expectations = await loadExpectations();
    const mismatches: string[] = [];
    let changes = 0;
    for (const op of rootOperations()) {
      const c = expectations[op];
      if (!c) continue;
      const field = op.split(".")[1] ?? "";
      const variables = c.variables ? await c.variables(fixtures) : undefined;
      // Those who may not go first, so an allowed mutation cannot change what they would see.
      const order = [...ACTORS].sort((a, b) => Number(c.expect[a] === "allowed") - Number(c.expect[b] === "allowed"));
      for (const actor of order) {
        // login/logout change the client's session: each gets a fresh client.
        const client = field === "login" || field === "logout" ? await freshClientLike(actor, emails) : clients[actor];
        const isMutation = op.startsWith("Mutation.");
        const before = isMutation ? await fingerprint() : null;
        const auditsBefore = isMutation ? await prisma.auditEntry.count() : 0;
        const res = await client.request(c.document, variables);
        const got = outcomeOf(res, field);
        if (got !== c.expect[actor]) {
          mismatches.push(
            `${op} as ${actor}: expected ${c.expect[actor]}, got ${got} ${JSON.stringify(res.errors ?? res.data).slice(0, 300)}`,
          );
        }
        if (!isMutation) continue;
        // A change leaves exactly one audit entry; a refusal leaves the database as it was.
        const answer = (res.data as Record<string, { __typename?: string } | null> | undefined)?.[field];
        const typename = answer?.__typename ?? "";
        const audits = (await prisma.auditEntry.count()) - auditsBefore;
        if (typename.endsWith("Success")) changes++;
        if (typename.endsWith("Success") && audits !== 1) mismatches.push(`${op} as ${actor}: ${audits} audit entries for one change`);
        if ((got !== "allowed" || typename === "Refusal") && (await fingerprint()) !== before) {
          mismatches.push(`${op} as ${actor}: the database changed although it was ${got === "allowed" ? "refused by a rule" : got}`);
        }
      }
    }
    expect(mismatches).toEqual([]);
    // The audit check above is not vacuous: many operations really changed something.
    expect(changes).toBeGreaterThan(15);
    // Every operation for seven users, with a database fingerprint around each refusal: minutes on a busy machine.
  }, 600_000);
});

async function loginAs(email: string): Promise<TestClient> {
  const client = new TestClient(getApi().url);
  const res = await client.request<{ login: { __typename: string } }>(
    `mutation ($email: String!, $password: String!) { login(email: $email, password: $password) { __typename } }`,
    { email, password: PASSWORD },
  );
  if (res.data?.login.__typename !== "LoginSuccess") throw new Error(`could not log in ${email}`);
  return client;
}

async function freshClientLike(actor: Actor, emails: Record<Exclude<Actor, "anonymous">, string>): Promise<TestClient> {
  if (actor === "anonymous") return new TestClient(getApi().url);
  const email = emails[actor];
  return email === OFFICER_Y ? loginAs(email) : loggedIn(email);
}
