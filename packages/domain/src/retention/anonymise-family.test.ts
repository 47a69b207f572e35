import { describe, expect, it } from "vitest";
import {
  ANONYMISED_TEXT,
  anonymisedValues,
  FIGURES_FIELDS,
  noticeStatusAfterAnonymisation,
  referrerToAnonymise,
} from "./anonymise-family.ts";

describe("anonymisedValues: what each personal field becomes", () => {
  it("names become the placeholder; contact details, address, notes and dates of birth go", () => {
    const v = anonymisedValues();
    expect(ANONYMISED_TEXT).toBe("Geanonimiseerd");
    expect(v.Parent).toEqual({
      firstName: ANONYMISED_TEXT,
      lastName: ANONYMISED_TEXT,
      phone: null,
      email: null,
      phoneKey: null,
      emailKey: null,
      nameKey: "geanonimiseerd geanonimiseerd",
    });
    expect(v.Family).toEqual({ address: null, postcode: null, note: null, languages: [], preferredLanguage: null });
    expect(v.Child).toEqual({ firstName: null, bornOn: null, expectedOn: null });
    expect(v.Referrer).toEqual({ name: ANONYMISED_TEXT, organisation: null, email: null, phone: null });
    for (const free of [v.Closure.note, v.Match.endReason, v.Visit.note, v.ConsentEvent.note, v.SupportQuestion.goal]) {
      expect(free).toBeNull();
    }
    expect(v.Evaluation.summary).toBe("");
    expect(v.OutboxEmail.to).toBe("");
  });

  it("never touches a field the annual figures read, so the figures stay the same", () => {
    const v = anonymisedValues() as unknown as Record<string, Record<string, unknown>>;
    for (const [table, fields] of Object.entries(FIGURES_FIELDS)) {
      for (const field of fields) expect(Object.keys(v[table] ?? {}), `${table}.${field}`).not.toContain(field);
    }
  });

  it("gives each caller its own values", () => {
    const a = anonymisedValues();
    a.Family.languages.push("nl");
    expect(anonymisedValues().Family.languages).toEqual([]);
  });
});

describe("referrerToAnonymise: a referrer's details go with the last family they referred", () => {
  it("only when every family they referred is anonymised", () => {
    expect(referrerToAnonymise([{ anonymised: true }])).toBe(true);
    expect(referrerToAnonymise([{ anonymised: true }, { anonymised: true }])).toBe(true);
    expect(referrerToAnonymise([{ anonymised: true }, { anonymised: false }])).toBe(false);
    expect(referrerToAnonymise([])).toBe(false);
  });
});

describe("noticeStatusAfterAnonymisation", () => {
  it("cancels notices still waiting to be sent; sent and cancelled ones keep their status", () => {
    expect(noticeStatusAfterAnonymisation("PENDING")).toEqual({ status: "CANCELLED", cancelled: true });
    expect(noticeStatusAfterAnonymisation("FAILED")).toEqual({ status: "CANCELLED", cancelled: true });
    expect(noticeStatusAfterAnonymisation("SENT")).toEqual({ status: "SENT", cancelled: false });
    expect(noticeStatusAfterAnonymisation("CANCELLED")).toEqual({ status: "CANCELLED", cancelled: false });
  });
});
