// The dashboard reads straight through the driver and sums each active match's visits in
// PostgreSQL (VisitSummary) instead of loading them: its signals must be exactly those the domain
// gives from the records loaded whole through Prisma, visits and all.
import { addDays, dashboardSignals, type IsoDate } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { isoDate, todayInNetherlands } from "../mappers.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();

const DASHBOARD = `query ($on: Date) { dashboard(on: $on) { code familyId volunteerId dueOn message { en } } }`;
const VISIT_CODES = new Set(["NO_RECENT_VISIT", "HOURS_BELOW_EXPECTED", "HOURS_ABOVE_EXPECTED"]);

/** Every signal (but failed notices, which the seed has none of) the domain gives on `on` from whole records. */
async function expectedSignals(locationIds: string[], on: IsoDate): Promise<string[]> {
  const { prisma } = getDb();
  const families = await prisma.family.findMany({
    where: { locationId: { in: locationIds }, status: { in: ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE"] } },
    include: { matches: { orderBy: [{ startOn: "asc" }, { id: "asc" }], include: { visits: true } }, evaluations: true },
  });
  const volunteers = await prisma.volunteer.findMany({
    where: { locationId: { in: locationIds }, status: { in: ["ACTIVE", "IN_TRAINING", "PAUSED"] } },
  });
  const signals = dashboardSignals(
    {
      families: families.map((f) => {
        const m = f.matches.find((x) => x.endOn === null);
        const interim = f.evaluations.filter((e) => e.kind === "INTERIM").map((e) => isoDate(e.heldOn));
        return {
          id: f.id,
          status: f.status,
          registeredOn: isoDate(f.registeredOn),
          calledBackOn: f.calledBackAt ? todayInNetherlands(f.calledBackAt) : null,
          supportStartOn: f.matches[0] ? isoDate(f.matches[0].startOn) : null,
          interimEvaluationOn: interim.sort().at(-1) ?? null,
          activeMatch: m
            ? {
                id: m.id,
                volunteerId: m.volunteerId,
                startOn: isoDate(m.startOn),
                visits: m.visits.map((v) => ({ visitedOn: isoDate(v.visitedOn), minutes: v.minutes })),
              }
            : null,
        };
      }),
      volunteers: volunteers.map((v) => ({
        id: v.id,
        status: v.status,
        vogIssuedOn: v.vogIssuedOn ? isoDate(v.vogIssuedOn) : null,
        trainingCompletedOn: v.trainingCompletedOn ? isoDate(v.trainingCompletedOn) : null,
      })),
    },
    on,
  );
  return signals.map((s) => line(s.code, s.familyId ? encodeGlobalID("Family", s.familyId) : null, s.volunteerId, s.dueOn, s.en));
}

const line = (code: string, familyId: string | null, volunteerId: string | null, dueOn: string | null, en: string) =>
  `${code} ${familyId} ${volunteerId} ${dueOn} ${en}`;

describe("dashboard signals", () => {
  it("equal the domain's judgement of the whole records and every visit, today and on later days", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const me = await coordinator.request<{ me: { locations: Array<{ id: string }> } }>("{ me { locations { id } } }");
    const locationIds = (me.data?.me.locations ?? []).map((l) => Buffer.from(l.id, "base64").toString("utf8").split(":")[1]!);
    // One early family called back late in the evening (the Dutch date is the day after the UTC
    // one) and one never called back, so the call-back rule has both cases to judge.
    const early = await getDb().prisma.family.findMany({
      where: { locationId: { in: locationIds }, status: { in: ["REGISTERED", "INTAKE"] } },
      orderBy: { id: "asc" },
      take: 2,
    });
    expect(early.length).toBe(2);
    await getDb().prisma.family.update({
      where: { id: early[0]!.id },
      data: {
        status: "REGISTERED",
        registeredOn: new Date(`${addDays(SEED_TODAY, -30)}T00:00:00Z`),
        calledBackAt: new Date(`${addDays(SEED_TODAY, -26)}T23:30:00Z`),
      },
    });
    await getDb().prisma.family.update({
      where: { id: early[1]!.id },
      data: { status: "REGISTERED", registeredOn: new Date(`${addDays(SEED_TODAY, -30)}T00:00:00Z`), calledBackAt: null },
    });
    const codes = new Set<string>();
    for (const on of [SEED_TODAY, addDays(SEED_TODAY, 10), addDays(SEED_TODAY, 20), addDays(SEED_TODAY, 120)]) {
      const res = await coordinator.request<{
        dashboard: Array<{
          code: string;
          familyId: string | null;
          volunteerId: string | null;
          dueOn: string | null;
          message: { en: string };
        }>;
      }>(DASHBOARD, { on });
      expect(res.errors).toBeUndefined();
      const actual = (res.data?.dashboard ?? []).map((s) => line(s.code, s.familyId, s.volunteerId, s.dueOn, s.message.en));
      expect(actual.sort()).toEqual((await expectedSignals(locationIds, on)).sort());
      for (const s of res.data?.dashboard ?? []) codes.add(s.code);
    }
    // The comparison means something only if the visit signals and the others appear.
    expect([...codes].filter((c) => VISIT_CODES.has(c)).length).toBeGreaterThan(0);
    expect([...codes].filter((c) => !VISIT_CODES.has(c)).length).toBeGreaterThan(2);
  });
});
