import type { Prisma } from "@homestart/db";
import type { Context } from "./context.ts";

type Client = Pick<Prisma, "auditEntry">;

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
  detail?: Record<string, string | number | boolean | null | string[]>,
  userId: string | null = ctx.viewer?.id ?? null,
): Promise<void> {
  await client.auditEntry.create({ data: { userId, action, entityType, entityId, detail: detail ?? undefined } });
}
