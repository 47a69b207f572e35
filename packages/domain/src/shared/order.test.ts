import { describe, expect, it } from "vitest";
import { compareDutch, compareText } from "./order.ts";

describe("orders", () => {
  it("compareText is code-point order (ids and codes)", () => {
    expect(["b", "B", "a", "10", "9"].sort(compareText)).toEqual(["10", "9", "B", "a", "b"]);
  });

  it("compareDutch is the Dutch alphabet for names people read, as localeCompare(…, 'nl') was", () => {
    const names = ["Zaanstad", "'s-Hertogenbosch", "Ede", "Échteld", "Almere", "aalten", "IJsselstein", "Ijmuiden"];
    expect([...names].sort(compareDutch)).toEqual([...names].sort((a, b) => a.localeCompare(b, "nl")));
    expect(["Ede", "Almere", "aalten"].sort(compareDutch)).toEqual(["aalten", "Almere", "Ede"]);
  });
});
