import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, startApiServer } from "../server.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { hashPassword } from "./password.ts";

let db: Database;
let api: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase();
  const passwordHash = await hashPassword("correct horse");
  const org = await db.prisma.organisation.create({ data: { name: "Welzijn Test", city: "Utrecht" } });
  const location = await db.prisma.location.create({
    data: { organisationId: org.id, name: "Home-Start Utrecht", city: "Utrecht", startedOn: new Date("2015-01-01") },
  });
  await db.prisma.user.create({
    data: {
      email: "coordinator@example.test",
      name: "Coördinator Test",
      passwordHash,
      role: "COORDINATOR",
      locationScopes: { create: { locationId: location.id } },
    },
  });
  await db.prisma.user.create({ data: { email: "inactive@example.test", name: "Inactief", passwordHash, role: "ADMIN", active: false } });
  api = await startApiServer(db);
});

afterAll(async () => {
  await api?.close();
  await db?.close();
});

const ME = "{ me { name role email locations { name city } } }";

describe("login over HTTP", () => {
  it("logs in, answers me with the user's scopes, and logs out", async () => {
    const client = new TestClient(api.url);
    expect((await client.request(ME)).data).toEqual({ me: null });

    const login = await client.request<{ login: { __typename: string } }>(LOGIN, {
      email: " Coordinator@Example.test ",
      password: "correct horse",
    });
    expect(login.data?.login.__typename).toBe("LoginSuccess");
    const cookie = login.setCookie[0] ?? "";
    expect(cookie).toMatch(/^hs_session=[\w-]{40,};/);
    expect(cookie).toContain("HttpOnly");
    expect(cookie).toContain("SameSite=Lax");
    expect(cookie).not.toContain("Secure"); // plain HTTP on localhost

    const me = await client.request(ME);
    expect(me.data).toEqual({
      me: {
        name: "Coördinator Test",
        role: "COORDINATOR",
        email: "coordinator@example.test",
        locations: [{ name: "Home-Start Utrecht", city: "Utrecht" }],
      },
    });

    // The token is stored only as a hash.
    const sessions = await db.prisma.session.findMany();
    const token = client.sessionCookie?.split("=")[1] ?? "";
    expect(sessions.some((s) => s.tokenHash === token)).toBe(false);

    const logout = await client.request<{ logout: boolean }>("mutation { logout }");
    expect(logout.data?.logout).toBe(true);
    expect(logout.setCookie[0]).toContain("Max-Age=0");
    expect((await client.request(ME)).data).toEqual({ me: null });

    const actions = (await db.prisma.auditEntry.findMany({ orderBy: { id: "asc" } })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["login", "logout"]));
  });

  it("refuses an unknown login, a wrong password and an inactive account alike, without a session", async () => {
    for (const [email, password] of [
      ["nobody@example.test", "correct horse"],
      ["coordinator@example.test", "wrong"],
      ["inactive@example.test", "correct horse"],
    ] as const) {
      const client = new TestClient(api.url);
      const res = await client.request<{ login: { __typename: string; code: string; message: { nl: string; en: string } } }>(LOGIN, {
        email,
        password,
      });
      expect(res.status).toBe(200);
      expect(res.data?.login).toMatchObject({ __typename: "Refusal", code: "INVALID_CREDENTIALS" });
      expect(res.data?.login.message.nl).toMatch(/klopt niet/);
      expect(res.setCookie).toEqual([]);
    }
  });

  it("explains malformed input per field", async () => {
    const res = await new TestClient(api.url).request<{ login: { code: string; field: string } }>(LOGIN, {
      email: "x".repeat(300),
      password: "p",
    });
    expect(res.data?.login).toMatchObject({ code: "INVALID_INPUT", field: "email" });
  });

  it("locks an account after five failures, even for the right password", async () => {
    await db.prisma.user.create({
      data: { email: "target@example.test", name: "Doelwit", passwordHash: await hashPassword("right"), role: "NATIONAL_STAFF" },
    });
    const client = new TestClient(api.url);
    for (let i = 0; i < 5; i++) {
      await client.request(LOGIN, { email: "target@example.test", password: `guess-${i}` });
    }
    const res = await client.request<{ login: { code: string } }>(LOGIN, { email: "target@example.test", password: "right" });
    expect(res.data?.login.code).toBe("TOO_MANY_ATTEMPTS");
  });

  it("refuses a session cookie it did not issue, and data fields without login", async () => {
    const res = await fetch(`${api.url}/graphql`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: "hs_session=forged-token" },
      body: JSON.stringify({ query: "{ me { id } municipalities(first: 1) { edges { node { name } } } }" }),
    });
    const json = (await res.json()) as { data: unknown; errors: Array<{ extensions: { code: string } }> };
    expect(json.errors[0]?.extensions.code).toBe("FORBIDDEN");
  });

  it("answers a cross-site simple request with a CSRF refusal, and bad JSON with 400", async () => {
    const csrf = await fetch(`${api.url}/graphql?query=${encodeURIComponent("{ me { id } }")}`);
    expect(csrf.status).toBe(400);
    const bad = await fetch(`${api.url}/graphql`, { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });
    expect(bad.status).toBe(400);
    const body = await bad.text();
    expect(body).not.toMatch(/at .*\.ts:\d+/); // no stack trace
  });

  it("reports health", async () => {
    const res = await fetch(`${api.url}/healthz`);
    expect(await res.json()).toMatchObject({ status: "ok" });
  });
});
