import type { Database, Prisma, Role } from "@homestart/db";
import type { ReferrerNoticeDelivery } from "./notifications/deliver-referrer-notices.ts";

/** The logged-in user as the API sees them: role and scopes, no password material. */
export interface Viewer {
  id: string;
  sessionId: string;
  name: string;
  email: string;
  role: Role;
  locale: string;
  locationIds: string[];
  municipalityIds: string[];
}

export interface Context {
  db: Database;
  prisma: Prisma;
  viewer: Viewer | null;
  /**
   * The ReadRevision rows read with the session (the national ones and the viewer's locations'),
   * for the kept reads of a query (read-cache.ts, response-cache.ts); null, or missing, where
   * they are not known, and for a mutation, whose reads must see its own writes: those caches
   * then read their rows themselves.
   */
  readRevisions?: ReadonlyMap<string, string> | null;
  /** The client's address, for login throttling. Never logged. */
  clientAddress: string;
  /** True when the request reached us over TLS (directly or via a trusted proxy). */
  secure: boolean;
  /** Set-Cookie headers to add to the HTTP response. */
  responseCookies: string[];
  /** Delivers referrer notices after commit (deliverReferrerNoticesSoon). */
  notices: ReferrerNoticeDelivery;
}
