import { describe, expect, it } from "vitest";
import { addDays } from "../shared/dates.ts";
import {
  DEFAULT_SIGNAL_POLICY,
  dashboardSignals,
  expectedHours,
  type FamilyForSignals,
  familySignals,
  hoursWindow,
  signalPolicyOn,
  summariseVisits,
  volunteerSignals,
} from "./dashboard-signals.ts";

const registered: FamilyForSignals = {
  id: "f1",
  status: "REGISTERED",
  registeredOn: "2025-03-07", // a Friday
  calledBackOn: null,
  supportStartOn: null,
  interimEvaluationOn: null,
  activeMatch: null,
};

/** Weekly visits of `minutes` from `from` up to `until`. */
function weekly(from: string, until: string, minutes: number) {
  const visits = [];
  for (let d = from; d <= until; d = addDays(d, 7)) visits.push({ visitedOn: d, minutes });
  return visits;
}

const active = (start: string, visits = weekly(start, "2025-12-31", 120)): FamilyForSignals => ({
  id: "f2",
  status: "ACTIVE",
  registeredOn: addDays(start, -10),
  calledBackOn: addDays(start, -9),
  supportStartOn: start,
  interimEvaluationOn: null,
  activeMatch: { id: "m1", volunteerId: "v1", startOn: start, visits },
});

const codes = (f: FamilyForSignals, today: string, policy = DEFAULT_SIGNAL_POLICY) => familySignals(f, today, policy).map((s) => s.code);

describe("dashboard signals", () => {
  it("not called back within 3 working days (Friday + 3 = Wednesday)", () => {
    expect(codes(registered, "2025-03-12")).toEqual([]);
    expect(codes(registered, "2025-03-13")).toEqual(["NOT_CALLED_BACK"]);
    expect(codes({ ...registered, calledBackOn: "2025-03-10" }, "2025-03-13")).toEqual([]);
    // A holiday pushes the deadline.
    expect(codes(registered, "2025-03-13", { ...DEFAULT_SIGNAL_POLICY, holidays: ["2025-03-10"] })).toEqual([]);
  });

  it("on a date, counts working days without the Dutch public holidays (signalPolicyOn)", () => {
    // Registered on Wednesday 24 December 2025: Christmas and Boxing Day are no working days, so the
    // deadline is Wednesday 31 December, not Monday 29.
    const christmas = { ...registered, registeredOn: "2025-12-24" };
    expect(codes(christmas, "2025-12-31", signalPolicyOn("2025-12-31"))).toEqual([]);
    expect(codes(christmas, "2026-01-02", signalPolicyOn("2026-01-02"))).toEqual(["NOT_CALLED_BACK"]);
    expect(codes(christmas, "2025-12-31")).toEqual(["NOT_CALLED_BACK"]);
    expect(signalPolicyOn("2026-03-01")).toMatchObject({
      ...DEFAULT_SIGNAL_POLICY,
      holidays: expect.arrayContaining(["2025-12-25", "2027-05-06"]),
    });
  });

  it("not started within 14 days of registration (seed 004: 'binnen twee weken', no waiting lists)", () => {
    const waiting = { ...registered, status: "WAITING_FOR_MATCH" as const, calledBackOn: "2025-03-08" };
    expect(codes(waiting, "2025-03-21")).toEqual([]);
    const late = familySignals(waiting, "2025-03-22", DEFAULT_SIGNAL_POLICY);
    expect(late.map((s) => [s.code, s.dueOn, s.familyId])).toEqual([["NOT_STARTED_IN_TIME", "2025-03-21", "f1"]]);
  });

  it("interim evaluation due 6 months after the start, unless held", () => {
    const f = active("2025-01-15");
    expect(codes(f, "2025-07-14")).not.toContain("INTERIM_EVALUATION_DUE");
    expect(codes(f, "2025-07-15")).toContain("INTERIM_EVALUATION_DUE");
    expect(codes({ ...f, interimEvaluationOn: "2025-07-01" }, "2025-07-15")).not.toContain("INTERIM_EVALUATION_DUE");
    expect(codes(f, "2025-05-15", { ...DEFAULT_SIGNAL_POLICY, interimEvaluationMonths: 4 })).toContain("INTERIM_EVALUATION_DUE");
  });

  it("support nearing 18 months warns from 16 months (seed 004: 'tot anderhalf jaar')", () => {
    const f = { ...active("2024-01-31", weekly("2024-01-31", "2026-01-01", 120)), interimEvaluationOn: "2024-07-31" };
    expect(codes(f, "2025-05-30")).toEqual([]);
    expect(codes(f, "2025-05-31")).toEqual(["NEARING_MAX_DURATION"]);
    const at18 = familySignals(f, "2025-07-31");
    expect(at18.map((s) => [s.code, s.severity])).toEqual([["MAX_DURATION_REACHED", "ALERT"]]);
  });

  it("no visit logged for 14 days on an active match", () => {
    const f = active("2025-01-06", weekly("2025-01-06", "2025-03-03", 120));
    expect(codes(f, "2025-03-16")).not.toContain("NO_RECENT_VISIT");
    expect(codes(f, "2025-03-17")).toContain("NO_RECENT_VISIT");
    // No visit at all since the start.
    expect(codes(active("2025-03-01", []), "2025-03-15")).toContain("NO_RECENT_VISIT");
  });

  it("hours far from 105 a year: pro rata ±40%, only after 8 weeks", () => {
    expect(expectedHours(365)).toBe(105);
    // Weekly visits of 2 hours ≈ 104 hours a year: fine.
    expect(codes(active("2025-01-06"), "2025-06-30")).not.toContain("HOURS_BELOW_EXPECTED");
    // Weekly visits of 30 minutes: far below.
    const little = active("2025-01-06", weekly("2025-01-06", "2025-12-31", 30));
    expect(codes(little, "2025-03-02")).not.toContain("HOURS_BELOW_EXPECTED"); // before 8 weeks
    expect(codes(little, "2025-03-03")).toContain("HOURS_BELOW_EXPECTED");
    // Weekly visits of 5 hours: far above.
    expect(codes(active("2025-01-06", weekly("2025-01-06", "2025-12-31", 300)), "2025-06-30")).toContain("HOURS_ABOVE_EXPECTED");
  });

  it("a visit summary (as the database aggregates it) gives the same signals as the visits themselves", () => {
    const cases: Array<[FamilyForSignals, string]> = [
      [active("2025-01-06", weekly("2025-01-06", "2025-03-03", 120)), "2025-03-17"],
      [active("2025-01-06", weekly("2025-01-06", "2025-12-31", 30)), "2025-03-03"],
      [active("2025-01-06", weekly("2025-01-06", "2025-12-31", 300)), "2025-06-30"],
      [active("2024-01-06", weekly("2024-01-06", "2025-12-31", 120)), "2025-06-30"], // window shorter than the match
      [active("2025-03-01", []), "2025-03-15"],
    ];
    for (const [f, today] of cases) {
      const match = f.activeMatch!;
      if (!("visits" in match)) throw new Error("test data has visits");
      const summary = summariseVisits(match.visits, match.startOn, today);
      expect(summary.hoursWindowFrom).toBe(hoursWindow(match.startOn, today).from);
      const summarised = {
        ...f,
        activeMatch: { id: match.id, volunteerId: match.volunteerId, startOn: match.startOn, visitSummary: summary },
      };
      expect(familySignals(summarised, today)).toEqual(familySignals(f, today));
    }
  });

  it("refuses a visit summary made for another day", () => {
    const f = active("2025-01-06");
    const match = f.activeMatch!;
    if (!("visits" in match)) throw new Error("test data has visits");
    const summary = summariseVisits(match.visits, match.startOn, "2025-06-29");
    const stale = { ...f, activeMatch: { id: match.id, volunteerId: match.volunteerId, startOn: match.startOn, visitSummary: summary } };
    expect(() => familySignals(stale, "2025-06-30")).toThrow(RangeError);
  });

  it("VOG and training renewal", () => {
    const v = { id: "v1", status: "ACTIVE" as const, vogIssuedOn: "2022-06-01", trainingCompletedOn: "2022-01-10" };
    expect(volunteerSignals(v, "2025-04-01")).toEqual([]);
    expect(volunteerSignals(v, "2025-04-02").map((s) => [s.code, s.dueOn])).toEqual([["VOG_RENEWAL_DUE", "2025-06-01"]]);
    expect(volunteerSignals(v, "2025-06-01").map((s) => s.code)).toEqual(["VOG_EXPIRED"]);
    const refresh = volunteerSignals(v, "2025-12-01", DEFAULT_SIGNAL_POLICY, { vogValidYears: 3, trainingValidYears: 4 });
    expect(refresh.map((s) => s.code)).toEqual(["VOG_EXPIRED", "TRAINING_RENEWAL_DUE"]);
    expect(volunteerSignals({ ...v, status: "STOPPED" }, "2026-01-01")).toEqual([]);
    expect(volunteerSignals({ ...v, vogIssuedOn: null }, "2025-01-01").map((s) => s.code)).toEqual(["VOG_MISSING"]);
  });

  it("the dashboard lists the most severe first, deterministically", () => {
    const list = dashboardSignals(
      {
        families: [registered, { ...active("2023-09-01"), id: "f3", interimEvaluationOn: "2024-03-01" }],
        volunteers: [{ id: "v9", status: "ACTIVE", vogIssuedOn: "2022-01-01", trainingCompletedOn: "2021-01-01" }],
      },
      "2025-03-22",
    );
    expect(list.map((s) => [s.severity, s.code])).toEqual([
      ["ALERT", "VOG_EXPIRED"],
      ["ALERT", "MAX_DURATION_REACHED"],
      ["WARNING", "NOT_CALLED_BACK"],
      ["WARNING", "NOT_STARTED_IN_TIME"],
    ]);
  });
});
