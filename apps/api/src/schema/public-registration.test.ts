import { CONSENT_TEXT_VERSION } from "@homestart/domain";
import { describe, expect, it } from "vitest";
import { keyUnkeyedParents } from "../retention/key-unkeyed-parents.ts";
import { TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, api: getApi, loggedIn } = useSeededApi();

const OFFER = /* GraphQL */ `
  query ($search: String, $municipalityId: ID, $language: RegistrationLanguage!) {
    registrationOffer(search: $search, municipalityId: $municipalityId, language: $language) {
      municipalities { id name offered maxAgeInclusive pregnancyWeeksFrom }
      postcodeSearchAvailable callBackWorkingDays consentTextVersion
      consents { type required referrerOnly title text explanation }
      nationalOffice { phone email }
    }
  }
`;

const SUBMIT = /* GraphQL */ `
  mutation ($input: SubmitRegistrationInput!) {
    submitRegistration(input: $input) {
      __typename
      ... on SubmitRegistrationSuccess { registration { callBackWorkingDays confirmationEmail } }
      ... on Refusal { code field message { nl en } reasons { code } }
    }
  }
`;

type OfferResult = {
  registrationOffer: {
    municipalities: Array<{
      id: string;
      name: string;
      offered: boolean;
      maxAgeInclusive: number | null;
      pregnancyWeeksFrom: number | null;
    }>;
    postcodeSearchAvailable: boolean;
    callBackWorkingDays: number;
    consentTextVersion: string;
    consents: Array<{ type: string; required: boolean; referrerOnly: boolean; title: string; text: string; explanation: string }>;
    nationalOffice: { phone: string; email: string };
  };
};
type SubmitResult = {
  submitRegistration: {
    __typename: string;
    registration?: { callBackWorkingDays: number; confirmationEmail: boolean };
    code?: string;
    field?: string | null;
    reasons?: Array<{ code: string }>;
  };
};

const anonymous = () => new TestClient(getApi().url);
const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");

/** A municipality served under coordinator A's active licence, and that location. */
async function servedMunicipality() {
  const prisma = getDb().prisma;
  const user = await prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const licence = await prisma.licence.findFirstOrThrow({
    where: { locationId: { in: user.locationScopes.map((s) => s.locationId) }, status: "ACTIVE" },
    include: { municipalities: { include: { municipality: true } } },
    orderBy: { id: "asc" },
  });
  const municipality = licence.municipalities[0]?.municipality;
  if (!municipality) throw new Error("licence without municipality");
  return { municipality, locationId: licence.locationId };
}

const parentInput = (municipalityId: string, over: Record<string, unknown> = {}) => ({
  municipalityId,
  language: "AR",
  registeredBy: "SELF",
  parent: { firstName: "Amal", lastName: "Haddad", phone: "06 98765432", email: "amal.haddad@example.org" },
  children: [{ bornOn: "2024-05-02" }, { expectedOn: "2027-03-01" }],
  supportWish: "Wat rust en iemand om mee te praten.",
  consents: ["PROCESSING", "CONTACT_BY_COORDINATOR"],
  consentTextVersion: CONSENT_TEXT_VERSION,
  ...over,
});

const referrerInput = (municipalityId: string, over: Record<string, unknown> = {}) => ({
  ...parentInput(municipalityId),
  language: "NL",
  registeredBy: "REFERRER",
  parent: { firstName: "Amal", lastName: "Haddad", phone: "+31 6 9876 5432" },
  supportWish: null,
  consents: ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"],
  referrer: {
    type: "GP",
    name: "Dr. P. Visser",
    organisation: "Huisartsenpraktijk Centrum",
    email: "p.visser@praktijk.example",
    parentsAgreedToBeCalled: true,
  },
  ...over,
});

/** Forget this address's submissions (the tests send more than the limit allows). */
async function resetThrottle() {
  await getDb().prisma.loginThrottle.deleteMany({ where: { key: { startsWith: "registration:" } } });
}

async function counts() {
  const p = getDb().prisma;
  const [families, parents, children, consents, outbox, referrers, questions] = await Promise.all([
    p.family.count(),
    p.parent.count(),
    p.child.count(),
    p.consentEvent.count(),
    p.outboxEmail.count(),
    p.referrer.count(),
    p.supportQuestion.count(),
  ]);
  return { families, parents, children, consents, outbox, referrers, questions };
}

async function newestOnlineFamily() {
  return getDb().prisma.family.findFirstOrThrow({
    where: { channel: "ONLINE" },
    orderBy: { createdAt: "desc" },
    include: { parents: true, children: true, consents: true, supportQuestions: true, referral: { include: { referrer: true } } },
  });
}

describe("registrationOffer (public)", () => {
  it("finds municipalities by name without login, with whether Home-Start is offered today and for which ages", async () => {
    const { municipality } = await servedMunicipality();
    const res = await anonymous().request<OfferResult>(OFFER, { search: municipality.name.slice(0, 5), language: "NL" });
    expect(res.errors).toBeUndefined();
    const offer = res.data?.registrationOffer;
    const found = offer?.municipalities.find((m) => m.name === municipality.name);
    expect(found).toMatchObject({ offered: true, pregnancyWeeksFrom: 28 });
    expect([6, 14, 17]).toContain(found?.maxAgeInclusive);
    expect(offer).toMatchObject({ postcodeSearchAvailable: false, callBackWorkingDays: 3, consentTextVersion: CONSENT_TEXT_VERSION });
    expect(offer?.nationalOffice).toEqual({ phone: "020 523 11 00", email: "info@home-start.nl" });
    expect(offer?.consents.map((c) => [c.type, c.required, c.referrerOnly])).toEqual([
      ["PROCESSING", true, false],
      ["CONTACT_BY_COORDINATOR", true, false],
      ["NOTIFY_REFERRER_START_END", false, true],
    ]);
  });

  it("says so where Home-Start is not offered, gives the consents in the chosen language, and nothing for a short search or a bad id", async () => {
    const unserved = await getDb().prisma.municipality.findFirstOrThrow({ where: { licences: { none: {} } }, orderBy: { code: "asc" } });
    const res = await anonymous().request<OfferResult>(OFFER, { municipalityId: gid("Municipality", unserved.id), language: "TI" });
    expect(res.data?.registrationOffer.municipalities).toEqual([
      { id: gid("Municipality", unserved.id), name: unserved.name, offered: false, maxAgeInclusive: null, pregnancyWeeksFrom: null },
    ]);
    expect(res.data?.registrationOffer.consents[0]?.text).toMatch(/\p{Script=Ethiopic}/u);
    const ar = await anonymous().request<OfferResult>(OFFER, { search: "a", language: "AR" });
    expect(ar.data?.registrationOffer.municipalities).toEqual([]);
    expect(ar.data?.registrationOffer.consents[1]?.explanation).toContain("3");
    const bad = await anonymous().request<OfferResult>(OFFER, { municipalityId: "bm9wZQ==", language: "EN" });
    expect(bad.data?.registrationOffer.municipalities).toEqual([]);
    const many = await anonymous().request<OfferResult>(OFFER, { search: "er", language: "EN" });
    expect(many.data?.registrationOffer.municipalities.length).toBeLessThanOrEqual(8);
  });

  it("opens nothing else to anonymous users", async () => {
    const res = await anonymous().request("{ municipalities(first: 1) { edges { node { id } } } }");
    expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });
});

describe("submitRegistration (public)", () => {
  it("stores a parent's registration in Arabic at the location serving the municipality, with consents, texts and a confirmation", async () => {
    const { municipality, locationId } = await servedMunicipality();
    const res = await anonymous().request<SubmitResult>(SUBMIT, { input: parentInput(gid("Municipality", municipality.id)) });
    expect(res.errors).toBeUndefined();
    expect(res.data?.submitRegistration).toEqual({
      __typename: "SubmitRegistrationSuccess",
      registration: { callBackWorkingDays: 3, confirmationEmail: true },
    });
    const family = await newestOnlineFamily();
    expect(family).toMatchObject({
      locationId,
      municipalityId: municipality.id,
      status: "REGISTERED",
      source: "SELF",
      channel: "ONLINE",
      preferredLanguage: "ar",
      languages: ["ar"],
    });
    expect(family.parents).toMatchObject([
      { firstName: "Amal", lastName: "Haddad", phone: "06 98765432", email: "amal.haddad@example.org" },
    ]);
    expect(family.children).toHaveLength(2);
    expect(family.supportQuestions.map((q) => q.question)).toEqual(["Wat rust en iemand om mee te praten."]);
    expect(family.consents.map((c) => c.type).sort()).toEqual(["CONTACT_BY_COORDINATOR", "PROCESSING"]);
    for (const c of family.consents) {
      expect(c.text).toMatch(/\p{Script=Arabic}/u);
      expect(c.textVersion).toBe(`${CONSENT_TEXT_VERSION}/ar`);
      expect(c.recordedById).toBeNull();
    }
    const mail = await getDb().prisma.outboxEmail.findFirstOrThrow({ where: { relatedId: family.id } });
    expect(mail).toMatchObject({ to: "amal.haddad@example.org", subject: "تسجيلك في Home-Start", sentAt: null });
    expect(mail.body).toContain("3");

    const audit = await getDb().prisma.auditEntry.findMany({ where: { entityId: family.id } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: "registration.submit", userId: null });
    const detail = JSON.stringify(audit[0]?.detail);
    for (const personal of ["Amal", "Haddad", "9876", "example.org", "2024-05-02", "rust"]) expect(detail).not.toContain(personal);
  });

  it("a referrer registers the same family in Dutch: the coordinator sees both, the language, and the duplicate warning", async () => {
    const { municipality } = await servedMunicipality();
    const first = await newestOnlineFamily();
    const res = await anonymous().request<SubmitResult>(SUBMIT, { input: referrerInput(gid("Municipality", municipality.id)) });
    expect(res.data?.submitRegistration.registration).toEqual({ callBackWorkingDays: 3, confirmationEmail: false });
    const second = await newestOnlineFamily();
    expect(second.id).not.toBe(first.id);
    expect(second).toMatchObject({ source: "REFERRER", preferredLanguage: "nl" });
    expect(second.referral?.referrer).toMatchObject({ type: "GP", name: "Dr. P. Visser", organisation: "Huisartsenpraktijk Centrum" });
    expect(second.consents.map((c) => c.type).sort()).toEqual(["CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END", "PROCESSING"]);
    expect(second.consents.every((c) => c.textVersion === `${CONSENT_TEXT_VERSION}/nl` && c.text?.startsWith("Ik "))).toBe(true);
    expect(await getDb().prisma.outboxEmail.count({ where: { relatedId: second.id } })).toBe(0);

    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const seen = await coordinator.request<{
      family: {
        channel: string;
        preferredLanguage: string;
        status: string;
        possibleDuplicates: Array<{ familyId: string; matches: string[] }>;
      };
    }>(`query ($id: ID!) { family(id: $id) { channel preferredLanguage status possibleDuplicates { familyId matches } } }`, {
      id: gid("Family", second.id),
    });
    expect(seen.errors).toBeUndefined();
    expect(seen.data?.family).toMatchObject({ channel: "ONLINE", preferredLanguage: "nl", status: "REGISTERED" });
    expect(seen.data?.family.possibleDuplicates).toContainEqual({
      familyId: gid("Family", first.id),
      matches: ["PHONE", "NAME_AND_BIRTH_DATE"],
    });

    // "New registrations to call back": past 3 working days the dashboard signals both.
    const dashboard = await coordinator.request<{ dashboard: Array<{ code: string; familyId: string | null }> }>(
      `query ($on: Date) { dashboard(on: $on) { code familyId } }`,
      { on: "2099-01-01" },
    );
    const notCalled = dashboard.data?.dashboard.filter((s) => s.code === "NOT_CALLED_BACK").map((s) => s.familyId);
    expect(notCalled).toEqual(expect.arrayContaining([gid("Family", first.id), gid("Family", second.id)]));

    // The other location's coordinator finds neither.
    const other = await loggedIn(DEMO_EMAIL.coordinator2);
    const hidden = await other.request<{ family: unknown }>(`query ($id: ID!) { family(id: $id) { id } }`, {
      id: gid("Family", second.id),
    });
    expect(hidden.data?.family).toBeNull();
  });

  it("finds a duplicate among parents written before the duplicate keys, and the retention run keys them", async () => {
    const prisma = getDb().prisma;
    const { municipality, locationId } = await servedMunicipality();
    await resetThrottle();
    const res = await anonymous().request<SubmitResult>(SUBMIT, {
      input: parentInput(gid("Municipality", municipality.id), {
        parent: { firstName: "Noor", lastName: "Bakker", phone: "06 11223344", email: null },
      }),
    });
    expect(res.errors).toBeUndefined();
    const registered = await newestOnlineFamily();
    expect(await prisma.parent.findFirstOrThrow({ where: { familyId: registered.id } })).toMatchObject({
      phoneKey: "0611223344",
      emailKey: null,
      nameKey: "noor bakker",
    });
    // A family as an older version wrote it: no keys.
    const legacy = await prisma.family.create({
      data: {
        locationId,
        municipalityId: municipality.id,
        registeredOn: new Date("2026-01-05T00:00:00Z"),
        source: "SELF",
        riskFactors: [],
        parents: { create: [{ firstName: "N.", lastName: "Bakker-de Wit", phone: "+31 6 1122 3344" }] },
      },
    });
    const duplicates = async (of = registered.id) =>
      (
        await (
          await loggedIn(DEMO_EMAIL.coordinator)
        ).request<{ family: { possibleDuplicates: Array<{ familyId: string; matches: string[] }> } }>(
          `query ($id: ID!) { family(id: $id) { possibleDuplicates { familyId matches } } }`,
          { id: gid("Family", of) },
        )
      ).data?.family.possibleDuplicates;
    expect(await duplicates()).toContainEqual({ familyId: gid("Family", legacy.id), matches: ["PHONE"] });
    // The unkeyed family's own page: its keys are computed, not read (no stored key to look up by).
    expect(await duplicates(legacy.id)).toContainEqual({ familyId: gid("Family", registered.id), matches: ["PHONE"] });

    expect(await keyUnkeyedParents(prisma)).toBeGreaterThanOrEqual(1);
    expect(await prisma.parent.findFirstOrThrow({ where: { familyId: legacy.id } })).toMatchObject({
      phoneKey: "0611223344",
      nameKey: "n bakkerdewit",
    });
    expect(await prisma.parent.count({ where: { nameKey: null } })).toBe(0);
    expect(await duplicates()).toContainEqual({ familyId: gid("Family", legacy.id), matches: ["PHONE"] });
    expect(await duplicates(legacy.id)).toContainEqual({ familyId: gid("Family", registered.id), matches: ["PHONE"] });
    await prisma.family.delete({ where: { id: legacy.id } });
  });

  it("answers the same whether or not the family is known, and never writes a logged-in user into the audit", async () => {
    const { municipality } = await servedMunicipality();
    const known = await anonymous().request<SubmitResult>(SUBMIT, { input: parentInput(gid("Municipality", municipality.id)) });
    const unknown = await anonymous().request<SubmitResult>(SUBMIT, {
      input: parentInput(gid("Municipality", municipality.id), {
        parent: { firstName: "Nieuw", lastName: "Gezin", phone: "0611112222", email: "nieuw@example.org" },
      }),
    });
    expect(known.data).toEqual(unknown.data);
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    await coordinator.request<SubmitResult>(SUBMIT, { input: parentInput(gid("Municipality", municipality.id), { language: "PL" }) });
    const family = await newestOnlineFamily();
    expect(family.preferredLanguage).toBe("pl");
    const entry = await getDb().prisma.auditEntry.findFirstOrThrow({ where: { entityId: family.id } });
    expect(entry.userId).toBeNull();
  });

  it("stores nothing where Home-Start is not offered, and says so kindly", async () => {
    const unserved = await getDb().prisma.municipality.findFirstOrThrow({ where: { licences: { none: {} } }, orderBy: { code: "asc" } });
    const before = await counts();
    const res = await anonymous().request<SubmitResult>(SUBMIT, { input: parentInput(gid("Municipality", unserved.id)) });
    expect(res.data?.submitRegistration).toMatchObject({ __typename: "Refusal", code: "NOT_OFFERED", field: "municipalityId" });
    expect(res.data?.submitRegistration.reasons?.map((r) => r.code)).toContain("NO_LICENCE_FOR_MUNICIPALITY");
    expect(await counts()).toEqual(before);
  });

  it("stores no personal data without the consents; a referrer must confirm the parents agreed to be called", async () => {
    await resetThrottle();
    const { municipality } = await servedMunicipality();
    const id = gid("Municipality", municipality.id);
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string, string]> = [
      [parentInput(id, { consents: ["CONTACT_BY_COORDINATOR"] }), "PROCESSING_CONSENT_NEEDED", "consents"],
      [parentInput(id, { consents: ["PROCESSING"] }), "REGISTRATION_NEEDS_CONSENT", "consents"],
      [
        parentInput(id, { consents: ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END"] }),
        "CONSENT_NOT_ASKED",
        "consents",
      ],
      [
        referrerInput(id, { referrer: { type: "CJG", name: "M. Bakker", phone: "0301234567", parentsAgreedToBeCalled: false } }),
        "PARENTS_AGREEMENT_NOT_CONFIRMED",
        "referrer.parentsAgreedToBeCalled",
      ],
      [parentInput(id, { consentTextVersion: "registration-2020-01" }), "CONSENT_TEXT_CHANGED", "consentTextVersion"],
    ];
    for (const [input, code, field] of cases) {
      const res = await anonymous().request<SubmitResult>(SUBMIT, { input });
      expect(res.data?.submitRegistration, code).toMatchObject({ __typename: "Refusal", code, field });
    }
    expect(await counts()).toEqual(before);
  });

  it("ties bad input to its field, within size limits, never with an error", async () => {
    await resetThrottle();
    const { municipality } = await servedMunicipality();
    const id = gid("Municipality", municipality.id);
    const before = await counts();
    const cases: Array<[Record<string, unknown>, string]> = [
      [parentInput(id, { parent: { firstName: "", lastName: "B", phone: "0612345678" } }), "parent.firstName"],
      [parentInput(id, { parent: { firstName: "A".repeat(101), lastName: "B", phone: "0612345678" } }), "parent.firstName"],
      [parentInput(id, { parent: { firstName: "A", lastName: "B\u0000", phone: "0612345678" } }), "parent.lastName"],
      [parentInput(id, { parent: { firstName: "A", lastName: "B" } }), "parent.phone"],
      [parentInput(id, { parent: { firstName: "A", lastName: "B", phone: "x".repeat(31) } }), "parent.phone"],
      [parentInput(id, { parent: { firstName: "A", lastName: "B", email: "geen-adres" } }), "parent.email"],
      [parentInput(id, { children: [] }), "children"],
      [parentInput(id, { children: Array.from({ length: 13 }, () => ({ bornOn: "2024-01-01" })) }), "children"],
      [parentInput(id, { children: [{ bornOn: "2999-01-01" }] }), "children.0.bornOn"],
      [parentInput(id, { children: [{}] }), "children.0.bornOn"],
      [parentInput(id, { children: [{ expectedOn: "2030-01-01" }] }), "children.0.expectedOn"],
      [parentInput(id, { supportWish: "x".repeat(1001) }), "supportWish"],
      [parentInput(id, { consentTextVersion: "v".repeat(51) }), "consentTextVersion"],
      [parentInput(id, { referrer: referrerInput(id).referrer }), "referrer"],
      [referrerInput(id, { referrer: null }), "referrer.name"],
      [referrerInput(id, { referrer: { type: "GP", name: "X", parentsAgreedToBeCalled: true } }), "referrer.phone"],
      [
        referrerInput(id, {
          referrer: { type: "GP", name: "X", organisation: "o".repeat(201), phone: "0612345678", parentsAgreedToBeCalled: true },
        }),
        "referrer.organisation",
      ],
      [parentInput("bm9wZQ=="), "municipalityId"],
      [parentInput(gid("Family", "x")), "municipalityId"],
    ];
    for (const [input, field] of cases) {
      const res = await anonymous().request<SubmitResult>(SUBMIT, { input });
      expect(res.errors, field).toBeUndefined();
      expect(res.data?.submitRegistration, field).toMatchObject({ __typename: "Refusal", field });
    }
    expect(await counts()).toEqual(before);
  });

  it("answers a filled honeypot like a success and stores nothing", async () => {
    await resetThrottle();
    const { municipality } = await servedMunicipality();
    const before = await counts();
    const res = await anonymous().request<SubmitResult>(SUBMIT, {
      input: parentInput(gid("Municipality", municipality.id), { website: "http://spam.example" }),
    });
    expect(res.data?.submitRegistration).toEqual({
      __typename: "SubmitRegistrationSuccess",
      registration: { callBackWorkingDays: 3, confirmationEmail: true },
    });
    expect(await counts()).toEqual(before);
  });

  it("limits registrations per address, keyed without the address itself", async () => {
    const prisma = getDb().prisma;
    const rows = await prisma.loginThrottle.findMany({ where: { key: { startsWith: "registration:" } } });
    expect(rows).toHaveLength(1);
    expect(rows[0]?.key).not.toContain("127.0.0.1");
    expect(rows[0]?.failures).toBe(1);
    await prisma.loginThrottle.update({ where: { key: rows[0]?.key ?? "" }, data: { failures: 19 } });
    const { municipality } = await servedMunicipality();
    const input = parentInput(gid("Municipality", municipality.id), { website: "x" });
    const twentieth = await anonymous().request<SubmitResult>(SUBMIT, { input });
    expect(twentieth.data?.submitRegistration.__typename).toBe("SubmitRegistrationSuccess");
    const before = await counts();
    const refused = await anonymous().request<SubmitResult>(SUBMIT, { input: parentInput(gid("Municipality", municipality.id)) });
    expect(refused.data?.submitRegistration).toMatchObject({ __typename: "Refusal", code: "TOO_MANY_ATTEMPTS" });
    expect(await counts()).toEqual(before);
  });
});
