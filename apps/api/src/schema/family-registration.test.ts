import { describe, expect, it } from "vitest";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();

const REGISTER = /* GraphQL */ `
  mutation ($input: RegisterFamilyInput!) {
    registerFamily(input: $input) {
      __typename
      ... on RegisterFamilySuccess { family { id status source parents { lastName } children { bornOn expectedOn } eligibility { outcome } } }
      ... on Refusal { code field message { nl en } reasons { code } }
    }
  }
`;

type RegisterResult = {
  registerFamily: {
    __typename: string;
    family?: { id: string; status: string; eligibility: { outcome: string }; children: unknown[] };
    code?: string;
    field?: string | null;
    reasons?: Array<{ code: string }>;
  };
};

/** A municipality the coordinator's location holds an active licence for, as a global id. */
async function coveredMunicipality(email: string) {
  const prisma = getDb().prisma;
  const user = await prisma.user.findUniqueOrThrow({ where: { email }, include: { locationScopes: true } });
  const licence = await prisma.licence.findFirstOrThrow({
    where: { locationId: { in: user.locationScopes.map((s) => s.locationId) }, status: "ACTIVE" },
    include: { municipalities: true },
  });
  const municipalityId = licence.municipalities[0]?.municipalityId ?? "";
  return { municipalityId: Buffer.from(`Municipality:${municipalityId}`).toString("base64"), locationId: licence.locationId };
}

const baseInput = (municipalityId: string) => ({
  municipalityId,
  source: "REFERRER",
  referrer: { type: "DISTRICT_NURSE", name: "J. de Wit", organisation: "GGD", email: "j.dewit@ggd.example" },
  parents: [{ firstName: "Sanne", lastName: "Jansen", phone: "06 12345678" }],
  children: [{ firstName: "Noor", bornOn: "2025-03-14" }, { expectedOn: "2027-02-01" }],
  postcode: "3811ab",
  languages: ["nl", "en"],
  consents: ["CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"],
});

describe("registerFamily", () => {
  it("registers a referred family with its children, referrer and consents, in one audited change", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const { municipalityId } = await coveredMunicipality(DEMO_EMAIL.coordinator);
    const res = await coordinator.request<RegisterResult>(REGISTER, { input: baseInput(municipalityId) });
    expect(res.errors).toBeUndefined();
    const family = res.data?.registerFamily.family;
    expect(family).toMatchObject({ status: "REGISTERED", source: "REFERRER", parents: [{ lastName: "Jansen" }] });
    expect(family?.children).toHaveLength(2);
    expect(family?.eligibility.outcome).toBe("ELIGIBLE");

    const id =
      Buffer.from(family?.id ?? "", "base64")
        .toString()
        .split(":")[1] ?? "";
    const stored = await getDb().prisma.family.findUniqueOrThrow({
      where: { id },
      include: { consents: true, referral: { include: { referrer: true } } },
    });
    expect(stored.postcode).toBe("3811 AB");
    expect(stored.consents.map((c) => c.type).sort()).toEqual(["CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"]);
    expect(stored.referral?.referrer.type).toBe("DISTRICT_NURSE");
    const entries = await getDb().prisma.auditEntry.findMany({ where: { action: "family.register", entityId: id } });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries[0]?.detail)).not.toContain("Jansen");
  });

  it("refuses without the consent to be called back, and stores nothing", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const { municipalityId } = await coveredMunicipality(DEMO_EMAIL.coordinator);
    const before = await getDb().prisma.family.count();
    const res = await coordinator.request<RegisterResult>(REGISTER, { input: { ...baseInput(municipalityId), consents: ["PROCESSING"] } });
    expect(res.data?.registerFamily).toMatchObject({ __typename: "Refusal", code: "REGISTRATION_NEEDS_CONSENT", field: "consents" });
    expect(await getDb().prisma.family.count()).toBe(before);
  });

  it("refuses a municipality outside the location's licence, with the domain's reason", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const other = await getDb().prisma.municipality.findFirstOrThrow({ where: { licences: { none: {} } } });
    const res = await coordinator.request<RegisterResult>(REGISTER, {
      input: baseInput(Buffer.from(`Municipality:${other.id}`).toString("base64")),
    });
    expect(res.data?.registerFamily).toMatchObject({ __typename: "Refusal", code: "NO_LICENCE_FOR_MUNICIPALITY", field: "municipalityId" });
  });

  it("ties bad input to its field and never answers with an error", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const { municipalityId } = await coveredMunicipality(DEMO_EMAIL.coordinator);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ parents: [] }, "parents"],
      [{ parents: [{ firstName: "A", lastName: "B" }] }, "parents.0.phone"],
      [{ parents: [{ firstName: "A\u0000", lastName: "B", phone: "0612345678" }] }, "parents.0.firstName"],
      [{ parents: [{ firstName: "A".repeat(101), lastName: "B", phone: "0612345678" }] }, "parents.0.firstName"],
      [{ children: [{ bornOn: "2999-01-01" }] }, "children.0.bornOn"],
      [{ children: [{ bornOn: "2020-01-01", expectedOn: "2027-01-01" }] }, "children.0.bornOn"],
      [{ source: "SELF" }, "referrer"],
      [{ referrer: null }, "referrer.name"],
      [{ postcode: "ABC" }, "postcode"],
      [{ municipalityId: "bm90IGFuIGlk" }, "municipalityId"],
    ];
    for (const [change, field] of cases) {
      const res = await coordinator.request<RegisterResult>(REGISTER, { input: { ...baseInput(municipalityId), ...change } });
      expect(res.errors, JSON.stringify(change)).toBeUndefined();
      expect(res.data?.registerFamily, JSON.stringify(change)).toMatchObject({ __typename: "Refusal", field });
    }
  });

  it("is refused to everyone but coordinators", async () => {
    const { municipalityId } = await coveredMunicipality(DEMO_EMAIL.coordinator);
    for (const email of [DEMO_EMAIL.national, DEMO_EMAIL.officer, DEMO_EMAIL.admin]) {
      const res = await (await loggedIn(email)).request(REGISTER, { input: baseInput(municipalityId) });
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
  });

  it("offers the municipalities the location's active licences cover today", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const res = await coordinator.request<{
      me: { locations: Array<{ registrationMunicipalities: Array<{ id: string; code: string }> }> };
    }>("{ me { locations { registrationMunicipalities { id code } } } }");
    expect(res.errors).toBeUndefined();
    const offered = res.data?.me.locations.flatMap((l) => l.registrationMunicipalities) ?? [];
    const { municipalityId } = await coveredMunicipality(DEMO_EMAIL.coordinator);
    expect(offered.map((m) => m.id)).toContain(municipalityId);
  });
});
