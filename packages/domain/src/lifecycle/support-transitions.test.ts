import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ConsentEvent } from "../consent/consent-state.ts";
import { FAMILY_STATUSES, type FamilyStatus } from "../shared/enums.ts";
import {
  checkSupportTransition,
  isFinalSupportStatus,
  nextSupportStates,
  SUPPORT_TRANSITIONS,
  type SupportTransition,
} from "./support-transitions.ts";
import type { VolunteerForReadiness } from "./volunteer-readiness.ts";

const now = "2025-03-05T10:00:00+01:00";
const consents: ConsentEvent[] = [{ type: "PROCESSING", action: "GRANTED", at: "2025-03-03T09:00:00+01:00" }];
const eligible = { outcome: "ELIGIBLE" as const, reasons: [] };
const notEligible = { outcome: "NOT_ELIGIBLE" as const, reasons: [{ code: "CHILD_TOO_OLD", nl: "te oud", en: "too old" }] };
const volunteer: VolunteerForReadiness = {
  id: "v1",
  status: "ACTIVE",
  trainingCompletedOn: "2024-10-01",
  vogIssuedOn: "2024-09-01",
  maxFamilies: 1,
  openMatches: 0,
};

/** An input for `to` whose guard passes. */
function goodInput(to: FamilyStatus): SupportTransition {
  switch (to) {
    case "INTAKE":
      return { to, consents, now };
    case "WAITING_FOR_MATCH":
      return { to, consents, now, eligibility: eligible };
    case "ACTIVE":
      return { to, consents, now, eligibility: eligible, volunteer, registeredOn: "2025-03-03", startOn: "2025-03-14" };
    case "CLOSED":
      return {
        to,
        closure: { reason: "GOALS_REACHED", closedOn: "2025-12-01" },
        registeredOn: "2025-03-03",
        supportStartOn: "2025-03-14",
        today: "2025-12-01",
      };
    case "DECLINED":
      return { to };
    case "NOT_ELIGIBLE":
      return { to, eligibility: notEligible };
    case "REGISTERED":
      // Never a target; any input does for the table check.
      return { to: "DECLINED" };
  }
}

const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe("support lifecycle — the happy path", () => {
  it("REGISTERED → INTAKE → WAITING_FOR_MATCH → ACTIVE → CLOSED", () => {
    const path: FamilyStatus[] = ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE", "CLOSED"];
    for (let i = 1; i < path.length; i++) {
      expect(checkSupportTransition(path[i - 1]!, goodInput(path[i]!)).ok).toBe(true);
    }
  });
});

describe("support lifecycle — guards", () => {
  it("intake needs processing consent", () => {
    expect(codes(checkSupportTransition("REGISTERED", { to: "INTAKE", consents: [], now }))).toEqual(["NO_CONSENT"]);
    const withdrawn: ConsentEvent[] = [...consents, { type: "PROCESSING", action: "WITHDRAWN", at: "2025-03-04T09:00:00Z" }];
    expect(codes(checkSupportTransition("REGISTERED", { to: "INTAKE", consents: withdrawn, now }))).toEqual(["CONSENT_WITHDRAWN"]);
  });

  it("the intake is done only with consent and eligibility", () => {
    const r = checkSupportTransition("INTAKE", { to: "WAITING_FOR_MATCH", consents: [], now, eligibility: notEligible });
    expect(codes(r)).toEqual(["NO_CONSENT", "FAMILY_NOT_ELIGIBLE", "CHILD_TOO_OLD"]);
  });

  it("a volunteer only when ready", () => {
    const input = goodInput("ACTIVE");
    if (input.to !== "ACTIVE") throw new Error("unreachable");
    const busy = checkSupportTransition("WAITING_FOR_MATCH", { ...input, volunteer: { ...volunteer, openMatches: 1 } });
    expect(codes(busy)).toEqual(["VOLUNTEER_AT_CAPACITY"]);
    const oldVog = checkSupportTransition("WAITING_FOR_MATCH", { ...input, volunteer: { ...volunteer, vogIssuedOn: "2022-03-14" } });
    expect(codes(oldVog)).toEqual(["VOG_TOO_OLD"]);
    const lenient = checkSupportTransition("WAITING_FOR_MATCH", {
      ...input,
      volunteer: { ...volunteer, vogIssuedOn: "2022-03-14" },
      readinessPolicy: { vogValidYears: 5, trainingValidYears: null },
    });
    expect(lenient.ok).toBe(true);
    const early = checkSupportTransition("WAITING_FOR_MATCH", { ...input, startOn: "2025-03-01" });
    expect(codes(early)).toEqual(["START_BEFORE_REGISTRATION"]);
  });

  it("closure needs a reason and a date not before the support start", () => {
    const base = { to: "CLOSED" as const, registeredOn: "2025-03-03", supportStartOn: "2025-03-14", today: "2025-12-01" };
    expect(codes(checkSupportTransition("ACTIVE", { ...base, closure: { reason: null, closedOn: null } }))).toEqual([
      "CLOSURE_REASON_REQUIRED",
      "CLOSURE_DATE_REQUIRED",
    ]);
    expect(codes(checkSupportTransition("ACTIVE", { ...base, closure: { reason: "MOVED_AWAY", closedOn: "2025-03-13" } }))).toEqual([
      "CLOSURE_BEFORE_START",
    ]);
    expect(checkSupportTransition("ACTIVE", { ...base, closure: { reason: "MOVED_AWAY", closedOn: "2025-03-14" } }).ok).toBe(true);
    expect(codes(checkSupportTransition("ACTIVE", { ...base, closure: { reason: "MOVED_AWAY", closedOn: "2025-12-02" } }))).toEqual([
      "CLOSURE_IN_FUTURE",
    ]);
  });

  it("closing while waiting: no goals reached, not before registration", () => {
    const base = { to: "CLOSED" as const, registeredOn: "2025-03-03", supportStartOn: null, today: "2025-04-01" };
    expect(
      checkSupportTransition("WAITING_FOR_MATCH", { ...base, closure: { reason: "NO_MATCH_POSSIBLE", closedOn: "2025-04-01" } }).ok,
    ).toBe(true);
    expect(
      codes(checkSupportTransition("WAITING_FOR_MATCH", { ...base, closure: { reason: "GOALS_REACHED", closedOn: "2025-03-01" } })),
    ).toEqual(["GOALS_REACHED_WITHOUT_SUPPORT", "CLOSURE_BEFORE_START"]);
  });

  it("NOT_ELIGIBLE only when the judgement says so", () => {
    expect(codes(checkSupportTransition("REGISTERED", { to: "NOT_ELIGIBLE", eligibility: eligible }))).toEqual(["FAMILY_IS_ELIGIBLE"]);
    expect(checkSupportTransition("INTAKE", { to: "NOT_ELIGIBLE", eligibility: notEligible }).ok).toBe(true);
  });

  it("no way back, and nothing after a final state", () => {
    expect(codes(checkSupportTransition("ACTIVE", goodInput("WAITING_FOR_MATCH")))).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(codes(checkSupportTransition("CLOSED", goodInput("ACTIVE")))).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(codes(checkSupportTransition("ACTIVE", goodInput("DECLINED")))).toEqual(["TRANSITION_NOT_ALLOWED"]);
  });
});

describe("support lifecycle — properties of the state machine", () => {
  const status = fc.constantFrom(...FAMILY_STATUSES);

  it("a transition is allowed by the table exactly when listed", () => {
    fc.assert(
      fc.property(status, status, (from, to) => {
        const r = checkSupportTransition(from, goodInput(to));
        const target = goodInput(to).to;
        expect(r.ok).toBe(SUPPORT_TRANSITIONS[from].includes(target));
      }),
    );
  });

  it("random walks with passing guards always end in a final state within 4 steps", () => {
    fc.assert(
      fc.property(fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (choices) => {
        let state: FamilyStatus = "REGISTERED";
        let steps = 0;
        for (const choice of choices) {
          const options = nextSupportStates(state);
          if (options.length === 0) break;
          const to = options[choice % options.length]!;
          expect(checkSupportTransition(state, goodInput(to)).ok).toBe(true);
          state = to;
          steps++;
        }
        expect(isFinalSupportStatus(state)).toBe(true);
        expect(steps).toBeLessThanOrEqual(4);
      }),
    );
  });

  it("every state is reachable from REGISTERED and none leads back to REGISTERED", () => {
    const seen = new Set<FamilyStatus>(["REGISTERED"]);
    const queue: FamilyStatus[] = ["REGISTERED"];
    while (queue.length > 0) {
      for (const next of nextSupportStates(queue.shift()!)) {
        expect(next).not.toBe("REGISTERED");
        if (!seen.has(next)) {
          seen.add(next);
          queue.push(next);
        }
      }
    }
    expect([...seen].sort()).toEqual([...FAMILY_STATUSES].sort());
  });
});
