// The demo seed (prisma/seed.ts) on a fresh migrated database: the figures it promises, the
// consistency of the lifecycle, the demo logins, and that it is deterministic.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { verifyPassword } from "../../../apps/api/src/auth/password.ts";
import { DEMO_LOGINS, DEMO_PASSWORD, SeedRefusedError, type SeedSummary, seedDemo } from "../../../prisma/seed.ts";
import { type Database, LicenceStatus, type Prisma, Role } from "./index.ts";
import { createTestDatabase } from "./testing.ts";

const TODAY = "2026-06-15";
const SCALE = 0.5;
const DAY_MS = 86_400_000;
const today = new Date(`${TODAY}T00:00:00Z`);
const daysBefore = (days: number) => new Date(today.getTime() - days * DAY_MS);
const iso = (d: Date | null) => (d === null ? null : d.toISOString().slice(0, 10));

/** Rows per table, counted in the database. */
async function tableCounts(prisma: Prisma): Promise<Record<string, number>> {
  const counts = await Promise.all([
    prisma.municipality.count(),
    prisma.user.count(),
    prisma.organisation.count(),
    prisma.location.count(),
    prisma.locationMunicipality.count(),
    prisma.agePolicy.count(),
    prisma.municipalDecision.count(),
    prisma.licence.count(),
    prisma.licenceMunicipality.count(),
    prisma.licenceStatusChange.count(),
    prisma.qualityReview.count(),
    prisma.qualityReviewReviewer.count(),
    prisma.improvementAction.count(),
    prisma.userLocationScope.count(),
    prisma.userMunicipalityScope.count(),
    prisma.referrer.count(),
    prisma.volunteer.count(),
    prisma.family.count(),
    prisma.parent.count(),
    prisma.child.count(),
    prisma.referral.count(),
    prisma.consentEvent.count(),
    prisma.supportQuestion.count(),
    prisma.match.count(),
    prisma.visit.count(),
    prisma.evaluation.count(),
    prisma.closure.count(),
    prisma.referrerNotification.count(),
    prisma.outboxEmail.count(),
    prisma.groupMeeting.count(),
    prisma.groupMeetingAttendance.count(),
    prisma.supervisionMeeting.count(),
    prisma.auditEntry.count(),
  ]);
  const names = [
    "municipalities",
    "users",
    "organisations",
    "locations",
    "locationMunicipalities",
    "agePolicies",
    "municipalDecisions",
    "licences",
    "licenceMunicipalities",
    "licenceStatusChanges",
    "qualityReviews",
    "qualityReviewReviewers",
    "improvementActions",
    "userLocationScopes",
    "userMunicipalityScopes",
    "referrers",
    "volunteers",
    "families",
    "parents",
    "children",
    "referrals",
    "consentEvents",
    "supportQuestions",
    "matches",
    "visits",
    "evaluations",
    "closures",
    "referrerNotifications",
    "outboxEmails",
    "groupMeetings",
    "groupMeetingAttendances",
    "supervisionMeetings",
    "auditEntries",
  ];
  return Object.fromEntries(names.map((name, i) => [name, counts[i] ?? -1]));
}

/** Registration dates and statuses in a stable order, to compare two seeded databases. */
async function familyFingerprint(prisma: Prisma): Promise<string[]> {
  const families = await prisma.family.findMany({
    select: { id: true, registeredOn: true, status: true, source: true },
    orderBy: [{ registeredOn: "asc" }, { id: "asc" }],
  });
  return families.map((f) => `${iso(f.registeredOn)} ${f.status} ${f.source} ${f.id}`);
}

describe("demo seed", () => {
  let db: Database;
  let summary: SeedSummary;

  beforeAll(async () => {
    db = await createTestDatabase();
    summary = await seedDemo(db.prisma, { today: TODAY, scale: SCALE });
  }, 180_000);

  afterAll(async () => {
    await db?.close();
  });

  it("writes every row it reports, and something in every table", async () => {
    const counts = await tableCounts(db.prisma);
    expect(counts).toEqual(summary.counts);
    for (const [table, count] of Object.entries(counts)) expect(count, table).toBeGreaterThan(0);
  });

  it("loads all 342 municipalities", async () => {
    expect(await db.prisma.municipality.count()).toBe(342);
    expect(await db.prisma.municipality.findUnique({ where: { code: "GM0820" } })).toMatchObject({
      name: "Nuenen, Gerwen en Nederwetten",
      province: "Noord-Brabant",
    });
  });

  it("has several organisations and locations in different provinces", async () => {
    expect(await db.prisma.organisation.count()).toBeGreaterThanOrEqual(5);
    const locations = await db.prisma.location.findMany({
      where: { closedOn: null },
      include: { municipalities: { include: { municipality: true } } },
    });
    expect(locations.length).toBeGreaterThanOrEqual(8);
    const provinces = new Set(locations.flatMap((l) => l.municipalities.map((m) => m.municipality.province)));
    expect(provinces.size).toBeGreaterThanOrEqual(6);
    for (const l of locations) expect(l.municipalities.length).toBeGreaterThanOrEqual(1);
  });

  it("has age policies 0–6, 0–14 and 0–17, and one municipality that extended to 0–17 in 2019", async () => {
    const policies = await db.prisma.agePolicy.findMany({ orderBy: { validFrom: "asc" } });
    expect(new Set(policies.map((p) => p.maxAgeInclusive))).toEqual(new Set([6, 14, 17]));
    expect(policies.every((p) => p.pregnancyWeeksFrom === 28)).toBe(true);
    const byMunicipality = new Map<string, typeof policies>();
    for (const p of policies) byMunicipality.set(p.municipalityId, [...(byMunicipality.get(p.municipalityId) ?? []), p]);
    const changed = [...byMunicipality.values()].filter((list) => list.length > 1);
    expect(changed).toHaveLength(1);
    const [before, after] = changed[0] ?? [];
    expect([before?.maxAgeInclusive, iso(before?.validUntil ?? null)]).toEqual([6, "2018-12-31"]);
    expect([after?.maxAgeInclusive, iso(after?.validFrom ?? null), after?.validUntil]).toEqual([17, "2019-01-01", null]);
  });

  it("has licences in every state, with a status history that ends in the current state", async () => {
    const licences = await db.prisma.licence.findMany({ include: { statusHistory: { orderBy: { at: "asc" } }, municipalities: true } });
    expect(new Set(licences.map((l) => l.status))).toEqual(new Set(Object.values(LicenceStatus)));
    for (const l of licences) {
      expect(l.statusHistory.at(-1)?.toStatus, l.number).toBe(l.status);
      expect(l.statusHistory[0]?.fromStatus, l.number).toBeNull();
      expect(l.municipalities.length, l.number).toBeGreaterThan(0);
      expect(l.conditions).toMatch(/coördinator/);
    }
  });

  it("has a location overdue for its visitatie, planned reviews and past-due improvement actions", async () => {
    const overdue = await db.prisma.location.findMany({
      where: { closedOn: null, qualityReviews: { none: { status: "PERFORMED", performedOn: { gte: daysBefore(3 * 365) } } } },
    });
    expect(overdue.length).toBeGreaterThanOrEqual(1);
    expect(await db.prisma.qualityReview.count({ where: { status: "PLANNED", plannedOn: { gt: today } } })).toBeGreaterThan(0);
    expect(await db.prisma.improvementAction.count({ where: { completedOn: null, dueOn: { lt: today } } })).toBeGreaterThan(0);
    const outcomes = await db.prisma.qualityReview.findMany({ where: { status: "PERFORMED" }, select: { outcome: true } });
    expect(new Set(outcomes.map((r) => r.outcome))).toEqual(new Set(["MEETS_STANDARDS", "MEETS_WITH_ACTIONS", "DOES_NOT_MEET"]));
  });

  it("refers about 62% of families, each with a referral", async () => {
    const families = await db.prisma.family.count();
    const referred = await db.prisma.family.count({ where: { source: "REFERRER" } });
    expect(referred / families).toBeGreaterThanOrEqual(0.55);
    expect(referred / families).toBeLessThanOrEqual(0.7);
    expect(await db.prisma.referral.count()).toBe(referred);
    expect(await db.prisma.family.count({ where: { source: "SELF", referral: { isNot: null } } })).toBe(0);
  });

  it("has about 30% single-parent households", async () => {
    const known = await db.prisma.family.count({ where: { householdType: { not: null } } });
    const single = await db.prisma.family.count({ where: { householdType: "SINGLE_PARENT" } });
    expect(single / known).toBeGreaterThanOrEqual(0.25);
    expect(single / known).toBeLessThanOrEqual(0.35);
  });

  it("visits about 105 hours per family-year of support", async () => {
    // Hours visited divided by the years of support: each match from its start to its end (or today).
    const matches = await db.prisma.match.findMany({ select: { startOn: true, endOn: true } });
    const lastDay = daysBefore(1).getTime();
    const supportDays = matches.reduce(
      (sum, m) => sum + (Math.min(m.endOn?.getTime() ?? lastDay, lastDay) - m.startOn.getTime()) / DAY_MS + 1,
      0,
    );
    const minutes = (await db.prisma.visit.aggregate({ _sum: { minutes: true } }))._sum.minutes ?? 0;
    const hoursPerYear = minutes / 60 / (supportDays / 365.25);
    expect(hoursPerYear).toBeGreaterThan(80);
    expect(hoursPerYear).toBeLessThan(130);
    expect(await db.prisma.visit.count({ where: { visitedOn: { gte: today } } })).toBe(0);
  });

  it("keeps the lifecycle consistent with matches, closures and evaluations", async () => {
    const families = await db.prisma.family.findMany({
      include: { matches: true, closure: true, evaluations: true, consents: true, children: true },
    });
    const statuses = new Set(families.map((f) => f.status));
    for (const s of ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE", "CLOSED", "DECLINED", "NOT_ELIGIBLE"] as const) {
      expect(statuses.has(s), s).toBe(true);
    }
    for (const f of families) {
      const open = f.matches.filter((m) => m.endOn === null);
      const granted = (type: string) => f.consents.some((c) => c.type === type && c.action === "GRANTED");
      expect(f.children.length, f.id).toBeGreaterThan(0);
      if (f.status === "ACTIVE") expect(open, f.id).toHaveLength(1);
      else expect(open, f.id).toHaveLength(0);
      if (f.status === "CLOSED") {
        const lastStart = Math.max(...f.matches.map((m) => m.startOn.getTime()));
        expect(f.closure, f.id).not.toBeNull();
        expect(f.closure?.closedOn.getTime() ?? 0, f.id).toBeGreaterThanOrEqual(lastStart);
        expect(
          f.evaluations.some((e) => e.kind === "FINAL"),
          f.id,
        ).toBe(true);
      } else {
        expect(f.closure, f.id).toBeNull();
      }
      if (["WAITING_FOR_MATCH", "ACTIVE", "CLOSED"].includes(f.status)) expect(granted("PROCESSING"), f.id).toBe(true);
      if (f.source === "REFERRER") expect(granted("CONTACT_BY_COORDINATOR"), f.id).toBe(true);
      const start = Math.min(...f.matches.map((m) => m.startOn.getTime()));
      const sixMonths = 183 * DAY_MS;
      const end = f.closure?.closedOn.getTime() ?? today.getTime();
      if (f.matches.length > 0 && end - start > sixMonths + 14 * DAY_MS) {
        expect(
          f.evaluations.some((e) => e.kind === "INTERIM"),
          f.id,
        ).toBe(true);
      }
    }
    expect(families.some((f) => f.children.some((c) => c.bornOn === null && c.expectedOn !== null))).toBe(true);
  });

  it("judges families eligible by the age policy in force on the registration day", async () => {
    const policies = await db.prisma.agePolicy.findMany();
    const served = await db.prisma.locationMunicipality.findMany();
    const families = await db.prisma.family.findMany({ include: { children: true } });
    /** Whole years of age on a day: "0 t/m 6 jaar" means before the 7th birthday. */
    const ageOn = (born: Date, on: Date) => {
      const years = on.getUTCFullYear() - born.getUTCFullYear();
      const birthdayPassed = on.getUTCMonth() * 100 + on.getUTCDate() >= born.getUTCMonth() * 100 + born.getUTCDate();
      return birthdayPassed ? years : years - 1;
    };
    let eligibleCount = 0;
    for (const f of families) {
      const on = f.registeredOn;
      const offered = served.some(
        (s) =>
          s.locationId === f.locationId &&
          s.municipalityId === f.municipalityId &&
          s.servedFrom <= on &&
          (s.servedUntil === null || on <= s.servedUntil),
      );
      const policy = policies.find(
        (p) => p.municipalityId === f.municipalityId && p.validFrom <= on && (p.validUntil === null || on <= p.validUntil),
      );
      const eligible =
        offered &&
        policy !== undefined &&
        f.children.some((c) =>
          c.bornOn !== null && c.bornOn <= on
            ? ageOn(c.bornOn, on) <= policy.maxAgeInclusive
            : c.expectedOn !== null && c.expectedOn.getTime() - on.getTime() <= (40 - policy.pregnancyWeeksFrom) * 7 * DAY_MS,
        );
      // A family that has not been called back yet has not been judged: it may turn out either way.
      if (f.status !== "REGISTERED") expect(eligible, `${f.id} ${f.status}`).toBe(f.status !== "NOT_ELIGIBLE");
      if (eligible) eligibleCount += 1;
    }
    expect(eligibleCount).toBeGreaterThan(0);
  });

  it("matches trained volunteers within their capacity; open matches are with active volunteers", async () => {
    const matches = await db.prisma.match.findMany({ include: { volunteer: true } });
    for (const m of matches) {
      expect(m.volunteer.trainingCompletedOn, m.id).not.toBeNull();
      expect(m.volunteer.trainingCompletedOn?.getTime() ?? Number.POSITIVE_INFINITY, m.id).toBeLessThan(m.startOn.getTime());
      if (m.endOn === null) expect(m.volunteer.status, m.id).toBe("ACTIVE");
      else expect(m.endOn.getTime(), m.id).toBeGreaterThanOrEqual(m.startOn.getTime());
    }
    const open = new Map<string, number>();
    for (const m of matches) if (m.endOn === null) open.set(m.volunteerId, (open.get(m.volunteerId) ?? 0) + 1);
    const overloaded = matches.filter((m) => (open.get(m.volunteerId) ?? 0) > m.volunteer.maxFamilies);
    expect(overloaded).toHaveLength(0);
    const oldVog = await db.prisma.volunteer.count({ where: { status: "ACTIVE", vogIssuedOn: { lt: daysBefore(3 * 365) } } });
    expect(oldVog).toBeGreaterThan(0);
  });

  it("gives a coordinator something to do: new registrations not yet called back, waiting and active families", async () => {
    expect(await db.prisma.family.count({ where: { registeredOn: { gte: daysBefore(3) }, calledBackAt: null } })).toBeGreaterThan(0);
    expect(await db.prisma.family.count({ where: { status: "WAITING_FOR_MATCH" } })).toBeGreaterThan(0);
    expect(await db.prisma.family.count({ where: { status: "ACTIVE" } })).toBeGreaterThan(0);
    const first = await db.prisma.family.findFirst({ orderBy: { registeredOn: "asc" } });
    expect(first?.registeredOn.getTime()).toBeGreaterThanOrEqual(daysBefore(3 * 366).getTime());
  });

  it("notifies referrers only where the parents allowed it", async () => {
    const notifications = await db.prisma.referrerNotification.findMany({ include: { family: { include: { consents: true } } } });
    expect(notifications.some((n) => n.kind === "START")).toBe(true);
    expect(notifications.some((n) => n.kind === "END")).toBe(true);
    expect(notifications.filter((n) => n.status === "FAILED")).toHaveLength(1);
    for (const n of notifications) {
      const consent = n.family.consents.some(
        (c) => c.type === "NOTIFY_REFERRER_START_END" && c.action === "GRANTED" && c.at <= n.createdAt,
      );
      expect(consent, n.id).toBe(true);
    }
    expect(await db.prisma.consentEvent.count({ where: { action: "WITHDRAWN" } })).toBeGreaterThan(0);
  });

  it("has one user per role at least, with the scopes of the demo logins", async () => {
    const roles = await db.prisma.user.groupBy({ by: ["role"], _count: { _all: true } });
    expect(new Set(roles.map((r) => r.role))).toEqual(new Set(Object.values(Role)));
    const coordinators = await db.prisma.user.findMany({
      where: { role: "COORDINATOR", email: { in: DEMO_LOGINS.map((l) => l.email) } },
      include: { locationScopes: true },
    });
    expect(coordinators).toHaveLength(2);
    const [a, b] = coordinators.map((c) => c.locationScopes.map((s) => s.locationId));
    expect(a).toHaveLength(1);
    expect(b).toHaveLength(1);
    expect(a?.[0]).not.toBe(b?.[0]);
    const officer = await db.prisma.user.findFirstOrThrow({ where: { role: "MUNICIPAL_OFFICER" }, include: { municipalityScopes: true } });
    const municipalityId = officer.municipalityScopes[0]?.municipalityId ?? "";
    const served = await db.prisma.locationMunicipality.findMany({ where: { municipalityId } });
    const coordinatorLocations = coordinators.flatMap((c) => c.locationScopes.map((s) => s.locationId));
    expect(served.some((s) => coordinatorLocations.includes(s.locationId))).toBe(true);
  });

  it("stores a password hash that the demo password verifies against", async () => {
    expect(new Set(DEMO_LOGINS.map((l) => l.role))).toEqual(new Set(Object.values(Role)));
    for (const login of DEMO_LOGINS) {
      const user = await db.prisma.user.findUniqueOrThrow({ where: { email: login.email } });
      expect(user.active).toBe(true);
      expect(user.passwordHash).not.toContain(DEMO_PASSWORD);
      expect(await verifyPassword(user.passwordHash, login.password)).toBe(true);
    }
    const anyUser = await db.prisma.user.findFirstOrThrow();
    expect(await verifyPassword(anyUser.passwordHash, "wrong-password")).toBe(false);
  });

  it("refuses to seed a database that already holds data", async () => {
    await expect(seedDemo(db.prisma, { today: TODAY, scale: SCALE })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await db.prisma.family.count()).toBe(summary.counts.families);
  });

  it("is deterministic: the same options on another fresh database give the same data", async () => {
    const other = await createTestDatabase();
    try {
      const again = await seedDemo(other.prisma, { today: TODAY, scale: SCALE });
      expect(again.counts).toEqual(summary.counts);
      expect(await tableCounts(other.prisma)).toEqual(await tableCounts(db.prisma));
      expect(await familyFingerprint(other.prisma)).toEqual(await familyFingerprint(db.prisma));
      const minutes = async (p: Prisma) => (await p.visit.aggregate({ _sum: { minutes: true } }))._sum.minutes;
      expect(await minutes(other.prisma)).toBe(await minutes(db.prisma));
    } finally {
      await other.close();
    }
  }, 180_000);
});
