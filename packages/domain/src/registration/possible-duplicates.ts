import type { IsoDate } from "../shared/dates.ts";
import { compareText } from "../shared/order.ts";

/** What is compared to spot a family registered twice. */
export interface FamilyFingerprint {
  id: string;
  parents: ReadonlyArray<{ firstName: string; lastName: string; phone: string | null; email: string | null }>;
  childBirthDates: readonly IsoDate[];
}

export type DuplicateMatch = "PHONE" | "EMAIL" | "NAME_AND_BIRTH_DATE";

export interface PossibleDuplicate {
  familyId: string;
  matches: DuplicateMatch[];
}

/** Digits only, with a Dutch 06 and +31 6 / 0031 6 as the same number. */
export function normalisePhone(phone: string): string {
  const digits = phone.replace(/\D/g, "");
  if (digits.startsWith("0031")) return `0${digits.slice(4)}`;
  if (phone.trim().startsWith("+31")) return `0${digits.slice(2)}`;
  return digits;
}

const normaliseName = (name: string) =>
  name
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, "");

/**
 * Families that look like `family` registered again (issue 9: same phone, same e-mail, or the
 * same parent name with a child's birth date), for the coordinator's warning only: registering
 * twice is allowed (a parent and a referrer may both register), the coordinator decides.
 * Ordered by family id, each with what matched.
 */
export function possibleDuplicates(family: FamilyFingerprint, others: readonly FamilyFingerprint[]): PossibleDuplicate[] {
  const phones = new Set(family.parents.flatMap((p) => (p.phone ? [normalisePhone(p.phone)] : [])).filter((p) => p.length >= 6));
  const emails = new Set(family.parents.flatMap((p) => (p.email ? [p.email.trim().toLowerCase()] : [])));
  const names = new Set(family.parents.map((p) => `${normaliseName(p.firstName)} ${normaliseName(p.lastName)}`));
  const births = new Set(family.childBirthDates);
  const found: PossibleDuplicate[] = [];
  for (const other of others) {
    if (other.id === family.id) continue;
    const matches: DuplicateMatch[] = [];
    if (other.parents.some((p) => p.phone && phones.has(normalisePhone(p.phone)))) matches.push("PHONE");
    if (other.parents.some((p) => p.email && emails.has(p.email.trim().toLowerCase()))) matches.push("EMAIL");
    // The birth date first: it is a set lookup, and comparing names means normalising them.
    const sameBirth = other.childBirthDates.some((d) => births.has(d));
    if (sameBirth && other.parents.some((p) => names.has(`${normaliseName(p.firstName)} ${normaliseName(p.lastName)}`)))
      matches.push("NAME_AND_BIRTH_DATE");
    if (matches.length > 0) found.push({ familyId: other.id, matches });
  }
  return found.sort((a, b) => compareText(a.familyId, b.familyId));
}
