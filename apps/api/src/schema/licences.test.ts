import { addDays, addMonths } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { todayInNetherlands } from "../mappers.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();
const prisma = () => getDb().prisma;
const today = todayInNetherlands();
const dbId = (globalId: string) => Buffer.from(globalId, "base64").toString().split(":")[1] ?? "";

const REFUSAL = "... on Refusal { code field reasons { code } }";

const RECORD_DECISION = `mutation ($input: RecordMunicipalDecisionInput!) {
  recordMunicipalDecision(input: $input) { __typename ... on RecordMunicipalDecisionSuccess { decision { id reference effectiveFrom } } ${REFUSAL} } }`;
const APPLY = `mutation ($input: ApplyForLicenceInput!) {
  applyForLicence(input: $input) { __typename
    ... on ApplyForLicenceSuccess { licence { id number status version allowedTransitions municipalities { code } statusHistory { fromStatus toStatus } } }
    ${REFUSAL} } }`;
const TRANSITION = `mutation ($input: TransitionLicenceInput!) {
  transitionLicence(input: $input) { __typename
    ... on TransitionLicenceSuccess { licence { id status version validFrom validUntil grantedOn allowedTransitions
      statusHistory { fromStatus toStatus reason byName } expiryWarnings { code daysLeft } } }
    ${REFUSAL} } }`;
const TERMS = `mutation ($input: UpdateLicenceTermsInput!) {
  updateLicenceTerms(input: $input) { __typename ... on UpdateLicenceTermsSuccess { licence { version annualFeeCents feePaymentStatus conditions } } ${REFUSAL} } }`;
const SET_POLICY = `mutation ($input: SetAgePolicyInput!) {
  setAgePolicy(input: $input) { __typename ... on SetAgePolicySuccess { municipality { code agePolicies { maxAgeInclusive validFrom validUntil } } } ${REFUSAL} } }`;

type Data = Record<string, Record<string, unknown> & { __typename?: string; code?: string; field?: string }>;

async function fixtures() {
  const location = await prisma().location.findFirstOrThrow({ where: { name: "Home-Start Amersfoort e.o." } });
  const fresh = await prisma().municipality.findFirstOrThrow({
    where: { licences: { none: {} }, municipalDecisions: { none: {} }, locations: { none: {} } },
    orderBy: { code: "asc" },
  });
  const amersfoort = await prisma().municipality.findUniqueOrThrow({ where: { code: "GM0307" } });
  return {
    locationId: encodeGlobalID("Location", location.id),
    organisationId: encodeGlobalID("Organisation", location.organisationId),
    fresh,
    freshId: encodeGlobalID("Municipality", fresh.id),
    amersfoortId: encodeGlobalID("Municipality", amersfoort.id),
  };
}

describe("municipal decisions and licences (national office)", () => {
  it("takes a licence from application to activation, with a decision, history, refusals and conflicts", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const f = await fixtures();
    const applyInput = { organisationId: f.organisationId, locationId: f.locationId, municipalityIds: [f.freshId], annualFeeCents: 150000 };

    // Without a decision: the domain's reason, nothing stored.
    const licencesBefore = await prisma().licence.count();
    const noDecision = await national.request<Data>(APPLY, { input: applyInput });
    expect(noDecision.data?.applyForLicence).toMatchObject({
      __typename: "Refusal",
      code: "NO_MUNICIPAL_DECISION",
      field: "municipalityIds",
    });
    expect(await prisma().licence.count()).toBe(licencesBefore);

    // A decision whose period ends before it starts is refused by the domain.
    const badDecision = await national.request<Data>(RECORD_DECISION, {
      input: {
        municipalityId: f.freshId,
        organisationId: f.organisationId,
        reference: "BS-X",
        decidedOn: addDays(today, -30),
        effectiveFrom: addDays(today, -10),
        effectiveUntil: addDays(today, -20),
      },
    });
    expect(badDecision.data?.recordMunicipalDecision).toMatchObject({ __typename: "Refusal", code: "PERIOD_ENDS_BEFORE_START" });

    const decision = await national.request<Data>(RECORD_DECISION, {
      input: {
        municipalityId: f.freshId,
        organisationId: f.organisationId,
        reference: "BS-2026-TEST",
        decidedOn: addDays(today, -30),
        effectiveFrom: addDays(today, -10),
        note: "Raadsbesluit",
      },
    });
    expect(decision.errors).toBeUndefined();
    expect(decision.data?.recordMunicipalDecision).toMatchObject({ __typename: "RecordMunicipalDecisionSuccess" });

    const applied = await national.request<Data>(APPLY, { input: applyInput });
    expect(applied.errors).toBeUndefined();
    const licence = applied.data?.applyForLicence?.licence as { id: string; number: string; version: number };
    expect(applied.data?.applyForLicence?.licence).toMatchObject({
      status: "APPLIED",
      allowedTransitions: ["GRANTED", "TERMINATED"],
      municipalities: [{ code: f.fresh.code }],
      statusHistory: [{ fromStatus: null, toStatus: "APPLIED" }],
    });
    expect(licence.number).toMatch(/^HS-\d{4}-\d{3}$/);

    // APPLIED → ACTIVE is not a step: refused, unchanged.
    const skip = await national.request<Data>(TRANSITION, { input: { licenceId: licence.id, version: licence.version, to: "ACTIVE" } });
    expect(skip.data?.transitionLicence).toMatchObject({ __typename: "Refusal", code: "TRANSITION_NOT_ALLOWED", field: "to" });
    expect((await prisma().licence.findUniqueOrThrow({ where: { id: dbId(licence.id) } })).status).toBe("APPLIED");

    const granted = await national.request<Data>(TRANSITION, { input: { licenceId: licence.id, version: 1, to: "GRANTED" } });
    expect(granted.data?.transitionLicence?.licence).toMatchObject({ status: "GRANTED", grantedOn: today, version: 2 });

    const noPeriod = await national.request<Data>(TRANSITION, { input: { licenceId: licence.id, version: 2, to: "ACTIVE" } });
    expect(noPeriod.data?.transitionLicence).toMatchObject({ __typename: "Refusal", code: "PERIOD_REQUIRED", field: "validFrom" });

    const validUntil = addDays(today, 60);
    const active = await national.request<Data>(TRANSITION, {
      input: { licenceId: licence.id, version: 2, to: "ACTIVE", validFrom: today, validUntil },
    });
    expect(active.errors).toBeUndefined();
    expect(active.data?.transitionLicence?.licence).toMatchObject({
      status: "ACTIVE",
      validFrom: today,
      validUntil,
      allowedTransitions: ["SUSPENDED", "EXPIRED", "TERMINATED"],
      statusHistory: [
        { toStatus: "APPLIED" },
        { fromStatus: "APPLIED", toStatus: "GRANTED" },
        { fromStatus: "GRANTED", toStatus: "ACTIVE" },
      ],
      expiryWarnings: [{ code: "EXPIRES_SOON", daysLeft: 60 }],
    });

    // A stale version: CONFLICT, nothing written (no extra history row).
    const stale = await national.request<Data>(TRANSITION, {
      input: { licenceId: licence.id, version: 2, to: "SUSPENDED", reason: "Test" },
    });
    expect(stale.data?.transitionLicence).toMatchObject({ __typename: "Refusal", code: "CONFLICT", field: "version" });
    expect(await prisma().licenceStatusChange.count({ where: { licenceId: dbId(licence.id) } })).toBe(3);

    const noReason = await national.request<Data>(TRANSITION, { input: { licenceId: licence.id, version: 3, to: "SUSPENDED" } });
    expect(noReason.data?.transitionLicence).toMatchObject({ __typename: "Refusal", code: "REASON_REQUIRED", field: "reason" });

    const terms = await national.request<Data>(TERMS, {
      input: {
        licenceId: licence.id,
        version: 3,
        annualFeeCents: 175000,
        feePaymentStatus: "INVOICED",
        conditions: "Jaarverslag vóór 1 april.",
      },
    });
    expect(terms.data?.updateLicenceTerms?.licence).toMatchObject({ version: 4, annualFeeCents: 175000, feePaymentStatus: "INVOICED" });
    const badTerms = await national.request<Data>(TERMS, { input: { licenceId: licence.id, version: 4, annualFeeCents: -1 } });
    expect(badTerms.data?.updateLicenceTerms).toMatchObject({ __typename: "Refusal", code: "INVALID_INPUT", field: "annualFeeCents" });

    // Filters: the new licence is running, expiring within 90 days, in this municipality.
    const list = await national.request<{ licences: { edges: Array<{ node: { number: string } }> } }>(
      `query ($m: ID!) { licences(first: 20, status: [ACTIVE], expiringWithinDays: 90, municipalityId: $m, orderBy: VALID_UNTIL) { edges { node { number } } } }`,
      { m: f.freshId },
    );
    expect(list.data?.licences.edges.map((e) => e.node.number)).toEqual([licence.number]);

    // Home-Start is now offered in the municipality, under this licence.
    const offer = await national.request<{ municipalities: { edges: Array<{ node: { homeStart: Record<string, unknown> } }> } }>(
      `query ($s: String!) { municipalities(first: 1, search: $s, offered: true) { edges { node {
        homeStart { offered reasons { code } licence { number location { name } organisation { name } } } } } } }`,
      { s: f.fresh.code },
    );
    expect(offer.errors).toBeUndefined();
    expect(offer.data?.municipalities.edges[0]?.node.homeStart).toMatchObject({
      offered: true,
      licence: { number: licence.number, location: { name: "Home-Start Amersfoort e.o." } },
    });

    const audit = await prisma().auditEntry.findMany({
      where: { entityType: "Licence", entityId: dbId(licence.id) },
      orderBy: { id: "asc" },
    });
    expect(audit.map((a) => a.action)).toEqual(["licence.apply", "licence.transition", "licence.transition", "licence.terms"]);
  });

  it("answers malformed and unknown ids as not found, and refuses other roles", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const missing = await national.request<Data>(`{ licence(id: "bm90IGFuIGlk") { id } }`);
    expect(missing.data?.licence).toBeNull();
    const transition = await national.request<Data>(TRANSITION, {
      input: { licenceId: encodeGlobalID("Licence", "nope"), version: 1, to: "GRANTED" },
    });
    expect(transition.data?.transitionLicence).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND", field: "licenceId" });
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.officer, DEMO_EMAIL.admin]) {
      const client = await loggedIn(email);
      const res = await client.request(`{ licences(first: 1) { edges { node { number annualFeeCents } } } }`);
      expect(res.errors?.[0]?.extensions?.code, email).toBe("FORBIDDEN");
    }
  });
});

describe("age policies (effective-dated, never overwritten)", () => {
  it("adds a new policy and ends the previous one the day before; refuses rewriting history", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const { amersfoortId } = await fixtures();
    const validFrom = addMonths(today, 2).slice(0, 8).concat("01");
    const added = await national.request<Data>(SET_POLICY, {
      input: { municipalityId: amersfoortId, maxAgeInclusive: 14, validFrom, note: "Raadsbesluit" },
    });
    expect(added.errors).toBeUndefined();
    const policies = added.data?.setAgePolicy?.municipality as {
      agePolicies: Array<{ maxAgeInclusive: number; validFrom: string; validUntil: string | null }>;
    };
    expect(policies.agePolicies[0]).toEqual({ maxAgeInclusive: 14, validFrom, validUntil: null });
    expect(policies.agePolicies[1]).toMatchObject({ maxAgeInclusive: 17, validFrom: "2019-01-01", validUntil: addDays(validFrom, -1) });

    const count = await prisma().agePolicy.count();
    const rewrite = await national.request<Data>(SET_POLICY, {
      input: { municipalityId: amersfoortId, maxAgeInclusive: 6, validFrom: "2019-01-01" },
    });
    expect(rewrite.data?.setAgePolicy).toMatchObject({ __typename: "Refusal", code: "POLICY_NOT_AFTER_EXISTING", field: "validFrom" });
    const badAge = await national.request<Data>(SET_POLICY, {
      input: { municipalityId: amersfoortId, maxAgeInclusive: 10, validFrom: addDays(validFrom, 40) },
    });
    expect(badAge.data?.setAgePolicy).toMatchObject({ __typename: "Refusal", code: "MAX_AGE_NOT_ALLOWED", field: "maxAgeInclusive" });
    expect(await prisma().agePolicy.count()).toBe(count);

    const inForce = await national.request<{
      municipalities: { edges: Array<{ node: Record<string, { maxAgeInclusive: number } | null> }> };
    }>(
      `query ($on: Date!) { municipalities(first: 1, search: "GM0307") { edges { node { now: agePolicyInForce { maxAgeInclusive } later: agePolicyInForce(on: $on) { maxAgeInclusive } } } } }`,
      { on: validFrom },
    );
    expect(inForce.data?.municipalities.edges[0]?.node).toEqual({ now: { maxAgeInclusive: 17 }, later: { maxAgeInclusive: 14 } });
    const entry = await prisma().auditEntry.findFirstOrThrow({ where: { action: "agePolicy.add" } });
    expect(entry.detail).toMatchObject({ maxAgeInclusive: 14, validFrom });
    const officer = await loggedIn(DEMO_EMAIL.officer);
    const forbidden = await officer.request(SET_POLICY, {
      input: { municipalityId: amersfoortId, maxAgeInclusive: 17, validFrom: addDays(validFrom, 50) },
    });
    expect(forbidden.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("what municipal officers and coordinators see", () => {
  it("shows an officer the licence and visitatie status of the locations serving their own municipality only", async () => {
    const officer = await loggedIn(DEMO_EMAIL.officer);
    const own = await officer.request<{
      me: { municipalities: Array<{ code: string; servingLocations: Array<Record<string, unknown>> }> };
    }>(
      `{ me { municipalities { code servingLocations { name licence { status validUntil } visitatieStatus lastVisitatieOn nextVisitatieDueOn } } } }`,
    );
    expect(own.errors).toBeUndefined();
    const [gm0307] = own.data?.me.municipalities ?? [];
    expect(gm0307?.servingLocations[0]).toMatchObject({ name: "Home-Start Amersfoort e.o.", licence: { status: "ACTIVE" } });
    expect(gm0307?.servingLocations[0]?.nextVisitatieDueOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const other = await officer.request<{ municipalities: { edges: Array<{ node: { servingLocations: unknown } }> } }>(
      `{ municipalities(first: 1, search: "GM0014") { edges { node { servingLocations { name } } } } }`,
    );
    expect(other.errors).toBeUndefined();
    expect(other.data?.municipalities.edges[0]?.node.servingLocations).toBeNull();
    const fee = await officer.request(`{ me { municipalities { licences { annualFeeCents } } } }`);
    expect(fee.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("lets a coordinator read their own location's licence and visitatie status, and nothing national", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const own = await coordinator.request<{ me: { locations: Array<Record<string, unknown>> } }>(
      `{ me { locations { name licenceStatus { status } visitatie { status dueOn lastPerformedOn } } } }`,
    );
    expect(own.errors).toBeUndefined();
    expect(own.data?.me.locations[0]).toMatchObject({ name: "Home-Start Amersfoort e.o.", licenceStatus: { status: "ACTIVE" } });
    for (const field of ["phone", "coordinators { name }", "licences { number }", "organisation { name }"]) {
      const res = await coordinator.request(`{ me { locations { ${field} } } }`);
      expect(res.errors?.[0]?.extensions?.code, field).toBe("FORBIDDEN");
    }
  });
});

describe("records that are not there", () => {
  it("answers a malformed or unknown id, and a municipality without a licence, with null — never an error", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    for (const [field, selection] of [
      ["licence", "number location { name }"],
      ["organisation", "name"],
      ["location", "name"],
    ] as const) {
      for (const id of ["bogus", Buffer.from(`${field[0]?.toUpperCase()}${field.slice(1)}:nope`).toString("base64")]) {
        const res = await national.request<Record<string, unknown>>(`query ($id: ID!) { ${field}(id: $id) { ${selection} } }`, { id });
        expect(res.errors, `${field}(${id})`).toBeUndefined();
        expect(res.data?.[field]).toBeNull();
      }
    }
    const unserved = await getDb().prisma.municipality.findFirstOrThrow({ where: { licences: { none: {} } }, orderBy: { code: "asc" } });
    const res = await national.request<{
      municipalities: { edges: Array<{ node: { homeStart: { offered: boolean; licence: unknown } } }> };
    }>(
      `query ($code: String!) { municipalities(first: 1, search: $code) { edges { node { homeStart { offered licence { number location { name } organisation { name } } } } } } }`,
      { code: unserved.code },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.municipalities.edges[0]?.node.homeStart).toEqual({ offered: false, licence: null });
  });
});
