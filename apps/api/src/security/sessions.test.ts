// Sessions and login beyond auth/login.test.ts (issue 8, item 4): cookie flags behind TLS, expiry,
// logout on the server, session fixation, brute force per account and per address, cross-site
// form posts, and the password hash's parameters.
//
// This file runs the API as it runs behind our reverse proxy (TRUST_PROXY=1), so X-Forwarded-Proto
// decides the Secure flag and X-Forwarded-For's last entry is the client's address (which lets one
// test speak from several addresses). Without TRUST_PROXY both headers are ignored (login.test.ts:
// no Secure flag on plain HTTP).
import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.TRUST_PROXY = "1";
});

import { DEMO_PASSWORD } from "../../../../prisma/seed.ts";
import { hashPassword, PASSWORD_HASH_OPTIONS, verifyPassword } from "../auth/password.ts";
import { LIMITS } from "../auth/throttle.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, useSeededApi } from "../testing/seeded-api.ts";

const { db, api } = useSeededApi();

interface Raw {
  status: number;
  setCookie: string[];
  json: { data?: Record<string, { __typename?: string; code?: string } | null> | null; errors?: Array<{ extensions?: { code?: string } }> };
}

/** A request with full control over headers (cookie, proxy headers, content type). */
async function raw(body: string, headers: Record<string, string> = {}): Promise<Raw> {
  const res = await fetch(`${api().url}/graphql`, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  const text = await res.text();
  let json: Raw["json"] = {};
  try {
    json = JSON.parse(text) as Raw["json"];
  } catch {}
  return { status: res.status, setCookie: res.headers.getSetCookie(), json };
}

const loginBody = (email: string, password: string) => JSON.stringify({ query: LOGIN, variables: { email, password } });
const ME = JSON.stringify({ query: "{ me { id } }" });
const tokenOf = (setCookie: string[]) => /hs_session=([^;]*)/.exec(setCookie.join("\n"))?.[1] ?? "";
const meWith = async (token: string) => (await raw(ME, { cookie: `hs_session=${token}` })).json.data?.me ?? null;

describe("session cookies", () => {
  it("are HttpOnly, SameSite and path-wide; Secure exactly when the request came over TLS", async () => {
    const plain = await raw(loginBody(DEMO_EMAIL.coordinator, DEMO_PASSWORD));
    const tls = await raw(loginBody(DEMO_EMAIL.coordinator, DEMO_PASSWORD), { "x-forwarded-proto": "https" });
    for (const res of [plain, tls]) {
      expect(res.json.data?.login?.__typename).toBe("LoginSuccess");
      const cookie = res.setCookie.find((c) => c.startsWith("hs_session=")) ?? "";
      expect(cookie).toMatch(/; HttpOnly/);
      expect(cookie).toMatch(/; SameSite=(Lax|Strict)/);
      expect(cookie).toMatch(/; Path=\//);
      expect(cookie).toMatch(/; Max-Age=\d+/);
      expect(tokenOf([cookie]).length).toBeGreaterThanOrEqual(40);
    }
    expect(plain.setCookie.join()).not.toMatch(/Secure/);
    expect(tls.setCookie.join()).toMatch(/; Secure/);
  });
});

describe("session lifetime", () => {
  it("treats an expired session as logged out", async () => {
    const login = await raw(loginBody(DEMO_EMAIL.national, DEMO_PASSWORD));
    const token = tokenOf(login.setCookie);
    expect(await meWith(token)).not.toBeNull();
    const user = await db().prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.national } });
    const [newest] = await db().prisma.session.findMany({ where: { userId: user.id }, orderBy: { createdAt: "desc" }, take: 1 });
    await db().prisma.session.update({ where: { id: newest?.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await meWith(token)).toBeNull();
    const data = await raw(JSON.stringify({ query: "{ municipalities(first: 1) { edges { node { id } } } }" }), {
      cookie: `hs_session=${token}`,
    });
    expect(data.json.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("ends the session on the server at logout: the old cookie, replayed, no longer works", async () => {
    const token = tokenOf((await raw(loginBody(DEMO_EMAIL.officer, DEMO_PASSWORD))).setCookie);
    const before = await db().prisma.session.count();
    const logout = await raw(JSON.stringify({ query: "mutation { logout }" }), { cookie: `hs_session=${token}` });
    expect(logout.json.data?.logout).toBe(true);
    expect(await db().prisma.session.count()).toBe(before - 1);
    expect(await meWith(token)).toBeNull();
    // Replaying it for a change is refused too.
    const replay = await raw(JSON.stringify({ query: "mutation { logout }" }), { cookie: `hs_session=${token}` });
    expect(replay.json.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
  });

  it("never adopts a session id chosen before login (fixation), and replaces an existing one", async () => {
    const planted = "attacker-chosen-session-value-0123456789abcdefghijklmnop";
    const login = await raw(loginBody(DEMO_EMAIL.coordinator2, DEMO_PASSWORD), { cookie: `hs_session=${planted}` });
    const issued = tokenOf(login.setCookie);
    expect(issued).not.toBe(planted);
    expect(await meWith(planted)).toBeNull();
    expect(await meWith(issued)).not.toBeNull();
    // Logging in again from a logged-in browser issues a new token and ends the old session.
    const again = await raw(loginBody(DEMO_EMAIL.coordinator2, DEMO_PASSWORD), { cookie: `hs_session=${issued}` });
    const second = tokenOf(again.setCookie);
    expect(second).not.toBe(issued);
    expect(await meWith(issued)).toBeNull();
    expect(await meWith(second)).not.toBeNull();
  });
});

describe("brute force", () => {
  const from = (address: string) => ({ "x-forwarded-for": `203.0.113.99, ${address}` });
  const code = (r: Raw) => r.json.data?.login?.code ?? r.json.data?.login?.__typename;

  it("locks an account after repeated failures even when they come from many addresses", async () => {
    const email = DEMO_EMAIL.reviewer;
    for (let i = 0; i < LIMITS.account; i++) {
      expect(code(await raw(loginBody(email, `wrong-${i}`), from(`198.51.100.${i + 1}`)))).toBe("INVALID_CREDENTIALS");
    }
    // The right password, from a fresh address: still refused while locked.
    expect(code(await raw(loginBody(email, DEMO_PASSWORD), from("198.51.100.200")))).toBe("TOO_MANY_ATTEMPTS");
  });

  it("locks an address that tries many accounts, without locking those accounts elsewhere", async () => {
    const attacker = from("192.0.2.66");
    for (let i = 0; i < LIMITS.address; i++) {
      await raw(loginBody(`nobody-${i}@example.test`, "guess"), attacker);
    }
    // From that address even a real account with the right password is refused…
    expect(code(await raw(loginBody(DEMO_EMAIL.admin, DEMO_PASSWORD), attacker))).toBe("TOO_MANY_ATTEMPTS");
    // …while the same account logs in from another address.
    expect(code(await raw(loginBody(DEMO_EMAIL.admin, DEMO_PASSWORD), from("192.0.2.67")))).toBe("LoginSuccess");
  });

  it("takes the address our proxy saw, not one the client wrote in front of it", async () => {
    // A client rotating the first X-Forwarded-For entry still speaks from the proxy's last entry.
    const attacker = "192.0.2.77";
    for (let i = 0; i < LIMITS.address; i++) {
      await raw(loginBody(`someone-${i}@example.test`, "guess"), { "x-forwarded-for": `10.0.0.${i}, ${attacker}` });
    }
    expect(code(await raw(loginBody(DEMO_EMAIL.admin, DEMO_PASSWORD), { "x-forwarded-for": `10.9.9.9, ${attacker}` }))).toBe(
      "TOO_MANY_ATTEMPTS",
    );
  });
});

describe("cross-site requests (CSRF)", () => {
  it("refuses a form post or a text/plain post carrying the session cookie, and executes nothing", async () => {
    const client = new TestClient(api().url);
    await client.request(LOGIN, { email: DEMO_EMAIL.coordinator, password: DEMO_PASSWORD });
    const cookie = client.sessionCookie ?? "";
    const mutation = "mutation { logout }";
    const attempts: Array<[string, string]> = [
      ["application/x-www-form-urlencoded", `query=${encodeURIComponent(mutation)}`],
      ["text/plain", JSON.stringify({ query: mutation })],
      ["text/plain;charset=UTF-8", JSON.stringify({ query: mutation })],
      ["multipart/form-data; boundary=x", `--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n${mutation}\r\n--x--`],
    ];
    for (const [type, body] of attempts) {
      const res = await fetch(`${api().url}/graphql`, { method: "POST", headers: { "content-type": type, cookie }, body });
      expect(res.status, type).toBe(400);
      expect((await res.text()).includes('"logout":true'), type).toBe(false);
    }
    // A GET cannot carry a mutation either.
    const get = await fetch(`${api().url}/graphql?query=${encodeURIComponent(mutation)}`, {
      headers: { cookie, "apollo-require-preflight": "true" },
    });
    expect(get.status).toBeGreaterThanOrEqual(400);
    // The session survived all of it.
    expect((await client.request<{ me: { id: string } | null }>("{ me { id } }")).data?.me).not.toBeNull();
  });
});

describe("password hashes", () => {
  it("are argon2id with at least 19 MiB of memory and 2 passes, salted per hash", async () => {
    expect(PASSWORD_HASH_OPTIONS.algorithm).toBe(2); // Argon2id
    const params = (hash: string) => {
      const m = /^\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$/.exec(hash);
      expect(m, hash.slice(0, 40)).not.toBeNull();
      return { memoryKiB: Number(m?.[1]), passes: Number(m?.[2]) };
    };
    const a = await hashPassword("correct horse");
    const b = await hashPassword("correct horse");
    expect(a).not.toBe(b);
    expect(await verifyPassword(a, "correct horse")).toBe(true);
    expect(await verifyPassword(a, "correct hors")).toBe(false);
    for (const hash of [a, ...(await db().prisma.user.findMany({ select: { passwordHash: true } })).map((u) => u.passwordHash)]) {
      const p = params(hash);
      expect(p.memoryKiB).toBeGreaterThanOrEqual(19 * 1024);
      expect(p.passes).toBeGreaterThanOrEqual(2);
    }
  });
});
