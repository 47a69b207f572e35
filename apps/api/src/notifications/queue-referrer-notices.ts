// Queues the referrer notices that are due for a family (start of support, closure), inside the
// caller's transaction. What is due, and what a notice may say, is decided by packages/domain
// (dueReferrerNotices, referrerNotice); delivery happens after commit (deliver-referrer-notices.ts),
// which checks the consent in force again at the moment of sending.
import { dueReferrerNotices, type NotificationKind, type Reason, referrerNotice } from "@homestart/domain";
import type { Context } from "../context.ts";
import { isoDate, isoDateOrNull } from "../mappers.ts";
import type { Tx } from "../mutations.ts";

export interface NoticeOutcome {
  kind: NotificationKind;
  /** True when a notice was queued for sending; false with the reasons why not. */
  queued: boolean;
  reasons: Reason[];
}

/** Loads what the notice rules need of a family; shared by queueing and delivery. */
export async function loadNoticeFacts(tx: Tx, familyId: string) {
  const family = await tx.family.findUniqueOrThrow({
    where: { id: familyId },
    select: {
      source: true,
      status: true,
      location: { select: { name: true } },
      parents: { orderBy: { id: "asc" }, select: { firstName: true, lastName: true } },
      referral: { select: { referrer: { select: { id: true, name: true, email: true } } } },
      consents: { orderBy: { at: "asc" }, select: { type: true, action: true, at: true, textVersion: true } },
      matches: { orderBy: { startOn: "asc" }, take: 1, select: { startOn: true } },
      closure: { select: { closedOn: true, reason: true, goalsReached: true } },
      referrerNotifications: { select: { kind: true, status: true } },
    },
  });
  return {
    family,
    referrer: family.referral?.referrer ?? null,
    consents: family.consents.map((c) => ({ type: c.type, action: c.action, at: c.at.toISOString(), textVersion: c.textVersion })),
    supportStartOn: isoDateOrNull(family.matches[0]?.startOn),
    closure: family.closure
      ? { closedOn: isoDate(family.closure.closedOn), reason: family.closure.reason, goalsReached: family.closure.goalsReached }
      : null,
    familyName: family.parents.map((p) => `${p.firstName} ${p.lastName}`).join(" en "),
  };
}

export async function queueDueReferrerNotices(tx: Tx, ctx: Pick<Context, "viewer">, familyId: string, now: Date): Promise<NoticeOutcome[]> {
  const facts = await loadNoticeFacts(tx, familyId);
  const alreadySent = facts.family.referrerNotifications.map((n) => n.kind);
  const due = dueReferrerNotices({
    source: facts.family.source,
    status: facts.family.status,
    supportStartOn: facts.supportStartOn,
    alreadySent,
  });
  const outcomes: NoticeOutcome[] = [];
  for (const kind of due) {
    const notice = referrerNotice({
      kind,
      now: now.toISOString(),
      consents: facts.consents,
      referrer: facts.referrer,
      familyName: facts.familyName,
      locationName: facts.family.location.name,
      coordinatorName: ctx.viewer?.name ?? "",
      supportStartOn: facts.supportStartOn,
      closure: facts.closure,
      alreadySent,
    });
    if (!notice.ok || !facts.referrer) {
      outcomes.push({ kind, queued: false, reasons: notice.reasons });
      continue;
    }
    // Dutch referrers (GPs, youth nurses, …): the notice is written in Dutch.
    await tx.referrerNotification.create({
      data: { familyId, referrerId: facts.referrer.id, kind, subject: notice.value.subject.nl, body: notice.value.body.nl },
    });
    outcomes.push({ kind, queued: true, reasons: notice.reasons });
  }
  return outcomes;
}
