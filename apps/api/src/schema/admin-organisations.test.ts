import { addDays } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { todayInNetherlands } from "../mappers.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, api: getApi, loggedIn } = useSeededApi();
const prisma = () => getDb().prisma;
const today = todayInNetherlands();
const REFUSAL = "... on Refusal { code field reasons { code } }";
type Result = Record<string, Record<string, unknown> & { __typename?: string; code?: string; field?: string }>;

const CREATE_USER = `mutation ($input: CreateUserInput!) { createUser(input: $input) { __typename
  ... on CreateUserSuccess { user { id email name role active locations { name } municipalities { code } } } ${REFUSAL} } }`;
const UPDATE_USER = `mutation ($input: UpdateUserInput!) { updateUser(input: $input) { __typename
  ... on UpdateUserSuccess { user { id role active locations { name } municipalities { code } } } ${REFUSAL} } }`;
const RESET = `mutation ($input: ResetUserPasswordInput!) { resetUserPassword(input: $input) { __typename ... on ResetUserPasswordSuccess { user { id } } ${REFUSAL} } }`;

async function login(email: string, password: string) {
  const client = new TestClient(getApi().url);
  const res = await client.request<{ login: { __typename: string } }>(LOGIN, { email, password });
  return { client, ok: res.data?.login.__typename === "LoginSuccess" };
}

describe("user administration (admin only)", () => {
  it("creates a coordinator scoped to a location, validates role and scopes, and never exposes password hashes", async () => {
    const admin = await loggedIn(DEMO_EMAIL.admin);
    const location = await prisma().location.findFirstOrThrow({ where: { name: "Home-Start Amersfoort e.o." } });
    const municipality = await prisma().municipality.findUniqueOrThrow({ where: { code: "GM0307" } });
    const locationId = encodeGlobalID("Location", location.id);
    const municipalityId = encodeGlobalID("Municipality", municipality.id);
    const base = {
      email: "Nieuwe.Coordinator@example.org",
      name: "Nieuwe Coördinator",
      role: "COORDINATOR",
      password: "een-lang-wachtwoord",
    };

    const cases: Array<[Record<string, unknown>, string]> = [
      [{}, "locationIds"],
      [{ locationIds: [locationId], municipalityIds: [municipalityId] }, "municipalityIds"],
      [{ role: "MUNICIPAL_OFFICER", locationIds: [locationId] }, "locationIds"],
      [{ role: "NATIONAL_STAFF", municipalityIds: [municipalityId] }, "municipalityIds"],
      [{ locationIds: [locationId], password: "kort" }, "password"],
      [{ locationIds: [locationId], email: "geen-adres" }, "email"],
      [{ locationIds: ["bm9wZQ=="] }, "locationIds.0"],
      [{ locationIds: [locationId], email: DEMO_EMAIL.national }, "email"],
    ];
    const usersBefore = await prisma().user.count();
    for (const [change, field] of cases) {
      const res = await admin.request<Result>(CREATE_USER, { input: { ...base, ...change } });
      expect(res.errors, JSON.stringify(change)).toBeUndefined();
      expect(res.data?.createUser, JSON.stringify(change)).toMatchObject({ __typename: "Refusal", field });
    }
    expect(await prisma().user.count()).toBe(usersBefore);

    const created = await admin.request<Result>(CREATE_USER, { input: { ...base, locationIds: [locationId] } });
    expect(created.errors).toBeUndefined();
    expect(created.data?.createUser?.user).toMatchObject({
      email: "nieuwe.coordinator@example.org",
      role: "COORDINATOR",
      active: true,
      locations: [{ name: "Home-Start Amersfoort e.o." }],
      municipalities: [],
    });
    expect((await login("nieuwe.coordinator@example.org", "een-lang-wachtwoord")).ok).toBe(true);

    const hash = await admin.request(`{ users(first: 1) { edges { node { passwordHash } } } }`);
    expect(hash.errors?.length).toBeGreaterThan(0);
    const audit = await prisma().auditEntry.findMany({ where: { action: "user.create" } });
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit[0]?.detail)).not.toMatch(/wachtwoord|argon|nieuwe/i);

    const list = await admin.request<{ users: { edges: Array<{ node: { email: string; role: string } }> } }>(
      `{ users(first: 20, role: COORDINATOR, active: true, search: "nieuwe") { edges { node { email role } } } }`,
    );
    expect(list.data?.users.edges.map((e) => e.node.email)).toEqual(["nieuwe.coordinator@example.org"]);
  });

  it("deactivating a user or resetting their password ends their sessions", async () => {
    const admin = await loggedIn(DEMO_EMAIL.admin);
    const officer = await loggedIn(DEMO_EMAIL.officer);
    const officerUser = await prisma().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.officer } });
    const id = encodeGlobalID("User", officerUser.id);

    const reset = await admin.request<Result>(RESET, { input: { id, password: "nieuw-wachtwoord-123" } });
    expect(reset.data?.resetUserPassword).toMatchObject({ __typename: "ResetUserPasswordSuccess" });
    expect((await officer.request<{ me: unknown }>("{ me { id } }")).data?.me).toBeNull();
    const relogin = await login(DEMO_EMAIL.officer, "nieuw-wachtwoord-123");
    expect(relogin.ok).toBe(true);

    const deactivated = await admin.request<Result>(UPDATE_USER, { input: { id, active: false } });
    expect(deactivated.data?.updateUser?.user).toMatchObject({
      active: false,
      role: "MUNICIPAL_OFFICER",
      municipalities: [{ code: "GM0307" }],
    });
    expect(await prisma().session.count({ where: { userId: officerUser.id } })).toBe(0);
    expect((await relogin.client.request<{ me: unknown }>("{ me { id } }")).data?.me).toBeNull();
    expect((await login(DEMO_EMAIL.officer, "nieuw-wachtwoord-123")).ok).toBe(false);

    const adminUser = await prisma().user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.admin } });
    const self = await admin.request<Result>(UPDATE_USER, { input: { id: encodeGlobalID("User", adminUser.id), active: false } });
    expect(self.data?.updateUser).toMatchObject({ __typename: "Refusal", code: "CANNOT_CHANGE_OWN_ACCESS" });
    const missing = await admin.request<Result>(UPDATE_USER, { input: { id: "bm9wZQ==", active: false } });
    expect(missing.data?.updateUser).toMatchObject({ __typename: "Refusal", code: "NOT_FOUND", field: "id" });
  });

  it("is refused to everyone but admins", async () => {
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.national]) {
      const res = await (await loggedIn(email)).request(`{ users(first: 1) { edges { node { email } } } }`);
      expect(res.errors?.[0]?.extensions?.code, email).toBe("FORBIDDEN");
    }
  });
});

const CREATE_ORG = `mutation ($input: OrganisationInput!) { createOrganisation(input: $input) { __typename
  ... on CreateOrganisationSuccess { organisation { id name version } } ${REFUSAL} } }`;
const UPDATE_ORG = `mutation ($input: UpdateOrganisationInput!) { updateOrganisation(input: $input) { __typename
  ... on UpdateOrganisationSuccess { organisation { name version } } ${REFUSAL} } }`;
const CREATE_LOCATION = `mutation ($input: CreateLocationInput!) { createLocation(input: $input) { __typename
  ... on CreateLocationSuccess { location { id name version organisation { name } } } ${REFUSAL} } }`;
const UPDATE_LOCATION = `mutation ($input: UpdateLocationInput!) { updateLocation(input: $input) { __typename
  ... on UpdateLocationSuccess { location { version closedOn } } ${REFUSAL} } }`;
const SET_MUNICIPALITIES = `mutation ($input: SetLocationMunicipalitiesInput!) { setLocationMunicipalities(input: $input) { __typename
  ... on SetLocationMunicipalitiesSuccess { location { version servedMunicipalities { municipality { code } servedFrom servedUntil } } } ${REFUSAL} } }`;

describe("organisations and locations (national office)", () => {
  it("creates and edits an organisation and a location, and keeps the served municipalities as history", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const bad = await national.request<Result>(CREATE_ORG, { input: { name: "Stichting Test", city: "Zwolle", email: "nee" } });
    expect(bad.data?.createOrganisation).toMatchObject({ __typename: "Refusal", code: "INVALID_INPUT", field: "email" });

    const org = await national.request<Result>(CREATE_ORG, { input: { name: "Stichting Test", city: "Zwolle", phone: "038-1234567" } });
    const organisation = org.data?.createOrganisation?.organisation as { id: string; version: number };
    expect(organisation.version).toBe(1);
    const renamed = await national.request<Result>(UPDATE_ORG, {
      input: { id: organisation.id, version: 1, name: "Stichting Welzijn Test", city: "Zwolle" },
    });
    expect(renamed.data?.updateOrganisation?.organisation).toEqual({ name: "Stichting Welzijn Test", version: 2 });
    const stale = await national.request<Result>(UPDATE_ORG, { input: { id: organisation.id, version: 1, name: "Oud", city: "Zwolle" } });
    expect(stale.data?.updateOrganisation).toMatchObject({ __typename: "Refusal", code: "CONFLICT" });

    const created = await national.request<Result>(CREATE_LOCATION, {
      input: { organisationId: organisation.id, name: "Home-Start Zwolle", city: "Zwolle", startedOn: "2026-01-01" },
    });
    const location = created.data?.createLocation?.location as { id: string };
    expect(created.data?.createLocation?.location).toMatchObject({ version: 1, organisation: { name: "Stichting Welzijn Test" } });
    const closedBefore = await national.request<Result>(UPDATE_LOCATION, {
      input: { id: location.id, version: 1, name: "Home-Start Zwolle", city: "Zwolle", startedOn: "2026-01-01", closedOn: "2025-12-31" },
    });
    expect(closedBefore.data?.updateLocation).toMatchObject({ __typename: "Refusal", field: "closedOn" });

    const zwolle = await prisma().municipality.findUniqueOrThrow({ where: { code: "GM0193" } });
    const zwolleId = encodeGlobalID("Municipality", zwolle.id);
    const served = await national.request<Result>(SET_MUNICIPALITIES, {
      input: { locationId: location.id, version: 1, serve: [{ municipalityId: zwolleId, from: "2026-01-01" }] },
    });
    expect(served.data?.setLocationMunicipalities?.location).toMatchObject({
      version: 2,
      servedMunicipalities: [{ municipality: { code: "GM0193" }, servedFrom: "2026-01-01", servedUntil: null }],
    });
    const twice = await national.request<Result>(SET_MUNICIPALITIES, {
      input: { locationId: location.id, version: 2, serve: [{ municipalityId: zwolleId, from: "2026-06-01" }] },
    });
    expect(twice.data?.setLocationMunicipalities).toMatchObject({ __typename: "Refusal", code: "ALREADY_SERVED", field: "serve.0.from" });
    const stopped = await national.request<Result>(SET_MUNICIPALITIES, {
      input: { locationId: location.id, version: 2, stop: [{ municipalityId: zwolleId, until: addDays(today, 10) }] },
    });
    expect(stopped.data?.setLocationMunicipalities?.location).toMatchObject({
      version: 3,
      servedMunicipalities: [{ servedFrom: "2026-01-01", servedUntil: addDays(today, 10) }],
    });
    expect(
      await prisma().locationMunicipality.count({ where: { locationId: Buffer.from(location.id, "base64").toString().split(":")[1] } }),
    ).toBe(1);
    const entries = await prisma().auditEntry.findMany({
      where: { action: { in: ["organisation.create", "organisation.update", "location.create", "location.municipalities.set"] } },
    });
    expect(entries.map((e) => e.action).sort()).toEqual([
      "location.create",
      "location.municipalities.set",
      "location.municipalities.set",
      "organisation.create",
      "organisation.update",
    ]);
  });

  it("shows national staff a location's coordinators, municipalities, licences and visitaties", async () => {
    const national = await loggedIn(DEMO_EMAIL.national);
    const location = await prisma().location.findFirstOrThrow({ where: { name: "Home-Start Amersfoort e.o." } });
    const res = await national.request<{ location: Record<string, unknown> & { coordinators: Array<{ email: string }> } }>(
      `query ($id: ID!) { location(id: $id) { name organisation { name } startedOn coordinators { name email }
        servedMunicipalities { municipality { code } servedFrom servedUntil } licences { number status }
        visitatie { status dueOn lastPerformedOn } qualityReviews { status outcome } } }`,
      { id: encodeGlobalID("Location", location.id) },
    );
    expect(res.errors).toBeUndefined();
    expect(res.data?.location).toMatchObject({ name: "Home-Start Amersfoort e.o.", organisation: { name: "Welzijnsgroep De Brug" } });
    expect(res.data?.location.coordinators.map((c) => c.email)).toContain(DEMO_EMAIL.coordinator);
    const orgs = await national.request<{
      organisations: { edges: Array<{ node: { name: string; locations: Array<{ name: string }> } }> };
    }>(
      `{ organisations(first: 5, search: "Brug") { edges { node { name locations { name } municipalDecisions { reference } licences { number } } } } }`,
    );
    expect(orgs.errors).toBeUndefined();
    expect(orgs.data?.organisations.edges[0]?.node.locations.map((l) => l.name)).toContain("Home-Start Amersfoort e.o.");
    const missing = await national.request<{ location: unknown }>(`{ location(id: "bm9wZQ==") { name } }`);
    expect(missing.data?.location).toBeNull();

    // (The officer was deactivated above.)
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.admin]) {
      const forbidden = await (await loggedIn(email)).request(`{ organisations(first: 1) { edges { node { name } } } }`);
      expect(forbidden.errors?.[0]?.extensions?.code, email).toBe("FORBIDDEN");
    }
  });
});
