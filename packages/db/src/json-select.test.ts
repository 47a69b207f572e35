// findFirstAsJson answers exactly as Prisma's findFirst does, on the demo seed, for the query shapes
// the API sends it (the family page's and the family record's, as Pothos builds them) and others
// of the same kinds; shapes it does not compile are left to Prisma (undefined).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedDemo } from "../../../prisma/seed.ts";
import type { Database } from "./index.ts";
import { type ColumnWhere, findFirstAsJson, findManyAsJson, type SelectionQuery } from "./json-select.ts";
import { createTestDatabase } from "./testing.ts";

let db: Database;
let familyIds: string[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { today: "2026-06-15", scale: 0.2 });
  // Families of every kind: with and without a referral, a closure, evaluations, consents.
  const [plain, closed, referred, evaluated] = await Promise.all([
    db.prisma.family.findMany({ select: { id: true }, orderBy: { id: "asc" }, take: 6 }),
    db.prisma.family.findMany({ select: { id: true }, where: { closure: { isNot: null } }, orderBy: { id: "desc" }, take: 4 }),
    db.prisma.family.findMany({ select: { id: true }, where: { referral: { isNot: null } }, orderBy: { registeredOn: "desc" }, take: 4 }),
    db.prisma.family.findMany({
      select: { id: true },
      where: { evaluations: { some: {} }, consents: { some: {} } },
      orderBy: { registeredOn: "asc" },
      take: 4,
    }),
  ]);
  familyIds = [...new Set([...plain, ...closed, ...referred, ...evaluated].map((f) => f.id))];
}, 120_000);

afterAll(async () => {
  await db?.close();
});

// The coordinator portal's family page as Pothos builds it (FamilyDetail in apps/coordinator).
const FAMILY_PAGE: SelectionQuery = {
  select: {
    location: true,
    municipality: true,
    referral: { include: { referrer: true } },
    parents: { orderBy: [{ id: "asc" }] },
    children: { orderBy: [{ bornOn: { sort: "asc", nulls: "last" } }, { id: "asc" }] },
    supportQuestions: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    consents: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { recordedBy: { select: { name: true } } } },
    evaluations: { orderBy: [{ heldOn: "asc" }, { id: "asc" }], include: { recordedBy: { select: { name: true } } } },
    closure: true,
    referrerNotifications: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
    id: true,
    locationId: true,
    version: true,
    registeredOn: true,
    status: true,
    source: true,
    channel: true,
    preferredLanguage: true,
    calledBackAt: true,
    intakeOn: true,
    householdType: true,
    languages: true,
    riskFactors: true,
    postcode: true,
    address: true,
    note: true,
    municipalityId: true,
  },
};

const SHAPES: Record<string, SelectionQuery> = {
  "the family page": FAMILY_PAGE,
  "the family record": {
    select: {
      id: true,
      registeredOn: true,
      status: true,
      languages: true,
      riskFactors: true,
      location: { select: { id: true, name: true } },
      parents: { orderBy: [{ id: "asc" }], select: { firstName: true, lastName: true } },
      children: { orderBy: { bornOn: "desc" } },
    },
  },
  "every scalar": {},
  "include, nested both ways": {
    include: { matches: { orderBy: { startOn: "desc" }, include: { volunteer: true } }, municipality: { include: { agePolicies: true } } },
  },
  "a relation left out": { select: { id: true, closure: false, note: true } },
};

function prismaFindFirst(model: "family", query: SelectionQuery, where: ColumnWhere): Promise<unknown> {
  return (db.prisma[model].findFirst as (args: unknown) => Promise<unknown>)({ ...query, where });
}

describe("findFirstAsJson", () => {
  for (const [name, shape] of Object.entries(SHAPES)) {
    it(`answers ${name} as Prisma does`, async () => {
      expect(familyIds.length).toBeGreaterThan(8);
      for (const id of familyIds) {
        const where: ColumnWhere = { id, locationId: { in: [(await db.prisma.family.findUniqueOrThrow({ where: { id } })).locationId] } };
        const ours = await findFirstAsJson(db, "Family", { ...shape, where });
        expect(ours).not.toBeUndefined();
        expect(ours).toEqual(await prismaFindFirst("family", shape, where));
      }
    });
  }

  it("finds nothing outside the where, as Prisma", async () => {
    const [id] = familyIds;
    for (const where of [{ id, locationId: { in: [] } }, { id: { in: [] } }, { id: "nobody" }] as ColumnWhere[]) {
      expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where })).toBeNull();
      expect(await prismaFindFirst("family", FAMILY_PAGE, where)).toBeNull();
    }
  });

  it("writes a read's audit entry in the same statement, only when it finds the row", async () => {
    const [id = ""] = familyIds;
    const family = await db.prisma.family.findUniqueOrThrow({ where: { id } });
    const user = await db.prisma.user.findFirstOrThrow({ where: { role: "COORDINATOR" } });
    const audit = { userId: user.id, action: "family.read", entityType: "Family" };
    const entries = () => db.prisma.auditEntry.findMany({ where: { action: "family.read", entityId: id }, orderBy: { id: "asc" } });
    const before = (await entries()).length;
    const where: ColumnWhere = { id, locationId: { in: [family.locationId] } };
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where }, { audit })).toEqual(
      await prismaFindFirst("family", FAMILY_PAGE, where),
    );
    const after = await entries();
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ userId: user.id, action: "family.read", entityType: "Family", entityId: id, detail: null });
    // Not found (another location): no entry.
    const elsewhere: ColumnWhere = { id, locationId: { in: ["no-such-location"] } };
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where: elsewhere }, { audit })).toBeNull();
    expect(await entries()).toHaveLength(before + 1);
  });

  it("computes named values of the row in the same statement, with or without the audit entry", async () => {
    const [id = ""] = familyIds;
    const family = await db.prisma.family.findUniqueOrThrow({ where: { id }, include: { parents: true } });
    const computed = {
      parentCount: (row: string) => `SELECT count(*)::int FROM "Parent" p WHERE p."familyId" = ${row}."id"`,
      parentIds: (row: string) => `SELECT json_agg(p."id" ORDER BY p."id") FROM "Parent" p WHERE p."familyId" = ${row}."id"`,
    };
    const where: ColumnWhere = { id, locationId: { in: [family.locationId] } };
    const expected = {
      ...((await prismaFindFirst("family", FAMILY_PAGE, where)) as object),
      parentCount: family.parents.length,
      parentIds: family.parents.map((p) => p.id).sort(),
    };
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where }, { computed })).toEqual(expected);
    const audit = { userId: null, action: "family.read", entityType: "Family" };
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where }, { audit, computed })).toEqual(expected);
    // Kept apart from the same shape without them.
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where })).not.toHaveProperty("parentCount");
    const elsewhere: ColumnWhere = { id, locationId: { in: ["no-such-location"] } };
    expect(await findFirstAsJson(db, "Family", { ...FAMILY_PAGE, where: elsewhere }, { computed })).toBeNull();
  });

  it("gives DateTime columns as Dates: timestamps to the millisecond, dates at midnight UTC", async () => {
    const [id] = familyIds;
    const row = await findFirstAsJson<{ createdAt: Date; registeredOn: Date }>(db, "Family", {
      select: { createdAt: true, registeredOn: true },
      where: { id },
    });
    expect(row?.createdAt).toBeInstanceOf(Date);
    expect(row?.registeredOn.toISOString()).toMatch(/T00:00:00\.000Z$/);
    const written = new Date("2026-06-15T09:08:07.120Z");
    await db.prisma.family.update({ where: { id }, data: { calledBackAt: written } });
    expect(
      (await findFirstAsJson<{ calledBackAt: Date }>(db, "Family", { select: { calledBackAt: true }, where: { id } }))?.calledBackAt,
    ).toEqual(written);
  });

  it("leaves shapes it does not compile to Prisma", async () => {
    const [id = ""] = familyIds;
    const others: Array<Record<string, unknown>> = [
      { select: { _count: true }, where: { id } },
      { include: { parents: { take: 1 } }, where: { id } },
      { include: { parents: { where: { firstName: "A" } } }, where: { id } },
      { select: { id: true }, where: { id: { contains: "fam" } } },
      { select: { id: true }, where: { closure: { isNot: null } } },
      { select: { id: true }, where: { id: undefined } },
      { select: { id: true, nonsense: true }, where: { id } },
      { select: { id: true }, where: { id }, distinct: ["id"] },
    ];
    for (const args of others) expect(await findFirstAsJson(db, "Family", args), JSON.stringify(args)).toBeUndefined();
    expect(await findFirstAsJson(db, "AuditEntry", {})).toBeUndefined(); // BigInt and JSON columns
    expect(await findManyAsJson(db, "Family", { take: 5, cursor: { id } })).toBeUndefined(); // pages after the first
    expect(await findManyAsJson(db, "Family", { take: -5 })).toBeUndefined();
    // The same shape with a usable take first does not make a negative one (Prisma's `last`) compile.
    expect(await findManyAsJson(db, "Family", { select: { id: true }, take: 3 })).toHaveLength(3);
    expect(await findManyAsJson(db, "Family", { select: { id: true }, take: -3 })).toBeUndefined();
    expect(await findManyAsJson(db, "Family", { select: { id: true }, take: 3, cursor: { id } })).toBeUndefined();
  });
});

describe("findManyAsJson", () => {
  // The first pages of the coordinators' family list and the national licence list, as the API asks them.
  const pages: Array<["family" | "licence", Record<string, unknown>]> = [
    [
      "family",
      {
        select: {
          id: true,
          registeredOn: true,
          status: true,
          municipality: { select: { id: true, name: true } },
          parents: { orderBy: [{ id: "asc" }] },
        },
        orderBy: [{ registeredOn: "desc" }, { id: "asc" }],
        take: 11,
        skip: 0,
      },
    ],
    [
      "family",
      {
        select: { id: true },
        where: { status: { in: ["ACTIVE", "WAITING_FOR_MATCH"] } },
        orderBy: [{ status: "asc" }, { registeredOn: "desc" }, { id: "asc" }],
        take: 7,
        skip: 3,
      },
    ],
    // Where Prisma leaves the order open (no orderBy, ties) it is the database's; findManyAsJson orders by id.
    [
      "family",
      { include: { children: { orderBy: { id: "asc" } } }, where: { status: "CLOSED" }, orderBy: [{ registeredOn: "asc" }, { id: "asc" }] },
    ],
    [
      "licence",
      {
        select: { id: true, number: true, status: true, validFrom: true, validUntil: true },
        orderBy: [{ validUntil: { sort: "asc", nulls: "last" } }, { number: "asc" }, { id: "asc" }],
        take: 51,
      },
    ],
    [
      "licence",
      {
        select: { id: true, number: true },
        where: { status: { in: ["ACTIVE", "SUSPENDED"] } },
        orderBy: [{ appliedOn: "desc" }, { number: "asc" }, { id: "asc" }],
        take: 20,
      },
    ],
  ];
  it("answers an `in` of one value (an equality) and of several, in the same shape, as Prisma does", async () => {
    const locations = (await db.prisma.location.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((l) => l.id);
    expect(locations.length).toBeGreaterThan(1);
    // The family list's first page, for one location (a coordinator's) and for all of them, twice
    // each way: the compiled statement for one value must not be used for several, nor the reverse.
    for (const ids of [locations.slice(0, 1), locations, locations.slice(1, 2), locations.slice(0, 2)]) {
      const args = {
        select: { id: true, registeredOn: true, parents: { orderBy: [{ id: "asc" as const }] } },
        where: { locationId: { in: ids } },
        orderBy: [{ registeredOn: "desc" as const }, { id: "asc" as const }],
        take: 11,
      };
      const ours = await findManyAsJson(db, "Family", args);
      expect(ours?.length).toBeGreaterThan(0);
      expect(ours).toEqual(await db.prisma.family.findMany(args));
    }
  });

  for (const [model, args] of pages) {
    it(`answers ${model} ${JSON.stringify(args).slice(0, 90)}… as Prisma does`, async () => {
      const ours = await findManyAsJson(db, model === "family" ? "Family" : "Licence", args);
      const theirs = await (db.prisma[model].findMany as (a: unknown) => Promise<unknown[]>)(args);
      expect(theirs.length).toBeGreaterThan(0);
      expect(ours).toEqual(theirs);
    });
  }
});
