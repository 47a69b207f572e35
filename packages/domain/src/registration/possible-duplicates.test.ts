import { describe, expect, it } from "vitest";
import { type FamilyFingerprint, normalisePhone, possibleDuplicates } from "./possible-duplicates.ts";

const family = (id: string, parent: Partial<FamilyFingerprint["parents"][number]>, births: string[] = []): FamilyFingerprint => ({
  id,
  parents: [{ firstName: "Sanne", lastName: "Jansen", phone: null, email: null, ...parent }],
  childBirthDates: births,
});

describe("a family that looks registered already (issue 9: same phone, e-mail, or name and child's birth date)", () => {
  it("matches the same phone written differently", () => {
    expect(normalisePhone("06-12 34 56 78")).toBe("0612345678");
    expect(normalisePhone("+31 6 12345678")).toBe("0612345678");
    expect(normalisePhone("0031612345678")).toBe("0612345678");
    const found = possibleDuplicates(family("new", { phone: "+31 6 1234 5678" }), [
      family("old", { firstName: "Other", phone: "06-12345678" }),
    ]);
    expect(found).toEqual([{ familyId: "old", matches: ["PHONE"] }]);
  });

  it("matches the same e-mail in other capitals", () => {
    const found = possibleDuplicates(family("new", { email: "Sanne@Example.nl" }), [
      family("old", { firstName: "X", email: "sanne@example.nl " }),
    ]);
    expect(found).toEqual([{ familyId: "old", matches: ["EMAIL"] }]);
  });

  it("matches the same parent name only together with a child's birth date", () => {
    const newFamily = family("new", { firstName: "Zoë", lastName: "de Vries" }, ["2025-03-14"]);
    expect(possibleDuplicates(newFamily, [family("a", { firstName: "zoe", lastName: "De  Vries" }, ["2025-03-14", "2021-01-01"])])).toEqual(
      [{ familyId: "a", matches: ["NAME_AND_BIRTH_DATE"] }],
    );
    expect(possibleDuplicates(newFamily, [family("b", { firstName: "Zoë", lastName: "de Vries" }, ["2024-01-01"])])).toEqual([]);
    expect(possibleDuplicates(newFamily, [family("c", { firstName: "Eva", lastName: "de Vries" }, ["2025-03-14"])])).toEqual([]);
  });

  it("never reports the family itself, lists several by id with every match", () => {
    const me = family("m", { phone: "0612345678", email: "a@b.nl" }, ["2025-01-01"]);
    const found = possibleDuplicates(me, [
      me,
      family("z", { phone: "0612345678", email: "a@b.nl" }, ["2025-01-01"]),
      family("b", { email: "a@b.nl" }),
    ]);
    expect(found).toEqual([
      { familyId: "b", matches: ["EMAIL"] },
      { familyId: "z", matches: ["PHONE", "EMAIL", "NAME_AND_BIRTH_DATE"] },
    ]);
  });

  it("ignores empty and too-short phone numbers", () => {
    expect(possibleDuplicates(family("n", { phone: "12" }), [family("o", { firstName: "Q", phone: "12" })])).toEqual([]);
  });
});
