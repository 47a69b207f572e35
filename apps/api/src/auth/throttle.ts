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

export async function recordFailure(prisma: Prisma, kind: ThrottleKind, key: string, now = new Date()): Promise<void> {
  const row = await prisma.loginThrottle.findUnique({ where: { key } });
  const fresh = !row || now.getTime() - row.windowStart.getTime() > WINDOW_MS;
  const failures = fresh ? 1 : row.failures + 1;
  const lockedUntil = failures >= LIMITS[kind] ? new Date(now.getTime() + LOCK_MS) : (row?.lockedUntil ?? null);
  await prisma.loginThrottle.upsert({
    where: { key },
    create: { key, failures, windowStart: now, lockedUntil },
    update: { failures, windowStart: fresh ? now : row.windowStart, lockedUntil },
  });
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
