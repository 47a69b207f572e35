// Retention (reliability issue, item 9): "Personal data of families closed longer than a
// configurable period is anonymised by a scheduled job, while the annual figures stay the same
// before and after." On the seeded demo (closures over the last three years), with a retention of
// 12 months so that some closed families are due and others not yet.
import { ANONYMISED_TEXT, anonymisedValues, FIGURES_FIELDS, retentionDue, yearOf } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../../prisma/seed.ts";
import { isoDate } from "../mappers.ts";
import { startApiServer } from "../server.ts";
import { LOGIN, TestClient } from "../testing/http-client.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";
import { type AnonymiseResult, anonymiseClosedFamilies, RetentionJob, retentionSettingsFromEnv } from "./anonymise-closed-families.ts";

const { db, loggedIn } = useSeededApi();

const RETENTION_MONTHS = 12;
const TODAY = SEED_TODAY;
const LAST_YEAR = yearOf(TODAY);
const FIRST_YEAR = LAST_YEAR - 3;

// --- The figures, through the API as national staff and as a municipal officer -----------------

const RISK = "riskFactors { riskFactor families }";
const ANNUAL = `year families children volunteers coordinators municipalities viaReferrer shareViaReferrer singleParent
  shareSingleParent startedInYear averageHoursPerFamily averageDaysRegistrationToStart ${RISK}`;
const CELL = "{ shown value suppression }";
const OFFICER = `year municipality { code } families ${CELL} children ${CELL} volunteers ${CELL} viaReferrer ${CELL}
  selfRegistered ${CELL} singleParent ${CELL} shareViaReferrer shareSingleParent averageHoursPerFamily averageDaysRegistrationToStart
  riskFactors { riskFactor families ${CELL} } comparison { measure riskFactor municipality national }`;

const TREND = `query ($from: Int!, $to: Int!) { annualFiguresTrend(fromYear: $from, toYear: $to) {
  __typename ... on AnnualFiguresTrendSuccess { years { ${ANNUAL} } } } }`;
const ONE = `query ($year: Int!, $code: String) { annualFigures(year: $year, municipalityCode: $code) {
  __typename ... on AnnualFiguresSuccess { figures { ${ANNUAL} } } } }`;
const BREAKDOWN = `query ($year: Int!, $by: FiguresBreakdownBy!) { annualFiguresBreakdown(year: $year, by: $by) {
  __typename ... on AnnualFiguresBreakdownSuccess { rows { id code name figures { ${ANNUAL} } } } } }`;
const CSV = `query ($year: Int!, $from: Int) { annualFiguresCsv(year: $year, fromYear: $from) {
  __typename ... on AnnualFiguresCsvSuccess { file { filename content } } } }`;
const OFFICER_TREND = `query ($id: ID!, $from: Int!, $to: Int!) { municipalityFiguresTrend(municipalityId: $id, fromYear: $from, toYear: $to) {
  __typename ... on MunicipalityFiguresTrendSuccess { years { ${OFFICER} } } } }`;
const OFFICER_CSV = `query ($id: ID!, $year: Int!) { municipalityFiguresCsv(municipalityId: $id, year: $year) {
  __typename ... on MunicipalityFiguresCsvSuccess { file { filename content } } } }`;

/**
 * Every figure the national office and the officer can see for the years of the seed, as one value.
 * `url`: another API server on the same database (one whose figures cannot come from a cache).
 */
async function figures(municipalityCodes: string[], url?: string): Promise<Record<string, unknown>> {
  const as = async (email: string) => {
    if (!url) return loggedIn(email);
    const client = new TestClient(url);
    expect(
      (await client.request<{ login: { __typename: string } }>(LOGIN, { email, password: DEMO_PASSWORD })).data?.login.__typename,
    ).toBe("LoginSuccess");
    return client;
  };
  const national = await as(DEMO_EMAIL.national);
  const officer = await as(DEMO_EMAIL.officer);
  const own = (await officer.request<{ me: { municipalities: Array<{ id: string }> } }>("{ me { municipalities { id } } }")).data!.me
    .municipalities[0]!.id;
  const out: Record<string, unknown> = {};
  const ask = async (key: string, client: typeof national, query: string, variables: Record<string, unknown>) => {
    const res = await client.request(query, variables);
    expect(res.errors, key).toBeUndefined();
    expect(JSON.stringify(res.data), key).not.toContain("Refusal");
    out[key] = res.data;
  };
  await ask("national trend", national, TREND, { from: FIRST_YEAR, to: LAST_YEAR });
  await ask("national csv", national, CSV, { year: LAST_YEAR, from: FIRST_YEAR });
  for (let year = FIRST_YEAR; year <= LAST_YEAR; year++) {
    for (const by of ["MUNICIPALITY", "LOCATION"]) await ask(`breakdown ${by} ${year}`, national, BREAKDOWN, { year, by });
    for (const code of municipalityCodes) await ask(`municipality ${code} ${year}`, national, ONE, { year, code });
    await ask(`officer csv ${year}`, officer, OFFICER_CSV, { id: own, year });
  }
  await ask("officer trend", officer, OFFICER_TREND, { id: own, from: FIRST_YEAR, to: LAST_YEAR });
  return out;
}

// --- The database, before and after ---------------------------------------------------------------

const byId = { orderBy: { id: "asc" as const } };

/** Every family with everything stored about it. */
function families() {
  return db().prisma.family.findMany({
    ...byId,
    include: {
      parents: byId,
      children: byId,
      supportQuestions: byId,
      evaluations: byId,
      closure: true,
      matches: { ...byId, include: { visits: byId } },
      consents: byId,
      referral: { include: { referrer: true } },
      referrerNotifications: byId,
      groupAttendances: { orderBy: { meetingId: "asc" } },
    },
  });
}
type FamilyRow = Awaited<ReturnType<typeof families>>[number];

/** The personal values stored about a family (full names, contact details, address, free text). */
function personalValues(f: FamilyRow, withReferrer: boolean): string[] {
  const values = [
    ...f.parents.flatMap((p) => [`${p.firstName} ${p.lastName}`, p.phone, p.email]),
    f.address,
    f.postcode,
    f.note,
    ...f.children.map((c) => (c.firstName && c.firstName.length >= 4 ? c.firstName : null)),
    f.closure?.note,
    ...f.evaluations.map((e) => e.summary),
    ...f.supportQuestions.flatMap((q) => [q.question, q.goal]),
    ...f.consents.map((c) => c.note),
    ...f.matches.flatMap((m) => [m.endReason, ...m.visits.map((v) => v.note)]),
    ...f.referrerNotifications.map((n) => n.body),
    ...(withReferrer && f.referral ? [f.referral.referrer.name, f.referral.referrer.email, f.referral.referrer.phone] : []),
  ];
  return values.filter((v): v is string => typeof v === "string" && v.length >= 4 && v !== ANONYMISED_TEXT);
}

function pick(row: Record<string, unknown>, fields: readonly string[]) {
  return Object.fromEntries(fields.map((f) => [f, row[f]]));
}

/** What the annual figures read of a family: must be the same after anonymisation. */
function figuresFacts(f: FamilyRow) {
  return {
    family: pick(f, FIGURES_FIELDS.Family!),
    children: f.children.map((c) => pick(c, FIGURES_FIELDS.Child!)),
    closure: f.closure ? pick(f.closure, FIGURES_FIELDS.Closure!) : null,
    matches: f.matches.map((m) => ({ ...pick(m, FIGURES_FIELDS.Match!), visits: m.visits.map((v) => pick(v, FIGURES_FIELDS.Visit!)) })),
    consents: f.consents.map((c) => ({ type: c.type, action: c.action, at: c.at, text: c.text, textVersion: c.textVersion })),
    outcomes: {
      status: f.status,
      closure: f.closure && { reason: f.closure.reason, goalsReached: f.closure.goalsReached },
      goals: f.supportQuestions.map((q) => q.goalReached),
      scores: f.evaluations.map((e) => [e.kind, e.heldOn, e.parentalWellbeing, e.positiveParenting, e.childBehaviour, e.network]),
      attendances: f.groupAttendances,
      referral: f.referral && { referredOn: f.referral.referredOn, referrerType: f.referral.referrer.type },
    },
  };
}

function auditSince(id: bigint) {
  return db().prisma.auditEntry.findMany({ where: { id: { gt: id } }, orderBy: { id: "asc" } });
}

async function outboxOf(ids: string[]) {
  return db().prisma.outboxEmail.findMany({ where: { relatedId: { in: ids } }, ...byId });
}

// --- The run --------------------------------------------------------------------------------------

let before: FamilyRow[];
let after: FamilyRow[];
let due: FamilyRow[];
let notDue: FamilyRow[];
let figuresBefore: Record<string, unknown>;
let municipalityCodes: string[];
let result: AnonymiseResult;
let auditOfRun: Awaited<ReturnType<typeof auditSince>>;
let outboxBefore: Awaited<ReturnType<typeof outboxOf>>;
let waitingNoticeId: string;

const isDue = (f: FamilyRow) =>
  retentionDue(
    {
      id: f.id,
      status: f.status,
      closedOn: f.closure ? isoDate(f.closure.closedOn) : null,
      endedOn: f.endedOn ? isoDate(f.endedOn) : null,
      anonymised: f.anonymisedAt !== null,
    },
    { today: TODAY, retentionMonths: RETENTION_MONTHS },
  ).due;

beforeAll(async () => {
  // The seed's notices were all delivered: make one of a due family's still waiting for a retry.
  const waiting = (await families()).find((f) => isDue(f) && f.referrerNotifications.length > 0)!.referrerNotifications[0]!;
  await db().prisma.referrerNotification.update({
    where: { id: waiting.id },
    data: { status: "FAILED", attempts: 2, nextAttemptAt: new Date(), lastError: "ECONNREFUSED", sentAt: null },
  });
  waitingNoticeId = waiting.id;
  before = await families();
  due = before.filter(isDue);
  notDue = before.filter((f) => !isDue(f));
  // A few municipalities by name (the breakdown per municipality covers all of them): those with the most due families.
  const counts = new Map<string, number>();
  for (const f of due) counts.set(f.municipalityId, (counts.get(f.municipalityId) ?? 0) + 1);
  const most = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 4);
  const codes = await db().prisma.municipality.findMany({ where: { id: { in: most.map(([id]) => id) } } });
  municipalityCodes = codes.map((m) => m.code).sort();
  figuresBefore = await figures(municipalityCodes);
  const lastAudit = (await db().prisma.auditEntry.findFirst({ orderBy: { id: "desc" }, select: { id: true } }))?.id ?? 0n;
  outboxBefore = await outboxOf(before.flatMap((f) => [f.id, ...f.referrerNotifications.map((n) => n.id)]));
  result = await anonymiseClosedFamilies(db().prisma, { today: TODAY, retentionMonths: RETENTION_MONTHS, batchSize: 7 });
  after = await families();
  auditOfRun = await auditSince(lastAudit);
}, 300_000);

describe("retention: families closed longer than the period are anonymised by the job", () => {
  it("the seed has families due and closed families not yet due (the test means something)", () => {
    expect(due.length).toBeGreaterThan(5);
    expect(notDue.filter((f) => f.status === "CLOSED").length).toBeGreaterThan(0);
    // Declined and not eligible families too: their period runs from the day they became so.
    expect(due.some((f) => f.status === "DECLINED")).toBe(true);
    expect(due.some((f) => f.status === "NOT_ELIGIBLE")).toBe(true);
    expect(notDue.some((f) => f.status === "DECLINED" || f.status === "NOT_ELIGIBLE")).toBe(true);
    expect(due.some((f) => f.referral !== null)).toBe(true);
    expect(due.some((f) => f.referrerNotifications.length > 0)).toBe(true);
    expect(result).toMatchObject({ due: due.length, anonymised: due.length, skipped: 0, failed: 0, noticesCancelled: 1 });
  });

  it("(a) the annual figures, national and per municipality, are the same before and after", async () => {
    // Asked again of the same server, and of a fresh one (no figures kept from before the run).
    expect(await figures(municipalityCodes)).toEqual(figuresBefore);
    const fresh = await startApiServer(db());
    try {
      expect(await figures(municipalityCodes, fresh.url)).toEqual(figuresBefore);
    } finally {
      await fresh.close();
    }
    const trend = figuresBefore["national trend"] as { annualFiguresTrend: { years: Array<{ families: number }> } };
    expect(trend.annualFiguresTrend.years.some((y) => y.families > 0)).toBe(true);
  });

  it("(b) every due family's personal data is anonymised; what the figures count is kept", () => {
    const v = anonymisedValues();
    const afterById = new Map(after.map((f) => [f.id, f]));
    for (const old of due) {
      const f = afterById.get(old.id)!;
      expect(f.anonymisedAt).not.toBeNull();
      expect(f.version).toBe(old.version + 1);
      expect({
        address: f.address,
        postcode: f.postcode,
        note: f.note,
        languages: f.languages,
        preferredLanguage: f.preferredLanguage,
      }).toEqual(v.Family);
      expect(f.parents).toHaveLength(old.parents.length);
      for (const p of f.parents)
        expect(p).toMatchObject({ firstName: "Geanonimiseerd", lastName: "Geanonimiseerd", phone: null, email: null });
      expect(f.children).toHaveLength(old.children.length);
      for (const c of f.children) expect(c).toMatchObject({ firstName: null, bornOn: null, expectedOn: null });
      for (const q of f.supportQuestions) expect(q).toMatchObject({ question: "Geanonimiseerd", goal: null });
      for (const e of f.evaluations) expect(e.summary).toBe("");
      if (f.closure) expect(f.closure.note).toBeNull();
      for (const m of f.matches) {
        expect(m.endReason).toBeNull();
        for (const visit of m.visits) expect(visit.note).toBeNull();
      }
      expect(f.consents).toHaveLength(old.consents.length); // append-only history: every event stays
      for (const c of f.consents) expect(c.note).toBeNull();
      for (const n of f.referrerNotifications) {
        expect(n).toMatchObject({ subject: "Geanonimiseerd", body: "Geanonimiseerd" });
        // A notice still waiting would now carry the placeholder to the referrer: cancelled, with the code why.
        if (n.id === waitingNoticeId) expect(n).toMatchObject({ status: "CANCELLED", nextAttemptAt: null, lastError: "FAMILY_ANONYMISED" });
        else expect(n.status).toBe(old.referrerNotifications.find((o) => o.id === n.id)?.status);
      }
      expect(figuresFacts(f)).toEqual(figuresFacts(old));
      // Nothing stored about the family still holds one of its personal values.
      const text = JSON.stringify(f);
      for (const value of personalValues(old, false)) expect(text, `${old.id}`).not.toContain(value);
    }
  });

  it("(b) the family's e-mails are anonymised, and a referrer's details go with the last family they referred", async () => {
    const dueIds = due.flatMap((f) => [f.id, ...f.referrerNotifications.map((n) => n.id)]);
    const mails = await outboxOf(dueIds);
    expect(mails.length).toBeGreaterThan(0);
    for (const m of mails) expect(m).toMatchObject({ to: "", subject: "Geanonimiseerd", body: "Geanonimiseerd" });

    const stillReferred = new Set(after.filter((f) => f.anonymisedAt === null && f.referral).map((f) => f.referral!.referrerId));
    let anonymisedReferrers = 0;
    for (const f of after.filter((x) => x.anonymisedAt !== null && x.referral)) {
      const r = f.referral!.referrer;
      if (stillReferred.has(r.id)) {
        expect(r.name).not.toBe("Geanonimiseerd"); // still needed for another family's notices
      } else {
        expect(r).toMatchObject({ name: "Geanonimiseerd", organisation: null, email: null, phone: null });
        anonymisedReferrers++;
      }
    }
    expect(new Set(after.filter((f) => f.referral?.referrer.name === "Geanonimiseerd").map((f) => f.referral!.referrerId)).size).toBe(
      result.referrersAnonymised,
    );
    expect(anonymisedReferrers).toBeGreaterThanOrEqual(result.referrersAnonymised);
  });

  it("(b) families not due are untouched, their e-mails and referrers too", async () => {
    const afterById = new Map(after.map((f) => [f.id, f]));
    for (const old of notDue) {
      const f = afterById.get(old.id)!;
      // A referrer shared with a due family may only change when no family still needs them: never here.
      expect(f).toEqual(old);
    }
    const notDueIds = notDue.flatMap((f) => [f.id, ...f.referrerNotifications.map((n) => n.id)]);
    expect(await outboxOf(notDueIds)).toEqual(outboxBefore.filter((m) => notDueIds.includes(m.relatedId ?? "")));
  });

  it("(c) one audit entry per anonymised family, by the system, with no personal data", async () => {
    // The run wrote these and nothing else (the referrer sweep had nothing left over).
    const entries = auditOfRun;
    expect(entries.every((e) => e.action === "family.anonymised")).toBe(true);
    expect(entries.map((e) => e.entityId).sort()).toEqual(due.map((f) => f.id).sort());
    for (const e of entries) {
      expect(e).toMatchObject({ userId: null, entityType: "Family" });
      expect(e.detail).toMatchObject({ actor: "system", retentionMonths: RETENTION_MONTHS });
      const old = due.find((f) => f.id === e.entityId)!;
      for (const value of personalValues(old, true)) expect(JSON.stringify(e.detail)).not.toContain(value);
    }
    // Older audit entries hold no personal data of the anonymised families either.
    const trail = await db().prisma.auditEntry.findMany({ where: { entityType: "Family", entityId: { in: due.map((f) => f.id) } } });
    const values = due.flatMap((f) => personalValues(f, true));
    for (const entry of trail) for (const value of values) expect(JSON.stringify(entry.detail ?? null)).not.toContain(value);
  });

  it("(d) running it again changes nothing", async () => {
    const auditCount = await db().prisma.auditEntry.count();
    const outbox = await db().prisma.outboxEmail.findMany(byId);
    const referrers = await db().prisma.referrer.findMany(byId);
    const again = await anonymiseClosedFamilies(db().prisma, { today: TODAY, retentionMonths: RETENTION_MONTHS });
    expect(again).toEqual({ due: 0, anonymised: 0, skipped: 0, failed: 0, referrersAnonymised: 0, noticesCancelled: 0 });
    expect(await families()).toEqual(after);
    expect(await db().prisma.auditEntry.count()).toBe(auditCount);
    expect(await db().prisma.outboxEmail.findMany(byId)).toEqual(outbox);
    expect(await db().prisma.referrer.findMany(byId)).toEqual(referrers);
  });

  it("(e) a coordinator reads an anonymised family through the API: placeholders, no error", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const me = await coordinator.request<{ me: { locations: Array<{ id: string }> } }>("{ me { locations { id } } }");
    const own = new Set(me.data!.me.locations.map((l) => l.id));
    const family =
      due.find((f) => own.has(encodeGlobalID("Location", f.locationId)) && f.referral !== null) ??
      due.find((f) => own.has(encodeGlobalID("Location", f.locationId)));
    expect(family).toBeDefined();
    const id = encodeGlobalID("Family", family!.id);
    // The fields of the coordinator portal's family page (apps/coordinator FamilyDetail), and more.
    const res = await coordinator.request<{
      family: {
        anonymisedAt: string | null;
        parents: Array<{ firstName: string; lastName: string; phone: string | null }>;
        [k: string]: unknown;
      };
    }>(
      `query ($id: ID!) { family(id: $id) { id version registeredOn status allowedTransitions source channel preferredLanguage calledBackAt
        intakeOn householdType languages riskFactors postcode address note anonymisedAt location { id name } municipality { id name code }
        referral { referredOn referrer { type name organisation email phone } }
        parents { id firstName lastName phone email } children { id firstName bornOn expectedOn }
        eligibility { outcome eligible eligibleFrom eligibleUntil untilIsEstimate policy { maxAgeInclusive }
          children { ref status from until reason { code message { nl en } } } reasons { code message { nl en } } }
        supportQuestions { id question goal goalReached createdAt } consents { id type action at note recordedByName textVersion }
        consentsInForce { type inForce since } evaluations { id kind heldOn summary parentalWellbeing recordedByName }
        closure { closedOn reason goalsReached note } matches { id startOn endOn endReason }
        hours { totalHours thisYearHours } referrerNotices { id kind status subject attempts lastError sentAt }
        possibleDuplicates { familyId matches } auditTrail { action at userName } } }`,
      { id },
    );
    expect(res.errors).toBeUndefined();
    const f = res.data!.family;
    expect(f.anonymisedAt).not.toBeNull();
    expect(f.parents.length).toBeGreaterThan(0);
    for (const p of f.parents) expect(p).toMatchObject({ firstName: "Geanonimiseerd", lastName: "Geanonimiseerd", phone: null });
    expect(f).toMatchObject({ address: null, postcode: null, note: null, status: "CLOSED" });
    expect(f.auditTrail).toContainEqual(expect.objectContaining({ action: "family.anonymised", userName: null }));
    const text = JSON.stringify(f);
    for (const value of personalValues(family!, false)) expect(text).not.toContain(value);

    // The list (sorted by last name, searched) and the data export work too.
    const list = await coordinator.request<{ families: { edges: Array<{ node: { id: string } }> } }>(
      `{ families(first: 50, search: "Geanonimiseerd", orderBy: LAST_NAME) { edges { node { id parents { lastName } } } } }`,
    );
    expect(list.errors).toBeUndefined();
    expect(list.data!.families.edges.map((e) => e.node.id)).toContain(id);
    const exported = await coordinator.request<{ exportFamilyData: string }>(`query ($id: ID!) { exportFamilyData(familyId: $id) }`, {
      id,
    });
    expect(exported.errors).toBeUndefined();
    // The export names the volunteers (not the family's data): leave their names out of the search.
    const volunteers = await db().prisma.volunteer.findMany({ where: { matches: { some: { familyId: family!.id } } } });
    const theirs = new Set(volunteers.map((x) => `${x.firstName} ${x.lastName}`));
    for (const value of personalValues(family!, false).filter((x) => !theirs.has(x))) {
      expect(exported.data!.exportFamilyData).not.toContain(value);
    }
  });
});

describe("the scheduled job", () => {
  it("runs shortly after start, logs counts only, and stops", async () => {
    const lines: string[] = [];
    const job = new RetentionJob(db().prisma, { retentionMonths: RETENTION_MONTHS, today: () => TODAY, log: (l) => lines.push(l) });
    job.start(60_000, 10);
    for (let i = 0; i < 200 && lines.length === 0; i++) await new Promise((r) => setTimeout(r, 25));
    await job.stop();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^\\[retention\\] 0 of 0 due families anonymised \\(retention ${RETENTION_MONTHS} months\\), 0 referrers, 0 notices cancelled; \\d+ expired sessions and \\d+ old login counters deleted$`,
      ),
    );
    expect(await job.runNow()).toBeNull(); // stopped
  });

  it("deletes expired sessions and failed-login counters that decide nothing any more, and keeps the rest", async () => {
    const prisma = db().prisma;
    const user = await prisma.user.findFirstOrThrow({ select: { id: true } });
    const now = Date.now();
    const at = (minutes: number) => new Date(now + minutes * 60_000);
    await prisma.session.createMany({
      data: [
        { tokenHash: "retention-expired", userId: user.id, expiresAt: at(-1) },
        { tokenHash: "retention-live", userId: user.id, expiresAt: at(60) },
      ],
    });
    await prisma.loginThrottle.createMany({
      data: [
        { key: "address:retention-old", failures: 3, windowStart: at(-16) },
        { key: "address:retention-old-locked", failures: 20, windowStart: at(-16), lockedUntil: at(5) },
        { key: "address:retention-old-lock-over", failures: 20, windowStart: at(-40), lockedUntil: at(-10) },
        { key: "address:retention-current", failures: 2, windowStart: at(-5) },
      ],
    });
    const run = await new RetentionJob(prisma, { retentionMonths: RETENTION_MONTHS, today: () => TODAY, log: () => {} }).runNow();
    expect(run).toMatchObject({ sessionsDeleted: 1, loginThrottlesDeleted: 2 });
    const sessions = await prisma.session.findMany({ where: { tokenHash: { startsWith: "retention-" } }, select: { tokenHash: true } });
    expect(sessions.map((s) => s.tokenHash)).toEqual(["retention-live"]);
    const throttles = await prisma.loginThrottle.findMany({
      where: { key: { startsWith: "address:retention-" } },
      orderBy: { key: "asc" },
    });
    expect(throttles.map((t) => t.key)).toEqual(["address:retention-current", "address:retention-old-locked"]);
  });

  it("reads RETENTION_MONTHS and RETENTION_JOB_INTERVAL_MS, with defaults, and refuses nonsense", () => {
    expect(retentionSettingsFromEnv({})).toEqual({ ok: true, retentionMonths: 24, intervalMs: 86_400_000 });
    expect(retentionSettingsFromEnv({ RETENTION_MONTHS: " ", RETENTION_JOB_INTERVAL_MS: "" })).toMatchObject({ retentionMonths: 24 });
    expect(retentionSettingsFromEnv({ RETENTION_MONTHS: "36", RETENTION_JOB_INTERVAL_MS: "0" })).toEqual({
      ok: true,
      retentionMonths: 36,
      intervalMs: 0,
    });
    for (const env of [
      { RETENTION_MONTHS: "-1" },
      { RETENTION_MONTHS: "1.5" },
      { RETENTION_MONTHS: "twee jaar" },
      { RETENTION_JOB_INTERVAL_MS: "-5" },
      { RETENTION_JOB_INTERVAL_MS: "3000000000" },
    ]) {
      const settings = retentionSettingsFromEnv(env);
      expect(settings.ok).toBe(false);
      if (!settings.ok) expect(settings.error).toMatch(/^RETENTION_(MONTHS|JOB_INTERVAL_MS): /);
    }
  });
});

describe("the referrer sweep", () => {
  it("takes a referrer left over by two families anonymised at once, with its own audit entry", async () => {
    // As two runs at the same moment would leave it: every family anonymised, the referrer not.
    const referrer = await db().prisma.referrer.findFirstOrThrow({ where: { name: ANONYMISED_TEXT }, orderBy: { id: "asc" } });
    await db().prisma.referrer.update({
      where: { id: referrer.id },
      data: { name: "Mevrouw Testverwijzer", email: "verwijzer@example.org" },
    });
    const again = await anonymiseClosedFamilies(db().prisma, { today: TODAY, retentionMonths: RETENTION_MONTHS });
    expect(again).toMatchObject({ due: 0, anonymised: 0, referrersAnonymised: 1 });
    expect(await db().prisma.referrer.findUniqueOrThrow({ where: { id: referrer.id } })).toMatchObject(anonymisedValues().Referrer);
    const entry = await db().prisma.auditEntry.findFirstOrThrow({ where: { action: "referrer.anonymised" }, orderBy: { id: "desc" } });
    expect(entry).toMatchObject({ userId: null, entityType: "Referrer", entityId: referrer.id, detail: { actor: "system" } });
  });
});
