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
