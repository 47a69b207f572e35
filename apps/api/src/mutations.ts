// How every mutation writes: load, ask packages/domain, write in one transaction together with
// its audit entry, explain. A Refusal thrown anywhere inside rolls the whole change back.
import { PrismaNamespace } from "@homestart/db";
import { type AuditDetail, audit } from "./audit.ts";
import type { Context } from "./context.ts";
import { Refusal } from "./errors.ts";

/** The client inside a transaction. */
export type Tx = PrismaNamespace.TransactionClient;

export interface AuditRecord {
  action: string;
  entityType: string;
  entityId: string | null;
  /** Ids, codes and field names only: never personal data. */
  detail?: AuditDetail;
}

/**
 * Runs `work` in one transaction and writes its audit entry in the same transaction, so a change
 * and its audit entry exist together or not at all.
 */
export async function writeAudited<T>(ctx: Context, work: (tx: Tx) => Promise<{ result: T; audit: AuditRecord }>): Promise<T> {
  try {
    return await ctx.prisma.$transaction(async (tx) => {
      const { result, audit: record } = await work(tx);
      await audit(tx, ctx, record.action, record.entityType, record.entityId, record.detail);
      return result;
    });
  } catch (error) {
    throw asRefusal(error);
  }
}

/** Database errors a user can cause (a double submit, a row removed meanwhile) as refusals. */
function asRefusal(error: unknown): unknown {
  if (!(error instanceof PrismaNamespace.PrismaClientKnownRequestError)) return error;
  if (error.code === "P2002") {
    return new Refusal("ALREADY_EXISTS", "Dit bestaat al; er is niets gewijzigd.", "This already exists; nothing was changed.");
  }
  if (error.code === "P2025") return notFound();
  if (error.code === "P2034") return conflict();
  return error;
}

export const notFound = (what: { nl: string; en: string } = { nl: "Niet gevonden.", en: "Not found." }, field = "id") =>
  new Refusal("NOT_FOUND", what.nl, what.en, [], field);

export const conflict = () =>
  new Refusal(
    "CONFLICT",
    "Iemand anders heeft dit intussen gewijzigd. Er is niets opgeslagen; laad de gegevens opnieuw en probeer het nog eens.",
    "Someone else changed this in the meantime. Nothing was saved; reload and try again.",
    [],
    "version",
  );

/**
 * Optimistic concurrency: an update made with `where: { id, version }` and `version: { increment: 1 }`
 * touched no row when someone else saved first. Then nothing of this change may stay.
 */
export function expectUpdated(result: { count: number }): void {
  if (result.count !== 1) throw conflict();
}
