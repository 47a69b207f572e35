// Referrer notices (seed 004: a notice at start and at closure, only as far as the parents consent).
// Queued by the change that makes them due, delivered after commit (notifications/), visible to
// the coordinator on the family page with their delivery state, and retryable when they failed.
import { NotificationKind, NotificationStatus } from "@homestart/db";
import { mayRetryNotice } from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";
import { notFound, writeAudited } from "../mutations.ts";
import { deliverReferrerNoticesSoon } from "../notifications/deliver-referrer-notices.ts";
import type { NoticeOutcome } from "../notifications/queue-referrer-notices.ts";
import { requireId } from "../validate.ts";
import { ReasonRef } from "./errors.ts";
import { FamilyRef, familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { refusable } from "./mutation-result.ts";

export const NotificationKindEnum = builder.enumType(NotificationKind, { name: "NotificationKind" });
export const NotificationStatusEnum = builder.enumType(NotificationStatus, { name: "NotificationStatus" });

export const NoticeOutcomeRef = builder.objectRef<NoticeOutcome>("ReferrerNoticeOutcome").implement({
  description: "What happened to a referrer notice a change made due: queued for sending, or not, with the reasons.",
  fields: (t) => ({
    kind: t.exposeString("kind", { description: "START or END." }),
    queued: t.exposeBoolean("queued"),
    reasons: t.field({ type: [ReasonRef], resolve: (o) => o.reasons }),
  }),
});

export const ReferrerNoticeRef = builder.prismaNode("ReferrerNotification", {
  name: "ReferrerNotice",
  id: { field: "id" },
  // Reached only through a family of the coordinator's own location (or the scoped retry).
  authScopes: { coordinator: true },
  description: "A notice to the referrer and how its delivery went.",
  fields: (t) => ({
    kind: t.expose("kind", { type: NotificationKindEnum }),
    status: t.expose("status", { type: NotificationStatusEnum }),
    subject: t.exposeString("subject"),
    attempts: t.exposeInt("attempts"),
    lastError: t.exposeString("lastError", { nullable: true, description: "Why the last attempt failed or the notice was cancelled." }),
    nextAttemptAt: t.expose("nextAttemptAt", { type: "DateTime", nullable: true }),
    createdAt: t.expose("createdAt", { type: "DateTime" }),
    sentAt: t.expose("sentAt", { type: "DateTime", nullable: true }),
  }),
});

builder.prismaObjectField(FamilyRef, "referrerNotices", (t) =>
  t.relation("referrerNotifications", {
    type: ReferrerNoticeRef,
    description: "Notices to the referrer at start and closure, with their delivery state.",
    query: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] },
  }),
);

const RetryReferrerNoticeInput = builder.inputType("RetryReferrerNoticeInput", {
  fields: (t) => ({ noticeId: t.id() }),
});

builder.mutationField("retryReferrerNotice", (t) =>
  t.field({
    type: ReferrerNoticeRef,
    authScopes: { coordinator: true },
    description: "Sends a failed (or cancelled) notice again; the consent in force is checked again at sending.",
    args: { input: t.arg({ type: RetryReferrerNoticeInput }) },
    errors: refusable("RetryReferrerNotice", "notice"),
    resolve: async (_root, { input }, ctx) => {
      const id = requireId("noticeId", input.noticeId, "ReferrerNotice");
      const notice = await writeAudited(ctx, async (tx) => {
        const found = await tx.referrerNotification.findFirst({
          where: { id, family: { locationId: { in: familyLocationScope(ctx) } } },
          select: { id: true, status: true, familyId: true, kind: true },
        });
        if (!found) throw notFound({ nl: "Bericht niet gevonden.", en: "Notice not found." }, "noticeId");
        // An anonymised family's notice would carry the placeholders to the referrer: never sent again.
        await lockFamilyForChange(tx, ctx, found.familyId, "noticeId");
        const may = mayRetryNotice(found.status);
        if (!may.ok) throw Refusal.fromReasons(may.reasons, "noticeId");
        const updated = await tx.referrerNotification.updateMany({
          where: { id, status: found.status },
          data: { status: "PENDING", nextAttemptAt: null, lastError: null },
        });
        if (updated.count !== 1) throw Refusal.fromReasons(mayRetryNotice("PENDING").reasons, "noticeId");
        return {
          result: await tx.referrerNotification.findUniqueOrThrow({ where: { id } }),
          audit: {
            action: "referrerNotice.retry",
            entityType: "Family",
            entityId: found.familyId,
            detail: { noticeId: id, kind: found.kind, from: found.status },
          },
        };
      });
      deliverReferrerNoticesSoon(ctx);
      return notice;
    },
  }),
);
