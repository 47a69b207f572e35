// Texts for the volunteer codes the API uses (statuses, day parts, age groups).
import type { SharedKey, Translate } from "@homestart/ui";
import type { VolunteerStatus } from "../../gql/graphql.ts";
import type { AppKey } from "../../i18n.ts";
import { label } from "../../labels.ts";

export const VOLUNTEER_STATUSES: VolunteerStatus[] = ["APPLICANT", "IN_TRAINING", "ACTIVE", "PAUSED", "STOPPED"];
export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export const DAY_PARTS = ["MORNING", "AFTERNOON", "EVENING"] as const;
export const EXPERIENCE_GROUPS = ["PREGNANCY", "0_3", "4_6", "7_12", "13_17"] as const;
/** The folder languages of seed 004 first; other codes can be typed. */
export const COMMON_LANGUAGES = ["nl", "en", "pl", "tr", "ar", "ti"] as const;

export function isVolunteerStatus(value: string | null): value is VolunteerStatus {
  return value !== null && (VOLUNTEER_STATUSES as string[]).includes(value);
}

type T = Translate<AppKey | SharedKey>;

/** "MON_MORNING" → "Maandag ochtend"; an unknown slot as it is. */
export function slotLabel(t: T, slot: string): string {
  const [day, part] = slot.split("_");
  return day && part && (WEEKDAYS as readonly string[]).includes(day) && (DAY_PARTS as readonly string[]).includes(part)
    ? `${label(t, "day", day)} ${label(t, "dayPart", part)}`
    : slot;
}

export function statusBadge(status: string): string {
  return status === "ACTIVE" ? "hs-badge hs-badge--ok" : status === "STOPPED" ? "hs-badge hs-badge--neutral" : "hs-badge";
}

/** "nl" → "Nederlands" / "Dutch", in the user's language; an unknown code as it is. */
export function languageName(code: string, locale: string): string {
  try {
    return new Intl.DisplayNames([locale], { type: "language" }).of(code) ?? code;
  } catch {
    return code;
  }
}
