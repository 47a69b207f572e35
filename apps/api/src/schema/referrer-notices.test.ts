// Referrer e-mail against a real SMTP server started in the test (smtp-server): a sent notice
// arrives with the right subject and recipient; a rejecting server gives FAILED with attempts
// counted and backoff, bounded; a consent withdrawn before sending gives CANCELLED and no mail.
import type { AddressInfo } from "node:net";
import type { Database } from "@homestart/db";
import { createTestDatabase } from "@homestart/db/testing";
import { consentsInForce } from "@homestart/domain";
import { SMTPServer } from "smtp-server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, seedDemo } from "../../../../prisma/seed.ts";
import { MAX_AUTOMATIC_ATTEMPTS } from "../notifications/deliver-referrer-notices.ts";
import { smtpMailer } from "../notifications/mailer.ts";
import { type ApiServer, startApiServer } from "../server.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY } from "../testing/seeded-api.ts";

interface Received {
  to: string[];
  raw: string;
}

let db: Database;
let api: ApiServer;
let smtp: SMTPServer;
const received: Received[] = [];
let rejecting = false;

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onRcptTo(_address, _session, callback) {
      if (rejecting) return callback(Object.assign(new Error("5.1.1 Mailbox unavailable"), { responseCode: 550 }));
      callback();
    },
    onData(stream, session, callback) {
      let raw = "";
      stream.setEncoding("utf8");
      stream.on("data", (chunk: string) => {
        raw += chunk;
      });
      stream.on("end", () => {
        received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", () => resolve()));
  const port = (smtp.server.address() as AddressInfo).port;
  db = await createTestDatabase();
  await seedDemo(db.prisma, { today: SEED_TODAY, scale: 0.3 });
  api = await startApiServer(db, {
    mailer: smtpMailer({ host: "127.0.0.1", port, secure: false, from: "Home-Start <no-reply@home-start.test>" }),
  });
});

afterAll(async () => {
  await api?.close();
  await db?.close();
  await new Promise<void>((resolve) => (smtp ? smtp.close(() => resolve()) : resolve()));
});

async function loggedIn(email: string): Promise<TestClient> {
  const client = new TestClient(api.url);
  const res = await client.request<{ login: { __typename: string } }>(LOGIN, { email, password: DEMO_PASSWORD });
  expect(res.data?.login.__typename).toBe("LoginSuccess");
  return client;
}

const gid = (type: string, id: string) => Buffer.from(`${type}:${id}`).toString("base64");
/** Header lines unfolded, so a long subject reads as one line. */
const headers = (raw: string) => raw.split(/\r?\n\r?\n/)[0]?.replace(/\r?\n[ \t]+/g, " ") ?? "";

/** ACTIVE, referred families of coordinator A's location whose parents consent to the notice now. */
const used = new Set<string>();
async function referredFamilyWithConsent() {
  const user = await db.prisma.user.findUniqueOrThrow({ where: { email: DEMO_EMAIL.coordinator }, include: { locationScopes: true } });
  const families = await db.prisma.family.findMany({
    where: {
      locationId: { in: user.locationScopes.map((s) => s.locationId) },
      status: "ACTIVE",
      source: "REFERRER",
      referral: { referrer: { email: { not: null } } },
      referrerNotifications: { none: { kind: "END" } },
    },
    include: { consents: true, referral: { include: { referrer: true } } },
    orderBy: { id: "asc" },
  });
  const now = new Date().toISOString();
  const found = families.find((f) => {
    const inForce = consentsInForce(
      f.consents.map((c) => ({ type: c.type, action: c.action, at: c.at.toISOString() })),
      now,
    );
    return !used.has(f.id) && inForce.PROCESSING && inForce.NOTIFY_REFERRER_START_END;
  });
  if (found) {
    used.add(found.id);
    return found;
  }
  return activeReferredFamily(user.locationScopes[0]?.locationId ?? "");
}

/** A referred family in support, with the consents to notify the referrer (when the seed has none left). */
async function activeReferredFamily(locationId: string) {
  const seeded = await db.prisma.family.findFirstOrThrow({ where: { locationId }, select: { municipalityId: true } });
  const volunteer = await db.prisma.volunteer.findFirstOrThrow({ where: { locationId } });
  const n = used.size;
  const at = new Date(Date.now() - 3_600_000);
  const family = await db.prisma.family.create({
    data: {
      locationId,
      municipalityId: seeded.municipalityId,
      registeredOn: new Date("2026-09-01T00:00:00Z"),
      source: "REFERRER",
      status: "ACTIVE",
      parents: { create: { firstName: "Test", lastName: `Notice${n}`, phone: "0612345678" } },
      children: { create: { bornOn: new Date("2025-01-01T00:00:00Z") } },
      referral: {
        create: {
          referredOn: new Date("2026-09-01T00:00:00Z"),
          referrer: { create: { type: "GP", name: `Dokter ${n}`, email: `dokter${n}@huisarts.example` } },
        },
      },
      consents: {
        create: [
          { type: "PROCESSING", action: "GRANTED", at },
          { type: "NOTIFY_REFERRER_START_END", action: "GRANTED", at },
        ],
      },
      matches: { create: { volunteerId: volunteer.id, startOn: new Date("2026-09-15T00:00:00Z") } },
    },
    include: { consents: true, referral: { include: { referrer: true } } },
  });
  used.add(family.id);
  return family;
}

const CLOSE = /* GraphQL */ `
  mutation ($input: CloseFamilyInput!) {
    closeFamily(input: $input) {
      __typename
      ... on CloseFamilySuccess { closed { notices { kind queued reasons { code } } } }
      ... on Refusal { code reasons { code } }
    }
  }
`;

async function close(client: TestClient, family: { id: string; version: number }) {
  const res = await client.request<{ closeFamily: { __typename: string; closed?: { notices: Array<{ kind: string; queued: boolean }> } } }>(
    CLOSE,
    {
      input: {
        familyId: gid("Family", family.id),
        version: family.version,
        closedOn: SEED_TODAY,
        reason: "FAMILY_ENDED",
        goalsReached: "PARTLY",
      },
    },
  );
  expect(res.errors).toBeUndefined();
  expect(res.data?.closeFamily.__typename, JSON.stringify(res.data)).toBe("CloseFamilySuccess");
  expect(res.data?.closeFamily.closed?.notices).toMatchObject([{ kind: "END", queued: true }]);
}

const NOTICES = `query ($id: ID!) { family(id: $id) { referrerNotices { id kind status attempts lastError sentAt subject nextAttemptAt } } }`;
type NoticeView = {
  id: string;
  kind: string;
  status: string;
  attempts: number;
  lastError: string | null;
  sentAt: string | null;
  subject: string;
};

async function endNotice(client: TestClient, familyId: string): Promise<NoticeView | undefined> {
  const res = await client.request<{ family: { referrerNotices: NoticeView[] } }>(NOTICES, { id: gid("Family", familyId) });
  return res.data?.family.referrerNotices.find((n) => n.kind === "END");
}

const RETRY = `mutation ($input: RetryReferrerNoticeInput!) { retryReferrerNotice(input: $input) { __typename
  ... on RetryReferrerNoticeSuccess { notice { status } } ... on Refusal { code field } } }`;

describe("referrer e-mail over SMTP", () => {
  it("sends the END notice at closure: it arrives with the right subject and recipient", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const family = await referredFamilyWithConsent();
    rejecting = false;
    const before = received.length;
    await close(a, family);
    await api.notices.idle();
    const notice = await endNotice(a, family.id);
    expect(notice).toMatchObject({ status: "SENT", attempts: 1, lastError: null });
    expect(notice?.sentAt).toBeTruthy();
    const mails = received.slice(before);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.to).toEqual([family.referral?.referrer.email]);
    expect(headers(mails[0]?.raw ?? "")).toContain(`Subject: ${notice?.subject}`);
    expect(notice?.subject).toContain("ondersteuning afgesloten");
    // The record of what was sent.
    const outbox = await db.prisma.outboxEmail.findFirstOrThrow({
      where: { relatedId: notice ? Buffer.from(notice.id, "base64").toString().split(":")[1] : "" },
    });
    expect(outbox.sentAt).not.toBeNull();
    // Sent is sent: no retry.
    const retry = await a.request<{ retryReferrerNotice: { code?: string } }>(RETRY, { input: { noticeId: notice?.id } });
    expect(retry.data?.retryReferrerNotice.code).toBe("NOTICE_ALREADY_SENT");
  });

  it("marks a rejected send FAILED with attempts counted, backs off, stops after the bound, and sends on a coordinator's retry", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const family = await referredFamilyWithConsent();
    rejecting = true;
    const before = received.length;
    await close(a, family);
    await api.notices.idle();
    let notice = await endNotice(a, family.id);
    expect(notice).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(notice?.lastError).toContain("550");
    expect(notice?.lastError).not.toContain("@");
    const row = await db.prisma.referrerNotification.findUniqueOrThrow({ where: { familyId_kind: { familyId: family.id, kind: "END" } } });
    expect(row.nextAttemptAt?.getTime()).toBeGreaterThan(Date.now());
    // Not due yet: a delivery run leaves it alone.
    await api.notices.deliverDue();
    expect((await db.prisma.referrerNotification.findUniqueOrThrow({ where: { id: row.id } })).attempts).toBe(1);
    // Each time the backoff has passed it is tried again, up to the bound.
    for (let i = 0; i < MAX_AUTOMATIC_ATTEMPTS + 2; i++) {
      await db.prisma.referrerNotification.updateMany({
        where: { id: row.id, nextAttemptAt: { not: null } },
        data: { nextAttemptAt: new Date(Date.now() - 1000) },
      });
      await api.notices.deliverDue();
    }
    const exhausted = await db.prisma.referrerNotification.findUniqueOrThrow({ where: { id: row.id } });
    expect(exhausted).toMatchObject({ status: "FAILED", attempts: MAX_AUTOMATIC_ATTEMPTS, nextAttemptAt: null });
    expect(received.length).toBe(before);
    // Visible to the coordinator: on the dashboard, as an alert about this family.
    const dashboard = await a.request<{ dashboard: Array<{ code: string; familyId: string | null }> }>("{ dashboard { code familyId } }");
    expect(dashboard.data?.dashboard).toContainEqual({ code: "REFERRER_NOTICE_FAILED", familyId: gid("Family", family.id) });
    // Another location's coordinator cannot retry it.
    notice = await endNotice(a, family.id);
    const b = await loggedIn(DEMO_EMAIL.coordinator2);
    const asB = await b.request<{ retryReferrerNotice: { code?: string; field?: string } }>(RETRY, { input: { noticeId: notice?.id } });
    expect(asB.data?.retryReferrerNotice).toMatchObject({ code: "NOT_FOUND", field: "noticeId" });
    // The server accepts again; the coordinator retries and it goes.
    rejecting = false;
    const retry = await a.request<{ retryReferrerNotice: { __typename: string } }>(RETRY, { input: { noticeId: notice?.id } });
    expect(retry.data?.retryReferrerNotice.__typename).toBe("RetryReferrerNoticeSuccess");
    await api.notices.idle();
    expect(await endNotice(a, family.id)).toMatchObject({ status: "SENT", attempts: MAX_AUTOMATIC_ATTEMPTS + 1, lastError: null });
    expect(received.slice(before).map((m) => m.to)).toEqual([[family.referral?.referrer.email]]);
    const audit = await db.prisma.auditEntry.findFirstOrThrow({ where: { action: "referrerNotice.retry", entityId: family.id } });
    expect(audit.detail).toMatchObject({ kind: "END", from: "FAILED" });
  });

  it("cancels a notice whose consent was withdrawn before sending: nothing arrives", async () => {
    const a = await loggedIn(DEMO_EMAIL.coordinator);
    const family = await referredFamilyWithConsent();
    rejecting = true;
    await close(a, family);
    await api.notices.idle();
    const notice = await endNotice(a, family.id);
    expect(notice?.status).toBe("FAILED");
    // The parents withdraw the consent before the notice could go.
    const withdraw = await a.request<{ withdrawConsent: { __typename: string } }>(
      `mutation ($input: ConsentChangeInput!) { withdrawConsent(input: $input) { __typename } }`,
      { input: { familyId: gid("Family", family.id), type: "NOTIFY_REFERRER_START_END" } },
    );
    expect(withdraw.data?.withdrawConsent.__typename).toBe("WithdrawConsentSuccess");
    // The withdrawal cancels the unsent notice at once (no failed notice left waiting) …
    expect(await endNotice(a, family.id)).toMatchObject({ status: "CANCELLED", lastError: "CONSENT_WITHDRAWN" });
    rejecting = false;
    const before = received.length;
    // … and a retry is judged again at sending: still no consent, so cancelled, and nothing goes.
    const retry = await a.request<{ retryReferrerNotice: { __typename: string } }>(RETRY, { input: { noticeId: notice?.id } });
    expect(retry.data?.retryReferrerNotice.__typename).toBe("RetryReferrerNoticeSuccess");
    await api.notices.idle();
    const after = await endNotice(a, family.id);
    expect(after?.status).toBe("CANCELLED");
    expect(after?.lastError).toContain("NO_NOTICE_WITHOUT_CONSENT");
    expect(received.length).toBe(before);
    // A PENDING notice (queued, not yet sent) is judged the same way at the moment of sending.
    const other = await referredFamilyWithConsent();
    const pending = await db.prisma.referrerNotification.create({
      data: {
        familyId: other.id,
        referrerId: other.referral?.referrerId ?? "",
        kind: "END",
        subject: "x",
        body: "Met vriendelijke groet,\nTest\n",
      },
    });
    await db.prisma.consentEvent.create({
      data: { familyId: other.id, type: "NOTIFY_REFERRER_START_END", action: "WITHDRAWN", at: new Date() },
    });
    await api.notices.deliverDue();
    expect(await db.prisma.referrerNotification.findUniqueOrThrow({ where: { id: pending.id } })).toMatchObject({
      status: "CANCELLED",
      sentAt: null,
    });
    expect(received.length).toBe(before);
  });
});
