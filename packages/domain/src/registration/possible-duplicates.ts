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
 * What of a parent is compared, normalised: the phone (null under 6 digits, too short to mean
 * anything), the e-mail and the name. Stored with each parent (Parent.phoneKey, emailKey,
 * nameKey) so the database can narrow a location's families to those sharing a key before
 * possibleDuplicates compares them; possibleDuplicates compares these same keys, so the stored
 * ones and the rule cannot drift apart.
 */
export interface ParentDuplicateKeys {
  phoneKey: string | null;
  emailKey: string | null;
  nameKey: string;
}

export function parentDuplicateKeys(parent: {
  firstName: string;
  lastName: string;
  phone: string | null;
  email: string | null;
}): ParentDuplicateKeys {
  const phone = parent.phone ? normalisePhone(parent.phone) : "";
  return {
    phoneKey: phone.length >= 6 ? phone : null,
    emailKey: parent.email ? parent.email.trim().toLowerCase() : null,
    nameKey: `${normaliseName(parent.firstName)} ${normaliseName(parent.lastName)}`,
  };
}

/** A parent as it is written: with its duplicate keys, so every write of a parent keeps them current. */
export function withDuplicateKeys<P extends { firstName: string; lastName: string; phone: string | null; email: string | null }>(
  parent: P,
): P & ParentDuplicateKeys {
  return { ...parent, ...parentDuplicateKeys(parent) };
}

/** The keys of a family's parents, as sets: what another family is looked up by. */
export function familyDuplicateKeys(family: Pick<FamilyFingerprint, "parents">): {
  phoneKeys: string[];
  emailKeys: string[];
  nameKeys: string[];
} {
  const keys = family.parents.map(parentDuplicateKeys);
  const present = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))];
  return {
    phoneKeys: present(keys.map((k) => k.phoneKey)),
    emailKeys: present(keys.map((k) => k.emailKey)),
    nameKeys: present(keys.map((k) => k.nameKey)),
  };
}

/**
 * Families that look like `family` registered again (issue 9: same phone, same e-mail, or the
 * same parent name with a child's birth date), for the coordinator's warning only: registering
 * twice is allowed (a parent and a referrer may both register), the coordinator decides.
 * Ordered by family id, each with what matched. `others` may be every family of the location or
 * only those sharing a key (familyDuplicateKeys): the answer is the same.
 */
export function possibleDuplicates(family: FamilyFingerprint, others: readonly FamilyFingerprint[]): PossibleDuplicate[] {
  const own = familyDuplicateKeys(family);
  const phones = new Set(own.phoneKeys);
  const emails = new Set(own.emailKeys);
  const names = new Set(own.nameKeys);
  const births = new Set(family.childBirthDates);
  const found: PossibleDuplicate[] = [];
  for (const other of others) {
    if (other.id === family.id) continue;
    const keys = other.parents.map(parentDuplicateKeys);
    const matches: DuplicateMatch[] = [];
    if (keys.some((k) => k.phoneKey !== null && phones.has(k.phoneKey))) matches.push("PHONE");
    if (keys.some((k) => k.emailKey !== null && emails.has(k.emailKey))) matches.push("EMAIL");
    if (other.childBirthDates.some((d) => births.has(d)) && keys.some((k) => names.has(k.nameKey))) matches.push("NAME_AND_BIRTH_DATE");
    if (matches.length > 0) found.push({ familyId: other.id, matches });
  }
  return found.sort((a, b) => compareText(a.familyId, b.familyId));
}
