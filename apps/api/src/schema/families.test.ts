import { describe, expect, it } from "vitest";
import { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, api: getApi, loggedIn } = useSeededApi();

const FAMILIES = `query ($first: Int, $after: String) { families(first: $first, after: $after) { edges { node { id status location { id name } parents { lastName } } } pageInfo { hasNextPage endCursor } } }`;
const FAMILY = `query ($id: ID!) { family(id: $id) { id status registeredOn municipality { code } children { bornOn expectedOn }
  eligibility(on: "${SEED_TODAY}") { outcome eligible eligibleFrom eligibleUntil policy { maxAgeInclusive pregnancyWeeksFrom } reasons { code message { nl en } } } } }`;

type FamiliesData = {
  families: { edges: Array<{ node: { id: string; location: { id: string; name: string } } }>; pageInfo: { hasNextPage: boolean } };
};

describe("families, scoped to the coordinator's location", () => {
  it("lists only the coordinator's own families, in pages", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const me = await a.request<{ me: { locations: Array<{ id: string }> } }>("{ me { locations { id } } }");
    const own = new Set(me.data?.me.locations.map((l) => l.id));
    const page = await a.request<FamiliesData>(FAMILIES, { first: 50 });
    expect(page.errors).toBeUndefined();
    expect(page.data?.families.edges.length).toBeGreaterThan(0);
    for (const edge of page.data?.families.edges ?? []) expect(own.has(edge.node.location.id)).toBe(true);
  });

  it("answers another location's family as if it did not exist, and audits only real reads", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const b = await loggedIn(DEMO_EMAIL.coordinator2);
    const bFamily = (await b.request<FamiliesData>(FAMILIES, { first: 1 })).data?.families.edges[0]?.node.id;
    expect(bFamily).toBeTruthy();
    const before = await getDb().prisma.auditEntry.count({ where: { action: "family.read" } });

    const asA = await a.request<{ family: unknown }>(FAMILY, { id: bFamily });
    expect(asA.errors).toBeUndefined();
    expect(asA.data?.family).toBeNull();
    expect(await getDb().prisma.auditEntry.count({ where: { action: "family.read" } })).toBe(before);

    const asB = await b.request<{ family: { id: string; eligibility: { outcome: string; reasons: unknown[] } } }>(FAMILY, { id: bFamily });
    expect(asB.data?.family.id).toBe(bFamily);
    expect(asB.data?.family.eligibility.reasons.length).toBeGreaterThan(0);
    const entries = await getDb().prisma.auditEntry.findMany({ where: { action: "family.read" }, orderBy: { id: "desc" }, take: 1 });
    expect(entries[0]).toMatchObject({ entityType: "Family" });
    expect(entries[0]?.detail).toBeNull(); // no personal data in the audit log
  });

  it("answers a malformed id, or an id of another type, as not found", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const locationId = (await a.request<{ me: { locations: Array<{ id: string }> } }>("{ me { locations { id } } }")).data?.me.locations[0]
      ?.id;
    for (const id of ["xyz", "", locationId]) {
      const res = await a.request<{ family: unknown }>(FAMILY, { id });
      expect(res.errors).toBeUndefined();
      expect(res.data?.family).toBeNull();
    }
  });

  it("refuses families to national staff, municipal officers and anonymous users", async () => {
    for (const email of [DEMO_EMAIL.national, DEMO_EMAIL.officer]) {
      const client = await loggedIn(email);
      const res = await client.request(FAMILIES, { first: 5 });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
      expect(res.data ?? null).toBeNull();
    }
    const anonymous = await new TestClient(getApi().url).request(FAMILIES, { first: 5 });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("judges eligibility with the domain rules and the policy in force", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const id = (await a.request<FamiliesData>(FAMILIES, { first: 1 })).data?.families.edges[0]?.node.id;
    const res = await a.request<{
      family: {
        eligibility: {
          outcome: string;
          policy: { maxAgeInclusive: number } | null;
          reasons: Array<{ message: { nl: string; en: string } }>;
        };
      };
    }>(FAMILY, { id });
    const e = res.data?.family.eligibility;
    expect(["ELIGIBLE", "NOT_YET", "NOT_ELIGIBLE", "INCOMPLETE"]).toContain(e?.outcome);
    expect([6, 14, 17]).toContain(e?.policy?.maxAgeInclusive);
    expect(e?.reasons[0]?.message.nl).toBeTruthy();
    expect(e?.reasons[0]?.message.en).toBeTruthy();
  });
});

describe("eligibility facts, kept per revision (read-cache.ts)", () => {
  it("follow a new age policy and a licence's status at once", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const id = (await a.request<FamiliesData>(FAMILIES, { first: 1 })).data?.families.edges[0]?.node.id;
    type Judged = {
      family: {
        municipality: { code: string };
        eligibility: { policy: { maxAgeInclusive: number } | null; reasons: Array<{ code: string }> };
      };
    };
    const judge = async () => (await a.request<Judged>(FAMILY, { id })).data?.family;
    const first = await judge();
    expect(await judge()).toEqual(first);
    const prisma = getDb().prisma;
    const family = await prisma.family.findUniqueOrThrow({ where: { id: Buffer.from(String(id), "base64").toString().split(":")[1] } });
    // A policy adopted from the day judged on replaces the one in force.
    const other = first?.eligibility.policy?.maxAgeInclusive === 17 ? 6 : 17;
    const policy = await prisma.agePolicy.create({
      data: { municipalityId: family.municipalityId, maxAgeInclusive: other, validFrom: new Date(`${SEED_TODAY}T00:00:00Z`) },
    });
    expect((await judge())?.eligibility.policy?.maxAgeInclusive).toBe(other);
    await prisma.agePolicy.delete({ where: { id: policy.id } });
    expect(await judge()).toEqual(first);
    // Without a running licence for the municipality, the family is judged so.
    const licences = await prisma.licence.findMany({
      where: { locationId: family.locationId, municipalities: { some: { municipalityId: family.municipalityId } } },
    });
    await prisma.licence.updateMany({ where: { id: { in: licences.map((l) => l.id) } }, data: { status: "TERMINATED" } });
    expect((await judge())?.eligibility.reasons.map((r) => r.code)).not.toEqual(first?.eligibility.reasons.map((r) => r.code));
    for (const l of licences) await prisma.licence.update({ where: { id: l.id }, data: { status: l.status } });
    expect(await judge()).toEqual(first);
  });
});

describe("the coordinator's dashboard", () => {
  const DASHBOARD = `{ dashboard(on: "${SEED_TODAY}") { code severity dueOn familyId volunteerId message { nl en } } }`;
  type DashboardData = { dashboard: Array<{ code: string; severity: string; familyId: string | null; message: { nl: string } }> };

  it("shows the domain's signals about the coordinator's own families and volunteers only", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const res = await a.request<DashboardData>(DASHBOARD);
    expect(res.errors).toBeUndefined();
    const signals = res.data?.dashboard ?? [];
    expect(signals.length).toBeGreaterThan(0);
    expect(signals.every((s) => ["INFO", "WARNING", "ALERT"].includes(s.severity) && s.message.nl.length > 0)).toBe(true);
    // Every family a signal points at opens for this coordinator.
    const familyIds = [...new Set(signals.map((s) => s.familyId).filter((id): id is string => id !== null))].slice(0, 5);
    for (const id of familyIds) {
      const family = await a.request<{ family: { id: string } | null }>(FAMILY, { id });
      expect(family.data?.family?.id).toBe(id);
    }
    // Most urgent first.
    const order = { ALERT: 0, WARNING: 1, INFO: 2 } as Record<string, number>;
    const ranks = signals.map((s) => order[s.severity] ?? 3);
    expect([...ranks].sort((x, y) => x - y)).toEqual(ranks);
  });

  it("is refused to national staff", async () => {
    const res = await (await loggedIn(DEMO_EMAIL.national)).request(DASHBOARD);
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});
