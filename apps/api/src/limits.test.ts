import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ApiServer, createApolloServer, QUERY_LIMITS, startApiServer } from "./server.ts";

let db: Database;
let api: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase();
  api = await startApiServer(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

async function post(body: unknown) {
  const res = await fetch(`${api.url}/graphql`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return {
    status: res.status,
    text,
    json: (() => {
      try {
        return JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> };
      } catch {
        return null;
      }
    })(),
  };
}

describe("query limits and hostile requests", () => {
  it("refuses a query nested deeper than the limit", async () => {
    let selection = "name";
    for (let i = 0; i < QUERY_LIMITS.maxDepth + 2; i++) selection = `f${i} { ${selection} }`;
    const res = await post({ query: `{ me { locations { ${selection} } } }` });
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    expect(res.text).not.toMatch(/\.ts:\d+/);
  });

  it("refuses an alias flood", async () => {
    const aliases = Array.from({ length: QUERY_LIMITS.maxAliases + 5 }, (_, i) => `a${i}: me { id }`).join(" ");
    const res = await post({ query: `{ ${aliases} }` });
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    // Within the limit the same shape is answered.
    const within = Array.from({ length: QUERY_LIMITS.maxAliases - 1 }, (_, i) => `a${i}: me { id }`).join(" ");
    expect((await post({ query: `{ ${within} }` })).status).toBe(200);
  });

  it("refuses a token flood", async () => {
    const res = await post({ query: `{ ${"__typename ".repeat(QUERY_LIMITS.maxTokens + 10)} }` });
    expect(res.status).toBe(400);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe("GRAPHQL_PARSE_FAILED");
  });

  it("refuses batched requests", async () => {
    const res = await post([{ query: "{ me { id } }" }, { query: "{ me { id } }" }]);
    expect(res.status).toBe(400);
  });

  it("refuses an oversized body without reading it all", async () => {
    const res = await post({ query: "{ me { id } }", variables: { padding: "x".repeat(1_100_000) } });
    expect(res.status).toBe(413);
    expect(res.json?.errors?.[0]?.extensions?.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("does not suggest field names to a probing client", async () => {
    const res = await post({ query: "{ fam { id } }" });
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/Did you mean/);
  });
});

describe("introspection", () => {
  it("is off in production and on elsewhere", async () => {
    const query = "{ __schema { queryType { name } } }";
    const off = await createApolloServer({ introspection: false });
    const refused = await off.executeOperation({ query });
    expect(refused.body.kind === "single" && refused.body.singleResult.errors?.[0]?.extensions?.code).toBe("GRAPHQL_VALIDATION_FAILED");
    await off.stop();
    const on = await createApolloServer({ introspection: true });
    const answered = await on.executeOperation({ query });
    expect(answered.body.kind === "single" && answered.body.singleResult.data).toEqual({ __schema: { queryType: { name: "Query" } } });
    await on.stop();
  });
});
