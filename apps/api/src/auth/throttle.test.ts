import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { clearFailures, isLocked, LIMITS, recordFailure, throttleKey } from "./throttle.ts";

let db: Database;

beforeAll(async () => {
  db = await createTestDatabase();
});

afterAll(async () => {
  await db?.close();
});

const MINUTE = 60_000;

describe("login throttle", () => {
  it("counts concurrent failures each, and locks at the limit", async () => {
    const key = throttleKey("account", "Parallel@Example.test");
    const now = new Date("2026-11-25T10:00:00Z");
    await Promise.all(Array.from({ length: LIMITS.account }, () => recordFailure(db.prisma, "account", key, now)));
    const row = await db.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
    expect(row.failures).toBe(LIMITS.account);
    expect(row.windowStart.toISOString()).toBe(now.toISOString());
    expect(row.lockedUntil?.toISOString()).toBe(new Date(now.getTime() + 15 * MINUTE).toISOString());
    expect(await isLocked(db.prisma, [key], new Date(now.getTime() + 14 * MINUTE))).toBe(true);
    expect(await isLocked(db.prisma, [key], new Date(now.getTime() + 16 * MINUTE))).toBe(false);
  });

  it("does not lock below the limit, and starts a new window once the old one has passed", async () => {
    const key = throttleKey("address", "192.0.2.7");
    const start = new Date("2026-11-25T10:00:00Z");
    for (let i = 0; i < LIMITS.address - 1; i++) await recordFailure(db.prisma, "address", key, new Date(start.getTime() + i * 1000));
    expect(await db.prisma.loginThrottle.findUniqueOrThrow({ where: { key } })).toMatchObject({
      failures: LIMITS.address - 1,
      lockedUntil: null,
    });
    expect(await isLocked(db.prisma, [key], start)).toBe(false);
    // 16 minutes later the window of 15 has passed: the count starts again at one.
    const later = new Date(start.getTime() + 16 * MINUTE);
    await recordFailure(db.prisma, "address", key, later);
    const row = await db.prisma.loginThrottle.findUniqueOrThrow({ where: { key } });
    expect(row).toMatchObject({ failures: 1, lockedUntil: null });
    expect(row.windowStart.toISOString()).toBe(later.toISOString());
    await clearFailures(db.prisma, key);
    expect(await db.prisma.loginThrottle.count({ where: { key } })).toBe(0);
  });
});
