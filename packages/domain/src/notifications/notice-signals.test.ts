import { describe, expect, it } from "vitest";
import { failedNoticeSignals } from "./notice-signals.ts";

describe("failedNoticeSignals (seed 004: the referrer gets a notice at start and closure)", () => {
  it("raises an alert for each failed notice only", () => {
    const signals = failedNoticeSignals([
      { familyId: "f1", kind: "END", status: "FAILED", attempts: 3 },
      { familyId: "f2", kind: "START", status: "SENT", attempts: 1 },
      { familyId: "f3", kind: "START", status: "CANCELLED", attempts: 0 },
      { familyId: "f4", kind: "START", status: "PENDING", attempts: 0 },
    ]);
    expect(signals).toHaveLength(1);
    expect(signals[0]).toMatchObject({ code: "REFERRER_NOTICE_FAILED", severity: "ALERT", familyId: "f1" });
    expect(signals[0]?.nl).toContain("3 pogingen");
    expect(signals[0]?.en).toContain("closure");
  });
});
