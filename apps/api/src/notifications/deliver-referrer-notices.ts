// Delivers queued referrer notices after the transaction that queued them has committed.
// At the moment of sending the consent in force is judged again (packages/domain referrerNotice,
// which asks mayDo): a notice whose consent was withdrawn meanwhile is CANCELLED, never sent, and
// what it says is rebuilt from the consents of that moment. A failed send is retried with backoff
// (nextAttemptAt) a bounded number of times and stays visible as FAILED with its lastError.
import type { Prisma } from "@homestart/db";
import { referrerNotice } from "@homestart/domain";
import type { Context } from "../context.ts";
import { describeSendError, type Mailer } from "./mailer.ts";
import { loadNoticeFacts } from "./queue-referrer-notices.ts";

/** Automatic attempts before a FAILED notice waits for a coordinator's retryReferrerNotice. */
export const MAX_AUTOMATIC_ATTEMPTS = 5;
/** Minutes to wait after the 1st, 2nd, … failed attempt. */
const BACKOFF_MINUTES = [1, 5, 30, 120, 720];
/** A claimed notice is not picked up by another run for this long (a crash mid-send frees it again). */
const CLAIM_MS = 10 * 60_000;
const BATCH = 50;

export function nextAttemptAfter(attempts: number, now: Date): Date | null {
  if (attempts >= MAX_AUTOMATIC_ATTEMPTS) return null;
  const minutes = BACKOFF_MINUTES[Math.min(attempts, BACKOFF_MINUTES.length) - 1] ?? 1;
  return new Date(now.getTime() + minutes * 60_000);
}

export type DeliveryResult = "SENT" | "OUTBOX" | "FAILED" | "CANCELLED" | "SKIPPED";

export interface DeliveryOptions {
  /** Null: no SMTP configured, messages are kept in OutboxEmail. */
  mailer: Mailer | null;
  now?: () => Date;
  /** Log lines carry ids, kinds and statuses only: never addresses, names or message text. */
  log?: (line: string) => void;
}

/** One per server: triggers delivery without making requests wait, and runs the retry worker. */
export class ReferrerNoticeDelivery {
  private readonly mailer: Mailer | null;
  private readonly now: () => Date;
  private readonly log: (line: string) => void;
  private running: Promise<void> | null = null;
  private again = false;
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly prisma: Prisma,
    options: DeliveryOptions,
  ) {
    this.mailer = options.mailer;
    this.now = options.now ?? (() => new Date());
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Starts a delivery run in the background (or asks the running one to go again). Never throws. */
  soon(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.loop().finally(() => {
      this.running = null;
    });
  }

  /** Resolves once no delivery run is in progress (tests, shutdown). */
  async idle(): Promise<void> {
    while (this.running) await this.running;
  }

  /** Periodically retries due notices (PENDING, and FAILED whose nextAttemptAt has come). */
  startWorker(intervalMs: number): void {
    if (this.timer || this.stopped) return;
    this.timer = setInterval(() => this.soon(), intervalMs);
    this.timer.unref();
    this.soon();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.idle();
    this.mailer?.close?.();
  }

  private async loop(): Promise<void> {
    do {
      this.again = false;
      try {
        await this.deliverDue();
      } catch (error) {
        this.log(`[notices] delivery run failed: ${(error as Error)?.name ?? "Error"}`);
      }
    } while (this.again && !this.stopped);
  }

  /** Delivers every notice that is due now; returns what happened per notice id. */
  async deliverDue(): Promise<Map<string, DeliveryResult>> {
    const now = this.now();
    const due = await this.prisma.referrerNotification.findMany({
      where: {
        OR: [
          { status: "PENDING", OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
          { status: "FAILED", attempts: { lt: MAX_AUTOMATIC_ATTEMPTS }, nextAttemptAt: { lte: now } },
        ],
      },
      orderBy: { createdAt: "asc" },
      take: BATCH,
      select: { id: true, status: true, attempts: true, nextAttemptAt: true },
    });
    const results = new Map<string, DeliveryResult>();
    for (const notice of due) {
      try {
        results.set(notice.id, await this.deliverOne(notice, now));
      } catch (error) {
        this.log(`[notices] notice ${notice.id} not delivered: ${(error as Error)?.name ?? "Error"}`);
      }
    }
    return results;
  }

  private async deliverOne(
    claimed: { id: string; status: "PENDING" | "FAILED" | "SENT" | "CANCELLED"; attempts: number; nextAttemptAt: Date | null },
    now: Date,
  ): Promise<DeliveryResult> {
    // Claim it, so a concurrent run (another request, the worker) does not send it twice.
    const claim = await this.prisma.referrerNotification.updateMany({
      where: { id: claimed.id, status: claimed.status, attempts: claimed.attempts, nextAttemptAt: claimed.nextAttemptAt },
      data: { nextAttemptAt: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claim.count !== 1) return "SKIPPED";
    const notice = await this.prisma.referrerNotification.findUniqueOrThrow({ where: { id: claimed.id } });
    const facts = await loadNoticeFacts(this.prisma, notice.familyId);
    // Re-check at the moment of sending: consent, referrer, and what the notice may contain.
    const fresh = referrerNotice({
      kind: notice.kind,
      now: now.toISOString(),
      consents: facts.consents,
      referrer: facts.referrer,
      familyName: facts.familyName,
      locationName: facts.family.location.name,
      coordinatorName: signatureName(notice.body),
      supportStartOn: facts.supportStartOn,
      closure: facts.closure,
      alreadySent: facts.family.referrerNotifications.filter((n) => n.status === "SENT").map((n) => n.kind),
    });
    if (!fresh.ok) {
      await this.prisma.referrerNotification.update({
        where: { id: notice.id },
        data: { status: "CANCELLED", nextAttemptAt: null, lastError: fresh.reasons.map((r) => r.code).join(", ") },
      });
      this.log(`[notices] notice ${notice.id} (${notice.kind}) cancelled: ${fresh.reasons.map((r) => r.code).join(", ")}`);
      return "CANCELLED";
    }
    const to = facts.referrer?.email?.trim();
    const subject = fresh.value.subject.nl;
    const body = fresh.value.body.nl;
    const attempts = notice.attempts + 1;
    if (!to) {
      await this.prisma.referrerNotification.update({
        where: { id: notice.id },
        data: {
          status: "FAILED",
          attempts,
          nextAttemptAt: null,
          lastError: "NO_REFERRER_EMAIL: de verwijzer heeft geen e-mailadres / the referrer has no e-mail address",
        },
      });
      this.log(`[notices] notice ${notice.id} (${notice.kind}) failed: no referrer e-mail address`);
      return "FAILED";
    }
    if (!this.mailer) {
      await this.prisma.$transaction([
        this.prisma.outboxEmail.create({ data: { to, subject, body, relatedId: notice.id } }),
        this.prisma.referrerNotification.update({
          where: { id: notice.id },
          data: { status: "SENT", attempts, sentAt: now, nextAttemptAt: null, lastError: null, subject, body },
        }),
      ]);
      this.log(`[notices] no SMTP configured: notice ${notice.id} (${notice.kind}) kept in the outbox`);
      return "OUTBOX";
    }
    try {
      await this.mailer.send({ to, subject, text: body });
    } catch (error) {
      const nextAttemptAt = nextAttemptAfter(attempts, now);
      await this.prisma.referrerNotification.update({
        where: { id: notice.id },
        data: { status: "FAILED", attempts, nextAttemptAt, lastError: describeSendError(error) },
      });
      this.log(
        `[notices] notice ${notice.id} (${notice.kind}) failed, attempt ${attempts}${nextAttemptAt ? ", will retry" : ", no more retries"}`,
      );
      return "FAILED";
    }
    await this.prisma.$transaction([
      this.prisma.outboxEmail.create({ data: { to, subject, body, relatedId: notice.id, sentAt: now } }),
      this.prisma.referrerNotification.update({
        where: { id: notice.id },
        data: { status: "SENT", attempts, sentAt: now, nextAttemptAt: null, lastError: null, subject, body },
      }),
    ]);
    this.log(`[notices] notice ${notice.id} (${notice.kind}) sent`);
    return "SENT";
  }
}

/** The coordinator who queued the notice signed it (domain letter format); keep that signature. */
function signatureName(body: string): string {
  const match = /Met vriendelijke groet,\n([^\n,]*)/.exec(body);
  return match?.[1] ?? "";
}

/**
 * Call after the transaction that queued notices has committed: delivery starts in the background,
 * the request does not wait for it, and this never throws (errors end up on the notice).
 */
export function deliverReferrerNoticesSoon(ctx: Context): void {
  try {
    ctx.notices.soon();
  } catch {
    // Delivery is retried by the worker; a request must never fail because of it.
  }
}
