import { createHash, randomBytes } from "node:crypto";
import type { Database, Prisma, Role } from "@homestart/db";
import type { Viewer } from "../context.ts";

export const SESSION_COOKIE = "hs_session";
const SESSION_HOURS = Number(process.env.SESSION_TTL_HOURS ?? 12);
/** Avoid a write on every request: refresh lastSeenAt at most this often. */
const TOUCH_INTERVAL_MS = 5 * 60_000;

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

/** Creates a session and returns the cookie token (only its hash is stored). */
export async function createSession(
  prisma: Prisma,
  userId: string,
  now = new Date(),
): Promise<{ token: string; id: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(now.getTime() + SESSION_HOURS * 3_600_000);
  const session = await prisma.session.create({ data: { tokenHash: sha256(token), userId, expiresAt, createdAt: now, lastSeenAt: now } });
  return { token, id: session.id, expiresAt };
}

interface SessionRow {
  sessionId: string;
  expiresAt: Date;
  lastSeenAt: Date;
  userId: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  locale: string;
  locationIds: string[];
  municipalityIds: string[];
  readRevisions: Record<string, string>;
}

/** Who is asking, and the ReadRevision rows that were current when the session was looked up. */
export interface ResolvedSession {
  viewer: Viewer;
  readRevisions: ReadonlyMap<string, string>;
}

/**
 * The viewer behind a session token, or null when it is unknown, expired or the user is inactive.
 * Every request of every user asks this, so it is one hand-written statement (session, user and
 * both scopes together) sent straight to the driver: through Prisma, even as $queryRaw, its
 * plan was compiled again on every request (issue 7).
 *
 * The same statement reads the ReadRevision rows the viewer's reads are kept under: the national
 * ones (`name`) and those of the viewer's locations (`name:<locationId>`). Each statement costs
 * the API a socket write, the largest part of its CPU on the benchmark's machine (issue 7), and a
 * kept read otherwise sent one more only to read its row (read-cache.ts, response-cache.ts).
 */
export async function resolveSession(db: Database, token: string | undefined, now = new Date()): Promise<ResolvedSession | null> {
  if (!token || token.length > 100) return null;
  // Prisma stores DateTime as UTC in "timestamp without time zone": read them as such.
  const [session] = await db.query<SessionRow>(
    `SELECT s."id" AS "sessionId", s."expiresAt" AT TIME ZONE 'UTC' AS "expiresAt", s."lastSeenAt" AT TIME ZONE 'UTC' AS "lastSeenAt",
      u."id" AS "userId", u."name", u."email", u."role"::text AS "role", u."active", u."locale",
      ARRAY(SELECT l."locationId" FROM "UserLocationScope" l WHERE l."userId" = u."id" ORDER BY l."locationId") AS "locationIds",
      ARRAY(SELECT m."municipalityId" FROM "UserMunicipalityScope" m WHERE m."userId" = u."id" ORDER BY m."municipalityId") AS "municipalityIds",
      (SELECT coalesce(json_object_agg(r."name", r."revision"::text), '{}') FROM "ReadRevision" r
        WHERE strpos(r."name", ':') = 0
           OR substr(r."name", strpos(r."name", ':') + 1) IN (SELECT l."locationId" FROM "UserLocationScope" l WHERE l."userId" = u."id")) AS "readRevisions"
    FROM "Session" s JOIN "User" u ON u."id" = s."userId"
    WHERE s."tokenHash" = $1`,
    [sha256(token)],
  );
  if (!session || session.expiresAt <= now || !session.active) return null;
  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.prisma.session.update({ where: { id: session.sessionId }, data: { lastSeenAt: now } });
  }
  return {
    viewer: {
      id: session.userId,
      sessionId: session.sessionId,
      name: session.name,
      email: session.email,
      role: session.role,
      locale: session.locale,
      locationIds: session.locationIds,
      municipalityIds: session.municipalityIds,
    },
    readRevisions: new Map(Object.entries(session.readRevisions)),
  };
}

export function sessionCookie(token: string, expiresAt: Date, secure: boolean): string {
  const maxAge = Math.max(0, Math.floor((expiresAt.getTime() - Date.now()) / 1000));
  return `${SESSION_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${maxAge}${secure ? "; Secure" : ""}`;
}

export function clearedSessionCookie(secure: boolean): string {
  return `${SESSION_COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0${secure ? "; Secure" : ""}`;
}

export function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return v.join("=");
  }
  return undefined;
}

/** Deletes sessions past their expiry (resolveSession refuses them already). Run by the retention job. */
export async function pruneExpiredSessions(prisma: Prisma, now = new Date()): Promise<number> {
  const { count } = await prisma.session.deleteMany({ where: { expiresAt: { lte: now } } });
  return count;
}
