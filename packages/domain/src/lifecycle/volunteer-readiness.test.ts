import { describe, expect, it } from "vitest";
import { openMatchCount, type VolunteerForReadiness, vogExpiresOn, volunteerReadiness } from "./volunteer-readiness.ts";

const ready: VolunteerForReadiness = {
  id: "anneke",
  status: "ACTIVE",
  trainingCompletedOn: "2024-10-01",
  vogIssuedOn: "2024-09-01",
  maxFamilies: 2,
  openMatches: 1,
};
const codes = (v: VolunteerForReadiness, today = "2025-03-01") => volunteerReadiness(v, today).reasons.map((r) => r.code);

describe("volunteerReadiness — seed 000: trained and supervised volunteers", () => {
  it("an active, trained volunteer with a recent VOG and room is ready", () => {
    expect(volunteerReadiness(ready, "2025-03-01").ok).toBe(true);
  });

  it("reports every failing check", () => {
    expect(codes({ ...ready, status: "IN_TRAINING", trainingCompletedOn: null, vogIssuedOn: null, openMatches: 2 })).toEqual([
      "VOLUNTEER_NOT_ACTIVE",
      "TRAINING_NOT_COMPLETED",
      "VOG_MISSING",
      "VOLUNTEER_AT_CAPACITY",
    ]);
  });

  it("a VOG is accepted until it is 3 years old (configurable)", () => {
    expect(vogExpiresOn("2022-03-01")).toBe("2025-03-01");
    expect(codes({ ...ready, vogIssuedOn: "2022-03-02" })).toEqual([]);
    expect(codes({ ...ready, vogIssuedOn: "2022-03-01" })).toEqual(["VOG_TOO_OLD"]);
    expect(
      volunteerReadiness({ ...ready, vogIssuedOn: "2021-03-02" }, "2025-03-01", { vogValidYears: 4, trainingValidYears: null }).ok,
    ).toBe(true);
    // Issued on 29 February: three years later is 28 February.
    expect(vogExpiresOn("2020-02-29")).toBe("2023-02-28");
  });

  it("training can be given a validity period", () => {
    const r = volunteerReadiness(ready, "2026-10-01", { vogValidYears: 3, trainingValidYears: 2 });
    expect(r.reasons.map((x) => x.code)).toEqual(["TRAINING_EXPIRED"]);
  });

  it("dates in the future do not count yet", () => {
    expect(codes({ ...ready, trainingCompletedOn: "2025-03-02", vogIssuedOn: "2025-03-02" })).toEqual([
      "TRAINING_NOT_COMPLETED",
      "VOG_MISSING",
    ]);
  });

  it("counts open matches: running today or planned", () => {
    const matches = [
      { startOn: "2024-01-01", endOn: "2025-02-28" },
      { startOn: "2024-06-01", endOn: "2025-03-01" },
      { startOn: "2025-01-01", endOn: null },
      { startOn: "2025-04-01", endOn: null },
    ];
    expect(openMatchCount(matches, "2025-03-01")).toBe(3);
  });
});
