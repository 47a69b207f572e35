import { describe, expect, it } from "vitest";
import { type LicenceForExpiry, licenceExpiryWarnings } from "./expiry-warnings.ts";

const lic = (id: string, status: LicenceForExpiry["status"], validUntil: string | null): LicenceForExpiry => ({
  id,
  status,
  validFrom: "2022-01-01",
  validUntil,
});

describe("licenceExpiryWarnings", () => {
  it("expires within 90 days, expired but still running, no end date", () => {
    const warnings = licenceExpiryWarnings(
      [
        lic("far", "ACTIVE", "2025-07-01"),
        lic("soon", "ACTIVE", "2025-05-30"),
        lic("edge", "SUSPENDED", "2025-05-31"),
        lic("late", "ACTIVE", "2025-02-28"),
        lic("open", "ACTIVE", null),
        lic("done", "EXPIRED", "2024-12-31"),
        lic("new", "APPLIED", null),
      ],
      "2025-03-02",
    );
    expect(warnings.map((w) => [w.licenceId, w.code, w.daysLeft])).toEqual([
      ["open", "NO_END_DATE", null],
      ["late", "EXPIRED_STILL_RUNNING", -2],
      ["soon", "EXPIRES_SOON", 89],
      ["edge", "EXPIRES_SOON", 90],
    ]);
  });

  it("the window is configurable", () => {
    expect(licenceExpiryWarnings([lic("far", "ACTIVE", "2025-07-01")], "2025-03-02", 180)).toHaveLength(1);
  });
});
