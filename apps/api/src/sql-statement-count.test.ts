// The promise: a page of families costs a bounded number of SQL statements, whatever the
// page size. Counted with Prisma's query events (openDatabase's `onQuery`) on the seeded country,
// per whole HTTP request (session lookup included), through the real API.
import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../../prisma/seed.ts";
import { todayInNetherlands } from "./mappers.ts";
import { type ApiServer, startApiServer } from "./server.ts";
import { LOGIN, TestClient } from "./testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY } from "./testing/seeded-api.ts";

/**
 * Small constants, per request (issue 7: at most 6 for a key operation, whatever the page size).
 * Relations load in the same statement as their parent (Prisma's relationJoins), so: the session
 * lookup is 1 (session, user and scopes); a families page 1 more plus eligibility's policies and
 * licences loaded once for the whole page; one family the same, its audit entry written by the
 * statement that reads it; the dashboard 3 after the session. Figures come from a cache kept per
 * FiguresRevision: once loaded, a request costs the session and the revision; a cold load is one
 * load for all years asked.
 */
const BOUND = { familiesPage: 6, family: 6, dashboard: 6, figuresWarm: 3, figuresCold: 8 } as const;

let statements: string[] = [];
let db: Database;
let api: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase({ onQuery: (e) => statements.push(e.query) });
  await seedDemo(db.prisma, { today: SEED_TODAY, scale: 0.3 });
  await fillCoordinatorsLocation(60);
  api = await startApiServer(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

/** The demo coordinator's location gets copies of its families until it has `atLeast` (a page of 50 must be full). */
async function fillCoordinatorsLocation(atLeast: number): Promise<void> {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const locationIds = user.locationScopes.map((s) => s.locationId);
  const families = await db.prisma.family.findMany({
    where: { locationId: { in: locationIds } },
    include: { parents: true, children: true },
    orderBy: { id: "asc" },
  });
  const strip = <T extends { id: string; familyId: string }>({ id: _id, familyId: _familyId, ...rest }: T) => rest;
  for (let i = families.length; i < atLeast; i++) {
    const f = families[i % families.length]!;
    await db.prisma.family.create({
      data: {
        locationId: f.locationId,
        municipalityId: f.municipalityId,
        registeredOn: f.registeredOn,
        source: f.source,
        householdType: f.householdType,
        languages: f.languages,
        riskFactors: f.riskFactors,
        status: f.status,
        parents: { create: f.parents.map(strip) },
        children: { create: f.children.map(strip) },
      },
    });
  }
}

async function login(email: string): Promise<TestClient> {
  const client = new TestClient(api.url);
  const res = await client.request<{ login: { __typename: string } }>(LOGIN, { email, password: DEMO_PASSWORD });
  expect(res.data?.login.__typename).toBe("LoginSuccess");
  return client;
}

/** The tables a list of statements reads, for a failure message that shows what grew. */
const tables = (list: string[]) => list.map((q) => /(?:FROM|INTO) "public"\."(\w+)"/.exec(q)?.[1] ?? q.trim().slice(0, 20)).join(", ");

/** The statements one request sends, and its answer. */
async function counted<T>(client: TestClient, query: string, variables?: Record<string, unknown>) {
  statements = [];
  const res = await client.request<T>(query, variables);
  expect(res.errors).toBeUndefined();
  if (process.env.SHOW_STATEMENTS) console.log(query.slice(0, 40), statements.length, statements);
  return { res, count: statements.length, statements: [...statements] };
}

// What the families list shows: names, children, status, municipality, location, eligibility.
const FAMILIES = `query ($first: Int!) { families(first: $first) {
  edges { node { id status registeredOn
    parents { firstName lastName }
    children { id firstName bornOn expectedOn }
    municipality { code name } location { name }
    eligibility { outcome eligible eligibleUntil reasons { code } children { ref status } } } }
  pageInfo { hasNextPage endCursor } } }`;

const FAMILY = `query ($id: ID!) { family(id: $id) { id status
  parents { firstName lastName phone } children { id firstName bornOn }
  municipality { name } location { name }
  eligibility { outcome eligible reasons { code } } } }`;

const DASHBOARD = `{ dashboard { code severity message { nl en } dueOn familyId volunteerId } }`;

describe("SQL statements per request", () => {
  it("a page of 50 families costs the same bounded number of statements as a page of 5", async () => {
    const coordinator = await login(DEMO_EMAIL.coordinator);
    await coordinator.request(FAMILIES, { first: 1 }); // warm-up (session touch)
    const small = await counted<{ families: { edges: unknown[] } }>(coordinator, FAMILIES, { first: 5 });
    const large = await counted<{ families: { edges: unknown[] } }>(coordinator, FAMILIES, { first: 50 });
    expect(small.res.data!.families.edges).toHaveLength(5);
    // The page must really be larger, or the comparison proves nothing.
    expect(large.res.data!.families.edges).toHaveLength(50);
    expect(large.count, `page of 50 sent: ${tables(large.statements)}`).toBe(small.count);
    expect(large.count).toBeLessThanOrEqual(BOUND.familiesPage);
  });

  it("the dashboard costs a bounded number, however many signals it shows", async () => {
    const coordinator = await login(DEMO_EMAIL.coordinator);
    await coordinator.request(DASHBOARD);
    const dashboard = await counted<{ dashboard: unknown[] }>(coordinator, DASHBOARD);
    expect(dashboard.res.data!.dashboard.length).toBeGreaterThan(0);
    expect(dashboard.count).toBeLessThanOrEqual(BOUND.dashboard);
  });

  it("one family's record costs a bounded number (audit entry included)", async () => {
    const coordinator = await login(DEMO_EMAIL.coordinator);
    const page = await coordinator.request<{ families: { edges: Array<{ node: { id: string } }> } }>(FAMILIES, { first: 1 });
    const id = page.data!.families.edges[0]!.node.id;
    const audited = () => db.prisma.auditEntry.count({ where: { action: "family.read" } });
    const before = await audited();
    const family = await counted<{ family: { id: string } | null }>(coordinator, FAMILY, { id });
    expect(family.res.data!.family?.id).toBe(id);
    // The audit entry is written by the statement that reads the family (findFirstAsJson's audit option).
    expect(family.statements.some((q) => /INSERT INTO "(public"\.")?AuditEntry"/.test(q))).toBe(true);
    expect(await audited()).toBe(before + 1);
    expect(family.count).toBeLessThanOrEqual(BOUND.family);
    // The duplicate check is computed by the family's own statement (families.ts computeWithFamily).
    const withDuplicates = await counted<{ family: { possibleDuplicates: unknown[] } | null }>(
      coordinator,
      FAMILY.replace("status", "status possibleDuplicates { familyId matches }"),
      { id },
    );
    expect(withDuplicates.res.data!.family?.possibleDuplicates).toBeInstanceOf(Array);
    expect(withDuplicates.count, tables(withDuplicates.statements)).toBe(family.count);
  });

  it("figures: a cold load of four years costs what one year costs; after it, the session and the revision only", async () => {
    const national = await login(DEMO_EMAIL.national);
    const TREND = `query ($from: Int!, $to: Int!) { annualFiguresTrend(fromYear: $from, toYear: $to) {
      ... on AnnualFiguresTrendSuccess { years { year families volunteers averageHoursPerFamily } } } }`;
    await national.request("{ me { id } }"); // warm-up (session touch)
    const one = await counted(national, TREND, { from: 2025, to: 2025 });
    const four = await counted(national, TREND, { from: 2022, to: 2025 });
    expect(four.count, `four years sent: ${tables(four.statements)}`).toBe(one.count);
    expect(four.count).toBeLessThanOrEqual(BOUND.figuresCold);
    const again = await counted(national, TREND, { from: 2022, to: 2025 });
    expect(again.res.data).toEqual(four.res.data);
    expect(again.count, `cached trend sent: ${tables(again.statements)}`).toBeLessThanOrEqual(BOUND.figuresWarm);

    const officer = await login(DEMO_EMAIL.officer);
    const me = await officer.request<{ me: { municipalities: Array<{ id: string }> } }>("{ me { municipalities { id } } }");
    const OFFICER = `query ($id: ID!, $from: Int!, $to: Int!) { municipalityFiguresTrend(municipalityId: $id, fromYear: $from, toYear: $to) {
      ... on MunicipalityFiguresTrendSuccess { years { year municipality { name } families { value } comparison { measure national } } } } }`;
    const id = me.data!.me.municipalities[0]!.id;
    // The officer's figures are the national load scoped to the municipality: the same cache.
    const officerFour = await counted(officer, OFFICER, { id, from: 2022, to: 2025 });
    expect(officerFour.count, `officer sent: ${tables(officerFour.statements)}`).toBeLessThanOrEqual(BOUND.figuresWarm + 1);
  });

  it("figures reflect a visit logged a moment earlier (the cache follows FiguresRevision)", async () => {
    const today = todayInNetherlands();
    const year = Number(today.slice(0, 4));
    const national = await login(DEMO_EMAIL.national);
    const FIGURES = `query ($year: Int!) { annualFigures(year: $year) { ... on AnnualFiguresSuccess { figures { families averageHoursPerFamily } } } }`;
    type Figures = { annualFigures: { figures: { families: number; averageHoursPerFamily: number } } };
    const before = (await national.request<Figures>(FIGURES, { year })).data!.annualFigures.figures;
    await national.request<Figures>(FIGURES, { year }); // now cached

    const { match, day } = await openMatchWithFreeDay();
    const coordinator = await login(DEMO_EMAIL.coordinator);
    const LOG = `mutation ($input: LogVisitInput!) { logVisit(input: $input) { __typename } }`;
    const logged = await coordinator.request<{ logVisit: { __typename: string } }>(LOG, {
      input: { matchId: encodeGlobalID("Match", match.id), visitedOn: day, hours: 3 },
    });
    expect(logged.data?.logVisit.__typename).toBe("LogVisitSuccess");

    const after = (await national.request<Figures>(FIGURES, { year })).data!.annualFigures.figures;
    expect(after.families).toBe(before.families);
    // Three more hours spread over the year's families.
    expect(after.averageHoursPerFamily * after.families).toBeCloseTo(before.averageHoursPerFamily * before.families + 3, 6);
  });

  it("a query's kept reads take their revisions from the session lookup; a mutation's answer reads them anew", async () => {
    // The session statement also reads the viewer's ReadRevision rows (auth/sessions.ts); any
    // other statement on ReadRevision is a cache reading its row itself (read-cache.ts).
    const readsRevisionItself = (list: string[]) => list.some((q) => /"ReadRevision"/.test(q) && !/"Session"/.test(q));
    const { match, day } = await openMatchWithFreeDay();
    const coordinator = await login(DEMO_EMAIL.coordinator);
    const id = encodeGlobalID("Family", match.familyId);
    const query = await counted<{ family: { eligibility: { outcome: string } } }>(coordinator, FAMILY, { id });
    expect(query.res.data!.family.eligibility.outcome).toBeTruthy();
    expect(readsRevisionItself(query.statements), tables(query.statements)).toBe(false);

    // A mutation's answer may show what it just wrote: the revisions of the session are too old.
    const LOG = `mutation ($input: LogVisitInput!) { logVisit(input: $input) { __typename
      ... on LogVisitSuccess { visit { match { family { id eligibility { outcome } } } } } } }`;
    type Logged = { logVisit: { __typename: string; visit: { match: { family: { eligibility: { outcome: string } } } } } };
    const logged = await counted<Logged>(coordinator, LOG, {
      input: { matchId: encodeGlobalID("Match", match.id), visitedOn: day, hours: 2 },
    });
    expect(logged.res.data!.logVisit.__typename).toBe("LogVisitSuccess");
    expect(logged.res.data!.logVisit.visit.match.family.eligibility.outcome).toBe(query.res.data!.family.eligibility.outcome);
    expect(readsRevisionItself(logged.statements), tables(logged.statements)).toBe(true);
  });
});

/** An open match of the demo coordinator's location, and the latest day of this year without a visit of it. */
async function openMatchWithFreeDay() {
  const today = todayInNetherlands();
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const match = await db.prisma.match.findFirstOrThrow({
    where: { endOn: null, family: { status: "ACTIVE", locationId: { in: user.locationScopes.map((s) => s.locationId) } } },
    include: { visits: { select: { visitedOn: true } } },
    orderBy: { startOn: "asc" },
  });
  const visited = new Set(match.visits.map((v) => v.visitedOn.toISOString().slice(0, 10)));
  let day = today;
  while (visited.has(day)) day = new Date(Date.parse(`${day}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10) as typeof today;
  expect(day.startsWith(today.slice(0, 4)) && day >= match.startOn.toISOString().slice(0, 10), "a free day this year").toBe(true);
  return { match, day };
}
