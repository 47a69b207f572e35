import { describe, expect, it } from "vitest";
import type { ConsentEvent } from "../consent/consent-state.ts";
import { dueReferrerNotices, type ReferrerNoticeInput, referrerNotice } from "./referrer-notice.ts";

const granted = (type: ConsentEvent["type"], at = "2025-03-03T09:00:00+01:00"): ConsentEvent => ({ type, action: "GRANTED", at });
const base: ReferrerNoticeInput = {
  kind: "START",
  now: "2025-03-14T12:00:00+01:00",
  consents: [granted("PROCESSING"), granted("NOTIFY_REFERRER_START_END")],
  referrer: { name: "mevrouw De Vries" },
  familyName: "Jansen",
  locationName: "Utrecht",
  coordinatorName: "Fatima el Amrani",
  supportStartOn: "2025-03-14",
  closure: null,
  alreadySent: [],
};
const end: ReferrerNoticeInput = {
  ...base,
  kind: "END",
  now: "2025-11-03T12:00:00+01:00",
  closure: { closedOn: "2025-10-31", reason: "GOALS_REACHED", goalsReached: "ALL" },
  alreadySent: ["START"],
};

describe("referrer notices — seed 004: 'Bij aanvang én bij afsluiting … krijg je bericht'", () => {
  it("start notice with NOTIFY consent: bare, no personal details", () => {
    const r = referrerNotice(base);
    if (!r.ok) throw new Error(r.reasons[0]?.en);
    expect(r.value.detail).toBe("BARE");
    expect(r.value.subject.nl).toBe("Home-Start Utrecht: ondersteuning gestart");
    expect(r.value.body.nl).toContain("Beste mevrouw De Vries,");
    expect(r.value.body.nl).toContain("van het gezin Jansen, dat u naar ons heeft verwezen, is gestart op 14 maart 2025.");
    expect(r.value.body.en).toContain("started on 14 March 2025");
    expect(r.reasons.map((x) => x.code)).toEqual(["DETAILS_NOT_SHARED"]);
  });

  it("end notice with NOTIFY only: no closure reason", () => {
    const r = referrerNotice(end);
    expect(r.ok && r.value.body.nl).toContain("is afgesloten op 31 oktober 2025.");
    expect(r.ok && r.value.body.nl).not.toContain("doelen");
  });

  it("end notice with SHARE_DETAILS too: closure reason and goals reached", () => {
    const r = referrerNotice({ ...end, consents: [...end.consents, granted("SHARE_DETAILS_WITH_REFERRER")] });
    if (!r.ok) throw new Error(r.reasons[0]?.en);
    expect(r.value.detail).toBe("WITH_DETAILS");
    expect(r.value.body.nl).toContain("afgesloten omdat de doelen zijn bereikt");
    expect(r.value.body.nl).toContain("alle doelen zijn bereikt");
    expect(r.value.body.en).toContain("support was closed because the goals were reached");
    expect(r.reasons).toEqual([]);
  });

  it("no consent, no notice — with the reason", () => {
    const r = referrerNotice({ ...base, consents: [granted("PROCESSING")] });
    expect(r.ok).toBe(false);
    expect(r.reasons.map((x) => x.code)).toEqual(["NO_NOTICE_WITHOUT_CONSENT", "NO_CONSENT"]);
    // Share consent alone is not a consent to be notified.
    const shareOnly = referrerNotice({ ...base, consents: [granted("PROCESSING"), granted("SHARE_DETAILS_WITH_REFERRER")] });
    expect(shareOnly.ok).toBe(false);
  });

  it("consent is judged at the moment of sending: withdrawn before the end notice", () => {
    const withdrawn = [
      ...end.consents,
      { type: "NOTIFY_REFERRER_START_END" as const, action: "WITHDRAWN" as const, at: "2025-10-01T09:00:00Z" },
    ];
    expect(referrerNotice({ ...end, consents: withdrawn }).reasons.map((x) => x.code)).toEqual([
      "NO_NOTICE_WITHOUT_CONSENT",
      "CONSENT_WITHDRAWN",
    ]);
  });

  it("no referrer, already sent, not started, not closed", () => {
    expect(referrerNotice({ ...base, referrer: null }).reasons[0]?.code).toBe("NO_REFERRER");
    expect(referrerNotice({ ...base, alreadySent: ["START"] }).reasons[0]?.code).toBe("NOTICE_ALREADY_SENT");
    expect(referrerNotice({ ...base, supportStartOn: null }).reasons[0]?.code).toBe("SUPPORT_NOT_STARTED");
    expect(referrerNotice({ ...end, closure: null }).reasons[0]?.code).toBe("SUPPORT_NOT_CLOSED");
  });

  it("which notices are due", () => {
    const family = { source: "REFERRER" as const, status: "ACTIVE" as const, supportStartOn: "2025-03-14", alreadySent: [] };
    expect(dueReferrerNotices(family)).toEqual(["START"]);
    expect(dueReferrerNotices({ ...family, alreadySent: ["START"] })).toEqual([]);
    expect(dueReferrerNotices({ ...family, status: "CLOSED", alreadySent: ["START"] })).toEqual(["END"]);
    expect(dueReferrerNotices({ ...family, source: "SELF" })).toEqual([]);
  });
});
