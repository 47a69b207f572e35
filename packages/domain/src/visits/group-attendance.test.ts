import { describe, expect, it } from "vitest";
import { checkAttendance } from "./group-attendance.ts";

describe("checkAttendance (seed 002: groepsbijeenkomsten voor ouders)", () => {
  it("records a parent with children at a meeting held", () => {
    expect(checkAttendance({ meetingHeldOn: "2026-11-20", today: "2026-11-23", parentCount: 1, childCount: 2 }).ok).toBe(true);
    expect(checkAttendance({ meetingHeldOn: "2026-11-23", today: "2026-11-23", parentCount: 2, childCount: 0 }).ok).toBe(true);
  });
  it("refuses a meeting still to come, and attendance without a parent", () => {
    const r = checkAttendance({ meetingHeldOn: "2026-11-24", today: "2026-11-23", parentCount: 0, childCount: 1 });
    expect(r.reasons.map((x) => x.code)).toEqual(["MEETING_NOT_HELD_YET", "ATTENDANCE_WITHOUT_PARENT"]);
  });
});
