import { describe, expect, it } from "vitest";
import { mayRetryNotice } from "./retry-notice.ts";

describe("mayRetryNotice (seed 004: a notice at start and closure, once, only with consent)", () => {
  it("retries failed and cancelled notices only", () => {
    expect(mayRetryNotice("FAILED").ok).toBe(true);
    expect(mayRetryNotice("CANCELLED").ok).toBe(true);
    expect(mayRetryNotice("SENT").reasons[0]?.code).toBe("NOTICE_ALREADY_SENT");
    expect(mayRetryNotice("PENDING").reasons[0]?.code).toBe("NOTICE_STILL_PENDING");
  });
});
