import {
  DEFAULT_READINESS_POLICY,
  type ReadinessPolicy,
  type VolunteerForReadiness,
  volunteerReadiness,
} from "../lifecycle/volunteer-readiness.ts";
import { ageOn, compareDates, type IsoDate } from "../shared/dates.ts";
import type { ExperienceAgeGroup, VolunteerStatus } from "../shared/enums.ts";
import { compareText } from "../shared/order.ts";
import { type Reason, reason } from "../shared/result.ts";

/**
 * Suggest volunteers for a family (seed 003: "vrijwilligers zijn voor een periode gekoppeld aan een
 * gezin"; seed 004: weekly home visits by volunteers with parenting experience, and folders in Dutch,
 * English, Polish, Turkish, Arabic and Tigrinya, so language matters). Only ready volunteers are
 * ranked; the others are listed with the reasons they are not ready, except those who have left
 * the programme (CANDIDATE_VOLUNTEER_STATUSES).
 */
export interface FamilyForMatching {
  id: string;
  municipalityCode: string;
  postcode: string | null;
  languages: readonly string[];
  children: readonly { bornOn?: IsoDate | null; expectedOn?: IsoDate | null }[];
  /** Day parts that suit the family (e.g. TUE_MORNING); empty or absent = no preference. */
  preferredSlots?: readonly string[];
}

export interface VolunteerForMatching extends VolunteerForReadiness {
  municipalityCode: string | null;
  postcode: string | null;
  languages: readonly string[];
  availability: readonly string[];
  experienceAgeGroups: readonly string[];
}

export interface MatchWeights {
  sharedLanguage: number;
  samePostcodeArea: number;
  sameMunicipality: number;
  sameRegion: number;
  perAvailableSlot: number;
  maxSlotsCounted: number;
  experienceAllAges: number;
  experienceSomeAges: number;
}

export const DEFAULT_MATCH_WEIGHTS: MatchWeights = {
  sharedLanguage: 3,
  samePostcodeArea: 3,
  sameMunicipality: 2,
  sameRegion: 1,
  perAvailableSlot: 1,
  maxSlotsCounted: 3,
  experienceAllAges: 2,
  experienceSomeAges: 1,
};

export interface ScoredReason extends Reason {
  points: number;
}

export interface RankedVolunteer {
  volunteerId: string;
  /** 1 = best; ties in score are broken by volunteer id. */
  rank: number;
  score: number;
  reasons: ScoredReason[];
}

export interface ExcludedVolunteer {
  volunteerId: string;
  reasons: Reason[];
}

export interface MatchSuggestions {
  ranked: RankedVolunteer[];
  excluded: ExcludedVolunteer[];
}

/**
 * The volunteers a family's match suggestions consider. STOPPED volunteers have left the
 * programme: listing them as "not ready" would bury the real candidates under years of former
 * volunteers (a location keeps every one it ever had). Loaders may ask only for these.
 */
export const CANDIDATE_VOLUNTEER_STATUSES: readonly VolunteerStatus[] = ["APPLICANT", "IN_TRAINING", "ACTIVE", "PAUSED"];

export interface SuggestOptions {
  weights?: MatchWeights;
  readinessPolicy?: ReadinessPolicy;
}

export function suggestVolunteers(
  family: FamilyForMatching,
  volunteers: readonly VolunteerForMatching[],
  today: IsoDate,
  options: SuggestOptions = {},
): MatchSuggestions {
  const weights = options.weights ?? DEFAULT_MATCH_WEIGHTS;
  const readinessPolicy = options.readinessPolicy ?? DEFAULT_READINESS_POLICY;
  const sorted = [...volunteers].sort((a, b) => compareText(a.id, b.id));
  const excluded: ExcludedVolunteer[] = [];
  const scored: Omit<RankedVolunteer, "rank">[] = [];
  const groups = childAgeGroups(family.children, today);
  for (const v of sorted) {
    if (!CANDIDATE_VOLUNTEER_STATUSES.includes(v.status)) continue;
    const ready = volunteerReadiness(v, today, readinessPolicy);
    if (!ready.ok) {
      excluded.push({ volunteerId: v.id, reasons: ready.reasons });
      continue;
    }
    const reasons = [
      languageScore(family, v, weights),
      areaScore(family, v, weights),
      availabilityScore(family, v, weights),
      experienceScore(groups, v, weights),
    ];
    scored.push({ volunteerId: v.id, score: reasons.reduce((s, r) => s + r.points, 0), reasons });
  }
  const ranked = scored
    .sort((a, b) => b.score - a.score || compareText(a.volunteerId, b.volunteerId))
    .map((s, index) => ({ ...s, rank: index + 1 }));
  return { ranked, excluded };
}

const scored = (points: number, code: string, nl: string, en: string): ScoredReason => ({ ...reason(code, nl, en), points });
const normalise = (s: string) => s.trim().toLowerCase();

export function languageScore(family: FamilyForMatching, v: VolunteerForMatching, w: MatchWeights): ScoredReason {
  const spoken = new Set(v.languages.map(normalise));
  const shared = [...new Set(family.languages.map(normalise))].filter((l) => spoken.has(l)).sort(compareText);
  if (shared.length === 0) return scored(0, "NO_SHARED_LANGUAGE", "Geen gedeelde taal.", "No shared language.");
  const list = shared.join(", ");
  return scored(w.sharedLanguage, "SHARED_LANGUAGE", `Spreekt de taal van het gezin: ${list}.`, `Speaks the family's language: ${list}.`);
}

/** The 4-digit area of a Dutch postcode ('1234 AB' → '1234'), or null. */
export function postcodeArea(postcode: string | null): string | null {
  const digits = postcode?.replace(/\s+/g, "").match(/^(\d{4})/);
  return digits?.[1] ?? null;
}

export function areaScore(family: FamilyForMatching, v: VolunteerForMatching, w: MatchWeights): ScoredReason {
  const fa = postcodeArea(family.postcode);
  const va = postcodeArea(v.postcode);
  if (fa !== null && fa === va) {
    return scored(
      w.samePostcodeArea,
      "SAME_POSTCODE_AREA",
      `Woont in hetzelfde postcodegebied (${fa}).`,
      `Lives in the same postcode area (${fa}).`,
    );
  }
  if (v.municipalityCode === family.municipalityCode) {
    return scored(w.sameMunicipality, "SAME_MUNICIPALITY", "Woont in dezelfde gemeente.", "Lives in the same municipality.");
  }
  if (fa !== null && va !== null && fa.slice(0, 2) === va.slice(0, 2)) {
    return scored(
      w.sameRegion,
      "NEARBY_REGION",
      `Woont in de buurt (postcode ${va.slice(0, 2)}..).`,
      `Lives nearby (postcode ${va.slice(0, 2)}..).`,
    );
  }
  return scored(0, "OTHER_AREA", "Woont niet in de buurt van het gezin.", "Does not live near the family.");
}

export function availabilityScore(family: FamilyForMatching, v: VolunteerForMatching, w: MatchWeights): ScoredReason {
  const preferred = family.preferredSlots ?? [];
  if (preferred.length === 0) {
    const n = v.availability.length;
    if (n === 0) return scored(0, "NO_AVAILABILITY_RECORDED", "Geen beschikbaarheid vastgelegd.", "No availability recorded.");
    return scored(
      Math.min(n, w.maxSlotsCounted) * w.perAvailableSlot,
      "AVAILABLE_SLOTS",
      `Beschikbaar op ${n} dagdeel/dagdelen.`,
      `Available for ${n} day part(s).`,
    );
  }
  const common = v.availability.filter((s) => preferred.includes(s)).sort(compareText);
  if (common.length === 0)
    return scored(0, "NO_COMMON_AVAILABILITY", "Geen dagdeel dat het gezin schikt.", "No day part that suits the family.");
  const list = common.join(", ");
  return scored(
    Math.min(common.length, w.maxSlotsCounted) * w.perAvailableSlot,
    "AVAILABILITY_MATCHES",
    `Beschikbaar wanneer het gezin kan: ${list}.`,
    `Available when the family can: ${list}.`,
  );
}

/** Experience groups the family's children fall in on `today` (an unborn child: PREGNANCY). */
export function childAgeGroups(children: FamilyForMatching["children"], today: IsoDate): ExperienceAgeGroup[] {
  const groups = new Set<ExperienceAgeGroup>();
  for (const c of children) {
    if (c.bornOn) {
      const group = ageGroup(ageOn(c.bornOn, today));
      if (group) groups.add(group);
    } else if (c.expectedOn) {
      groups.add(compareDates(c.expectedOn, today) >= 0 ? "PREGNANCY" : "0_3");
    }
  }
  return [...groups].sort(compareText);
}

function ageGroup(age: number): ExperienceAgeGroup | null {
  if (age < 0) return null;
  if (age <= 3) return "0_3";
  if (age <= 6) return "4_6";
  if (age <= 12) return "7_12";
  if (age <= 17) return "13_17";
  return null;
}

export function experienceScore(needed: readonly ExperienceAgeGroup[], v: VolunteerForMatching, w: MatchWeights): ScoredReason {
  const covered = needed.filter((g) => v.experienceAgeGroups.includes(g));
  const list = covered.join(", ");
  if (needed.length > 0 && covered.length === needed.length) {
    return scored(
      w.experienceAllAges,
      "EXPERIENCE_ALL_AGES",
      `Ervaring met alle leeftijden van de kinderen (${list}).`,
      `Experience with all the children's ages (${list}).`,
    );
  }
  if (covered.length > 0) {
    return scored(
      w.experienceSomeAges,
      "EXPERIENCE_SOME_AGES",
      `Ervaring met een deel van de leeftijden (${list}).`,
      `Experience with some of the ages (${list}).`,
    );
  }
  return scored(
    0,
    "NO_EXPERIENCE_WITH_AGES",
    "Geen ervaring met de leeftijden van de kinderen.",
    "No experience with the children's ages.",
  );
}
