import type { PrismaNamespace } from "@homestart/db";
import type { Context } from "./context.ts";

type Client = Pick<PrismaNamespace.TransactionClient, "auditEntry">;

/** What an audit entry may say beyond who, what and which record: ids, codes and field names only. */
export type AuditDetail = Record<string, string | number | boolean | null | string[]>;

/**
 * Writes one audit entry: who, what, which record, when. `detail` must hold no personal
 * data (ids, codes and field names only).
 */
export async function audit(
  client: Client,
  ctx: Pick<Context, "viewer">,
  action: string,
  entityType: string,
  entityId: string | null,
  detail?: AuditDetail,
  userId: string | null = ctx.viewer?.id ?? null,
): Promise<void> {
  await client.auditEntry.create({ data: { userId, action, entityType, entityId, detail: detail ?? undefined } });
}

/**
 * Audits a read of a record (e.g. family.read) outside any transaction: one INSERT straight to the
 * driver. Reads are the most frequent audited event (every family page), and through Prisma the
 * insert cost several times its SQL (issue 7).
 */
export async function auditRead(ctx: Pick<Context, "viewer" | "db">, action: string, entityType: string, entityId: string): Promise<void> {
  await ctx.db.query(`INSERT INTO "AuditEntry" ("userId", "action", "entityType", "entityId") VALUES ($1, $2, $3, $4)`, [
    ctx.viewer?.id ?? null,
    action,
    entityType,
    entityId,
  ]);
}
