import { describe, expect, it } from "vitest";
import type { ConsentEvent } from "../consent/consent-state.ts";
import { checkMatchEnd, checkMatchStart, type MatchStartInput } from "./check-match.ts";

const consents: ConsentEvent[] = [{ type: "PROCESSING", action: "GRANTED", at: "2026-03-01T09:00:00+01:00" }];
const base: MatchStartInput = {
  familyStatus: "WAITING_FOR_MATCH",
  matches: [],
  consents,
  now: "2026-03-05T10:00:00+01:00",
  eligibility: { outcome: "ELIGIBLE", reasons: [] },
  volunteer: { id: "v1", status: "ACTIVE", trainingCompletedOn: "2025-10-01", vogIssuedOn: "2025-09-01", maxFamilies: 1, openMatches: 0 },
  registeredOn: "2026-03-01",
  startOn: "2026-03-09",
};
const codes = (r: { reasons: { code: string }[] }) => r.reasons.map((x) => x.code);

describe("checkMatchStart (seed 003: one volunteer for a period)", () => {
  it("starts support for a family waiting for a match", () => {
    expect(checkMatchStart(base)).toEqual({ ok: true, value: { kind: "START" }, reasons: [] });
  });

  it("applies the lifecycle's guards to the first start", () => {
    const r = checkMatchStart({ ...base, consents: [], volunteer: { ...base.volunteer, openMatches: 1 } });
    expect(codes(r)).toEqual(expect.arrayContaining(["VOLUNTEER_AT_CAPACITY"]));
    expect(r.ok).toBe(false);
    expect(codes(checkMatchStart({ ...base, familyStatus: "INTAKE" }))).toEqual(["TRANSITION_NOT_ALLOWED"]);
    expect(codes(checkMatchStart({ ...base, familyStatus: "CLOSED" }))).toEqual(["TRANSITION_NOT_ALLOWED"]);
  });

  it("rematches an active family only once the previous match has ended, not before its end", () => {
    const active = { ...base, familyStatus: "ACTIVE" as const };
    expect(checkMatchStart({ ...active, matches: [{ startOn: "2026-01-05", endOn: "2026-03-06" }] })).toEqual({
      ok: true,
      value: { kind: "REMATCH" },
      reasons: [],
    });
    expect(checkMatchStart({ ...active, matches: [{ startOn: "2026-01-05", endOn: "2026-03-09" }] }).ok).toBe(true); // handover day
    expect(codes(checkMatchStart({ ...active, matches: [{ startOn: "2026-01-05", endOn: null }] }))).toEqual(["MATCH_STILL_OPEN"]);
    expect(codes(checkMatchStart({ ...active, matches: [{ startOn: "2026-01-05", endOn: "2026-03-10" }] }))).toEqual([
      "REMATCH_BEFORE_PREVIOUS_END",
    ]);
  });

  it("applies the same guards to a rematch", () => {
    const r = checkMatchStart({
      ...base,
      familyStatus: "ACTIVE",
      matches: [{ startOn: "2026-01-05", endOn: "2026-03-06" }],
      eligibility: { outcome: "NOT_ELIGIBLE", reasons: [] },
      volunteer: { ...base.volunteer, vogIssuedOn: null },
    });
    expect(codes(r)).toEqual(["FAMILY_NOT_ELIGIBLE", "VOG_MISSING"]);
  });
});

describe("checkMatchEnd", () => {
  const input = {
    familyStatus: "ACTIVE" as const,
    match: { startOn: "2026-01-05", endOn: null },
    endOn: "2026-03-01",
    today: "2026-03-05",
    lastVisitOn: "2026-02-23",
  };
  it("ends an open match of an active family", () => {
    expect(checkMatchEnd(input)).toEqual({ ok: true, value: { endOn: "2026-03-01" }, reasons: [] });
    expect(checkMatchEnd({ ...input, endOn: "2026-01-05", lastVisitOn: null }).ok).toBe(true);
  });
  it("refuses an ended match, an end before the start, in the future, or before a logged visit", () => {
    expect(codes(checkMatchEnd({ ...input, match: { ...input.match, endOn: "2026-02-01" } }))).toEqual(["MATCH_ALREADY_ENDED"]);
    expect(codes(checkMatchEnd({ ...input, endOn: "2026-01-04", lastVisitOn: null }))).toEqual(["MATCH_END_BEFORE_START"]);
    expect(codes(checkMatchEnd({ ...input, endOn: "2026-03-06" }))).toEqual(["MATCH_END_IN_FUTURE"]);
    expect(codes(checkMatchEnd({ ...input, endOn: "2026-02-20" }))).toEqual(["VISITS_AFTER_MATCH_END"]);
    expect(codes(checkMatchEnd({ ...input, familyStatus: "CLOSED" }))).toEqual(["FAMILY_NOT_ACTIVE"]);
  });
});
