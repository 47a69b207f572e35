// Retention (reliability issue, item 9): the personal data of families closed (or declined, or found
// not eligible) longer than the retention period is anonymised by a scheduled job, while the
// annual figures stay the same.
// Which families are due, which fields are personal and what they become: packages/domain
// (retention/retention-due.ts, retention/anonymise-family.ts). Here: load, ask, write one
// transaction per family together with its audit entry. Logs carry counts only.
import type { Prisma, PrismaNamespace } from "@homestart/db";
import {
  anonymisedValues,
  checkRetentionMonths,
  DEFAULT_RETENTION_MONTHS,
  ENDED_WITHOUT_CLOSURE,
  type IsoDate,
  latestDueClosureDate,
  NOTICE_CANCELLED_BY_ANONYMISATION,
  noticeStatusAfterAnonymisation,
  referrerToAnonymise,
  retentionDue,
} from "@homestart/domain";
import { audit } from "../audit.ts";
import { pruneExpiredSessions } from "../auth/sessions.ts";
import { pruneLoginThrottles } from "../auth/throttle.ts";
import { isoDate, todayInNetherlands } from "../mappers.ts";
import { keyUnkeyedParents } from "./key-unkeyed-parents.ts";

type Tx = PrismaNamespace.TransactionClient;

/** No user: the scheduled job writes the audit entries (userId null, shown as "the system"). */
const SYSTEM = { viewer: null };

export interface RetentionRunOptions {
  /** Today's Dutch calendar date. */
  today: IsoDate;
  retentionMonths: number;
  /** Families loaded per query (default 100); each is still anonymised in its own transaction. */
  batchSize?: number;
  /** The moment recorded as Family.anonymisedAt (default: now). */
  now?: Date;
}

export interface RetentionRunResult extends AnonymiseResult {
  /** Sessions past their expiry, deleted. */
  sessionsDeleted: number;
  /** Failed-login counters past their window that lock nothing, deleted. */
  loginThrottlesDeleted: number;
  /** Parents given their duplicate keys (rows from before the keys; key-unkeyed-parents.ts). */
  parentsKeyed: number;
}

export interface AnonymiseResult {
  /** Families the domain found due in this run. */
  due: number;
  /** Of those, anonymised by this run. */
  anonymised: number;
  /** Of those, anonymised meanwhile by another run (nothing written). */
  skipped: number;
  /** Of those, not anonymised because of an error (tried again by the next run). */
  failed: number;
  /** Referrers whose own contact details went, because every family they referred is anonymised. */
  referrersAnonymised: number;
  /** Referrer notices still waiting that were cancelled (they would carry the placeholder text). */
  noticesCancelled: number;
}

/**
 * Anonymises every family due today. Idempotent: an anonymised family is never due again, and a
 * family is claimed (anonymisedAt still empty) inside its own transaction, so two runs at once do
 * not both write it.
 */
export async function anonymiseClosedFamilies(prisma: Prisma, options: RetentionRunOptions): Promise<AnonymiseResult> {
  const months = checkRetentionMonths(options.retentionMonths);
  if (!months.ok) throw new RangeError(months.reasons.map((r) => r.en).join(" "));
  const policy = { today: options.today, retentionMonths: months.value };
  const batchSize = Math.max(1, Math.trunc(options.batchSize ?? 100));
  const now = options.now ?? new Date();
  const bound = new Date(`${latestDueClosureDate(policy.today, policy.retentionMonths)}T00:00:00Z`);
  const result: AnonymiseResult = { due: 0, anonymised: 0, skipped: 0, failed: 0, referrersAnonymised: 0, noticesCancelled: 0 };

  // Keyset pages by id: a family that fails stays behind the cursor until the next run (no loop).
  let after: string | null = null;
  for (;;) {
    const page = await candidates(prisma, bound, after, batchSize);
    if (page.length === 0) break;
    after = page[page.length - 1]?.id ?? null;
    for (const family of page) {
      const verdict = retentionDue(
        {
          id: family.id,
          status: family.status,
          closedOn: family.closure ? isoDate(family.closure.closedOn) : null,
          endedOn: family.endedOn ? isoDate(family.endedOn) : null,
          anonymised: family.anonymisedAt !== null,
        },
        policy,
      );
      if (!verdict.due) continue;
      result.due++;
      try {
        const done = await prisma.$transaction((tx) => anonymiseFamily(tx, family.id, policy.retentionMonths, now));
        if (!done) {
          result.skipped++;
          continue;
        }
        result.anonymised++;
        result.noticesCancelled += done.noticesCancelled;
        if (done.referrerAnonymised) result.referrersAnonymised++;
      } catch {
        result.failed++;
      }
    }
    if (page.length < batchSize) break;
  }
  result.referrersAnonymised += await anonymiseLeftOverReferrers(prisma);
  return result;
}

/**
 * Not anonymised, and CLOSED on or before `bound`, or DECLINED or NOT_ELIGIBLE since then (the
 * domain judges each again): one page by id.
 */
function candidates(prisma: Prisma, bound: Date, after: string | null, take: number) {
  return prisma.family.findMany({
    where: {
      anonymisedAt: null,
      OR: [
        { status: "CLOSED", closure: { closedOn: { lte: bound } } },
        { status: { in: [...ENDED_WITHOUT_CLOSURE] }, endedOn: { lte: bound } },
      ],
      ...(after ? { id: { gt: after } } : {}),
    },
    orderBy: { id: "asc" },
    take,
    select: { id: true, status: true, anonymisedAt: true, endedOn: true, closure: { select: { closedOn: true } } },
  });
}

/** One family, inside the caller's transaction; null when it was no longer there to claim. */
async function anonymiseFamily(
  tx: Tx,
  familyId: string,
  retentionMonths: number,
  now: Date,
): Promise<{ noticesCancelled: number; referrerAnonymised: boolean } | null> {
  const v = anonymisedValues();
  // The claim: only a family still ended (statuses are final) and not anonymised; a concurrent run then finds nothing.
  const claimed = await tx.family.updateMany({
    where: { id: familyId, status: { in: ["CLOSED", ...ENDED_WITHOUT_CLOSURE] }, anonymisedAt: null },
    // A new version: a coordinator's form opened before this answers CONFLICT instead of writing back.
    data: { ...v.Family, anonymisedAt: now, version: { increment: 1 } },
  });
  if (claimed.count !== 1) return null;
  await tx.parent.updateMany({ where: { familyId }, data: v.Parent });
  await tx.child.updateMany({ where: { familyId }, data: v.Child });
  await tx.supportQuestion.updateMany({ where: { familyId }, data: v.SupportQuestion });
  await tx.evaluation.updateMany({ where: { familyId }, data: v.Evaluation });
  await tx.closure.updateMany({ where: { familyId }, data: v.Closure });
  await tx.match.updateMany({ where: { familyId }, data: v.Match });
  await tx.visit.updateMany({ where: { match: { familyId } }, data: v.Visit });
  await tx.consentEvent.updateMany({ where: { familyId }, data: v.ConsentEvent });

  const notices = await tx.referrerNotification.findMany({ where: { familyId }, select: { id: true, status: true } });
  let noticesCancelled = 0;
  for (const notice of notices) {
    const after = noticeStatusAfterAnonymisation(notice.status);
    if (after.cancelled) noticesCancelled++;
    await tx.referrerNotification.update({
      where: { id: notice.id },
      data: {
        ...v.ReferrerNotification,
        ...(after.cancelled ? { status: after.status, nextAttemptAt: null, lastError: NOTICE_CANCELLED_BY_ANONYMISATION } : {}),
      },
    });
  }
  // The family's e-mails: the registration confirmation (related to the family) and its notices.
  await tx.outboxEmail.updateMany({ where: { relatedId: { in: [familyId, ...notices.map((n) => n.id)] } }, data: v.OutboxEmail });

  const referral = await tx.referral.findUnique({ where: { familyId }, select: { referrerId: true } });
  const referrerAnonymised = referral ? await anonymiseReferrerIfDone(tx, referral.referrerId) : false;

  await audit(tx, SYSTEM, "family.anonymised", "Family", familyId, {
    actor: "system",
    retentionMonths,
    noticesCancelled,
    referrerAnonymised,
  });
  return { noticesCancelled, referrerAnonymised };
}

/** Anonymises the referrer when every family they referred is anonymised (the domain's rule). */
async function anonymiseReferrerIfDone(tx: Tx, referrerId: string): Promise<boolean> {
  const referred = await tx.referral.findMany({ where: { referrerId }, select: { family: { select: { anonymisedAt: true } } } });
  if (!referrerToAnonymise(referred.map((r) => ({ anonymised: r.family.anonymisedAt !== null })))) return false;
  const v = anonymisedValues();
  const changed = await tx.referrer.updateMany({
    where: { id: referrerId, NOT: { name: v.Referrer.name, organisation: null, email: null, phone: null } },
    data: v.Referrer,
  });
  return changed.count === 1;
}

/**
 * Two families of one referrer anonymised at the same moment (two runs) each see the other still
 * there, so neither takes the referrer: this sweep does, with its own audit entry.
 */
async function anonymiseLeftOverReferrers(prisma: Prisma): Promise<number> {
  const v = anonymisedValues();
  const left = await prisma.referrer.findMany({
    where: {
      referrals: { some: {}, every: { family: { anonymisedAt: { not: null } } } },
      NOT: { name: v.Referrer.name, organisation: null, email: null, phone: null },
    },
    select: { id: true },
  });
  let count = 0;
  for (const { id } of left) {
    try {
      const done = await prisma.$transaction(async (tx) => {
        if (!(await anonymiseReferrerIfDone(tx, id))) return false;
        await audit(tx, SYSTEM, "referrer.anonymised", "Referrer", id, { actor: "system" });
        return true;
      });
      if (done) count++;
    } catch {
      // Tried again by the next run.
    }
  }
  return count;
}

/** RETENTION_MONTHS and RETENTION_JOB_INTERVAL_MS, checked; an error says which setting is wrong. */
export function retentionSettingsFromEnv(
  env: Record<string, string | undefined>,
): { ok: true; retentionMonths: number; intervalMs: number } | { ok: false; error: string } {
  const text = (name: string) => env[name]?.trim() || undefined;
  const monthsText = text("RETENTION_MONTHS");
  const months = checkRetentionMonths(monthsText === undefined ? DEFAULT_RETENTION_MONTHS : Number(monthsText));
  if (!months.ok) return { ok: false, error: `RETENTION_MONTHS: ${months.reasons.map((r) => r.en).join(" ")}` };
  const intervalText = text("RETENTION_JOB_INTERVAL_MS");
  const intervalMs = intervalText === undefined ? DEFAULT_RETENTION_INTERVAL_MS : Number(intervalText);
  // setInterval takes at most 2^31 − 1 ms (about 24.8 days); more would fire every millisecond.
  if (!Number.isInteger(intervalMs) || intervalMs < 0 || intervalMs > MAX_TIMER_MS) {
    return { ok: false, error: `RETENTION_JOB_INTERVAL_MS: a whole number of milliseconds from 0 (off) up to ${MAX_TIMER_MS}.` };
  }
  return { ok: true, retentionMonths: months.value, intervalMs };
}

/** Once a day. */
export const DEFAULT_RETENTION_INTERVAL_MS = 86_400_000;
const MAX_TIMER_MS = 2_147_483_647;
/** The first run after start waits this long, so starting up is not slowed down. */
const FIRST_RUN_DELAY_MS = 30_000;

export interface RetentionJobOptions {
  retentionMonths: number;
  batchSize?: number;
  /** Today's Dutch date (default: the real one). */
  today?: () => IsoDate;
  /** Counts only: never a name, an id list or any other personal data. */
  log?: (line: string) => void;
}

/** One per server: runs anonymiseClosedFamilies on a timer, one run at a time. */
export class RetentionJob {
  private readonly today: () => IsoDate;
  private readonly log: (line: string) => void;
  private running: Promise<RetentionRunResult | null> | null = null;
  private interval: NodeJS.Timeout | null = null;
  private firstRun: NodeJS.Timeout | null = null;
  private stopped = false;

  constructor(
    private readonly prisma: Prisma,
    private readonly options: RetentionJobOptions,
  ) {
    this.today = options.today ?? (() => todayInNetherlands());
    this.log = options.log ?? ((line) => console.log(line));
  }

  /** Runs every `intervalMs`, and once `firstRunDelayMs` after the start. */
  start(intervalMs: number, firstRunDelayMs = FIRST_RUN_DELAY_MS): void {
    if (this.interval || this.stopped) return;
    this.interval = setInterval(() => void this.runNow(), intervalMs);
    this.interval.unref();
    this.firstRun = setTimeout(() => void this.runNow(), Math.min(firstRunDelayMs, intervalMs));
    this.firstRun.unref();
  }

  /** One run now (or the one already under way). Never throws: a failed run is logged and tried again next time. */
  runNow(): Promise<RetentionRunResult | null> {
    if (this.stopped) return Promise.resolve(null);
    if (!this.running) {
      this.running = this.run().finally(() => {
        this.running = null;
      });
    }
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.interval) clearInterval(this.interval);
    if (this.firstRun) clearTimeout(this.firstRun);
    this.interval = null;
    this.firstRun = null;
    if (this.running) await this.running;
  }

  private async run(): Promise<RetentionRunResult | null> {
    try {
      const result = await anonymiseClosedFamilies(this.prisma, {
        today: this.today(),
        retentionMonths: this.options.retentionMonths,
        batchSize: this.options.batchSize,
      });
      // What the login keeps no longer than it needs: expired sessions, and failed-login counters past their window.
      const sessions = await pruneExpiredSessions(this.prisma);
      const throttles = await pruneLoginThrottles(this.prisma);
      const parentsKeyed = await keyUnkeyedParents(this.prisma);
      this.log(
        `[retention] ${result.anonymised} of ${result.due} due families anonymised (retention ${this.options.retentionMonths} months)` +
          `, ${result.referrersAnonymised} referrers, ${result.noticesCancelled} notices cancelled` +
          (result.skipped ? `, ${result.skipped} done by another run` : "") +
          (result.failed ? `, ${result.failed} failed (tried again next run)` : "") +
          `; ${sessions} expired sessions and ${throttles} old login counters deleted` +
          (parentsKeyed ? `; ${parentsKeyed} parents given duplicate keys` : ""),
      );
      return { ...result, sessionsDeleted: sessions, loginThrottlesDeleted: throttles, parentsKeyed };
    } catch (error) {
      this.log(`[retention] run failed: ${(error as Error)?.name ?? "Error"}`);
      return null;
    }
  }
}
