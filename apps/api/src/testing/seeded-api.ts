// A test file's own database, seeded with the deterministic demo, and the API serving it.
import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { afterAll, beforeAll, expect } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../../../prisma/seed.ts";
import { todayInNetherlands } from "../mappers.ts";
import { type ApiServer, startApiServer } from "../server.ts";
import { LOGIN, TestClient } from "./http-client.ts";

export { DEMO_EMAIL } from "../../../../prisma/seed/build.ts";

/**
 * The seed's "today" is the API's today (the Dutch calendar date): the API judges with the real
 * clock (registration dates, "not in the future"), so a fixed date would make tests fail on any
 * other day.
 */
export const SEED_TODAY = todayInNetherlands();

export function useSeededApi(): { db: () => Database; api: () => ApiServer; loggedIn: (email: string) => Promise<TestClient> } {
  let db: Database;
  let api: ApiServer;
  beforeAll(async () => {
    db = await createTestDatabase();
    // Scale 0.4, not 0.3: the seed's families and their statuses follow the date, and at 0.3 the
    // demo coordinator's location had only one active referred family on some days (25 and 26
    // November 2026), fewer than the consent and workflow tests need. At 0.4 it has 3 or more on
    // every day checked (25 November to 2 December).
    await seedDemo(db.prisma, { today: SEED_TODAY, scale: 0.4 });
    api = await startApiServer(db);
  });
  afterAll(async () => {
    await api?.close();
    await db?.close();
  });
  return {
    db: () => db,
    api: () => api,
    loggedIn: async (email: string) => {
      const client = new TestClient(api.url);
      const res = await client.request<{ login: { __typename: string } }>(LOGIN, { email, password: DEMO_PASSWORD });
      expect(res.data?.login.__typename).toBe("LoginSuccess");
      return client;
    },
  };
}
