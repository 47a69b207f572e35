import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { IsoDate } from "../shared/dates.ts";
import { checkEvaluation, type EvaluationFacts } from "./check-evaluation.ts";

const active: EvaluationFacts = { status: "ACTIVE", supportStartOn: "2026-03-01", closedOn: null, existing: [], today: "2026-11-23" };
const codes = (r: { reasons: Array<{ code: string }> }) => r.reasons.map((x) => x.code);

describe("checkEvaluation (seed 002 outcomes, seed 004 support period)", () => {
  it("allows an interim evaluation during running support, with scores 1–5", () => {
    const r = checkEvaluation(active, {
      kind: "INTERIM",
      heldOn: "2026-09-01",
      scores: { parentalWellbeing: 4, network: 1, childBehaviour: null },
    });
    expect(r.ok).toBe(true);
  });

  it("refuses before support started, before the start date, and in the future", () => {
    expect(
      codes(
        checkEvaluation(
          { ...active, status: "WAITING_FOR_MATCH", supportStartOn: null },
          { kind: "INTERIM", heldOn: "2026-09-01", scores: {} },
        ),
      ),
    ).toEqual(["SUPPORT_NOT_STARTED"]);
    expect(codes(checkEvaluation(active, { kind: "INTERIM", heldOn: "2026-02-28", scores: {} }))).toEqual(["EVALUATION_BEFORE_START"]);
    expect(codes(checkEvaluation(active, { kind: "INTERIM", heldOn: "2026-11-24", scores: {} }))).toEqual(["EVALUATION_IN_FUTURE"]);
    // The start day itself and today are fine.
    expect(checkEvaluation(active, { kind: "INTERIM", heldOn: "2026-03-01", scores: {} }).ok).toBe(true);
    expect(checkEvaluation(active, { kind: "FINAL", heldOn: "2026-11-23", scores: {} }).ok).toBe(true);
  });

  it("allows one FINAL per family, and no interim after the final one or after closure", () => {
    const closed: EvaluationFacts = {
      ...active,
      status: "CLOSED",
      closedOn: "2026-10-01",
      existing: [{ kind: "FINAL", heldOn: "2026-10-01" }],
    };
    expect(codes(checkEvaluation(closed, { kind: "FINAL", heldOn: "2026-10-02", scores: {} }))).toEqual(["FINAL_EVALUATION_EXISTS"]);
    expect(codes(checkEvaluation(closed, { kind: "INTERIM", heldOn: "2026-10-02", scores: {} }))).toEqual([
      "INTERIM_AFTER_FINAL",
      "INTERIM_AFTER_CLOSURE",
    ]);
    // A final evaluation shortly after closure is the usual case.
    expect(checkEvaluation({ ...closed, existing: [] }, { kind: "FINAL", heldOn: "2026-10-05", scores: {} }).ok).toBe(true);
  });

  it("accepts exactly the whole scores 1 to 5", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -10, max: 10 }), fc.double({ noNaN: true, min: -10, max: 10 })), (score) => {
        const r = checkEvaluation(active, { kind: "INTERIM", heldOn: "2026-09-01" as IsoDate, scores: { positiveParenting: score } });
        expect(r.ok).toBe(Number.isInteger(score) && score >= 1 && score <= 5);
      }),
    );
  });
});
