// Input checks shared by every mutation: sizes, shapes, plausible dates and ids of the right type.
// Bad input is a Refusal tied to its field, never a 500. Programme rules are not decided here but
// in packages/domain.
import { addYears, compareDates, type IsoDate } from "@homestart/domain";
import { invalidInput } from "./errors.ts";
import { idOfType } from "./global-ids.ts";
import { todayInNetherlands } from "./mappers.ts";
import { notFound } from "./mutations.ts";

// C0/C1 control characters other than tab and newline: never part of a name or a note.
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

// A lone UTF-16 surrogate is not text at all: PostgreSQL cannot store it (found by the fuzz test).
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const LIMITS = { name: 100, short: 200, note: 4000, email: 254, phone: 30, listItems: 20 } as const;

interface TextOptions {
  max: number;
  /** Allow line breaks (notes); names and codes are one line. */
  multiline?: boolean;
}

/** A required text: trimmed, not empty, within `max`, no control characters. */
export function requiredText(field: string, value: string, options: TextOptions): string {
  const text = optionalText(field, value, options);
  if (text === null) throw invalidInput(field, "Dit veld is verplicht.", "This field is required.");
  return text;
}

/** An optional text: null when empty after trimming. */
export function optionalText(field: string, value: string | null | undefined, { max, multiline = false }: TextOptions): string | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text.length === 0) return null;
  if (text.length > max) throw invalidInput(field, `Maximaal ${max} tekens.`, `At most ${max} characters.`);
  if (CONTROL.test(text) || LONE_SURROGATE.test(text) || (!multiline && /[\r\n\t]/.test(text))) {
    throw invalidInput(field, "Deze tekst bevat ongeldige tekens.", "This text contains characters that are not allowed.");
  }
  return text;
}

export function optionalEmail(field: string, value: string | null | undefined): string | null {
  const email = optionalText(field, value, { max: LIMITS.email });
  if (email === null) return null;
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    throw invalidInput(field, "Vul een geldig e-mailadres in.", "Enter a valid e-mail address.");
  return email.toLowerCase();
}

export function optionalPhone(field: string, value: string | null | undefined): string | null {
  const phone = optionalText(field, value, { max: LIMITS.phone });
  if (phone === null) return null;
  if (!/^\+?[0-9 ()-]{6,}$/.test(phone)) throw invalidInput(field, "Vul een geldig telefoonnummer in.", "Enter a valid phone number.");
  return phone;
}

/** A Dutch postcode, stored as "1234 AB". */
export function optionalPostcode(field: string, value: string | null | undefined): string | null {
  const raw = optionalText(field, value, { max: 10 });
  if (raw === null) return null;
  const m = /^([1-9][0-9]{3})\s?([A-Za-z]{2})$/.exec(raw);
  if (!m) throw invalidInput(field, "Vul een postcode in als 1234 AB.", "Enter a postcode like 1234 AB.");
  return `${m[1]} ${m[2]?.toUpperCase()}`;
}

/** Short codes in a list (languages, day parts): at most `LIMITS.listItems`, each from `allowed` when given. */
export function codeList(field: string, values: readonly string[], allowed?: readonly string[]): string[] {
  if (values.length > LIMITS.listItems) throw invalidInput(field, "Te veel waarden.", "Too many values.");
  const codes = [...new Set(values.map((v) => v.trim()))];
  for (const code of codes) {
    const ok = allowed ? allowed.includes(code) : /^[a-z]{2,3}$/.test(code);
    if (!ok) throw invalidInput(field, `Onbekende waarde: ${code.slice(0, 20)}.`, `Unknown value: ${code.slice(0, 20)}.`);
  }
  return codes;
}

interface DateOptions {
  /** Refuse dates after today (birth dates, visits, meetings held). */
  notInFuture?: boolean;
  /** How far ahead a date may lie, in years (default 5). */
  maxYearsAhead?: number;
}

/**
 * A calendar date within a plausible window: from 1900 until a few years ahead. The Date scalar
 * has already refused anything that is not a real calendar date.
 */
export function plausibleDate(field: string, value: string, { notInFuture = false, maxYearsAhead = 5 }: DateOptions = {}): IsoDate {
  const date = value as IsoDate;
  const today = todayInNetherlands();
  const latest = notInFuture ? today : addYears(today, maxYearsAhead);
  if (compareDates(date, "1900-01-01") < 0 || compareDates(date, latest) > 0) {
    throw notInFuture
      ? invalidInput(field, "Deze datum mag niet in de toekomst liggen.", "This date cannot be in the future.")
      : invalidInput(field, "Deze datum ligt buiten het mogelijke bereik.", "This date is out of range.");
  }
  return date;
}

/** A whole number within bounds. */
export function intInRange(field: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalidInput(field, `Vul een getal van ${min} tot en met ${max} in.`, `Enter a number from ${min} to ${max}.`);
  }
  return value;
}

/**
 * The database id inside a global id of `typename`. A malformed id, one of another type, and (checked
 * by the caller's scoped lookup) one outside the viewer's scope all answer the same "not found".
 */
export function requireId(field: string, globalId: string | number, typename: string): string {
  const id = idOfType(String(globalId), typename);
  if (id === null) throw notFound(undefined, field);
  return id;
}
