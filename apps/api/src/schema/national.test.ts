import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_EMAIL } from "../../../../prisma/seed/build.ts";
import { DEMO_PASSWORD, seedDemo } from "../../../../prisma/seed.ts";
import { type ApiServer, startApiServer } from "../server.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";

let db: Database;
let api: ApiServer;

beforeAll(async () => {
  db = await createTestDatabase();
  await seedDemo(db.prisma, { today: "2026-11-23", scale: 0.3 });
  api = await startApiServer(db);
});
afterAll(async () => {
  await api?.close();
  await db?.close();
});

const OVERVIEW = `{ nationalOverview(on: "2026-11-23") { on municipalitiesOffering locations activeLicences licencesExpiringSoon visitatiesOverdue visitatiesDueSoon } }`;

async function as(email: string) {
  const client = new TestClient(api.url);
  await client.request(LOGIN, { email, password: DEMO_PASSWORD });
  return client;
}

describe("national overview", () => {
  it("counts what the domain rules say, on the seeded country", async () => {
    const res = await (await as(DEMO_EMAIL.national)).request<{ nationalOverview: Record<string, number | string> }>(OVERVIEW);
    expect(res.errors).toBeUndefined();
    const o = res.data!.nationalOverview;
    const activeLicences = await db.prisma.licence.count({ where: { status: "ACTIVE" } });
    expect(o.activeLicences).toBe(activeLicences);
    expect(o.locations).toBe(
      await db.prisma.location.count({ where: { OR: [{ closedOn: null }, { closedOn: { gt: new Date("2026-11-23") } }] } }),
    );
    expect(o.municipalitiesOffering).toBeGreaterThan(0);
    expect(o.visitatiesOverdue).toBeGreaterThan(0); // the seed leaves some locations overdue
  });

  it("is for national staff and admins only", async () => {
    for (const email of [DEMO_EMAIL.coordinator, DEMO_EMAIL.officer]) {
      const res = await (await as(email)).request(OVERVIEW);
      expect(res.errors?.[0]?.extensions?.code).toBe("FORBIDDEN");
    }
    expect((await (await as(DEMO_EMAIL.admin)).request(OVERVIEW)).errors).toBeUndefined();
  });
});
