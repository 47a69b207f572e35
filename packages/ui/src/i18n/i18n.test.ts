import { describe, expect, test } from "vitest";
import { sharedDictionaries } from "./dictionaries.ts";
import { formatDate, formatDateTime, formatNumber, parseCalendarDate } from "./format.ts";
import { interpolate } from "./I18nProvider.tsx";

describe("dates the Dutch way", () => {
  test("a calendar date is that day, whatever the time zone", () => {
    expect(formatDate("2026-03-05", "nl")).toBe("5 maart 2026");
    expect(formatDate("2026-03-05", "en")).toBe("5 March 2026");
    expect(formatDate("2026-03-05", "nl", "short")).toBe("05-03-2026");
    expect(formatDate("2026-03-05", "en", "short")).toBe("05/03/2026");
    expect(formatDate("2026-03-05", "nl", "full")).toBe("donderdag 5 maart 2026");
  });

  test("a moment is shown in Dutch time", () => {
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(formatDate("2025-12-31T23:30:00Z", "nl")).toBe("1 januari 2026");
    expect(formatDateTime("2026-07-01T12:05:00Z", "nl")).toBe("1 juli 2026 om 14:05");
    expect(formatDateTime("2026-07-01T12:05:00Z", "en")).toBe("1 July 2026 at 14:05");
  });

  test("nonsense is refused, not shifted", () => {
    expect(() => parseCalendarDate("2026-02-30")).toThrow(RangeError);
    expect(() => parseCalendarDate("5-3-2026")).toThrow(RangeError);
  });

  test("numbers group the Dutch way", () => {
    expect(formatNumber(1234.5, "nl")).toBe("1.234,5");
    expect(formatNumber(1234.5, "en")).toBe("1,234.5");
  });
});

describe("texts", () => {
  test("placeholders are filled, unknown ones left alone", () => {
    expect(interpolate("Ingelogd als {name} ({role})", { name: "Anna", role: "Coördinator" })).toBe("Ingelogd als Anna (Coördinator)");
    expect(interpolate("{missing}", {})).toBe("{missing}");
  });

  test("Dutch and English have the same keys, and no empty texts", () => {
    expect(Object.keys(sharedDictionaries.en).sort()).toEqual(Object.keys(sharedDictionaries.nl).sort());
    for (const text of [...Object.values(sharedDictionaries.nl), ...Object.values(sharedDictionaries.en)]) expect(text.trim()).not.toBe("");
  });
});
