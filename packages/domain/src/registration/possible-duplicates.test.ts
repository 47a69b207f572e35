import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type FamilyFingerprint,
  familyDuplicateKeys,
  normalisePhone,
  parentDuplicateKeys,
  possibleDuplicates,
} from "./possible-duplicates.ts";

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

  it("keys a parent as the rule compares them", () => {
    expect(parentDuplicateKeys({ firstName: "Zoë", lastName: "de  Vries", phone: "+31 6 1234 5678", email: " Zoe@Example.NL " })).toEqual({
      phoneKey: "0612345678",
      emailKey: "zoe@example.nl",
      nameKey: "zoe devries",
    });
    expect(parentDuplicateKeys({ firstName: "A", lastName: "B", phone: "12", email: null })).toEqual({
      phoneKey: null,
      emailKey: null,
      nameKey: "a b",
    });
  });

  it("gives the same answer from only the families that share a key as from all of them (what the API narrows by)", () => {
    // The API's SQL keeps another family when one of its parents has one of the family's phone,
    // e-mail or name keys; this is that filter, in JS.
    const sharesKey = (family: FamilyFingerprint, other: FamilyFingerprint) => {
      const own = familyDuplicateKeys(family);
      return other.parents.some((p) => {
        const k = parentDuplicateKeys(p);
        return (
          (k.phoneKey !== null && own.phoneKeys.includes(k.phoneKey)) ||
          (k.emailKey !== null && own.emailKeys.includes(k.emailKey)) ||
          own.nameKeys.includes(k.nameKey)
        );
      });
    };
    const parent = fc.record({
      firstName: fc.constantFrom("Zoë", "zoe", "Eva", "Ahmed", "Sanne "),
      lastName: fc.constantFrom("de Vries", "De  Vries", "Jansen", "El Amrani"),
      phone: fc.constantFrom(null, "", "12", "06-12345678", "+31 6 1234 5678", "0031612345678", "0687654321"),
      email: fc.constantFrom(null, "", "a@b.nl", " A@B.nl", "c@d.nl"),
    });
    const fingerprint = (id: string) =>
      fc.record({
        id: fc.constant(id),
        parents: fc.array(parent, { minLength: 1, maxLength: 2 }),
        childBirthDates: fc.array(fc.constantFrom("2024-01-01", "2025-03-14", "2023-07-30"), { maxLength: 2 }),
      });
    const families = fc
      .tuple(fingerprint("f"), fc.array(fc.integer({ min: 0, max: 99 }), { maxLength: 8 }))
      .chain(([f, ids]) => fc.tuple(fc.constant(f), fc.tuple(...[...new Set(ids)].map((i) => fingerprint(`o${i}`)))));
    fc.assert(
      fc.property(families, ([family, others]) => {
        expect(
          possibleDuplicates(
            family,
            others.filter((o) => sharesKey(family, o)),
          ),
        ).toEqual(possibleDuplicates(family, others));
      }),
    );
  });
});
