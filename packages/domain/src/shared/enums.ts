/**
 * The string values of the database enums (prisma/schema.prisma), as TypeScript unions.
 * Kept here so the rules never import Prisma; the API passes the same strings through.
 */

export const FAMILY_STATUSES = ["REGISTERED", "INTAKE", "WAITING_FOR_MATCH", "ACTIVE", "CLOSED", "DECLINED", "NOT_ELIGIBLE"] as const;
export type FamilyStatus = (typeof FAMILY_STATUSES)[number];

export const CONSENT_TYPES = ["PROCESSING", "CONTACT_BY_COORDINATOR", "NOTIFY_REFERRER_START_END", "SHARE_DETAILS_WITH_REFERRER"] as const;
export type ConsentType = (typeof CONSENT_TYPES)[number];

export const CONSENT_ACTIONS = ["GRANTED", "WITHDRAWN"] as const;
export type ConsentAction = (typeof CONSENT_ACTIONS)[number];

export const LICENCE_STATUSES = ["APPLIED", "GRANTED", "ACTIVE", "SUSPENDED", "EXPIRED", "TERMINATED"] as const;
export type LicenceStatus = (typeof LICENCE_STATUSES)[number];

export const QUALITY_REVIEW_STATUSES = ["PLANNED", "PERFORMED", "CANCELLED"] as const;
export type QualityReviewStatus = (typeof QUALITY_REVIEW_STATUSES)[number];

// seed 000: "risicofactoren: psychisch, opvoedkundig, fysiek, woonomgeving, financieel, beperkt netwerk"
export const RISK_FACTORS = ["PSYCHOLOGICAL", "PARENTING", "PHYSICAL", "LIVING_ENVIRONMENT", "FINANCIAL", "LIMITED_NETWORK"] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

export const HOUSEHOLD_TYPES = ["SINGLE_PARENT", "TWO_PARENTS", "OTHER"] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

export const REGISTRATION_SOURCES = ["SELF", "REFERRER"] as const;
export type RegistrationSource = (typeof REGISTRATION_SOURCES)[number];

export const VOLUNTEER_STATUSES = ["APPLICANT", "IN_TRAINING", "ACTIVE", "PAUSED", "STOPPED"] as const;
export type VolunteerStatus = (typeof VOLUNTEER_STATUSES)[number];

export const NOTIFICATION_KINDS = ["START", "END"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export const CLOSURE_REASONS = [
  "GOALS_REACHED",
  "FAMILY_ENDED",
  "MOVED_AWAY",
  "REFERRED_TO_PROFESSIONAL_CARE",
  "NO_MATCH_POSSIBLE",
  "OTHER",
] as const;
export type ClosureReason = (typeof CLOSURE_REASONS)[number];

export const GOALS_REACHED_VALUES = ["ALL", "PARTLY", "NONE"] as const;
export type GoalsReached = (typeof GOALS_REACHED_VALUES)[number];

export const EVALUATION_KINDS = ["INTERIM", "FINAL"] as const;
export type EvaluationKind = (typeof EVALUATION_KINDS)[number];

export const WEEKDAYS = ["MON", "TUE", "WED", "THU", "FRI", "SAT", "SUN"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const DAY_PARTS = ["MORNING", "AFTERNOON", "EVENING"] as const;
export type DayPart = (typeof DAY_PARTS)[number];

/** Volunteer availability, e.g. MON_MORNING, TUE_AFTERNOON, WED_EVENING (Volunteer.availability). */
export const AVAILABILITY_SLOTS = WEEKDAYS.flatMap((d) => DAY_PARTS.map((p) => `${d}_${p}` as const));
export type AvailabilitySlot = `${Weekday}_${DayPart}`;

/** Age groups of children a volunteer has experience with (Volunteer.experienceAgeGroups). */
export const EXPERIENCE_AGE_GROUPS = ["PREGNANCY", "0_3", "4_6", "7_12", "13_17"] as const;
export type ExperienceAgeGroup = (typeof EXPERIENCE_AGE_GROUPS)[number];

/** Narrow an unknown string to one of the values of an enum list. */
export function isOneOf<const T extends readonly string[]>(values: T, value: string): value is T[number] {
  return (values as readonly string[]).includes(value);
}
