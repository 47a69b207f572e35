import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { CONSENT_TYPES, type ConsentAction, type ConsentType } from "../shared/enums.ts";
import { appendConsentEvent, type ConsentEvent, consentInForce, consentsInForce, decidingConsentEvent, mayDo } from "./consent-state.ts";

const grant = (type: ConsentType, at: string): ConsentEvent => ({ type, action: "GRANTED", at });
const withdraw = (type: ConsentType, at: string): ConsentEvent => ({ type, action: "WITHDRAWN", at });

describe("consent in force — seed 004: only if the parents want it", () => {
  const history = [
    grant("PROCESSING", "2025-03-01T09:00:00+01:00"),
    grant("CONTACT_BY_COORDINATOR", "2025-03-01T09:00:00+01:00"),
    withdraw("CONTACT_BY_COORDINATOR", "2025-03-10T14:00:00+01:00"),
    grant("NOTIFY_REFERRER_START_END", "2025-04-01T10:00:00+02:00"),
  ];

  it("no event: no consent", () => {
    const r = consentInForce([], "PROCESSING", "2025-03-01T09:00:00Z");
    expect(r.ok).toBe(false);
    expect(r.reasons[0]?.code).toBe("NO_CONSENT");
  });

  it("the latest event at or before now wins; a withdrawal takes effect at once", () => {
    expect(consentInForce(history, "CONTACT_BY_COORDINATOR", "2025-03-10T13:59:59+01:00").ok).toBe(true);
    const at = consentInForce(history, "CONTACT_BY_COORDINATOR", "2025-03-10T14:00:00+01:00");
    expect(at.ok).toBe(false);
    expect(at.reasons[0]?.code).toBe("CONSENT_WITHDRAWN");
  });

  it("events after now do not count", () => {
    expect(consentInForce(history, "NOTIFY_REFERRER_START_END", "2025-04-01T07:59:59Z").ok).toBe(false);
    expect(consentInForce(history, "NOTIFY_REFERRER_START_END", "2025-04-01T08:00:00Z").ok).toBe(true);
  });

  it("gives every type's state", () => {
    expect(consentsInForce(history, "2025-05-01T00:00:00Z")).toEqual({
      PROCESSING: true,
      CONTACT_BY_COORDINATOR: false,
      NOTIFY_REFERRER_START_END: true,
      SHARE_DETAILS_WITH_REFERRER: false,
    });
  });

  it("acts after the call-back need processing consent plus their own; the call-back needs only its own", () => {
    const now = "2025-05-01T00:00:00Z";
    expect(mayDo(history, "NOTIFY_REFERRER", now).ok).toBe(true);
    expect(mayDo(history, "CALL_FAMILY", now).reasons.map((r) => r.code)).toEqual(["CONSENT_WITHDRAWN"]);
    expect(mayDo(history, "SHARE_DETAILS_WITH_REFERRER", now).reasons.map((r) => r.code)).toEqual(["NO_CONSENT"]);
    const noProcessing = [...history, withdraw("PROCESSING", "2025-04-15T00:00:00Z")];
    expect(mayDo(noProcessing, "NOTIFY_REFERRER", now).ok).toBe(false);
    const calledBefore = [grant("CONTACT_BY_COORDINATOR", "2025-03-01T09:00:00+01:00")];
    expect(mayDo(calledBefore, "CALL_FAMILY", now).ok).toBe(true);
  });
});

describe("appendConsentEvent — append-only", () => {
  const base = [grant("PROCESSING", "2025-03-01T09:00:00Z")];

  it("appends without changing the input", () => {
    const r = appendConsentEvent(base, withdraw("PROCESSING", "2025-03-02T09:00:00Z"));
    expect(r.ok && r.value).toHaveLength(2);
    expect(base).toHaveLength(1);
  });

  it("refuses an event before (or at) the last one of the same type", () => {
    expect(appendConsentEvent(base, withdraw("PROCESSING", "2025-02-28T09:00:00Z")).reasons[0]?.code).toBe("EVENT_NOT_AFTER_LAST");
    expect(appendConsentEvent(base, grant("PROCESSING", "2025-03-01T10:00:00+01:00")).reasons[0]?.code).toBe("EVENT_NOT_AFTER_LAST");
    // Another type has its own order.
    expect(appendConsentEvent(base, grant("CONTACT_BY_COORDINATOR", "2025-02-01T09:00:00Z")).ok).toBe(true);
  });

  it("refuses a repeated id, a malformed time and a withdrawal of nothing", () => {
    const withId = [{ ...grant("PROCESSING", "2025-03-01T09:00:00Z"), id: "e1" }];
    expect(appendConsentEvent(withId, { ...grant("PROCESSING", "2025-04-01T09:00:00Z"), id: "e1" }).reasons[0]?.code).toBe(
      "EVENT_ALREADY_RECORDED",
    );
    expect(appendConsentEvent(base, grant("PROCESSING", "2025-04-01 09:00")).reasons[0]?.code).toBe("INVALID_DATETIME");
    expect(appendConsentEvent([], withdraw("PROCESSING", "2025-04-01T09:00:00Z")).reasons[0]?.code).toBe("NOTHING_TO_WITHDRAW");
  });

  it("property: a history built by appending answers like the last event at or before now", () => {
    const step = fc.record({
      type: fc.constantFrom(...CONSENT_TYPES),
      action: fc.constantFrom<ConsentAction>("GRANTED", "WITHDRAWN"),
      minutes: fc.integer({ min: -30, max: 60 * 24 * 30 }),
    });
    fc.assert(
      fc.property(fc.array(step, { maxLength: 30 }), fc.integer({ min: 0, max: 60 * 24 * 60 }), (steps, nowMinutes) => {
        const t0 = Date.parse("2025-01-01T00:00:00Z");
        const iso = (m: number) => new Date(t0 + m * 60_000).toISOString();
        let history: ConsentEvent[] = [];
        for (const s of steps) {
          const result = appendConsentEvent(history, { type: s.type, action: s.action, at: iso(s.minutes) });
          if (result.ok) history = result.value;
        }
        const now = iso(nowMinutes);
        for (const type of CONSENT_TYPES) {
          const ofType = history.filter((e) => e.type === type);
          // Appended histories are in time order per type, and never withdraw what was not granted.
          ofType.forEach((e, i) => {
            if (i > 0) expect(Date.parse(e.at)).toBeGreaterThan(Date.parse(ofType[i - 1]!.at));
            if (e.action === "WITHDRAWN") expect(ofType[i - 1]?.action).toBe("GRANTED");
          });
          const expected = ofType.filter((e) => Date.parse(e.at) <= Date.parse(now)).at(-1);
          expect(decidingConsentEvent(history, type, now)).toEqual(expected ?? null);
          expect(consentInForce(history, type, now).ok).toBe(expected?.action === "GRANTED");
        }
      }),
    );
  });
});
