import { decodeGlobalID } from "@pothos/plugin-relay";
import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { cachedListsOf } from "./response-cache.ts";
import { schema } from "./schema/index.ts";
import { DEMO_EMAIL, useSeededApi } from "./testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();
const prisma = () => getDb().prisma;

// The portals' own list queries (apps/national LicencesPage, apps/coordinator FamiliesPage), trimmed.
const LICENCES = `query NationalLicences($first: Int, $status: [LicenceStatus!], $expiringWithinDays: Int) {
  licences(first: $first, status: $status, expiringWithinDays: $expiringWithinDays) {
    edges { cursor node { id number status validFrom validUntil annualFeeCents feePaymentStatus organisation { id name } location { id name } } }
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } }`;
const FAMILIES = `query Families($first: Int, $search: String) { families(first: $first, search: $search) {
  edges { cursor node { id registeredOn status channel preferredLanguage municipality { id name } parents { firstName lastName } } }
  pageInfo { hasNextPage endCursor } } }`;

const kept = (query: string) => {
  const document = parse(query);
  const operation = document.definitions.find((d) => d.kind === "OperationDefinition");
  if (operation?.kind !== "OperationDefinition") throw new Error("no operation");
  return cachedListsOf(schema, document, operation)?.length ?? 0;
};

/** Writes without firing triggers, so no revision is raised: a kept answer then shows the old data. */
async function writeUnseen(sql: string, ...values: unknown[]) {
  await prisma().$transaction([
    prisma().$executeRawUnsafe("SET LOCAL session_replication_role = replica"),
    prisma().$executeRawUnsafe(sql, ...values),
  ]);
}

describe("which answers are kept (cachedListsOf)", () => {
  it("keeps the portals' licence and family lists", () => {
    expect(kept(LICENCES)).toBe(1);
    expect(kept(FAMILIES)).toBe(1);
    expect(kept(`{ licences(first: 5) { edges { node { __typename id } } } __typename }`)).toBe(1);
    expect(kept(`query { ...L } fragment L on Query { licences { edges { node { id } } } }`)).toBe(0);
    expect(kept(`{ licences { edges { node { ...N } } } } fragment N on Licence { number organisation { name } }`)).toBe(1);
  });

  it("executes anything else: other fields, other arguments, other root fields, mutations", () => {
    expect(kept(`{ licences { edges { node { id municipalities { name } } } } }`)).toBe(0);
    expect(kept(`{ licences { edges { node { ...N } } } } fragment N on Licence { conditions }`)).toBe(0);
    expect(kept(`{ licences(municipalityId: "x") { edges { node { id } } } }`)).toBe(0);
    expect(kept(`{ families(volunteerId: "x") { edges { node { id } } } }`)).toBe(0);
    expect(kept(`{ families { edges { node { id children { firstName } } } } }`)).toBe(0);
    expect(kept(`{ families { edges { node { id eligibility { eligible } } } } }`)).toBe(0);
    expect(kept(`{ licences { edges { node { id } } } me { name } }`)).toBe(0);
    expect(kept(`mutation { logout }`)).toBe(0);
  });
});

describe("kept answers (response-cache.ts)", () => {
  it("licence list: a kept answer is given again until its data changes, and then shows the change", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    type Page = {
      licences: { edges: Array<{ node: { id: string; number: string; organisation: { name: string }; location: { name: string } } }> };
    };
    const ask = async () => {
      const res = await national.request<Page>(LICENCES, { first: 5 });
      expect(res.errors).toBeUndefined();
      return res.data!.licences.edges.map((e) => e.node);
    };
    const first = await ask();
    const licence = await prisma().licence.findFirstOrThrow({ where: { number: first[0]!.number } });

    // Proof that the answer is kept: a write no trigger sees is not shown.
    await writeUnseen(`UPDATE "Licence" SET "number" = $1 WHERE "id" = $2`, `${licence.number}-X`, licence.id);
    expect((await ask())[0]!.number).toBe(licence.number);

    // Each kind of data the list shows raises its revision, and the next answer shows it.
    await prisma().licence.update({ where: { id: licence.id }, data: { number: `${licence.number}-Y` } });
    expect((await ask())[0]!.number).toBe(`${licence.number}-Y`);
    const organisation = await prisma().organisation.findUniqueOrThrow({ where: { id: licence.organisationId } });
    await prisma().organisation.update({ where: { id: organisation.id }, data: { name: `${organisation.name} (nieuw)` } });
    expect((await ask())[0]!.organisation.name).toBe(`${organisation.name} (nieuw)`);
    const location = await prisma().location.findUniqueOrThrow({ where: { id: licence.locationId } });
    await prisma().location.update({ where: { id: location.id }, data: { name: `${location.name} (nieuw)` } });
    expect((await ask())[0]!.location.name).toBe(`${location.name} (nieuw)`);

    // Other arguments are other answers; a refusal is not kept for anyone.
    expect((await national.request<Page>(LICENCES, { first: 1 })).data?.licences.edges).toHaveLength(1);
    const officer = await loggedIn(DEMO_EMAIL.officer);
    expect((await officer.request(LICENCES, { first: 5 })).errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("family list: kept per location, given only to a viewer of the same scope, renewed by a change of its location", async () => {
    type Page = {
      families: { edges: Array<{ node: { id: string; municipality: { name: string }; parents: Array<{ firstName: string }> } }> };
    };
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const other = await loggedIn(DEMO_EMAIL.coordinator2);
    const ask = async (client: typeof coordinator) => {
      const res = await client.request<Page>(FAMILIES, { first: 3 });
      expect(res.errors).toBeUndefined();
      return res.data!.families.edges.map((e) => e.node);
    };
    const mine = await ask(coordinator);
    const theirs = await ask(other);
    expect(mine.length).toBeGreaterThan(0);
    expect(theirs.map((f) => f.id)).not.toEqual(mine.map((f) => f.id));
    expect(await ask(other)).toEqual(theirs);

    const firstFamily = await prisma().family.findUniqueOrThrow({ where: { id: decodeGlobalID(mine[0]!.id).id } });
    const revisionOf = async (name: string) =>
      Number(
        (await prisma().$queryRaw<Array<{ r: bigint }>>`SELECT "revision" AS r FROM "ReadRevision" WHERE "name" = ${name}`)[0]?.r ?? 0,
      );
    const myRow = `location_data:${firstFamily.locationId}`;

    const parent = await prisma().parent.findFirstOrThrow({ where: { familyId: firstFamily.id }, orderBy: { id: "asc" } });
    await writeUnseen(`UPDATE "Parent" SET "firstName" = $1 WHERE "id" = $2`, `${parent.firstName}X`, parent.id);
    expect(JSON.stringify(await ask(coordinator))).not.toContain(`${parent.firstName}X`);

    const before = await revisionOf(myRow);
    await prisma().parent.update({ where: { id: parent.id }, data: { firstName: `${parent.firstName}Y` } });
    expect(await revisionOf(myRow)).toBe(before + 1);
    expect(JSON.stringify(await ask(coordinator))).toContain(`${parent.firstName}Y`);

    // A change at another location leaves this location's row (and kept answer) alone.
    const elsewhere = await prisma().family.findFirstOrThrow({ where: { locationId: { not: firstFamily.locationId } } });
    await prisma().family.update({ where: { id: elsewhere.id }, data: { note: "elders" } });
    expect(await revisionOf(myRow)).toBe(before + 1);
    expect(await revisionOf(`location_data:${elsewhere.locationId}`)).toBeGreaterThan(0);

    // The family's own row and its municipality's name.
    await prisma().family.update({ where: { id: firstFamily.id }, data: { preferredLanguage: "pl" } });
    expect(await revisionOf(myRow)).toBe(before + 2);
    const municipality = await prisma().municipality.findUniqueOrThrow({ where: { id: firstFamily.municipalityId } });
    await prisma().municipality.update({ where: { id: municipality.id }, data: { name: `${municipality.name} (nieuw)` } });
    expect((await ask(coordinator)).map((f) => f.municipality.name)).toContain(`${municipality.name} (nieuw)`);

    // Moving a family raises both locations' rows.
    const theirRow = `location_data:${elsewhere.locationId}`;
    const [mineBefore, theirsBefore] = [await revisionOf(myRow), await revisionOf(theirRow)];
    await prisma().family.update({ where: { id: elsewhere.id }, data: { locationId: firstFamily.locationId } });
    expect([await revisionOf(myRow), await revisionOf(theirRow)]).toEqual([mineBefore + 1, theirsBefore + 1]);
  });

  it("dashboard: kept for the coordinator's locations until a change to their families, matches, visits, evaluations or volunteers", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const DASHBOARD = `{ dashboard { code severity dueOn familyId volunteerId message { nl en } } }`;
    const ask = async () => {
      const res = await coordinator.request<{ dashboard: Array<{ code: string; familyId: string | null }> }>(DASHBOARD);
      expect(res.errors).toBeUndefined();
      return res.data!.dashboard;
    };
    const before = await ask();
    const familySignals = before.filter((s) => s.familyId);
    expect(familySignals.length).toBeGreaterThan(0);
    const location = (await prisma().family.findUniqueOrThrow({ where: { id: decodeGlobalID(familySignals[0]!.familyId!).id } }))
      .locationId;
    const row = `location_data:${location}`;
    const revisionOf = async () =>
      Number((await prisma().$queryRaw<Array<{ r: bigint }>>`SELECT "revision" AS r FROM "ReadRevision" WHERE "name" = ${row}`)[0]?.r ?? 0);

    // Every kind of data the dashboard reads raises the location's row.
    const family = await prisma().family.findFirstOrThrow({ where: { locationId: location, matches: { some: { visits: { some: {} } } } } });
    const match = await prisma().match.findFirstOrThrow({ where: { familyId: family.id, visits: { some: {} } } });
    const visit = await prisma().visit.findFirstOrThrow({ where: { matchId: match.id } });
    const volunteer = await prisma().volunteer.findFirstOrThrow({ where: { locationId: location } });
    const writes: Array<[string, () => Promise<unknown>]> = [
      ["visit", () => prisma().visit.update({ where: { id: visit.id }, data: { minutes: visit.minutes } })],
      ["match", () => prisma().match.update({ where: { id: match.id }, data: { startOn: match.startOn } })],
      ["volunteer", () => prisma().volunteer.update({ where: { id: volunteer.id }, data: { status: volunteer.status } })],
      [
        "evaluation",
        () =>
          prisma().evaluation.create({
            data: { familyId: family.id, kind: "INTERIM", heldOn: new Date("2026-01-05T00:00:00Z"), summary: "x" },
          }),
      ],
    ];
    for (const [what, write] of writes) {
      const revision = await revisionOf();
      await write();
      expect(await revisionOf(), what).toBe(revision + 1);
    }

    // Kept: the families closed unseen still show their signals; after a seen change they do not.
    const current = (await ask()).filter((s) => s.familyId);
    const open = current.map((s) => decodeGlobalID(s.familyId!).id);
    await writeUnseen(`UPDATE "Family" SET "status" = 'CLOSED' WHERE "id" = ANY($1::text[])`, open);
    const kept = await ask();
    expect(kept.filter((s) => s.familyId)).toEqual(current);
    await prisma().family.update({ where: { id: family.id }, data: { note: "gezien" } });
    expect((await ask()).filter((s) => s.familyId && open.includes(decodeGlobalID(s.familyId).id))).toEqual([]);
  });
});
