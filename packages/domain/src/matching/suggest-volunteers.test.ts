import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  CANDIDATE_VOLUNTEER_STATUSES,
  childAgeGroups,
  type FamilyForMatching,
  postcodeArea,
  suggestVolunteers,
  type VolunteerForMatching,
} from "./suggest-volunteers.ts";

const today = "2025-03-01";
const family: FamilyForMatching = {
  id: "betty",
  municipalityCode: "GM0344",
  postcode: "3521 AB",
  languages: ["nl", "ar"],
  // seed 004's example family: Lars (14), Merel (12), Iris (8).
  children: [{ bornOn: "2010-09-01" }, { bornOn: "2012-05-01" }, { bornOn: "2016-06-01" }],
};
const base: VolunteerForMatching = {
  id: "v0",
  status: "ACTIVE",
  trainingCompletedOn: "2024-01-10",
  vogIssuedOn: "2024-01-01",
  maxFamilies: 1,
  openMatches: 0,
  municipalityCode: "GM0344",
  postcode: "3500 XX",
  languages: ["nl"],
  availability: ["TUE_MORNING"],
  experienceAgeGroups: [],
};

describe("suggestVolunteers", () => {
  it("ranks by language, area, availability and experience, with reasons", () => {
    const anneke = {
      ...base,
      id: "anneke",
      postcode: "3521 CD",
      languages: ["NL", "ar"],
      availability: ["MON_MORNING", "TUE_MORNING"],
      experienceAgeGroups: ["7_12", "13_17"],
    };
    const bram = { ...base, id: "bram", experienceAgeGroups: ["7_12"] };
    const cor = { ...base, id: "cor", municipalityCode: "GM0307", postcode: "3811 AA", languages: ["en"], availability: [] };
    const { ranked, excluded } = suggestVolunteers(family, [cor, bram, anneke], today);
    expect(excluded).toEqual([]);
    expect(ranked.map((r) => [r.rank, r.volunteerId, r.score])).toEqual([
      [1, "anneke", 3 + 3 + 2 + 2],
      [2, "bram", 3 + 2 + 1 + 1],
      [3, "cor", 0],
    ]);
    expect(ranked[0]!.reasons.map((r) => r.code)).toEqual([
      "SHARED_LANGUAGE",
      "SAME_POSTCODE_AREA",
      "AVAILABLE_SLOTS",
      "EXPERIENCE_ALL_AGES",
    ]);
    expect(ranked[0]!.reasons[0]!.nl).toBe("Spreekt de taal van het gezin: ar, nl.");
    expect(ranked[2]!.reasons.map((r) => r.code)).toEqual([
      "NO_SHARED_LANGUAGE",
      "OTHER_AREA",
      "NO_AVAILABILITY_RECORDED",
      "NO_EXPERIENCE_WITH_AGES",
    ]);
  });

  it("excludes volunteers that are not ready, and says why", () => {
    const busy = { ...base, id: "busy", openMatches: 1 };
    const paused = { ...base, id: "paused", status: "PAUSED" as const, vogIssuedOn: "2020-01-01" };
    const { ranked, excluded } = suggestVolunteers(family, [busy, paused, base], today);
    expect(ranked.map((r) => r.volunteerId)).toEqual(["v0"]);
    expect(excluded.map((e) => [e.volunteerId, e.reasons.map((r) => r.code)])).toEqual([
      ["busy", ["VOLUNTEER_AT_CAPACITY"]],
      ["paused", ["VOLUNTEER_NOT_ACTIVE", "VOG_TOO_OLD"]],
    ]);
  });

  it("leaves out volunteers who have stopped: they are neither suggested nor listed as not ready", () => {
    const stopped = { ...base, id: "stopped", status: "STOPPED" as const };
    const { ranked, excluded } = suggestVolunteers(family, [stopped, base], today);
    expect(ranked.map((r) => r.volunteerId)).toEqual(["v0"]);
    expect(excluded).toEqual([]);
    expect(CANDIDATE_VOLUNTEER_STATUSES).not.toContain("STOPPED");
  });

  it("uses the family's preferred day parts when given", () => {
    const { ranked } = suggestVolunteers(
      { ...family, preferredSlots: ["WED_EVENING", "TUE_MORNING"] },
      [base, { ...base, id: "v1", availability: ["FRI_AFTERNOON"] }],
      today,
    );
    expect(ranked.map((r) => [r.volunteerId, r.reasons[2]!.code])).toEqual([
      ["v0", "AVAILABILITY_MATCHES"],
      ["v1", "NO_COMMON_AVAILABILITY"],
    ]);
  });

  it("age groups: pregnancy, 0–3, 4–6, 7–12, 13–17", () => {
    expect(childAgeGroups(family.children, today)).toEqual(["13_17", "7_12"]);
    expect(childAgeGroups([{ expectedOn: "2025-06-01" }, { bornOn: "2021-03-01" }, { bornOn: "2021-03-02" }], today)).toEqual([
      "0_3",
      "4_6",
      "PREGNANCY",
    ]);
    expect(postcodeArea("3521ab")).toBe("3521");
    expect(postcodeArea(null)).toBeNull();
  });

  it("property: ties are broken by id and the order does not depend on the input order", () => {
    const volunteer = fc.record({
      id: fc.string({ minLength: 1, maxLength: 4 }),
      languages: fc.subarray(["nl", "ar", "en", "pl"]),
      availability: fc.subarray(["MON_MORNING", "TUE_MORNING", "WED_EVENING", "THU_AFTERNOON"]),
      experienceAgeGroups: fc.subarray(["PREGNANCY", "0_3", "4_6", "7_12", "13_17"]),
      postcode: fc.constantFrom("3521 AB", "3500 XX", "1011 AA", null),
    });
    fc.assert(
      fc.property(fc.uniqueArray(volunteer, { selector: (v) => v.id, maxLength: 8 }), (vs) => {
        const all = vs.map((v) => ({ ...base, ...v }));
        const a = suggestVolunteers(family, all, today);
        const b = suggestVolunteers(family, [...all].reverse(), today);
        expect(a).toEqual(b);
        a.ranked.forEach((r, i) => {
          expect(r.rank).toBe(i + 1);
          const next = a.ranked[i + 1];
          if (next) expect(r.score > next.score || (r.score === next.score && r.volunteerId < next.volunteerId)).toBe(true);
        });
      }),
    );
  });
});
