// Closing a family's support (seed 004: "van enkele maanden tot anderhalf jaar"; the referrer is told
// at the end, as far as the parents consent). The move is checked by packages/domain
// checkSupportTransition; the END notice is queued in the same transaction and delivered after commit.

import type { Family } from "@homestart/db";
import { ClosureReason, GoalsReached } from "@homestart/db";
import { checkSupportTransition } from "@homestart/domain";
import { builder } from "../builder.ts";
import { Refusal } from "../errors.ts";
import { isoDate, isoDateOrNull, todayInNetherlands } from "../mappers.ts";
import { expectUpdated, notFound, writeAudited } from "../mutations.ts";
import { deliverReferrerNoticesSoon } from "../notifications/deliver-referrer-notices.ts";
import { type NoticeOutcome, queueDueReferrerNotices } from "../notifications/queue-referrer-notices.ts";
import { LIMITS, optionalText, plausibleDate, requireId } from "../validate.ts";
import { FAMILY_NOT_FOUND, FamilyRef, familyLocationScope } from "./families.ts";
import { lockFamilyForChange } from "./family-guard.ts";
import { refusable } from "./mutation-result.ts";
import { NoticeOutcomeRef } from "./referrer-notices.ts";

export const ClosureReasonEnum = builder.enumType(ClosureReason, { name: "ClosureReason" });
export const GoalsReachedEnum = builder.enumType(GoalsReached, { name: "GoalsReached" });

builder.prismaObject("Closure", {
  authScopes: { coordinator: true },
  fields: (t) => ({
    closedOn: t.expose("closedOn", { type: "Date" }),
    reason: t.expose("reason", { type: ClosureReasonEnum }),
    goalsReached: t.expose("goalsReached", { type: GoalsReachedEnum }),
    note: t.exposeString("note", { nullable: true }),
  }),
});

builder.prismaObjectField(FamilyRef, "closure", (t) => t.relation("closure", { nullable: true }));

const CloseFamilyInput = builder.inputType("CloseFamilyInput", {
  fields: (t) => ({
    familyId: t.id(),
    version: t.int(),
    closedOn: t.field({ type: "Date" }),
    reason: t.field({ type: ClosureReasonEnum }),
    goalsReached: t.field({ type: GoalsReachedEnum }),
    note: t.string({ required: false }),
  }),
});

interface ClosedFamily {
  family: Family;
  notices: NoticeOutcome[];
}

const ClosedFamilyRef = builder.objectRef<ClosedFamily>("ClosedFamily").implement({
  fields: (t) => ({
    family: t.field({ type: FamilyRef, resolve: (c) => c.family }),
    notices: t.field({
      type: [NoticeOutcomeRef],
      description: "The END notice to the referrer: queued for sending, or not and why (e.g. no consent, no referrer).",
      resolve: (c) => c.notices,
    }),
  }),
});

builder.mutationField("closeFamily", (t) =>
  t.field({
    type: ClosedFamilyRef,
    authScopes: { coordinator: true },
    description: "Closes the support: ends an open match on closedOn and queues the referrer's END notice as far as consent allows.",
    args: { input: t.arg({ type: CloseFamilyInput }) },
    errors: refusable("CloseFamily", "closed"),
    resolve: async (_root, { input }, ctx) => {
      const familyId = requireId("familyId", input.familyId, "Family");
      const closedOn = plausibleDate("closedOn", input.closedOn);
      const note = optionalText("note", input.note, { max: LIMITS.note, multiline: true });
      const now = new Date();
      const result = await writeAudited(ctx, async (tx) => {
        await lockFamilyForChange(tx, ctx, familyId);
        const family = await tx.family.findFirst({
          where: { id: familyId, locationId: { in: familyLocationScope(ctx) } },
          select: {
            status: true,
            registeredOn: true,
            matches: { orderBy: { startOn: "asc" }, select: { id: true, startOn: true, endOn: true } },
          },
        });
        if (!family) throw notFound(FAMILY_NOT_FOUND, "familyId");
        const supportStartOn = isoDateOrNull(family.matches[0]?.startOn);
        const step = checkSupportTransition(family.status, {
          to: "CLOSED",
          closure: { reason: input.reason, closedOn },
          registeredOn: isoDate(family.registeredOn),
          supportStartOn,
          today: todayInNetherlands(now),
        });
        if (!step.ok) throw Refusal.fromReasons(step.reasons, step.reasons[0]?.code === "TRANSITION_NOT_ALLOWED" ? "familyId" : "closedOn");
        expectUpdated(
          await tx.family.updateMany({
            where: { id: familyId, version: input.version },
            data: { status: "CLOSED", version: { increment: 1 } },
          }),
        );
        const closedOnDate = new Date(`${closedOn}T00:00:00Z`);
        await tx.closure.create({
          data: { familyId, closedOn: closedOnDate, reason: input.reason, goalsReached: input.goalsReached, note },
        });
        const open = family.matches.filter((m) => m.endOn === null);
        for (const match of open) {
          // A match that started after closedOn (a later volunteer) ends on its own start day.
          const endOn = match.startOn > closedOnDate ? match.startOn : closedOnDate;
          await tx.match.update({ where: { id: match.id }, data: { endOn, endReason: `FAMILY_CLOSED:${input.reason}` } });
        }
        const notices = await queueDueReferrerNotices(tx, ctx, familyId, now);
        return {
          result: { family: await tx.family.findUniqueOrThrow({ where: { id: familyId } }), notices },
          audit: {
            action: "family.close",
            entityType: "Family",
            entityId: familyId,
            detail: {
              reason: input.reason,
              goalsReached: input.goalsReached,
              matchesEnded: open.map((m) => m.id),
              noticesQueued: notices.filter((n) => n.queued).map((n) => n.kind),
            },
          },
        };
      });
      if (result.notices.some((n) => n.queued)) deliverReferrerNoticesSoon(ctx);
      return result;
    },
  }),
);
