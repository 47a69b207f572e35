// Issue 8, item 5: no password, session token or personal data ends up in the logs. Everything
// the API writes to the console while it serves logins (right and wrong), reads and changes of
// a family's personal data (accepted, refused as stale, refused as malformed), a logout, and a
// retention run over the closed families, is collected and searched for those values.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { DEMO_PASSWORD } from "../../../../prisma/seed.ts";
import { RetentionJob } from "../retention/anonymise-closed-families.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db, api } = useSeededApi();

const written: string[] = [];
beforeAll(() => {
  for (const method of ["log", "info", "warn", "error", "debug"] as const) {
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
      written.push(args.map((a) => (typeof a === "string" ? a : (JSON.stringify(a) ?? String(a)))).join(" "));
    });
  }
});
afterAll(() => {
  vi.restoreAllMocks();
});

const WRONG_PASSWORD = "Wachtwoord-LOGPROBE-fout-1!";
const PERSONAL = {
  firstName: "Logprobe",
  lastName: "Geheimnaam",
  phone: "06 12341234",
  email: "logprobe.ouder@voorbeeld.example",
  address: "Logprobestraat 7",
  note: "LOGPROBE: belt liefst na schooltijd",
};

const FAMILY = `query ($id: ID!) { family(id: $id) { id version address note parents { id firstName lastName phone email } } }`;
const UPDATE = `mutation ($input: UpdateFamilyInput!) { updateFamily(input: $input) { __typename
  ... on UpdateFamilySuccess { family { version } } ... on Refusal { code field } } }`;

type Family = { id: string; version: number; address: string | null; parents: Array<{ id: string; firstName: string; lastName: string }> };

describe("the logs", () => {
  it("hold no password, session token or personal data, whatever the API was asked", async () => {
    const anonymous = new TestClient(api().url);
    const wrong = await anonymous.request<{ login: { __typename: string } }>(LOGIN, {
      email: DEMO_EMAIL.coordinator,
      password: WRONG_PASSWORD,
    });
    expect(wrong.data?.login.__typename).not.toBe("LoginSuccess");

    const loginRes = await fetch(`${api().url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: LOGIN, variables: { email: DEMO_EMAIL.coordinator, password: DEMO_PASSWORD } }),
    });
    const token = /hs_session=([^;]+)/.exec(loginRes.headers.getSetCookie().join("\n"))?.[1] ?? "";
    expect(token.length).toBeGreaterThan(20);
    const coordinator = new TestClient(api().url);
    await coordinator.request(LOGIN, { email: DEMO_EMAIL.coordinator, password: DEMO_PASSWORD });

    // A family of the coordinator's, read (its personal data goes over the wire) and changed.
    const page = await coordinator.request<{ families: { edges: Array<{ node: { id: string } }> } }>(
      "{ families(first: 1, status: ACTIVE) { edges { node { id } } } }",
    );
    const id = page.data?.families.edges[0]?.node.id ?? "";
    const before = (await coordinator.request<{ family: Family }>(FAMILY, { id })).data?.family;
    expect(before?.parents.length).toBeGreaterThan(0);
    const parent = before!.parents[0]!;
    const input = {
      familyId: id,
      version: before!.version,
      address: PERSONAL.address,
      note: PERSONAL.note,
      parents: [
        { id: parent.id, firstName: PERSONAL.firstName, lastName: PERSONAL.lastName, phone: PERSONAL.phone, email: PERSONAL.email },
      ],
    };
    const updated = await coordinator.request<{ updateFamily: { __typename: string } }>(UPDATE, { input });
    expect(updated.data?.updateFamily.__typename).toBe("UpdateFamilySuccess");
    // The same change again is stale (CONFLICT), and one with a malformed e-mail is refused by field.
    const stale = await coordinator.request<{ updateFamily: { __typename: string; code?: string } }>(UPDATE, { input });
    expect(stale.data?.updateFamily).toMatchObject({ __typename: "Refusal", code: "CONFLICT" });
    const malformed = await coordinator.request<{ updateFamily: { __typename: string } }>(UPDATE, {
      input: { ...input, version: before!.version + 1, parents: [{ ...input.parents[0], email: `${PERSONAL.email} <script>` }] },
    });
    expect(malformed.data?.updateFamily.__typename).toBe("Refusal");
    // A query the parser refuses, with personal data in it.
    const broken = await coordinator.request(`{ family(id: "${PERSONAL.lastName}") { note ${PERSONAL.firstName}( } }`);
    expect(broken.errors?.length).toBeGreaterThan(0);
    await coordinator.request("mutation { logout { __typename } }");

    // The retention job handles every closed family's personal data at once.
    const families = await db().prisma.family.findMany({ where: { status: "CLOSED" }, include: { parents: true }, take: 20 });
    const retention = new RetentionJob(db().prisma, { retentionMonths: 1, today: () => SEED_TODAY });
    expect((await retention.runNow())?.anonymised).toBeGreaterThan(0);

    const log = written.join("\n");
    // The capture works: the retention run reported its counts.
    expect(log).toMatch(/\[retention\] \d+ of \d+ due families anonymised/);
    const secrets = [
      DEMO_PASSWORD,
      WRONG_PASSWORD,
      token,
      ...Object.values(PERSONAL),
      parent.firstName,
      parent.lastName,
      ...families.flatMap((f) => [f.address, f.note, ...f.parents.flatMap((p) => [p.firstName, p.lastName, p.phone, p.email])]),
    ].filter((s): s is string => typeof s === "string" && s.length >= 4);
    expect(secrets.length).toBeGreaterThan(20);
    for (const secret of secrets) expect(log.includes(secret), `the logs contain "${secret.slice(0, 3)}…"`).toBe(false);
  });
});
