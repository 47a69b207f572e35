import type { Prisma } from "@homestart/db";

// Failed logins are counted per account and per client address in a window; past the
// limit the key is locked for the lock period. Kept in the database so every API process
// shares it (see docs/scaling once written).
const WINDOW_MS = 15 * 60_000;
const LOCK_MS = 15 * 60_000;
export const LIMITS = { account: 5, address: 20 } as const;

export type ThrottleKind = keyof typeof LIMITS;
export const throttleKey = (kind: ThrottleKind, value: string) => `${kind}:${value.toLowerCase()}`;

export async function isLocked(prisma: Prisma, keys: string[], now = new Date()): Promise<boolean> {
  const rows = await prisma.loginThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { key: true } });
  return rows.length > 0;
}

/**
 * Counts one failure of `key`, and locks it once the failures in the window reach the limit. One
 * statement, so concurrent failures each count: reading the counter and writing it back let
 * parallel attempts share one count and pass the limit. Times go in as UTC wall-clock time, as
 * Prisma stores DateTime ("timestamp without time zone"), whatever the server's time zone.
 */
export async function recordFailure(prisma: Prisma, kind: ThrottleKind, key: string, now = new Date()): Promise<void> {
  const utc = (ms: number) => new Date(ms).toISOString();
  const at = utc(now.getTime());
  const windowFrom = utc(now.getTime() - WINDOW_MS);
  const lockUntil = utc(now.getTime() + LOCK_MS);
  const limit = LIMITS[kind];
  await prisma.$executeRaw`
    INSERT INTO "LoginThrottle" AS t ("key", "failures", "windowStart", "lockedUntil")
    VALUES (${key}, 1, ${at}::timestamptz AT TIME ZONE 'UTC', CASE WHEN 1 >= ${limit}::int THEN ${lockUntil}::timestamptz AT TIME ZONE 'UTC' END)
    ON CONFLICT ("key") DO UPDATE SET
      "failures" = CASE WHEN t."windowStart" < ${windowFrom}::timestamptz AT TIME ZONE 'UTC' THEN 1 ELSE t."failures" + 1 END,
      "windowStart" = CASE WHEN t."windowStart" < ${windowFrom}::timestamptz AT TIME ZONE 'UTC' THEN EXCLUDED."windowStart" ELSE t."windowStart" END,
      "lockedUntil" = CASE
        WHEN (CASE WHEN t."windowStart" < ${windowFrom}::timestamptz AT TIME ZONE 'UTC' THEN 1 ELSE t."failures" + 1 END) >= ${limit}::int
        THEN ${lockUntil}::timestamptz AT TIME ZONE 'UTC' ELSE t."lockedUntil" END`;
}

export async function clearFailures(prisma: Prisma, key: string): Promise<void> {
  await prisma.loginThrottle.deleteMany({ where: { key } });
}

/**
 * Deletes counters whose window has passed and that lock nothing any more: recordFailure would
 * start them afresh anyway, and their keys hold e-mail and client addresses. Run by the
 * retention job (anonymise-closed-families.ts).
 */
export async function pruneLoginThrottles(prisma: Prisma, now = new Date()): Promise<number> {
  const { count } = await prisma.loginThrottle.deleteMany({
    where: { windowStart: { lt: new Date(now.getTime() - WINDOW_MS) }, OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }] },
  });
  return count;
}
