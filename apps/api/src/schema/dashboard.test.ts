// The dashboard sums each active match's visits in PostgreSQL (VisitSummary) instead of loading
// them: its visit signals must be exactly those the domain gives from the visits themselves.
import { addDays, familySignals, type IsoDate } from "@homestart/domain";
import { encodeGlobalID } from "@pothos/plugin-relay";
import { describe, expect, it } from "vitest";
import { isoDate } from "../mappers.ts";
import { DEMO_EMAIL, SEED_TODAY, useSeededApi } from "../testing/seeded-api.ts";

const { db: getDb, loggedIn } = useSeededApi();

const DASHBOARD = `query ($on: Date) { dashboard(on: $on) { code familyId message { en } } }`;
const VISIT_CODES = new Set(["NO_RECENT_VISIT", "HOURS_BELOW_EXPECTED", "HOURS_ABOVE_EXPECTED"]);

/** The visit signals the domain gives on `on` from every visit of each open family's active match. */
async function expectedVisitSignals(locationIds: string[], on: IsoDate): Promise<string[]> {
  const families = await getDb().prisma.family.findMany({
    where: { locationId: { in: locationIds }, status: { in: ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE"] } },
    include: { matches: { where: { endOn: null }, include: { visits: true } } },
  });
  return families.flatMap((f) => {
    const m = f.matches[0];
    const signals = familySignals(
      {
        id: f.id,
        status: f.status,
        registeredOn: isoDate(f.registeredOn),
        calledBackOn: null,
        supportStartOn: null,
        interimEvaluationOn: null,
        activeMatch: m
          ? {
              id: m.id,
              volunteerId: m.volunteerId,
              startOn: isoDate(m.startOn),
              visits: m.visits.map((v) => ({ visitedOn: isoDate(v.visitedOn), minutes: v.minutes })),
            }
          : null,
      },
      on,
    );
    return signals.filter((s) => VISIT_CODES.has(s.code)).map((s) => `${s.code} ${encodeGlobalID("Family", f.id)} ${s.en}`);
  });
}

describe("dashboard visit signals", () => {
  it("equal the domain's judgement of every visit, today and on later days", async () => {
    const coordinator = await loggedIn(DEMO_EMAIL.coordinator);
    const me = await coordinator.request<{ me: { locations: Array<{ id: string }> } }>("{ me { locations { id } } }");
    const locationIds = (me.data?.me.locations ?? []).map((l) => Buffer.from(l.id, "base64").toString("utf8").split(":")[1]!);
    let seen = 0;
    for (const on of [SEED_TODAY, addDays(SEED_TODAY, 10), addDays(SEED_TODAY, 20), addDays(SEED_TODAY, 120)]) {
      const res = await coordinator.request<{ dashboard: Array<{ code: string; familyId: string | null; message: { en: string } }> }>(
        DASHBOARD,
        { on },
      );
      expect(res.errors).toBeUndefined();
      const actual = (res.data?.dashboard ?? [])
        .filter((s) => VISIT_CODES.has(s.code))
        .map((s) => `${s.code} ${s.familyId} ${s.message.en}`);
      const expected = await expectedVisitSignals(locationIds, on);
      expect(actual.sort()).toEqual(expected.sort());
      seen += actual.length;
    }
    // The comparison means something only if some visit signals appear.
    expect(seen).toBeGreaterThan(0);
  });
});
